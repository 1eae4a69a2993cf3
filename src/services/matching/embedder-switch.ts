import type { Embedder } from '../../domain/text/embedder.ts';
import type { Database } from '../../storage/db.ts';
import { embedderCoverage } from '../../storage/embeddings.repo.ts';
import { setActiveEmbedder } from './embedder-store.ts';
import { MatchingEngine, warmIndexes } from './engine.ts';
import type { IndexCompute } from './index-compute.ts';
import { precompute } from './precompute.ts';

export interface EmbedderSwitchStatus {
  /** reembedding: the old embedder serves while the new one's vectors are stored; switched: the new one serves. */
  state: 'reembedding' | 'indexing' | 'switched' | 'failed';
  from: string;
  to: string;
  /** Open postings and graduates processed so far, of `total` (counted when the switch began). */
  done: number;
  total: number;
  /** Vectors of the new embedder written so far (rows already current are not re-embedded). */
  embedded: number;
  percent: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

/** Where the serving engine lives: requests read `engine` anew each time, so one assignment switches them all. */
export interface EngineHolder {
  engine: MatchingEngine;
}

export interface EmbedderSwitchOptions {
  database: Database;
  holder: EngineHolder;
  /** The embedder to switch to; the holder's engine keeps serving with the old one until the switch. */
  target: Embedder;
  compute: () => Promise<IndexCompute>;
  say: (line: string) => void;
  /** Progress lines at most this often (default 10 s). */
  reportEveryMs?: number;
}

/**
 * A changed embedder, re-embedded in the background: the old embedder keeps serving (its vectors and, for the
 * queries, itself: a vector is only ever compared with vectors of the same model) while every open posting's and
 * graduate's vector of the new one is computed and stored in batches; then a new engine loads the new vectors (and
 * embeds whatever changed meanwhile), the holder's engine is replaced in one assignment, and the new embedder is
 * recorded as active. A request already running finishes on the engine it started with. On failure the old
 * embedder keeps serving and the status says why.
 */
export class EmbedderSwitch {
  readonly #options: EmbedderSwitchOptions;
  readonly #status: EmbedderSwitchStatus;

  constructor(options: EmbedderSwitchOptions) {
    this.#options = options;
    this.#status = {
      state: 'reembedding',
      from: options.holder.engine.embedder.id,
      to: options.target.id,
      done: 0,
      total: 0,
      embedded: 0,
      percent: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      error: null,
    };
  }

  status(): EmbedderSwitchStatus {
    return { ...this.#status };
  }

  /** Re-embeds, then switches; resolves when switched (or failed: never rejects, the status holds the error). */
  async run(): Promise<EmbedderSwitchStatus> {
    const { database, holder, target, say } = this.#options;
    const s = this.#status;
    const every = this.#options.reportEveryMs ?? 10_000;
    let compute: IndexCompute | undefined;
    try {
      const coverage = await embedderCoverage(database.db, target.id);
      s.total = coverage.posting.total + coverage.graduate.total;
      say(
        `embedder: re-embedding ${s.total} open postings and graduates with ${s.to} in the background; ` +
          `${s.from} serves until it is done (progress: GET /v1/admin/embedder)`,
      );
      compute = await this.#options.compute();
      let shown = performance.now();
      await precompute(database, target, compute, {
        progress: (p) => {
          s.done = p.rows;
          s.embedded = p.embedded;
          s.percent = s.total === 0 ? 100 : Math.min(100, Math.floor((100 * s.done) / s.total));
          if (performance.now() - shown >= every) {
            shown = performance.now();
            say(`embedder: re-embedding with ${s.to}: ${s.done}/${s.total} (${s.percent}%), ${s.embedded} embedded`);
          }
        },
      });
      s.state = 'indexing';
      s.percent = 100;
      const next = new MatchingEngine(target);
      const warmed = await warmIndexes(database, next);
      holder.engine = next;
      await setActiveEmbedder(database, target.id);
      s.state = 'switched';
      s.finishedAt = new Date().toISOString();
      say(
        `embedder: switched from ${s.from} to ${s.to} (${s.embedded} vectors embedded; ${warmed.postings} postings ` +
          `and ${warmed.graduates} graduates indexed)`,
      );
    } catch (error) {
      s.state = 'failed';
      s.error = error instanceof Error ? error.message : String(error);
      s.finishedAt = new Date().toISOString();
      say(`embedder: re-embedding with ${s.to} failed (${s.error}); ${s.from} keeps serving`);
    } finally {
      await compute?.close();
    }
    return this.status();
  }
}
