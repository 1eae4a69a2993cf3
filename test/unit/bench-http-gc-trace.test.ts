import { describe, expect, it } from 'vitest';
import { describeCollections, GcTrace, gcStopMs } from '../../bench/http/gc-trace.ts';

// Lines as Node 24's --trace-gc prints them (a service run on the 100k + 100k database).
const main = '[16013:0x35494000]';
const scavenge = (ms: string) =>
  `${main}   166823 ms: Scavenge 996.9 (1241.4) -> 949.9 (1240.3) MB, pooled: 104 MB, ${ms} / 0.02 ms  ` +
  '(average mu = 0.915, current mu = 0.944) task; ';
const major =
  `${main}   511259 ms: Mark-Compact 948.9 (1073.1) -> 911.2 (1073.6) MB, pooled: 0 MB, 81.21 / 0.01 ms  ` +
  '(+ 2946.6 ms in 51 steps since start of marking, biggest step 162.6 ms, walltime since start of marking ' +
  '3367 ms) (average mu = 0.985, current mu = 0.990) finalize incremental marking via stack guard; GC in old space ' +
  'requested';
const worker =
  '[16013:0x7f7f0c001000]   106748 ms: Mark-Compact (reduce) 31.5 (64.0) -> 30.1 (31.7) MB, pooled: 0 MB, ' +
  '146.18 / 0.00 ms  (+ 14.6 ms in 65 steps since start of marking, biggest step 11.6 ms, walltime since start of ' +
  'marking 177 ms) (average mu = 0.998, current mu = 0.998) finalize incremental marking via task';

describe("bench:http's reading of the service's --trace-gc lines", () => {
  it("keeps the main thread's collections, passes every other line on, and joins lines split across chunks", () => {
    const trace = new GcTrace();
    const text = [scavenge('35.89'), '{"level":"info","msg":"ready"}', worker, major, scavenge('12.50'), ''].join('\n');
    let passed = '';
    for (let i = 0; i < text.length; i += 37) passed += trace.take(text.slice(i, i + 37));
    expect(passed).toBe('{"level":"info","msg":"ready"}');
    expect(trace.collections).toEqual([
      { major: false, pauseMs: 35.89, stepsMs: 0, biggestStepMs: 0 },
      { major: true, pauseMs: 81.21, stepsMs: 2946.6, biggestStepMs: 162.6 },
      { major: false, pauseMs: 12.5, stepsMs: 0, biggestStepMs: 0 },
    ]);
    expect(gcStopMs(trace.collections)).toBeCloseTo(35.89 + 81.21 + 2946.6 + 12.5, 6);
    expect(describeCollections(trace.collections)).toBe(
      '2 minor (pauses 48.4 ms in all, median 35.9, max 35.9 ms), ' +
        '1 major (pauses 81.2 ms, marking steps 2947 ms, longest step 163 ms)',
    );
  });
});
