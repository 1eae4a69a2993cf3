import { describe, expect, it } from 'vitest';
import { assembleReport } from '../../../src/domain/audit-report/assemble.ts';
import { canonicalJson } from '../../../src/domain/audit-report/canonical-json.ts';
import { aggregateRows, parseCsv, validateRows } from '../../../src/domain/audit-report/external.ts';
import { renderReportHtml } from '../../../src/domain/audit-report/html.ts';
import { marginalize } from '../../../src/domain/audit-report/marginals.ts';
import { createRankingAccumulator } from '../../../src/domain/audit-report/ranking.ts';

describe('canonical JSON', () => {
  it('sorts keys at every level, drops undefined members, keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }, 2], e: undefined })).toBe(
      '{"a":[{"c":"x","d":null},2],"b":1}',
    );
    expect(canonicalJson({ z: 0.1 + 0.2, y: -0, x: 1e-7 })).toBe('{"x":1e-7,"y":0,"z":0.30000000000000004}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(RangeError);
  });
});

describe('marginalize cells', () => {
  const cells = [
    { values: ['f', 'rural'], n: 3 },
    { values: ['f', 'urban'], n: 4 },
    { values: ['m', null], n: 5 },
    { values: [null, 'rural'], n: 7 },
  ];
  const sum = (positions: number[]) =>
    marginalize(
      cells,
      positions,
      () => 0,
      (a, c) => a + c.n,
    );
  it('one attribute: unknowns are cells with null there', () => {
    expect(sum([0])).toEqual({
      groups: [
        { group: 'f', acc: 7 },
        { group: 'm', acc: 5 },
      ],
      unknown: 7,
    });
    expect(sum([1])).toEqual({
      groups: [
        { group: 'rural', acc: 10 },
        { group: 'urban', acc: 4 },
      ],
      unknown: 5,
    });
  });
  it('an intersection is unknown when either part is', () => {
    expect(sum([0, 1])).toEqual({
      groups: [
        { group: 'f × rural', acc: 3 },
        { group: 'f × urban', acc: 4 },
      ],
      unknown: 12,
    });
  });
});

describe('ranking accumulator (Geyik et al.)', () => {
  it('list a a b b, k = 2: skew ln(3/2) and ln(1/2) (Laplace α = 1); NDKL by hand; unknown items dropped', () => {
    const acc = createRankingAccumulator(['g'], 2);
    acc.addList([['a'], [null], ['a'], ['b'], ['b']]);
    const [s] = acc.summary();
    expect(s?.lists).toBe(1);
    expect(s?.meanMaxSkew).toBeCloseTo(Math.log(1.5), 14);
    expect(s?.meanMinSkew).toBeCloseTo(Math.log(0.5), 14);
    const kl3 = (2 / 3) * Math.log(4 / 3) + (1 / 3) * Math.log(2 / 3);
    const z = 1 + 1 / Math.log2(3) + 0.5 + 1 / Math.log2(5);
    expect(s?.meanNdkl).toBeCloseTo((Math.LN2 + Math.LN2 / Math.log2(3) + 0.5 * kl3) / z, 14);
    expect(s?.groups).toEqual([
      { group: 'a', lists: 1, meanSkew: Math.log(1.5) },
      { group: 'b', lists: 1, meanSkew: Math.log(0.5) },
    ]);
  });
  it('a list with no known value counts for nothing; empty summary is null', () => {
    const acc = createRankingAccumulator(['g'], 10);
    acc.addList([[null], [null]]);
    expect(acc.summary()).toEqual([
      {
        attribute: 'g',
        lists: 0,
        meanMinSkew: null,
        meanMaxSkew: null,
        meanNdkl: null,
        meanKl: null,
        meanJs: null,
        meanTotalVariation: null,
        smoothing: 'laplace 1',
        groups: [],
      },
    ]);
  });
});

describe('uploaded decision files', () => {
  it('parses quoted CSV, maps extra columns to groups, names bad fields by row index', () => {
    const rows = parseCsv(
      'subjectId,listId,rank,score,selected,outcome,gender\n"s,1",L,1,0.5,yes,applied,female\ns2,' +
        'L,,,0,,\r\ns3,L,x,0.1,maybe,none,male\n',
    );
    expect(rows[0]).toEqual({
      subjectId: 's,1',
      listId: 'L',
      rank: 1,
      score: 0.5,
      selected: true,
      outcome: 'applied',
      groups: { gender: 'female' },
    });
    const { rows: ok, errors } = validateRows(rows);
    expect(ok).toHaveLength(2);
    expect(ok[1]).toMatchObject({ rank: null, score: null, selected: false, outcome: 'none', groups: { gender: '' } });
    expect(errors.map((e) => [e.index, e.field])).toEqual([
      [2, 'rank'],
      [2, 'selected'],
    ]);
    expect(validateRows([]).errors).toEqual([{ index: -1, field: '(file)', message: 'no data rows' }]);
  });

  it('aggregates rows into cells: median of all scores, strict "above", unknowns as null', () => {
    const rows = validateRows([
      { subjectId: 'a', groups: { g: 'x' }, listId: 'L', rank: 1, score: 3, selected: true, outcome: 'hire' },
      { subjectId: 'b', groups: { g: 'x' }, listId: 'L', rank: 2, score: 2, selected: false, outcome: 'applied' },
      { subjectId: 'c', groups: { g: 'y' }, listId: 'L', rank: 3, score: 2, selected: false },
      { subjectId: 'd', groups: { g: 'unknown' }, listId: 'L', rank: 4, score: 1, selected: true },
    ]).rows;
    const agg = aggregateRows(rows, 2);
    expect(agg.selection.sampleMedian).toBe(2);
    const x = agg.selection.cells.find((c) => c.values[0] === 'x');
    expect(x).toMatchObject({
      n: 2,
      selected: 1,
      aboveMedian: 1,
      individuals: 2,
      impressions: 2,
      exposureSum: 1 + 1 / Math.log2(3),
      relevanceSum: 5,
    });
    expect(x?.score).toEqual({ n: 2, mean: 2.5, m2: 0.5 });
    expect(agg.selection.cells.find((c) => c.values[0] === null)?.n).toBe(1);
    expect(agg.funnel?.cells.find((c) => c.values[0] === 'x')).toMatchObject({
      shown: 2,
      applied: 2,
      interview: 1,
      offer: 1,
      hire: 1,
    });
  });

  it('the assembled report suppresses by people, lists exclusions, and renders an HTML page with SVG', () => {
    const rows = validateRows(
      Array.from({ length: 45 }, (_, i) => ({
        subjectId: `s${i}`,
        groups: { g: i < 20 ? 'x' : i < 40 ? 'y' : 'z' },
        listId: `L${i % 5}`,
        rank: Math.floor(i / 5) + 1,
        score: i % 4,
        selected: i < 20 ? i % 2 === 0 : i % 4 === 0,
      })),
    ).rows;
    const report = assembleReport(aggregateRows(rows, 3), {
      runId: 'r',
      tenantId: 't',
      auditDate: '2026-11-28T00:00:00.000Z',
      source: 'upload',
      sourceDescription: 'test',
      window: { from: null, to: null },
    });
    const g = report.groupings[0];
    // x: 10 of 20 selected; y: 5 of 20 (i = 20, 24, …, 36) → IR .25/.5 = .5; z has 5 people < 10 → excluded.
    expect(g?.selection?.value.rows.map((r) => [r.group, r.selected, r.n, r.impactRatio])).toEqual([
      ['x', 10, 20, 1],
      ['y', 5, 20, 0.5],
    ]);
    expect(g?.selection?.excluded).toEqual([
      { group: 'z', n: 5, reason: 'below-min-size', decisions: null, selected: null, rate: null },
    ]);
    expect(report.flags).toContainEqual(
      expect.objectContaining({ grouping: 'g', group: 'y', metric: 'selection', impactRatio: 0.5 }),
    );
    const html = renderReportHtml(report);
    expect(html).toContain('<svg');
    expect(html).toContain('uploaded file');
    expect(html).toContain('z (n = 5, below-min-size)');
  });
});
