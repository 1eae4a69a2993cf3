import type { Embedder } from '../../domain/text/embedder.ts';
import type { Database } from '../../storage/db.ts';
import { loadActiveEmbedder } from './active-embedder.ts';
import { activeEmbedderId } from './embedder-store.ts';
import type { EmbedderSwitchStatus, EngineHolder } from './embedder-switch.ts';
import { MatchingEngine, warmIndexes } from './engine.ts';

export interface EmbedderFollowOptions {
  database: Database;
  holder: EngineHolder & { embedderSwitch?: { status(): EmbedderSwitchStatus } };
  /** Embedders this process already holds (its configured one), used before loading one by the recorded id. */
  known?: Embedder[];
  say: (line: string) => void;
}

export type FollowOutcome = 'same' | 'busy' | 'switched' | 'unavailable' | 'failed';

/**
 * Makes a replica follow an embedder switch another replica completed: the replica that re-embedded records the new
 * embedder as active in the database (service_settings) only once every vector of it is stored, so any other replica
 * that sees the recorded id differ from the one it serves builds an engine on the stored vectors (embedding only
 * rows changed meanwhile) while the old engine keeps serving, then swaps with one assignment, as the switching
 * replica did. `check()` is one primary-key read when nothing changed; the Node entry calls it on a timer.
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
  check(): Promise<FollowOutcome> {
    this.#running ??= this.#check().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #check(): Promise<FollowOutcome> {
    const { database, holder, say } = this.#options;
    const active = await activeEmbedderId(database);
    const serving = holder.engine.embedder.id;
    if (active === undefined || active === serving) return 'same';
    // This replica is re-embedding itself: its own switch records the id and swaps.
    const own = holder.embedderSwitch?.status().state;
    if (own === 'reembedding' || own === 'indexing') return 'busy';
    if (this.#unavailable.has(active)) return 'unavailable';
    try {
      const embedder = this.#options.known?.find((e) => e.id === active) ?? (await loadActiveEmbedder(database));
      if ('unavailable' in embedder || embedder.id !== active) {
        this.#unavailable.add(active);
        const why = 'unavailable' in embedder ? embedder.unavailable : `the database now records ${embedder.id}`;
        say(
          `embedder: another replica switched to ${active}, which this process cannot run (${why}); ${serving} serves`,
        );
        return 'unavailable';
      }
      say(`embedder: another replica switched to ${active}; indexing its stored vectors while ${serving} serves`);
      const next = new MatchingEngine(embedder);
      const warmed = await warmIndexes(database, next);
      holder.engine = next;
      say(
        `embedder: switched from ${serving} to ${active} as recorded in the database (${warmed.postings} postings ` +
          `and ${warmed.graduates} graduates indexed in ${warmed.seconds.toFixed(1)} s)`,
      );
      return 'switched';
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      say(`embedder: following the switch to ${active} failed (${why}); ${serving} serves, retried on the next check`);
      return 'failed';
    }
  }
}
