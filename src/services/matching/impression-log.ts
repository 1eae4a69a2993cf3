import type { Logger } from '../../logger.ts';
import type { Database } from '../../storage/db.ts';
import { insertImpressions, type NewImpression } from '../../storage/impressions.repo.ts';

/** Where served lists are recorded. Node batches the writes; a Worker writes before the response ends. */
export interface ImpressionSink {
  record(database: Database, rows: NewImpression[]): Promise<void> | void;
  flush(): Promise<void>;
}

/** Writes immediately (the caller awaits it): for tests and per-request runtimes. */
export const directImpressionSink: ImpressionSink = {
  record: (database, rows) => insertImpressions(database.db, rows),
  flush: async () => {},
};

/**
 * Buffers impressions and writes them in batches a few milliseconds later, so recording costs a list
 * push on the request path. A failed write is retried on the next flush; flush() on shutdown drains it.
 */
export class BatchedImpressionLog implements ImpressionSink {
  readonly #pending = new Map<Database, NewImpression[]>();
  readonly #delayMs: number;
  readonly #logger: Logger;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #inFlight: Promise<void> = Promise.resolve();

  constructor(options: { delayMs?: number; logger: Logger }) {
    this.#delayMs = options.delayMs ?? 25;
    this.#logger = options.logger;
  }

  record(database: Database, rows: NewImpression[]): void {
    const list = this.#pending.get(database) ?? [];
    list.push(...rows);
    this.#pending.set(database, list);
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      void this.flush();
    }, this.#delayMs);
  }

  async flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    const run = this.#inFlight.then(async () => {
      for (const [database, rows] of [...this.#pending]) {
        this.#pending.delete(database);
        try {
          await insertImpressions(database.db, rows);
        } catch (error) {
          this.#logger.error('impressions_write_failed', {
            rows: rows.length,
            error: error instanceof Error ? error.message : String(error),
          });
          const back = this.#pending.get(database) ?? [];
          this.#pending.set(database, [...rows, ...back]);
          this.#timer ??= setTimeout(() => {
            this.#timer = null;
            void this.flush();
          }, 1_000);
        }
      }
    });
    this.#inFlight = run;
    await run;
  }
}
