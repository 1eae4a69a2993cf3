import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleReport } from '../../../src/domain/audit-report/assemble.ts';
import { aggregateRows, parseCsv, validateRows, type ExternalRow } from '../../../src/domain/audit-report/external.ts';
import { renderReportHtml } from '../../../src/domain/audit-report/html.ts';
import type { AuditReport } from '../../../src/domain/audit-report/report-types.ts';
import type { AuditAggregates, SelectionCell } from '../../../src/domain/audit-report/types.ts';
import { clusteredRateTest } from '../../../src/domain/fairness/clustered.ts';
import { mantelHaenszel } from '../../../src/domain/fairness/contingency.ts';
import { generalizedEntropyIndex } from '../../../src/domain/fairness/inequality.ts';
import { benjaminiHochberg, holmAdjust } from '../../../src/domain/fairness/multiplicity.ts';

const meta = {
  runId: 'r',
  tenantId: 't',
  auditDate: '2026-12-01T00:00:00.000Z',
  source: 'upload' as const,
  sourceDescription: 'test',
  window: { from: null, to: null },
};

/** n people of one group, each with `decisions` rows of which `selected` are selected. */
function people(
  group: Record<string, string>,
  count: number,
  decisions: number,
  selected: (person: number) => number,
  prefix: string,
): unknown[] {
  return Array.from({ length: count }).flatMap((_, p) =>
    Array.from({ length: decisions }, (_, d) => ({
      subjectId: `${prefix}${p}`,
      groups: group,
      listId: `L${d}`,
      rank: null,
      score: (p + d) % 7,
      selected: d < selected(p),
    })),
  );
}

const rowsOf = (raw: unknown[]): ExternalRow[] => {
  const { rows, errors } = validateRows(raw);
  expect(errors).toEqual([]);
  return rows;
};

describe('people, not only decisions', () => {
  // 12 women × 10 decisions, person p selected min(p, 3) times (0+1+2+3·9 = 30/120); 12 men × 10, alternately 8 and 2
  // times (60/120).
  const rows = rowsOf([
    ...people({ gender: 'female' }, 12, 10, (p) => Math.min(p, 3), 'f'),
    ...people({ gender: 'male' }, 12, 10, (p) => (p % 2 === 0 ? 8 : 2), 'm'),
  ]);
  const report = assembleReport(aggregateRows(rows, 10), meta);
  const sel = report.groupings[0]?.selection?.value;
  const female = sel?.rows.find((r) => r.group === 'female');

  it('each row has people and decisions; the flag tests the difference clustered by person', () => {
    expect(report.schema).toBe('bole.audit-report/2');
    expect(sel?.rows.map((r) => [r.group, r.people, r.n, r.selected])).toEqual([
      ['female', 12, 120, 30],
      ['male', 12, 120, 60],
    ]);
    // Independent computation from the per-person counts: women (10, min(p,3)), men (10, 8 or 2).
    const women = Array.from({ length: 12 }, (_, p) => Math.min(p, 3));
    const expected = clusteredRateTest(
      {
        decisions: 120,
        selected: 30,
        people: 12,
        sumN2: 1200,
        sumX2: women.reduce((s, x) => s + x * x, 0),
        sumXN: women.reduce((s, x) => s + 10 * x, 0),
      },
      { decisions: 120, selected: 60, people: 12, sumN2: 1200, sumX2: 6 * 64 + 6 * 4, sumXN: 10 * 60 },
    );
    expect(female?.clustered).toEqual(expected);
    expect(female?.clustered?.z).toBeLessThan(0);
    // The decision-level tests are still shown for comparison (they treat 240 decisions as independent).
    expect(female?.fisher?.oddsRatio).toBe((30 * 60) / (90 * 60));
    expect(female?.zTest?.pValue).toBeLessThan(female?.clustered?.pValue ?? 0);
  });

  it('Holm and BH run over every clustered test of the report; adverse uses Holm', () => {
    const all = report.groupings.flatMap((g) => [g.selection?.value, g.scoring?.value].flatMap((r) => r?.rows ?? []));
    const p = all.map((r) => r.clustered?.pValue ?? null);
    expect(report.multipleComparisons).toEqual({
      tests: p.filter((x) => x !== null).length,
      adverseMethod: 'holm',
      qValues: 'fdr_bh',
    });
    const holm = holmAdjust(p);
    const bh = benjaminiHochberg(p);
    all.forEach((r, i) => {
      expect(r.holmP).toBe(holm[i]);
      expect(r.bhQ).toBe(bh[i]);
      expect(r.adverse).toBe(r.flagged && (holm[i] ?? 1) < 0.05);
    });
    const flag = report.flags.find((f) => f.group === 'female' && f.metric === 'selection');
    expect(flag).toMatchObject({ people: 12, decisions: 120, holmP: female?.holmP, adverse: female?.adverse });
  });
});

/** A selection cell where every person made one decision. */
function cell(values: (string | null)[], n: number, selected: number, above = 0): SelectionCell {
  return {
    values,
    n,
    selected,
    aboveMedian: above,
    individuals: n,
    cluster: { sumN2: n, selectedSq: selected, selectedN: selected, aboveSq: above, aboveN: above },
    labels: null,
    score: { n, mean: 0.5, m2: 0 },
    impressions: n,
    exposureSum: n,
    relevanceSum: n,
  };
}

function aggregates(cells: SelectionCell[], extra: Partial<AuditAggregates> = {}): AuditAggregates {
  return {
    attributes: ['disability', 'regionOfOrigin'],
    protectedAttributes: ['disability', 'regionOfOrigin'],
    k: 10,
    categories: { disability: ['yes', 'no'], regionOfOrigin: ['east', 'central', 'west', 'northeast'] },
    selection: { cells, sampleMedian: 0.5 },
    recommendations: null,
    funnel: null,
    proxy: [],
    proxySampleFraction: 1,
    ranks: [],
    ranking: [],
    totals: { impressions: 0, candidateLists: 0, recommendationLists: 0, graduates: 0, consented: 0 },
    modelVersions: [],
    ...extra,
  };
}

describe('LL144 and Chinese grounds complete', () => {
  // 1,000 people: disability yes 4 (suppressed, < 10 people), no 960; region: east 600, central 330,
  // west 15 (≥ 10 people but 1.5 % < 2 %: excluded from the ratios, rate still shown), northeast none.
  // 36 people have unknown disability; 55 unknown region.
  const cells = [
    cell(['yes', 'east'], 4, 1, 2),
    cell(['no', 'east'], 560, 280, 300),
    cell(['no', 'central'], 330, 132, 150),
    cell(['no', 'west'], 15, 3, 6),
    cell([null, 'east'], 36, 10, 12),
    cell(['no', null], 55, 20, 25),
  ];
  const report = assembleReport(aggregates(cells), meta);
  const byKey = (key: string) => report.groupings.find((g) => g.key === key);

  it('every category is listed with its n; a binary ground keeps both rows, the small one marked suppressed', () => {
    const disability = byKey('disability');
    expect(disability?.selection?.value.rows.map((r) => r.group)).toEqual(['no']);
    expect(disability?.selection?.excluded).toEqual([
      { group: 'yes', n: 4, reason: 'below-min-size', decisions: null, selected: null, rate: null },
    ]);
    const region = byKey('regionOfOrigin');
    expect(region?.selection?.value.rows.map((r) => r.group)).toEqual(['central', 'east']);
    expect(region?.selection?.excluded.map((e) => [e.group, e.n, e.reason])).toEqual([
      ['northeast', 0, 'below-min-size'],
      ['west', 15, 'below-min-share'],
    ]);
  });

  it('a category under 2 % is excluded from the impact ratios but shown with its selection and scoring rate', () => {
    const region = byKey('regionOfOrigin');
    expect(region?.selection?.excluded.find((e) => e.group === 'west')).toEqual({
      group: 'west',
      n: 15,
      reason: 'below-min-share',
      decisions: 15,
      selected: 3,
      rate: 0.2,
    });
    expect(region?.scoring?.excluded.find((e) => e.group === 'west')?.rate).toBe(0.4);
  });

  it('unknowns are counted per attribute, not only where every attribute is unknown', () => {
    expect(report.totals.unknownByAttribute).toEqual([
      { attribute: 'disability', people: 36, decisions: 36 },
      { attribute: 'regionOfOrigin', people: 55, decisions: 55 },
    ]);
    expect(report.totals.unknownDecisions).toBe(0);
    expect(byKey('disability')?.selection).toMatchObject({ unknown: 36, unknownPeople: 36 });
  });

  it('the LL144 table in the page shows the excluded and suppressed rows, marked', () => {
    const html = renderReportHtml(report);
    expect(html).toContain('excluded: under 2 % of the data (LL144 §5-301(d))');
    expect(html).toContain('suppressed: too few people');
    expect(html).toMatch(/西部 west<\/td><td>15<\/td><td>15<\/td><td>0\.200<\/td>/);
  });
});

describe('a small group hidden from one table appears nowhere else in the report', () => {
  // Group "z" has 3 people: suppressed from the selection table, so it must not show up in exposure by
  // rank, ranking skew, proxy strength, the funnel or the outcome metrics either.
  const raw = [
    ...Array.from({ length: 40 }, (_, i) => ({
      subjectId: `s${i}`,
      groups: { g: i < 20 ? 'x' : 'y' },
      listId: `L${i % 4}`,
      rank: Math.floor(i / 4) + 1,
      score: (i % 5) / 4,
      selected: i % 3 === 0,
      outcome: i % 2 === 0 ? 'interview' : 'applied',
    })),
    ...Array.from({ length: 3 }, (_, i) => ({
      subjectId: `z${i}`,
      groups: { g: 'z' },
      listId: `L${i}`,
      rank: 1,
      score: 1,
      selected: true,
      outcome: 'hire',
    })),
  ];
  const report = assembleReport(aggregateRows(rowsOf(raw), 3), meta);

  it('z is listed as suppressed, with no figure but its head count', () => {
    const g = report.groupings[0];
    expect(g?.selection?.excluded).toEqual([
      { group: 'z', n: 3, reason: 'below-min-size', decisions: null, selected: null, rate: null },
    ]);
    expect(g?.funnel?.value.rows.map((r) => r.group)).toEqual(['x', 'y']);
    expect(g?.outcomes?.value.rows.map((r) => r.group)).toEqual(['x', 'y']);
  });

  it('exposure by rank, ranking skew and proxy strength leave z out', () => {
    expect(report.exposureByRank.ranks.every((r) => !('z' in r.shares))).toBe(true);
    // Rank 1 holds x (L0), x (L1), x (L2), x (L3) and three z: the shares are over x and y only.
    expect(report.exposureByRank.ranks[0]?.shares).toEqual({ x: 1 });
    expect(report.ranking.attributes[0]?.groups.map((g) => g.group)).toEqual(['x', 'y']);
    expect(report.proxyStrength.pairs[0]?.n).toBe(40);
    // The only places the value "z" appears anywhere in the report are the blocks' exclusion lists.
    const paths: string[] = [];
    const walk = (o: unknown, path: string) => {
      if (o === 'z') paths.push(path);
      if (o !== null && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
    };
    walk(report, '');
    expect(paths.sort()).toEqual(
      ['selection', 'scoring', 'meanScores', 'exposure', 'funnel', 'outcomes']
        .map((b) => `.groupings.0.${b}.excluded.0.group`)
        .sort(),
    );
  });
});

describe('uploads: label column, pos_label, weights, reference group, binary-score threshold, skew ε', () => {
  const csv =
    'subjectId,listId,rank,score,selected,hired,w,gender\n' +
    [
      // men: 4 labelled "yes" (3 selected), 4 "no" (1 selected); women: 4 "yes" (1 selected), 4 "no" (1 selected)
      ...['yes', 'yes', 'yes', 'yes', 'no', 'no', 'no', 'no'].map(
        (l, i) => `m${i},L,${i + 1},${i < 3 || i === 4 ? 1 : 0},${i < 3 || i === 4},${l},${i === 0 ? 3 : 1},male`,
      ),
      ...['yes', 'yes', 'yes', 'yes', 'no', 'no', 'no', 'no'].map(
        (l, i) => `f${i},L,${i + 9},${i === 0 || i === 4 ? 1 : 0},${i === 0 || i === 4},${l},1,female`,
      ),
    ].join('\n');
  const rows = rowsOf(parseCsv(csv, { label: 'hired', weight: 'w' }));

  it('the named label and weight columns are read; TPR/FPR by group against pos_label, weighted', () => {
    const aggs = aggregateRows(rows, 4, { posLabel: 'yes', scoreThreshold: 1 });
    const report = assembleReport(aggs, { ...meta, minGroupSize: 1, referenceGroup: 'male', scoreThreshold: 1 });
    const o = report.groupings[0]?.outcomes?.value;
    // male: TP 3 + 2 (weight 3 on m0) = 5, FN 1, FP 1, TN 3 → TPR 5/6, FPR 1/4; female: TPR 1/4, FPR 1/4.
    expect(o?.rows.map((r) => [r.group, r.tp, r.fn, r.fp, r.tn])).toEqual([
      ['female', 1, 3, 1, 3],
      ['male', 5, 1, 1, 3],
    ]);
    expect(o?.referenceGroup).toBe('male');
    expect(o?.rows[0]?.vsReference?.tprDifference).toBeCloseTo(0.25 - 5 / 6, 15);
    expect(o?.equalizedOdds).toEqual({ difference: 5 / 6 - 0.25, ratio: 0.25 / (5 / 6), reason: null });
    expect(o?.labelDefinition).toContain('pos_label "yes", weighted by the weight column');
    // Binary scores with scoreThreshold 1: scoring rate = share with score ≥ 1 (= selected here), not above the median
    // 0.
    expect(report.params.scoreThreshold).toBe(1);
    expect(report.groupings[0]?.scoring?.value.rows.map((r) => [r.group, r.selected])).toEqual([
      ['female', 2],
      ['male', 4],
    ]);
  });

  it('skew ε: a group absent from the top k gets ln(ε/q) instead of the Laplace value', () => {
    // List L ranks m0..m7 then f0..f7: the top 4 is all male; desired share of women 1/2.
    const eps = assembleReport(aggregateRows(rows, 4, { skewEpsilon: 1e-7 }), meta).ranking.attributes[0];
    expect(eps?.smoothing).toBe('epsilon 1e-7');
    expect(eps?.meanMinSkew).toBeCloseTo(Math.log(1e-7 / 0.5), 12);
    const laplace = assembleReport(aggregateRows(rows, 4), meta).ranking.attributes[0];
    expect(laplace?.meanMinSkew).toBeCloseTo(Math.log(1 / 3), 14);
    // KL(top 4 ‖ list) = 1·ln(1/0.5) = ln 2; JS and TV of {m: 1} vs {m: ½, f: ½}.
    expect(laplace?.meanKl).toBeCloseTo(Math.LN2, 14);
    expect(laplace?.meanTotalVariation).toBeCloseTo(0.5, 15);
  });
});

describe('uploads with strata: Mantel–Haenszel; score inequality', () => {
  // Stratum A: women 2 of 5 selected, men 3 of 5; stratum B: women 5 of 6, men 2 of 4. Overall women
  // 7/11 > men 5/9, so women are the reference and the tables are [[men], [women]] per stratum.
  const make = (stratum: string, gender: string, n: number, selected: number, offset: number) =>
    Array.from({ length: n }, (_, i) => ({
      subjectId: `${stratum}${gender}${i}`,
      groups: { gender },
      listId: stratum,
      rank: null,
      score: offset + i,
      selected: i < selected,
      stratum,
    }));
  const rows = rowsOf([
    ...make('A', 'female', 5, 2, 0),
    ...make('A', 'male', 5, 3, 1),
    ...make('B', 'female', 6, 5, 2),
    ...make('B', 'male', 4, 2, 3),
  ]);
  const report = assembleReport(aggregateRows(rows, 3), { ...meta, minGroupSize: 1 });

  it('each group vs the reference, CMH over the strata tables [[x_g, n_g − x_g], [x_ref, n_ref − x_ref]]', () => {
    const mh = report.groupings[0]?.mantelHaenszel;
    expect(mh?.convention).toBe('mantel-haenszel');
    const expected = mantelHaenszel([
      [
        [3, 2],
        [2, 3],
      ],
      [
        [2, 2],
        [5, 1],
      ],
    ]);
    expect(mh?.rows).toEqual([{ group: 'male', reference: 'female', ...expected }]);
    // By hand: Σa = 5, ΣE = 5·5/10 + 4·7/10 = 5.3, ΣVar = 5·5·5·5/900 + 4·6·7·3/900 = 0.69444… + 0.56.
    expect(expected.statistic).toBeCloseTo(0.3 ** 2 / (625 / 900 + 504 / 900), 14);
  });

  it('GE(2) from the pooled moments equals the direct index; Theil T and L from the raw scores', () => {
    const scores = rows.map((r) => r.score ?? 0);
    const si = report.scoreInequality;
    expect(si?.n).toBe(20);
    expect(si?.ge2).toBeCloseTo(generalizedEntropyIndex(scores, 2).value ?? Number.NaN, 13);
    expect(si?.theilT).toBe(generalizedEntropyIndex(scores, 1).value);
    // A zero score makes Theil L (ln 0) undefined.
    expect(si?.theilL).toBeNull();
  });
});

describe('reports of format /1 stay readable', () => {
  const v1 = JSON.parse(readFileSync(new URL('./fixtures/report-v1.json', import.meta.url), 'utf8')) as AuditReport & {
    schema: string;
  };
  it('a stored /1 report renders with its own figures and "—" for what /1 did not record', () => {
    expect(v1.schema).toBe('bole.audit-report/1');
    const html = renderReportHtml(v1);
    expect(html).toContain('偏差审计报告');
    expect(html).toContain('Fisher p (decisions)');
  });
});
