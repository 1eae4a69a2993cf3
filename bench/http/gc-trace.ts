/**
 * The service's garbage collections, read from its `--trace-gc` lines (one line a collection): how often the
 * main thread stopped for the collector while a workload ran, and for how long. Worker threads' collections
 * (another isolate) do not stop the requests' thread and are left out.
 */
export interface Collection {
  major: boolean;
  /** The pause the line reports, ms. */
  pauseMs: number;
  /** A major collection's incremental marking steps before its pause: their sum and the longest, ms. */
  stepsMs: number;
  biggestStepMs: number;
}

// `[pid:isolate]  time ms: Kind before (committed) -> after (committed) MB, pooled: n MB, pause / external ms` and,
// for a major one, `(+ steps ms in n steps since start of marking, biggest step m ms, …`.
const LINE = new RegExp(
  String.raw`^\[\d+:(0x[0-9a-f]+)\]\s+[\d.]+ ms: (Scavenge|Minor Mark-Sweep|Mark-Compact|Mark-Sweep)\b.*? MB, ` +
    String.raw`(?:pooled: [\d.]+ MB, )?([\d.]+) \/ [\d.]+ ms` +
    String.raw`(?:\s+\(\+ ([\d.]+) ms in \d+ steps? since start of marking, biggest step ([\d.]+) ms)?`,
);

/** Splits a child's stdout into trace-gc lines (collected) and the rest (passed on), across chunk boundaries. */
export class GcTrace {
  readonly collections: Collection[] = [];
  #isolate: string | undefined;
  #carry = '';

  /** Takes a chunk of stdout; returns its complete lines that are not the collector's. */
  take(chunk: string): string {
    const lines = (this.#carry + chunk).split('\n');
    this.#carry = lines.pop() ?? '';
    return lines.filter((line) => !this.#collect(line)).join('\n');
  }

  #collect(line: string): boolean {
    if (!line.startsWith('[')) return false;
    const m = LINE.exec(line);
    if (!m) return false;
    // The main thread allocates (and so collects) first.
    this.#isolate ??= m[1];
    if (m[1] !== this.#isolate) return true;
    this.collections.push({
      major: m[2] === 'Mark-Compact' || m[2] === 'Mark-Sweep',
      pauseMs: Number(m[3]),
      stepsMs: Number(m[4] ?? 0),
      biggestStepMs: Number(m[5] ?? 0),
    });
    return true;
  }
}

/** One line on a run's collections: how many of each kind, their pauses, a major one's marking steps. */
export function describeCollections(collections: readonly Collection[]): string {
  const minor = collections.filter((c) => !c.major);
  const major = collections.filter((c) => c.major);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const max = (xs: readonly number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
  const ms = (x: number) => x.toFixed(x >= 100 ? 0 : 1);
  const minorPauses = minor.map((c) => c.pauseMs).sort((a, b) => a - b);
  const median = minorPauses[Math.floor(minor.length / 2)] ?? 0;
  let line =
    `${minor.length} minor (pauses ${ms(sum(minorPauses))} ms in all, median ${ms(median)}, ` +
    `max ${ms(max(minorPauses))} ms)`;
  if (major.length > 0)
    line +=
      `, ${major.length} major (pauses ${ms(sum(major.map((c) => c.pauseMs)))} ms, marking steps ` +
      `${ms(sum(major.map((c) => c.stepsMs)))} ms, longest step ${ms(max(major.map((c) => c.biggestStepMs)))} ms)`;
  else line += ', no major';
  return line;
}

/** Total pause time of the collections (minor and major pauses and major marking steps), ms. */
export const gcStopMs = (collections: readonly Collection[]): number =>
  collections.reduce((sum, c) => sum + c.pauseMs + c.stepsMs, 0);
