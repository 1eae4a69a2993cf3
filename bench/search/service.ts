/**
 * The search benchmarks' service: the real app (createApp, the GET /v1/jobs/search route, searchJobs, the
 * MatchingEngine's posting index with its BM25F channel and the default supervised embedder) on a migrated
 * in-memory PGlite, one tenant with one employer, and postings created through POST /v1/jobs as a career office
 * would create them. Queries then go through the same HTTP call a job-search app makes.
 */
import { createApp } from '../../src/app.ts';
import { DEFAULT_WEIGHTS } from '../../src/domain/matching/weights.ts';
import { sharedDatabase } from '../../src/http/middleware/database.ts';
import { silentLogger } from '../../src/logger.ts';
import { systemClock } from '../../src/services/context.ts';
import { memoryRateLimiter } from '../../src/services/rate-limit/memory.ts';
import { createTenant, mintKey } from '../../src/services/keys.ts';
import { loadSupervisedEmbedder } from '../../src/services/matching/active-embedder.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import { MatchingEngine } from '../../src/services/matching/engine.ts';
import { BatchedImpressionLog } from '../../src/services/matching/impression-log.ts';
import { openPglite } from '../../src/storage/db-pglite.ts';
import type { Database } from '../../src/storage/db.ts';
import { employerCreate } from '../../src/domain/model/employer.ts';
import { insertEmployer } from '../../src/storage/employers.repo.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { loadMigrations } from '../../src/storage/migrations-fs.ts';
import type { SearchComponent } from '../../src/domain/search/job-search.ts';

/** A posting as the benchmark creates it (POST /v1/jobs body fields). */
export interface BenchPosting {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly requiredSkills: readonly string[];
  readonly lang: 'zh' | 'en';
}

export interface SearchHitView {
  readonly posting: { readonly id: string };
  readonly score: number;
  readonly components: readonly SearchComponent[];
}

export interface SearchService {
  readonly database: Database;
  readonly deps: MatchingDeps;
  readonly tenantId: string;
  /** Posting id (as the service gave it) of each benchmark key, and the reverse. */
  readonly idOfKey: ReadonlyMap<string, string>;
  readonly keyOfId: ReadonlyMap<string, string>;
  /** GET /v1/jobs/search?q=…&limit=… with a career office's key; throws on any status but 200. */
  search(q: string, limit: number): Promise<SearchHitView[]>;
  close(): Promise<void>;
}

export async function openSearchService(
  postings: readonly BenchPosting[],
  say: (line: string) => void,
): Promise<SearchService> {
  const database = await openPglite();
  await migrate(database, await loadMigrations());
  const { id: tenantId } = await createTenant(database, { name: 'bench:search', kind: 'university' });
  const office = (await mintKey(database, { tenantId, role: 'career_office' })).key;
  const employer = await insertEmployer(
    database.db,
    { id: crypto.randomUUID(), tenantId, now: new Date() },
    employerCreate.parse({ name: 'O*NET occupations' }),
  );
  const impressions = new BatchedImpressionLog({ logger: silentLogger });
  const deps: MatchingDeps = {
    engine: new MatchingEngine(await loadSupervisedEmbedder()),
    impressions,
    weights: DEFAULT_WEIGHTS,
  };
  const app = createApp({
    database: sharedDatabase(database),
    clock: systemClock,
    logger: silentLogger,
    maxBodyBytes: 1_048_576,
    version: 'bench',
    matching: async () => deps,
    // A benchmark is one app sending thousands of queries; the per-minute limit is not what it measures.
    rateLimits: { limiter: memoryRateLimiter(systemClock), perApp: 1e9, perGraduate: 1e9 },
  });
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${office}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text === '' ? undefined : JSON.parse(text) };
  };

  const idOfKey = new Map<string, string>();
  let held = 0;
  for (const [i, p] of postings.entries()) {
    const res = await call('POST', '/v1/jobs', {
      employerId: employer.id,
      title: p.title.slice(0, 200),
      description: p.description.slice(0, 20_000),
      requiredSkills: p.requiredSkills.slice(0, 60),
      minDegree: 'associate',
      jobType: 'full-time',
      lang: p.lang,
      status: 'open',
    });
    const body = res.json as { id?: string; status?: string; reviewStatus?: string } | undefined;
    if (res.status !== 201 || body?.id === undefined) {
      throw new Error(`POST /v1/jobs for ${p.key} answered ${res.status}: ${JSON.stringify(res.json)}`);
    }
    if (body.status !== 'open') {
      // O*NET's own occupation text (say, a physical demand) trips the compliance rules; a career office
      // reviewing it would publish it, and every occupation must be findable for the benchmark to be fair.
      const review = await call('POST', `/v1/jobs/${body.id}/compliance-review`, {
        decision: 'approve',
        note: 'O*NET occupation description used as a benchmark posting.',
      });
      if (review.status !== 200) throw new Error(`compliance review of ${p.key} answered ${review.status}`);
      held++;
    }
    idOfKey.set(p.key, body.id);
    if ((i + 1) % 250 === 0) say(`  created ${i + 1}/${postings.length} postings through POST /v1/jobs`);
  }
  if (held > 0) say(`  ${held} postings were held by the compliance review and approved through its API`);
  const keyOfId = new Map([...idOfKey].map(([k, id]) => [id, k]));

  return {
    database,
    deps,
    tenantId,
    idOfKey,
    keyOfId,
    async search(q, limit) {
      const res = await call('GET', `/v1/jobs/search?q=${encodeURIComponent(q)}&limit=${limit}`);
      if (res.status !== 200) throw new Error(`search ${JSON.stringify(q)} answered ${res.status}`);
      return (res.json as { items: SearchHitView[] }).items;
    },
    async close() {
      await impressions.flush();
      await database.close();
    },
  };
}
