import { DEFAULT_WEIGHTS } from '../../src/domain/matching/weights.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import { loadSupervisedEmbedder } from '../../src/services/matching/active-embedder.ts';
import { ensureLsaEmbedder } from '../../src/services/matching/embedder-store.ts';
import { MatchingEngine } from '../../src/services/matching/engine.ts';
import { directImpressionSink } from '../../src/services/matching/impression-log.ts';
import type { Database } from '../../src/storage/db.ts';
import type { Call } from './app.ts';

/**
 * Real matching with the service's default embedder (the shipped supervised model), or with EMBEDDER=lsa on a
 * small fit (32 dimensions, 300-posting corpus) for tests about the LSA path itself.
 */
export async function testMatching(
  database: Database,
  embedder: 'supervised' | 'lsa' = 'supervised',
): Promise<MatchingDeps> {
  const chosen =
    embedder === 'lsa'
      ? await ensureLsaEmbedder(database, { dimensions: 32, seed: 7, minCorpus: 300 })
      : await loadSupervisedEmbedder();
  return { engine: new MatchingEngine(chosen), impressions: directImpressionSink, weights: DEFAULT_WEIGHTS };
}

/** A data-analyst posting in 武汉 (SQL, Python, Excel; Tableau preferred), with overrides. */
export const job = (over: Record<string, unknown> = {}) => ({
  title: '数据分析师',
  description: '负责用户增长数据分析，使用 SQL 和 Python 搭建指标体系。',
  requiredSkills: ['SQL', 'Python', 'Excel'],
  preferredSkills: ['Tableau'],
  minDegree: 'bachelor',
  acceptedMajors: ['统计学'],
  locations: ['武汉'],
  jobType: 'full-time',
  salaryMin: 8000,
  salaryMax: 12000,
  status: 'open',
  ...over,
});

export const preferences = { locations: ['武汉'], jobTypes: ['full-time'], salaryFloor: 7000 };

/** A statistics graduate with Python and SQL who wants full-time work in 武汉, with overrides. */
export const profile = (over: Record<string, unknown> = {}) => ({
  name: '张伟',
  education: [{ school: '武汉大学', degree: 'bachelor', major: '统计学', graduationDate: '2026-06-30' }],
  skills: [{ name: 'Python' }, { name: 'SQL' }],
  summary: '熟悉机器学习和数据分析，做过用户留存分析。',
  preferences,
  ...over,
});

/** Posts job(spec) for every spec through the API and returns the created ids by key. */
export async function postJobs(
  call: Call,
  employerKey: string,
  specs: Record<string, Record<string, unknown>>,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const res = await call<{ id: string }>('POST', '/v1/jobs', employerKey, job(spec));
    if (res.status !== 201) throw new Error(`posting ${key} was not created: ${res.status}`);
    ids[key] = res.json.id;
  }
  return ids;
}
