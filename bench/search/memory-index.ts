/**
 * A tenant's posting index as the MatchingEngine builds it (toIndexed: the posting's features and BM25F fields;
 * the engine's embedder on postingText), from postings held in memory instead of a database: for benchmarks
 * that only rank (bench:cross-lingual), where creating every posting through the API would add nothing.
 */
import type { Posting } from '../../src/domain/model/posting.ts';
import { PostingIndex } from '../../src/domain/search/posting-index.ts';
import type { MatchingEngine } from '../../src/services/matching/engine.ts';
import { toIndexed } from '../../src/services/matching/engine.ts';
import { normalizePostingSkills } from '../../src/services/skills.ts';
import type { BenchPosting } from './service.ts';

export async function memoryIndex(engine: MatchingEngine, postings: readonly BenchPosting[]): Promise<PostingIndex> {
  const now = new Date().toISOString();
  const full: Posting[] = postings.map((p) => ({
    id: p.key,
    tenantId: '00000000-0000-4000-8000-000000000000',
    employerId: '00000000-0000-4000-8000-000000000001',
    title: p.title,
    description: p.description,
    requiredSkills: normalizePostingSkills(p.requiredSkills),
    preferredSkills: [],
    minDegree: 'associate',
    acceptedMajors: [],
    locations: [],
    remote: false,
    jobType: 'full-time',
    headcount: 1,
    status: 'open',
    lang: p.lang,
    createdAt: now,
    updatedAt: now,
  }));
  const vectors = await engine.embedPostings(full);
  const index = new PostingIndex(engine.embedder.dimensions);
  full.forEach((p, i) => {
    const v = vectors[i];
    if (v !== undefined) index.upsert(toIndexed(p), v);
  });
  return index;
}
