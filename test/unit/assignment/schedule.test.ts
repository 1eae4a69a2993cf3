import { describe, expect, it } from 'vitest';
import {
  interviewRates,
  missedRankings,
  missText,
  repairPlan,
  scheduleCsv,
  scheduleHtml,
  schedulePairs,
  slotsOf,
  solveOptimal,
  type ScheduleRow,
} from '../../../src/domain/assignment/index.ts';
import { problemOf, randomProblem, rng } from './helpers.ts';

describe('slotsOf', () => {
  it('cuts the window into slots and drops the ones that touch a break', () => {
    const slots = slotsOf({ window: { from: 540, to: 660 }, slotMinutes: 20, breaks: [{ from: 600, to: 620 }] });
    expect(slots.map((s) => s.from)).toEqual([540, 560, 580, 620, 640]);
  });
});

describe('schedulePairs', () => {
  it('never double-books a graduate or an interviewer, on 200 random plans', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const T = 2 + Math.floor(r() * 5);
      const interviewers = Array.from({ length: 2 + Math.floor(r() * 4) }, () => 1 + Math.floor(r() * 3));
      const base = randomProblem(seed, { n: 6 + Math.floor(r() * 20), m: interviewers.length });
      const problem = {
        ...base,
        demand: base.demand.map(() => 1 + Math.floor(r() * Math.min(T, 3))),
        capacity: interviewers.map((k) => k * T),
      };
      const { plan } = solveOptimal(problem);
      const timed = schedulePairs(plan.pairs, interviewers, T);
      expect(timed).toHaveLength(plan.pairs.length);
      const seen = new Set<string>();
      for (const x of timed) {
        expect(x.slot).toBeGreaterThanOrEqual(0);
        expect(x.slot).toBeLessThan(T);
        expect(x.interviewer).toBeLessThan(interviewers[x.booth] ?? 0);
        for (const key of [`g${x.graduate}@${x.slot}`, `b${x.booth}.${x.interviewer}@${x.slot}`]) {
          expect(seen.has(key), `seed ${seed} ${key}`).toBe(false);
          seen.add(key);
        }
      }
    }
  });
});

describe('missedRankings', () => {
  it('says higher_scored, capacity or time from the numbers', () => {
    const problem = problemOf(
      [
        [0.9, 0.8],
        [0.85, 0.1],
        [0.2, 0.95],
      ],
      { rankings: [[0], [0, 1], [0]], capacity: [1, 1], demand: [1, 1, 1] },
    );
    const pairs = [
      { graduate: 0, booth: 1 },
      { graduate: 1, booth: 0 },
      { graduate: 2, booth: 1 },
    ].slice(0, 2);
    const misses = missedRankings(problem, pairs);
    expect(misses.map((x) => [x.graduate, x.booth, x.reason])).toEqual([
      [0, 0, 'capacity'],
      [1, 1, 'higher_scored'],
      [2, 0, 'higher_scored'],
    ]);
    const higher = misses[2];
    if (!higher) throw new Error('missing');
    expect(higher.lowestAdmitted).toBe(0.85);
    expect(missText(higher, '华为')).toEqual({
      zh: '「华为」（第 1 志愿）的 1 个面试名额都给了匹配分更高的同学（最低 0.850，你的 0.200）。',
      en:
        '"华为" (your choice 1) gave all 1 interviews to graduates with higher match scores (lowest ' +
        '0.850; yours 0.200).',
    });
    const time = missedRankings(problemOf([[0.9, 0.8]], { rankings: [[0, 1]], capacity: [1, 2] }), [
      { graduate: 0, booth: 0 },
    ]);
    expect(time.map((x) => x.reason)).toEqual(['time']);
  });
});

describe('repairPlan', () => {
  it("fills a cancelled graduate's place with the best free graduate and moves nobody else", () => {
    const problem = problemOf(
      [
        [0.9, 0.1],
        [0.8, 0.7],
        [0.6, 0.2],
      ],
      { capacity: [2, 2], demand: [1, 1, 1] },
    );
    const plan = [
      { graduate: 0, booth: 0, slot: 0, interviewer: 0 },
      { graduate: 1, booth: 1, slot: 0, interviewer: 0 },
      { graduate: 2, booth: 0, slot: 1, interviewer: 0 },
    ];
    const { plan: next, changes } = repairPlan(problem, plan, [1, 1], 2, { kind: 'graduate', graduate: 0 });
    expect(changes.map((c) => [c.change, c.interview.graduate, c.interview.booth])).toEqual([['removed', 0, 0]]);
    expect(next).toEqual(plan.slice(1));
    const booth = repairPlan(problem, plan, [1, 1], 2, { kind: 'booth', booth: 1 });
    expect(booth.changes.map((c) => [c.change, c.interview.graduate, c.interview.booth, c.interview.slot])).toEqual([
      ['removed', 1, 1, 0],
    ]);
    const freed = repairPlan({ ...problem, demand: [1, 2, 1] }, plan, [1, 1], 2, { kind: 'booth', booth: 1 });
    expect(freed.changes.map((c) => [c.change, c.interview.graduate, c.interview.booth, c.interview.slot])).toEqual([
      ['removed', 1, 1, 0],
    ]);
  });

  it("gives a cancelled booth's graduate a free place elsewhere at a time they are free", () => {
    const problem = problemOf(
      [
        [0.9, 0.5],
        [0.8, 0.7],
      ],
      { capacity: [2, 1], demand: [1, 1] },
    );
    const plan = [
      { graduate: 0, booth: 0, slot: 0, interviewer: 0 },
      { graduate: 1, booth: 1, slot: 0, interviewer: 0 },
    ];
    const { changes } = repairPlan(problem, plan, [1, 1], 2, { kind: 'booth', booth: 1 });
    expect(changes.map((c) => [c.change, c.interview.graduate, c.interview.booth, c.interview.slot])).toEqual([
      ['removed', 1, 1, 0],
      ['added', 1, 0, 1],
    ]);
  });
});

describe('interviewRates', () => {
  it('computes rates and impact ratios and suppresses small groups', () => {
    const graduates = Array.from({ length: 30 }, (_, i) => i);
    const groupOf = (g: number) => (g < 12 ? 'western' : g < 26 ? 'eastern' : g < 28 ? 'central' : null);
    const pairs = graduates
      .filter((g) => (g < 12 ? g < 6 : g % 2 === 0 || g < 20))
      .map((graduate) => ({ graduate, booth: 0 }));
    const r = interviewRates('regionOfOrigin', graduates, groupOf, pairs);
    expect(r.unknownCount).toBe(2);
    expect(r.excluded).toEqual([{ group: 'central', n: 2, reason: 'below-min-size' }]);
    const eastern = r.groups.find((g) => g.group === 'eastern');
    const western = r.groups.find((g) => g.group === 'western');
    expect(eastern).toMatchObject({ n: 14, selected: 11 });
    expect(western).toMatchObject({ n: 12, selected: 6, rate: 0.5 });
    expect(western?.impactRatio).toBeCloseTo(0.5 / (11 / 14), 12);
    expect(western?.flagged).toBe(true);
  });
});

describe('schedule outputs', () => {
  const row: ScheduleRow = {
    graduateId: 'g1',
    graduateName: '<script>alert(1)</script>',
    boothId: 'b1',
    employerName: '=HYPERLINK("x")',
    room: 'A "厅"',
    table: '3',
    interviewer: 1,
    start: '09:00',
    end: '09:20',
    score: 0.8123456789,
    rank: 1,
  };
  it('escapes every stored string in the HTML page', () => {
    const html = scheduleHtml([row], 'graduate', { name: 'Fair & <b>', date: '2026-12-20', venue: 'Hall' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Fair &amp; &lt;b&gt;');
    expect(html).toContain('A &quot;厅&quot;');
  });
  it('quotes CSV cells and defuses formulas', () => {
    const csv = scheduleCsv([row], 'booth');
    expect(csv.split('\r\n')[1]).toBe(
      '<script>alert(1)</script>,"\'=HYPERLINK(""x"")","A ""厅""",3,1,09:00,09:20,0.812346,1,g1,b1',
    );
  });
});
