import type { Embedder } from '../../domain/text/embedder.ts';
import type { Database } from '../../storage/db.ts';
import { memoiseWithRetry } from '../memoise.ts';
import { loadActiveEmbedder, loadSupervisedEmbedder, type SupervisedModelLoader } from './active-embedder.ts';
import type { MatchingDeps, MatchingProvider } from './deps.ts';
import { EmbedderFollower, type RecordedEmbedderLoader } from './embedder-follow.ts';
import { activeEmbedderId } from './embedder-store.ts';
import { embedderKind, MatchingEngine } from './engine.ts';

export interface FollowingMatchingOptions {
  /** The embedder the configuration names (EMBEDDER and its settings), loaded only when the recorded one is not. */
  configured: (database: Database) => Promise<Embedder>;
  /** The kind EMBEDDER names (lsa, supervised, …): serving the recorded embedder of another kind is said once. */
  configuredKind?: string;
  /** Where this build's supervised model comes from. */
  supervisedModel?: SupervisedModelLoader;
  /** What every request's matching holds besides the engine. */
  deps: Omit<MatchingDeps, 'engine'>;
  /** The recorded active embedder is read at most this often, by the first request after the interval. */
  followEveryMs: number;
  /** Milliseconds since the epoch (default Date.now). */
  now?: () => number;
  say: (line: string) => void;
}

/**
 * Matching for a process that only runs while it answers a request (a Worker isolate: no timer fires between
 * requests). It serves the embedder the database records as active whenever it can run it (a stored LSA model, this
 * build's supervised model, or the configured embedder when that is the recorded one), as every Node replica does,
 * so its lists are scored with the vectors the database holds; the configured one only when the recorded one is
 * absent or out of reach. The first request after `followEveryMs` reads the recorded id (one primary-key read) and,
 * when another replica finished a switch, swaps to the new embedder before it is served (EmbedderFollower, the Node
 * replicas' logic). Each request keeps the engine it started with, so no list mixes two embedders' vectors.
 */
export function followingMatching(options: FollowingMatchingOptions): MatchingProvider {
  const { followEveryMs, say, now = Date.now } = options;
  const configured = memoiseWithRetry(options.configured);
  const recorded: RecordedEmbedderLoader = async (database, id) => {
    const stored = await loadActiveEmbedder(database, () => loadSupervisedEmbedder(options.supervisedModel));
    if (!('unavailable' in stored)) return stored;
    const own = await configured(database);
    return own.id === id ? own : stored;
  };
  const load = memoiseWithRetry(async (database: Database) => {
    const active = await activeEmbedderId(database);
    const found = active === undefined ? undefined : await recorded(database, active);
    const embedder = found === undefined || 'unavailable' in found ? await configured(database) : found;
    if (found !== undefined && 'unavailable' in found)
      say(
        `embedder: the database records ${active} as active, which this process cannot run ` +
          `(${found.unavailable}); ${embedder.id} serves`,
      );
    else if (options.configuredKind !== undefined && embedderKind(embedder.id) !== options.configuredKind)
      say(
        `embedder: ${embedder.id} serves, as the database records it active (the replicas' embedder), rather than ` +
          `EMBEDDER=${options.configuredKind}`,
      );
    const holder: MatchingDeps = { ...options.deps, engine: new MatchingEngine(embedder) };
    const follower = new EmbedderFollower({ holder, load: recorded, indexes: 'lazy', say });
    return { holder, follower, due: now() + followEveryMs };
  });
  return async (database) => {
    const state = await load(database);
    if (now() >= state.due) {
      state.due = now() + followEveryMs;
      await state.follower.check(database);
    }
    // A copy: a swap during this request leaves it on the engine it started with.
    return { ...state.holder };
  };
}
