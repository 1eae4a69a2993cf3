import type { StoredEmbeddings } from '../../storage/embeddings.repo.ts';
import type { StoredDerivations } from '../../storage/index-derivations.repo.ts';

/**
 * What one first load of a tenant's index did, for the start-up log: where its wall time went. The reads run
 * ahead of the indexing (the next page is read while this one is indexed), so `readMs` overlaps `indexMs`; the
 * part of the reads the indexing did not hide is `waitMs`, the indexer idle. wallMs ≈ waitMs + indexMs.
 */
export interface LoadReport {
  side: 'postings' | 'graduates';
  tenantId: string;
  rows: number;
  pages: number;
  wallMs: number;
  /** The process's CPU time (user + system, every thread: the garbage collector's too) over the load. */
  cpuMs: number | null;
  /** The page reads' round trips, summed (several may be in flight at once). */
  readMs: number;
  /** The indexer waiting for a page not yet read. */
  waitMs: number;
  /** Indexing pages: stored derivations decoded, rows upserted (stale rows derived and embedded). */
  indexMs: number;
  /** Characters of stored derivations and bytes of stored vectors read (most of what the reads carry). */
  storedBytes: number;
  /** Set when the load ran in a worker thread: cpuMs is then that thread's alone. */
  thread?: 'worker';
}

export type LoadObserver = (report: LoadReport) => void;

/**
 * CPU microseconds of this process where the runtime tells them (Node); null elsewhere: a Worker isolate has a
 * `process.cpuUsage` (nodejs_compat) that throws "not implemented".
 */
const cpuMicros = (): number | null => {
  const runtime = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  try {
    const usage = runtime?.cpuUsage?.();
    return usage ? usage.user + usage.system : null;
  } catch {
    return null;
  }
};

/** Accumulates one load's LoadReport. */
export class LoadMeter {
  readonly #started = performance.now();
  readonly #cpu0 = cpuMicros();
  readonly #report: LoadReport;

  constructor(side: LoadReport['side'], tenantId: string) {
    this.#report = {
      side,
      tenantId,
      rows: 0,
      pages: 0,
      wallMs: 0,
      cpuMs: null,
      readMs: 0,
      waitMs: 0,
      indexMs: 0,
      storedBytes: 0,
    };
  }

  /** Runs a page read, adding its round trip to readMs. */
  async read<T>(run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.#report.readMs += performance.now() - started;
    }
  }

  /** Awaits a page read started before, adding the time the indexer waited for it to waitMs. */
  async wait<T>(page: Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await page;
    } finally {
      this.#report.waitMs += performance.now() - started;
    }
  }

  /** Indexes a page, adding its time to indexMs and the rows `run` says it indexed to rows. */
  async index(run: () => Promise<number>): Promise<void> {
    const started = performance.now();
    try {
      this.#report.rows += await run();
    } finally {
      this.#report.indexMs += performance.now() - started;
      this.#report.pages++;
    }
  }

  addStored(n: number): void {
    this.#report.storedBytes += n;
  }

  finish(): LoadReport {
    const cpu = cpuMicros();
    return {
      ...this.#report,
      wallMs: performance.now() - this.#started,
      cpuMs: cpu === null || this.#cpu0 === null ? null : (cpu - this.#cpu0) / 1000,
    };
  }
}

/** Characters of stored derivations and bytes of vectors a page read carried (most of what it reads). */
export function storedSize(derivations: StoredDerivations, vectors: StoredEmbeddings): number {
  let n = 0;
  for (const d of derivations.values()) n += d.derived.length;
  for (const v of vectors.values()) n += v.vector.byteLength;
  return n;
}

/**
 * A first load's pages: page i read by `read(i)`, up to `depth` reads in flight ahead of the indexing, each page
 * indexed in order by `index` (which says how many rows it indexed), so the database's work overlaps this
 * process's and the pages' rows arrive in the order they are read.
 */
export async function loadPages<P>(
  meter: LoadMeter,
  count: number,
  read: (page: number) => Promise<P>,
  index: (page: P) => Promise<number>,
  depth: number,
): Promise<void> {
  const ahead: Array<Promise<P>> = [];
  let next = 0;
  const start = () => {
    const i = next++;
    const reading = meter.read(() => read(i));
    // Awaited in turn; a failure while an earlier page is indexed must not leave its rejection unhandled.
    reading.catch(() => {});
    ahead.push(reading);
  };
  while (next < count && ahead.length < depth) start();
  for (let reading = ahead.shift(); reading !== undefined; reading = ahead.shift()) {
    const page = await meter.wait(reading);
    if (next < count) start();
    await meter.index(() => index(page));
  }
}

/** A report's fields for a log line, times in whole milliseconds. */
export const roundedLoad = (r: LoadReport): Record<string, string | number | null> => ({
  ...r,
  wallMs: Math.round(r.wallMs),
  cpuMs: r.cpuMs === null ? null : Math.round(r.cpuMs),
  readMs: Math.round(r.readMs),
  waitMs: Math.round(r.waitMs),
  indexMs: Math.round(r.indexMs),
});
