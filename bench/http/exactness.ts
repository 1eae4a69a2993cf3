import { scoreMatch } from '../../src/domain/matching/score.ts';
import { taxonomySimilarity } from '../../src/domain/matching/extract.ts';
import { DEFAULT_WEIGHTS } from '../../src/domain/matching/weights.ts';
import { dotF32 } from '../../src/domain/search/vector-index-kernels.ts';
import { getTaxonomy } from '../../src/domain/skills/index.ts';
import type { MatchingEngine } from '../../src/services/matching/engine.ts';
import type { Database } from '../../src/storage/db.ts';

interface CandidateList {
  items: Array<{ graduate: { id: string }; match: { score: number } }>;
}

/**
 * Candidate lists served against brute force: every graduate the career office may see scored with
 * scoreMatch (the indexed features, the stored vectors' dot product, the lexical match against the
 * posting), sorted by score then id; the served list must be its first 20, ids and scores alike.
 */
export async function bruteForceCheck(
  database: Database,
  engine: MatchingEngine,
  tenantId: string,
  postingIds: readonly string[],
  served: (postingId: string) => Promise<CandidateList>,
): Promise<string> {
  const graduates = await engine.graduates(database, tenantId);
  const postings = await engine.postings(database, tenantId);
  const similarity = taxonomySimilarity(getTaxonomy());
  const mask = graduates.mask({ audience: 'career_office' });
  const outcomes: string[] = [];
  for (const id of postingIds) {
    const posting = postings.get(id);
    const pv = postings.vectors.vectorOf(id);
    if (!posting || !pv) throw new Error(`posting ${id} is not indexed`);
    const started = performance.now();
    const all: Array<{ id: string; score: number }> = [];
    mask.forEach((m, row) => {
      if (m !== 1) return;
      const gid = graduates.vectors.idAt(row) ?? '';
      const gv = graduates.vectors.vectorOf(gid);
      const features = graduates.featuresOf(gid);
      if (!gv || !features) return;
      const terms = graduates.queryOf(gid) ?? [];
      const match = scoreMatch(
        features,
        posting.features,
        dotF32(gv, 0, pv, pv.length),
        DEFAULT_WEIGHTS,
        similarity,
        postings.lexical.match(id, { terms, corrections: [] }),
      );
      all.push({ id: gid, score: match.score });
    });
    all.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const seconds = (performance.now() - started) / 1000;
    const list = (await served(id)).items.map((i) => `${i.graduate.id}:${i.match.score}`);
    const want = all.slice(0, list.length).map((x) => `${x.id}:${x.score}`);
    const same = list.length === Math.min(20, all.length) && list.every((x, i) => x === want[i]);
    outcomes.push(`${same ? 'equal' : 'DIFFERENT'} (${all.length} graduates scored in ${seconds.toFixed(1)} s)`);
  }
  return `${outcomes.length} candidate lists against brute force: ${outcomes.join('; ')}`;
}
