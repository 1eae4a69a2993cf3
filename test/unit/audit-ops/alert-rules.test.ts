import { describe, expect, it } from 'vitest';
import { evaluateReport, hoeffdingTwoSampleP } from '../../../src/domain/audit-ops/alert-rules.ts';
import type { AuditReport, GroupingReport } from '../../../src/domain/audit-report/report-types.ts';
import type { GroupExposure } from '../../../src/domain/fairness/exposure.ts';

describe('hoeffdingTwoSampleP = min(1, 2·exp(−2d²/(1/n₁ + 1/n₂)))', () => {
  it.each([
    // d = 0.1, n = 100 each: 2·exp(−0.02/0.02) = 2/e.
    [0.1, 100, 100, 2 / Math.E],
    // d = 0.5, n = 10 each: 2·exp(−0.5/0.2) = 2·e^−2.5.
    [0.5, 10, 10, 2 * Math.exp(-2.5)],
    // d = 0.2, n₁ = 50, n₂ = 200: 1/50 + 1/200 = 0.025, 2·exp(−0.08/0.025) = 2·e^−3.2.
    [0.2, 50, 200, 2 * Math.exp(-3.2)],
    [0, 100, 100, 1],
    [0.1, 0, 100, 1],
  ])('d=%f n1=%i n2=%i', (d, n1, n2, p) => expect(hoeffdingTwoSampleP(d, n1, n2)).toBeCloseTo(p, 15));
});

const exposureGroup = (group: string, n: number, exposure: number, meanRelevance: number): GroupExposure => ({
  group,
  n,
  exposure,
  meanRelevance,
  exposurePerRelevance: exposure / meanRelevance,
  reason: null,
});

/** A report with one grouping and only an exposure block (the rest empty), enough for the rules. */
function report(groups: GroupExposure[], minGroup: string, maxGroup: string, ratio: number | null): AuditReport {
  const grouping: GroupingReport = {
    key: 'gender',
    attributes: ['gender'],
    kind: 'single',
    selection: null,
    scoring: null,
    meanScores: null,
    recommendationQuality: null,
    funnel: null,
    outcomes: null,
    exposure: {
      convention: 'exposure',
      excluded: [],
      unknown: 0,
      unknownPeople: 0,
      value: {
        groups,
        disparity: {
          minMaxRatio: { value: ratio, reason: ratio === null ? 'zero-relevance' : null },
          minGroup,
          maxGroup,
        },
      },
    },
  };
  return {
    params: { minGroupSize: 10, minShare: 0.02, threshold: 0.8, significance: 0.05 },
    groupings: [grouping],
    flags: [],
  } as unknown as AuditReport;
}

describe('exposure disparity rule', () => {
  it('alerts when E/U ratio < 0.8 and the exposure gap is significant by Hoeffding', () => {
    // Equal relevance .5; exposure .2 vs .4 over 400 impressions each: ratio .5, d = .2, p = 2·e^(−2·.04·200) =
    // 2·e^−16.
    const alerts = evaluateReport(
      report([exposureGroup('f', 400, 0.2, 0.5), exposureGroup('m', 400, 0.4, 0.5)], 'f', 'm', 0.5),
    );
    expect(alerts).toEqual([
      {
        kind: 'exposure_disparity',
        grouping: 'gender',
        group: 'f',
        metric: 'exposure',
        figures: expect.objectContaining({
          disparateTreatmentRatio: 0.5,
          referenceGroup: 'm',
          impressions: 400,
          referenceImpressions: 400,
        }),
      },
    ]);
    expect(alerts[0]?.figures.hoeffdingP).toBeCloseTo(2 * Math.exp(-16), 20);
  });

  it(
    'stays silent when the gap is not significant, when the ratio is ≥ 0.8 or undefined, and ' +
      'when the low group is not shown lower',
    () => {
      // Same gap over 20 impressions each: p = 2·e^(−2·.04·10) = 2·e^−0.8 ≈ 0.90.
      expect(
        evaluateReport(report([exposureGroup('f', 20, 0.2, 0.5), exposureGroup('m', 20, 0.4, 0.5)], 'f', 'm', 0.5)),
      ).toEqual([]);
      expect(
        evaluateReport(report([exposureGroup('f', 400, 0.36, 0.5), exposureGroup('m', 400, 0.4, 0.5)], 'f', 'm', 0.9)),
      ).toEqual([]);
      expect(
        evaluateReport(report([exposureGroup('f', 400, 0.2, 0.5), exposureGroup('m', 400, 0.4, 0.5)], 'f', 'm', null)),
      ).toEqual([]);
      // f gets the same exposure as m but has twice the relevance: E/U ratio .5, yet no exposure gap to test.
      expect(
        evaluateReport(report([exposureGroup('f', 400, 0.4, 1), exposureGroup('m', 400, 0.4, 0.5)], 'f', 'm', 0.5)),
      ).toEqual([]);
    },
  );
});
