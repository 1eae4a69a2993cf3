import { createRng, fnv1a } from '../demo/random.ts';
import type { Logger } from '../logger.ts';
import type { Database } from '../storage/db.ts';
import { firstGraduateIds, firstOpenPostingIds } from '../storage/demo.repo.ts';
import { insertInteraction } from '../storage/interactions.repo.ts';
import { randomIds, type ServiceContext } from './context.ts';
import type { MatchingDeps } from './matching/deps.ts';
import { candidatesForPosting } from './matching/candidates.ts';
import { recommendJobs } from './matching/recommend.ts';
import { PROTECTED_ATTRIBUTES } from '../domain/audit-report/attributes.ts';
import { rerankingInput, storedReranking } from '../domain/model/reranking-settings.ts';
import { mergeTenantSettings } from '../storage/tenants.repo.ts';

/** After a view: the chance of the next stage (save, apply, interview, offer, hire), each given the one before. */
const NEXT = { save: 0.35, apply: 0.45, interview: 0.35, offer: 0.4, hire: 0.6 } as const;
const DAY = 86_400_000;

/**
 * The demo's served lists and what graduates did with them: the real recommender serves a list of 20 to
 * each of the first `graduates` demo graduates (recorded as impressions with their ranks, scores and
 * components, as any list is), then a seeded draw walks each item down the funnel: viewed with a chance
 * falling with rank (0.6 / (1 + 0.15 (rank − 1))), then saved, applied, interviewed, offered, hired. The
 * actions are dated over the 28 days before `now`. The career office also lists candidates for the first
 * `postings` open postings (20 each, through the same service as the API, so they are recorded as the
 * candidate-list impressions the audit's selection rates read), so a fresh demo's first audit has content;
 * the career office first switches fairness re-ranking on (floors with cross-list catch-up), so the audit also
 * has the re-ranking's before and after.
 */
export async function seedDemoActivity(opts: {
  database: Database;
  deps: MatchingDeps;
  tenantId: string;
  seed: number;
  now: Date;
  logger: Logger;
  graduates?: number;
  postings?: number;
}): Promise<{ lists: number; candidateLists: number; impressions: number; interactions: number }> {
  const { database, deps, tenantId, now } = opts;
  const rng = createRng((opts.seed ^ fnv1a('activity')) >>> 0);
  const ids = await firstGraduateIds(database.db, tenantId, opts.graduates ?? 100);
  let impressions = 0;
  let interactions = 0;
  for (const [i, graduateId] of ids.entries()) {
    const ctx: ServiceContext = {
      database,
      clock: { now: () => now },
      ids: randomIds,
      logger: opts.logger,
      principal: { keyId: 'demo-seed', tenantId, role: 'graduate', graduateId, employerId: null },
      actor: {
        kind: 'principal',
        principal: { keyId: 'demo-seed', tenantId, role: 'graduate', graduateId, employerId: null },
      },
      requestId: `demo-activity-${i}`,
    };
    const list = await recommendJobs({ ctx, deps, graduateId, query: { limit: 20 } });
    impressions += list.items.length;
    await deps.impressions.flush();
    for (const item of list.items) {
      if (!rng.chance(0.6 / (1 + 0.15 * (item.rank - 1)))) continue;
      let at = now.getTime() - rng.int(1, 28) * DAY;
      const record = async (type: string, actorRole: string) => {
        await insertInteraction(database.db, {
          id: randomIds.newId(),
          tenantId,
          graduateId,
          postingId: item.posting.id,
          impressionId: item.impressionId,
          type,
          reason: null,
          actorRole,
          occurredAt: new Date(Math.min(at, now.getTime() - 60_000)),
          createdAt: now,
        });
        interactions++;
      };
      await record('view', 'graduate');
      for (const [stage, p] of Object.entries(NEXT)) {
        if (!rng.chance(p)) break;
        at += rng.int(0, 4) * DAY;
        await record(stage, stage === 'save' || stage === 'apply' ? 'graduate' : 'employer');
      }
    }
  }
  const staff = { keyId: 'demo-seed', tenantId, role: 'career_office', graduateId: null, employerId: null } as const;
  // The demo tenant re-ranks its candidate lists (floors for every protected attribute and pair, with cross-list
  // catch-up), so its first audit shows the re-ranking's before and after. Validated as a PUT body would be.
  await mergeTenantSettings(database.db, tenantId, {
    reranking: storedReranking.parse(
      rerankingInput.parse({
        enabled: true,
        method: 'floors',
        attribute: 'gender',
        attributes: [...PROTECTED_ATTRIBUTES],
        intersections: true,
        k: 20,
        crossList: { enabled: true, windowDays: 28, selectedTop: 10, ratio: 0.9 },
      }),
    ),
  });
  const postingIds = await firstOpenPostingIds(database.db, tenantId, opts.postings ?? 60);
  for (const [i, postingId] of postingIds.entries()) {
    const ctx: ServiceContext = {
      database,
      clock: { now: () => now },
      ids: randomIds,
      logger: opts.logger,
      principal: staff,
      actor: { kind: 'principal', principal: staff },
      requestId: `demo-candidates-${i}`,
    };
    const list = await candidatesForPosting({ ctx, deps, postingId, limit: 20 });
    impressions += list.items.length;
  }
  await deps.impressions.flush();
  return { lists: ids.length, candidateLists: postingIds.length, impressions, interactions };
}
