import { summarizeCounterfactual, type CounterfactualResult } from '../../domain/counterfactual/summary.ts';
import {
  COUNTERFACTUAL_CONVENTION,
  type CounterfactualSection,
} from '../../domain/audit-report/counterfactual-section.ts';
import { postingFeatures, profileFeatures, profileText, taxonomySimilarity } from '../../domain/matching/extract.ts';
import { scoreMatch } from '../../domain/matching/score.ts';
import { DEFAULT_WEIGHTS, type WeightSet } from '../../domain/matching/weights.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import { dot } from '../../domain/text/embedder.ts';
import type { Database } from '../../storage/db.ts';
import { countGraduates, sampleGraduates } from '../../storage/graduates.repo.ts';
import { toMatchableGraduate, toPosting, type MatchableGraduate } from '../../storage/mappers.ts';
import { openPostingsShownFirst } from '../../storage/postings.repo.ts';
import { loadActiveEmbedder } from '../matching/active-embedder.ts';
import { isRecommendable, lexicalFor, MatchingEngine } from '../matching/engine.ts';
import { counterfactualProfiles, rankAmong } from './counterfactual-profile.ts';
import { giveWay } from '../give-way.ts';

const COUNTERFACTUAL_GRADUATES = 200;
const COUNTERFACTUAL_POSTINGS = 20;
/** Open postings read at a time until COUNTERFACTUAL_POSTINGS recommendable ones are found. */
const POSTING_PAGE = 50;

export interface CounterfactualInput {
  database: Database;
  tenantId: string;
  /** Fixes the sample (the audit passes its run id); stated in the report so the sample can be redrawn. */
  seed: string;
  window: { from: Date; to: Date };
  /**
   * The serving engine when the audit runs in the serving process; otherwise the active embedder is loaded (a stored
   * LSA or the shipped supervised model).
   */
  engine?: () => Promise<MatchingEngine>;
  weights?: WeightSet;
}

async function resolveEngine(input: CounterfactualInput): Promise<MatchingEngine | string> {
  if (input.engine) {
    try {
      return await input.engine();
    } catch {
      return 'the serving matching engine could not be loaded in the worker';
    }
  }
  const embedder = await loadActiveEmbedder(input.database);
  return 'unavailable' in embedder
    ? `${embedder.unavailable}, so the worker cannot rebuild the scoring path`
    : new MatchingEngine(embedder);
}

/**
 * The counterfactual check: re-scores a seeded sample through the production scoring
 * path with each family of protected cues swapped and summarizes how scores and ranks moved.
 */
export async function counterfactualCheck(input: CounterfactualInput): Promise<CounterfactualSection> {
  const { db } = input.database;
  const engine = await resolveEngine(input);
  if (typeof engine === 'string') return { status: 'skipped', reason: engine };
  const weights = input.weights ?? DEFAULT_WEIGHTS;
  const total = await countGraduates(db, { tenantId: input.tenantId });
  const gradRows = await sampleGraduates(db, input.tenantId, input.seed, COUNTERFACTUAL_GRADUATES);
  if (gradRows.length === 0) return { status: 'skipped', reason: 'the tenant has no graduates' };
  // Postings served in the window's candidate lists first, then the rest; each part in seeded order.
  const picked: Awaited<ReturnType<typeof openPostingsShownFirst>> = [];
  for (let offset = 0; picked.length < COUNTERFACTUAL_POSTINGS; offset += POSTING_PAGE) {
    const page = await openPostingsShownFirst(db, input.tenantId, input.window, input.seed, {
      offset,
      limit: POSTING_PAGE,
    });
    picked.push(...page.filter(isRecommendable).slice(0, COUNTERFACTUAL_POSTINGS - picked.length));
    if (page.length < POSTING_PAGE) break;
  }
  const shownCount = picked.filter((r) => r.shownInWindow).length;
  const postings = picked.map(toPosting);
  if (postings.length === 0) return { status: 'skipped', reason: 'the tenant has no open postings to score against' };

  const taxonomy = getTaxonomy();
  const similarity = taxonomySimilarity(taxonomy);
  const pfs = postings.map((p) => postingFeatures(p, taxonomy));
  const pvs = await engine.embedPostings(postings);
  // The keyword component with the tenant index's statistics, as served: a cue that changes the profile's
  // words can move a score through it as well as through the embedding.
  const index = await engine.postings(input.database, input.tenantId);
  const scoreAll = async (
    key: string,
    profile: MatchableGraduate['graduate'],
    suppressed: ReadonlySet<string>,
  ): Promise<number[]> => {
    const features = profileFeatures(profile, taxonomy, suppressed);
    const gv = await engine.profileVector(key, profile, suppressed);
    const text = profileText(profile, suppressed, taxonomy);
    return pfs.map((pf, j) => {
      const pv = pvs[j];
      const posting = postings[j];
      const lexical = posting === undefined ? undefined : lexicalFor(index, posting, text);
      return scoreMatch(features, pf, pv ? dot(pv, gv) : 0, weights, similarity, lexical).score;
    });
  };
  const graduates = gradRows.map(toMatchableGraduate);
  // The scoring is pure JavaScript on the thread that serves requests (in npm start, and the only one on PGlite):
  // it gives way after each graduate, so a request waits for one graduate's scores, not the whole sample's.
  const base: number[][] = [];
  for (const g of graduates) {
    base.push(await scoreAll(g.graduate.id, g.graduate, g.suppressed));
    await giveWay();
  }
  const perPosting = postings.map((_, j) => graduates.map((g, i) => ({ id: g.graduate.id, score: base[i]?.[j] ?? 0 })));

  const results: CounterfactualResult[] = [];
  for (const [i, g] of graduates.entries()) {
    for (const variant of counterfactualProfiles(g.graduate)) {
      // A separate cache key, forgotten at once, so the serving engine's profile cache is not disturbed.
      const key = `counterfactual:${variant.kind}:${g.graduate.id}`;
      const after = variant.changed ? await scoreAll(key, variant.profile, g.suppressed) : null;
      engine.forget(key);
      postings.forEach((_, j) => {
        const before = base[i]?.[j] ?? 0;
        const list = perPosting[j] ?? [];
        const rankBefore = rankAmong(before, g.graduate.id, list);
        const scoreAfter = after?.[j] ?? before;
        results.push({
          kind: variant.kind,
          textChanged: variant.changed,
          scoreBefore: before,
          scoreAfter,
          rankBefore,
          rankAfter: after ? rankAmong(scoreAfter, g.graduate.id, list) : rankBefore,
        });
      });
    }
    await giveWay();
  }
  return {
    status: 'completed',
    convention: COUNTERFACTUAL_CONVENTION,
    seed: input.seed,
    sample: {
      graduates: graduates.length,
      graduatesInTenant: total,
      postings: postings.length,
      postingsShownInWindow: shownCount,
      pairsPerKind: graduates.length * postings.length,
    },
    embedder: engine.embedder.id,
    modelVersion: weights.version,
    summary: summarizeCounterfactual(results),
  };
}
