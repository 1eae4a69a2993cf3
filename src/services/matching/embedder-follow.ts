import type { Embedder } from '../../domain/text/embedder.ts';
import type { Database } from '../../storage/db.ts';
import { loadActiveEmbedder } from './active-embedder.ts';
import { activeEmbedderId } from './embedder-store.ts';
import type { EmbedderSwitchStatus, EngineHolder } from './embedder-switch.ts';
import { MatchingEngine, warmIndexes } from './engine.ts';

/** Rebuilds the embedder the database records as active (`id`), or says why this process cannot run it. */
export type RecordedEmbedderLoader = (database: Database, id: string) => Promise<Embedder | { unavailable: string }>;

export interface EmbedderFollowOptions {
  holder: EngineHolder & { embedderSwitch?: { status(): EmbedderSwitchStatus } };
  /** Embedders this process already holds (its configured one), used before loading one by the recorded id. */
  known?: Embedder[];
  /** Default: a stored LSA model or this build's supervised one (loadActiveEmbedder). */
  load?: RecordedEmbedderLoader;
  /**
   * 'warm' (default): every tenant's indexes are built on the stored vectors before the swap, while the old engine
   * serves. 'lazy': the new engine serves at once and builds a tenant's indexes on its first list, as a process
   * started with it does (a Worker isolate, which can only work while it answers a request).
   */
  indexes?: 'warm' | 'lazy';
  say: (line: string) => void;
}

export type FollowOutcome = 'same' | 'busy' | 'switched' | 'unavailable' | 'failed';

/**
 * Makes a replica follow an embedder switch another replica completed: the replica that re-embedded records the new
 * embedder as active in the database (service_settings) only once every vector of it is stored, so any other replica
 * that sees the recorded id differ from the one it serves builds an engine on the stored vectors (embedding only
 * rows changed meanwhile) while the old engine keeps serving, then swaps with one assignment, as the switching
 * replica did. `check()` is one primary-key read when nothing changed; the Node entry calls it on a timer, a Worker
 * on a request (followingMatching).
 */
export class EmbedderFollower {
  readonly #options: EmbedderFollowOptions;
  #running: Promise<FollowOutcome> | undefined;
  /** Ids this process cannot run, said once each. */
  readonly #unavailable = new Set<string>();

  constructor(options: EmbedderFollowOptions) {
    this.#options = options;
  }

  /** Follows the recorded active embedder if it differs; concurrent calls share one run. */
  check(database: Database): Promise<FollowOutcome> {
    this.#running ??= this.#check(database).finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #check(database: Database): Promise<FollowOutcome> {
    const { holder, say, load = (db: Database) => loadActiveEmbedder(db) } = this.#options;
    const serving = holder.engine.embedder.id;
    let active: string | undefined;
    try {
      active = await activeEmbedderId(database);
      if (active === undefined || active === serving) return 'same';
      // This replica is re-embedding itself: its own switch records the id and swaps.
      const own = holder.embedderSwitch?.status().state;
      if (own === 'reembedding' || own === 'indexing') return 'busy';
      if (this.#unavailable.has(active)) return 'unavailable';
      const embedder = this.#options.known?.find((e) => e.id === active) ?? (await load(database, active));
      if ('unavailable' in embedder || embedder.id !== active) {
        this.#unavailable.add(active);
        const why = 'unavailable' in embedder ? embedder.unavailable : `the database now records ${embedder.id}`;
        say(
          `embedder: another replica switched to ${active}, which this process cannot run (${why}); ${serving} serves`,
        );
        return 'unavailable';
      }
      const next = new MatchingEngine(embedder);
      if (this.#options.indexes === 'lazy') {
        holder.engine = next;
        say(
          `embedder: switched from ${serving} to ${active} as recorded in the database (each tenant's indexes are ` +
            `built on its stored vectors at its next list)`,
        );
        return 'switched';
      }
      say(`embedder: another replica switched to ${active}; indexing its stored vectors while ${serving} serves`);
      const warmed = await warmIndexes(database, next);
      holder.engine = next;
      say(
        `embedder: switched from ${serving} to ${active} as recorded in the database (${warmed.postings} postings ` +
          `and ${warmed.graduates} graduates indexed in ${warmed.seconds.toFixed(1)} s)`,
      );
      return 'switched';
    } catch (error) {
      // A failed read too: the Node entry's timer has nobody to hand a rejection to.
      const why = error instanceof Error ? error.message : String(error);
      const to = active === undefined ? 'reading the active embedder' : `following the switch to ${active}`;
      say(`embedder: ${to} failed (${why}); ${serving} serves, retried on the next check`);
      return 'failed';
    }
  }
}
