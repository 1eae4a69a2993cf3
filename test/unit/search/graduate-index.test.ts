import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../src/demo/generate.ts';
import {
  postingFeatures,
  postingLexicalText,
  profileFeatures,
  profileText,
  taxonomySimilarity,
  type MatchableProfile,
} from '../../../src/domain/matching/extract.ts';
import {
  filterGraduates,
  graduateFilterKeys,
  resolveGraduateFilters,
  type GraduateFilters,
} from '../../../src/domain/matching/graduate-filter.ts';
import {
  coverage,
  degreeFit,
  jobTypeFit,
  lexicalValue,
  locationFit,
  majorFit,
  salaryFit,
  skillCredit,
} from '../../../src/domain/matching/components.ts';
import { scoreMatch } from '../../../src/domain/matching/score.ts';
import { DEFAULT_WEIGHTS } from '../../../src/domain/matching/weights.ts';
import {
  GraduateIndex,
  snapshotTransfer,
  type CandidateQuery,
  type IndexedGraduate,
} from '../../../src/domain/search/graduate-index.ts';
import { PostingIndex } from '../../../src/domain/search/posting-index.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';
import { dotF32 } from '../../../src/domain/search/vector-index-kernels.ts';
import { lexicalTerms } from '../../../src/domain/text/lexical-analyzer.ts';
import { mulberry32 } from '../../../src/domain/text/randomized-svd.ts';

/*
 * The graduate index against brute force: every allowed graduate scored with scoreMatch and sorted
 * (score desc, id asc), the way candidate lists were computed before the index. Profiles and postings
 * come from the demo generator (varied skills, majors, places, degrees, texts in zh and en); the vectors
 * are random unit vectors with a shared component, so semantic scores spread and tie rarely.
 */

const D = 32;
const taxonomy = getTaxonomy();
const similarity = taxonomySimilarity(taxonomy);
const data = generateDemoData({ seed: 7, graduates: 500, postings: 30 });
const r = mulberry32(11);

function unit(): Float32Array {
  const v = Float32Array.from({ length: D }, (_, i) => r() - 0.5 + (i === 0 ? 0.8 : 0));
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

interface Person {
  id: string;
  profile: MatchableProfile;
  suppressed: Set<string>;
  visibility: IndexedGraduate['visibility'];
  consent: boolean;
  vector: Float32Array;
  createdAt: number;
}

const people: Person[] = data.graduates.map((g, i) => ({
  id: `g${String(i).padStart(4, '0')}`,
  profile: g,
  suppressed: new Set<string>(),
  visibility: (['employers', 'employers', 'career_office', 'private'] as const)[i % 4] ?? 'employers',
  consent: i % 3 !== 0,
  vector: unit(),
  // Three graduates per millisecond, so the (createdAt, id) order breaks ties by id.
  createdAt: 1_700_000_000_000 + Math.floor(((i * 7) % data.graduates.length) / 3),
}));

function indexed(p: Person): IndexedGraduate {
  const keys = graduateFilterKeys(p.profile);
  return {
    id: p.id,
    features: profileFeatures(p.profile, taxonomy, p.suppressed),
    queryTerms: lexicalTerms(profileText(p.profile, p.suppressed, taxonomy)),
    titleTerms: lexicalTerms(p.profile.education.map((e) => e.major).join('、')),
    visibility: p.visibility,
    employerConsent: p.consent,
    years: keys.years,
    filterCities: keys.cities,
    createdAt: p.createdAt,
  };
}

const postings = new PostingIndex(D);
// Stored postings carry {name, skillId}; the demo's names are resolved the way the service does (by name).
const postingList = data.postings.map((p, i) => ({
  id: `p${i}`,
  posting: {
    ...p,
    requiredSkills: p.requiredSkills.map((s) => ({ name: typeof s === 'string' ? s : s.name, skillId: null })),
    preferredSkills: p.preferredSkills.map((s) => ({ name: typeof s === 'string' ? s : s.name, skillId: null })),
  },
  vector: unit(),
}));
for (const p of postingList.slice(0, 25))
  postings.upsert(
    {
      id: p.id,
      features: postingFeatures(p.posting, taxonomy),
      createdAt: 0,
      closesAt: null,
      text: postingLexicalText(p.posting),
    },
    p.vector,
  );

// Features and texts are pure functions of the profile: computed once per person, not once per posting.
const memo = new Map<
  Person,
  { features: ReturnType<typeof profileFeatures>; query: ReturnType<typeof postings.lexical.query> }
>();
const derived = (p: Person) => {
  let m = memo.get(p);
  if (!m)
    memo.set(
      p,
      (m = {
        features: profileFeatures(p.profile, taxonomy),
        query: postings.lexical.query(profileText(p.profile, p.suppressed, taxonomy)),
      }),
    );
  return m;
};
const featuresOf = (p: Person) => derived(p).features;
const queryOf = (p: Person) => derived(p).query;

function bruteForce(
  list: readonly Person[],
  p: (typeof postingList)[number],
  audience: 'employer' | 'career_office',
  filters: GraduateFilters,
  k: number,
) {
  const visible = list.filter((g) =>
    audience === 'employer' ? g.visibility === 'employers' && g.consent : g.visibility !== 'private',
  );
  const kept = filterGraduates(
    visible.map((g) => ({ graduate: g.profile, suppressed: g.suppressed, person: g })),
    filters,
    taxonomy,
  );
  const pf = postingFeatures(p.posting, taxonomy);
  return kept
    .map(({ person }) => {
      const query = queryOf(person);
      const lexical = postings.has(p.id)
        ? postings.lexical.match(p.id, query)
        : postings.lexical.matchDocument(postingLexicalText(p.posting), query);
      // The index's own dot product (four interleaved sums), so the cosines agree to the last bit.
      const cosine = dotF32(person.vector, 0, p.vector, D);
      return {
        id: person.id,
        cosine,
        match: scoreMatch(featuresOf(person), pf, cosine, DEFAULT_WEIGHTS, similarity, lexical),
      };
    })
    .sort((a, b) => b.match.score - a.match.score || (a.id < b.id ? -1 : 1))
    .slice(0, k);
}

function ranked(
  index: GraduateIndex,
  p: (typeof postingList)[number],
  audience: 'employer' | 'career_office',
  filters: GraduateFilters,
  k: number,
) {
  const text = postingLexicalText(p.posting);
  const indexedPosting = postings.has(p.id);
  const mask = index.mask({
    audience,
    ...resolveGraduateFilters(filters, taxonomy),
    qTerms: filters.q === undefined ? undefined : index.queryTerms(filters.q),
  });
  return index.rank(
    {
      posting: postingFeatures(p.posting, taxonomy),
      vector: p.vector,
      weights: DEFAULT_WEIGHTS,
      similarity,
      lexical: postings.lexical.documentSide(p.id) ?? postings.lexical.outsideDocumentSide(text),
    },
    mask,
    k,
    (terms) =>
      indexedPosting
        ? postings.lexical.match(p.id, { terms, corrections: [] })
        : postings.lexical.matchDocument(text, { terms, corrections: [] }),
  );
}

const summary = (list: ReadonlyArray<{ id: string; match: { score: number } }>) =>
  list.map((x) => `${x.id}:${x.match.score}`);

describe('GraduateIndex', () => {
  const index = new GraduateIndex(D);
  for (const p of people) index.upsert(indexed(p), p.vector);

  it('returns the brute-force top k for every posting, audience and k (indexed and closed postings)', () => {
    const all = new Map<string, ReturnType<typeof bruteForce>>();
    for (const p of postingList)
      for (const audience of ['employer', 'career_office'] as const)
        all.set(`${p.id}:${audience}`, bruteForce(people, p, audience, {}, 25));
    for (const p of postingList)
      for (const audience of ['employer', 'career_office'] as const)
        for (const k of [1, 7, 25]) {
          const got = ranked(index, p, audience, {}, k);
          const want = (all.get(`${p.id}:${audience}`) ?? []).slice(0, k);
          expect(summary(got)).toEqual(summary(want));
          // Same numbers, component by component: what the explanation of each item will show.
          got.forEach((g, i) => expect(g.match.components).toEqual(want[i]?.match.components));
        }
  });

  it('applies the candidate filters inside the scan exactly as filterGraduates does', () => {
    const sample = people[3]?.profile;
    const major = sample?.education[0]?.major ?? '计算机科学与技术';
    const city = people.find((g) => g.profile.preferences.locations.length > 0)?.profile.preferences.locations[0];
    const skill = sample?.skills[0]?.name ?? 'Python';
    const cases: GraduateFilters[] = [
      { major },
      { degree: 'master' },
      { graduationYearFrom: 2025, graduationYearTo: 2025 },
      { location: city },
      { skill },
      { q: 'python' },
      { q: '数据' },
      { q: 'pythn' },
      { q: 'nothingmatcheshere' },
      { major, degree: 'bachelor', q: skill },
    ];
    for (const filters of cases)
      for (const p of postingList.slice(0, 4)) {
        expect(summary(ranked(index, p, 'career_office', filters, 10))).toEqual(
          summary(bruteForce(people, p, 'career_office', filters, 10)),
        );
      }
  });

  it('pages the cohort under the filters in (createdAt, id) order, each match once, as filterGraduates keeps', () => {
    const byAge = (a: Person, b: Person) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const cases: GraduateFilters[] = [{ degree: 'master' }, { q: 'python' }, { q: 'pythn', degree: 'bachelor' }];
    for (const filters of cases) {
      const want = filterGraduates(
        people.map((g) => ({ graduate: g.profile, suppressed: g.suppressed, person: g })),
        filters,
        taxonomy,
      )
        .map((g) => g.person)
        .sort(byAge)
        .map((g) => g.id);
      const mask = index.mask({
        audience: 'cohort',
        ...resolveGraduateFilters(filters, taxonomy),
        qTerms: filters.q === undefined ? undefined : index.queryTerms(filters.q),
      });
      const got: string[] = [];
      const byId = new Map(people.map((g) => [g.id, g]));
      for (let after: { createdAt: number; id: string } | undefined; ;) {
        const page = index.pageAfter(mask, after, 7);
        got.push(...page);
        const last = byId.get(page.at(-1) ?? '');
        if (page.length < 7 || !last) break;
        after = { createdAt: last.createdAt, id: last.id };
      }
      expect(want.length).toBeGreaterThan(7);
      expect(got).toEqual(want);
    }
  });

  const queryFor = (p: (typeof postingList)[number], weights = DEFAULT_WEIGHTS): CandidateQuery => ({
    posting: postingFeatures(p.posting, taxonomy),
    vector: p.vector,
    weights,
    similarity,
    lexical: postings.lexical.documentSide(p.id) ?? postings.lexical.outsideDocumentSide(postingLexicalText(p.posting)),
  });

  it('shortlists exactly as biasing every row and ranking with VectorIndex.searchScored (hits and floor)', () => {
    for (const p of postingList.slice(18, 30))
      for (const filter of [{ audience: 'employer' }, { audience: 'cohort', degree: 'master' }] as const)
        for (const size of [1, 7, 40, 400]) {
          const query = queryFor(p);
          const mask = index.mask(filter);
          const got = index.shortlist(query, mask, size);
          const bias = Float64Array.from(index.structuredScores(query, mask));
          const weight = DEFAULT_WEIGHTS.weights.semantic;
          const want = index.vectors.searchScored(query.vector, size + 1, { weight, bias });
          expect(got.hits).toEqual(want.slice(0, size).map((h) => ({ id: h.id, cosine: h.dot, approx: h.score })));
          expect(got.floor).toBe(want[size]?.score ?? -Infinity);
        }
  });

  it('biases each row by the rules of components.ts: structured parts to the bit, lexical values within 1e-13', () => {
    const noLexical = { ...DEFAULT_WEIGHTS, weights: { ...DEFAULT_WEIGHTS.weights, lexical: 0 } };
    const w = DEFAULT_WEIGHTS.weights;
    const mask = new Uint8Array(index.size).fill(1);
    const ids = index.ids();
    for (const p of postingList.slice(20, 30)) {
      const structured = Float64Array.from(index.structuredScores(queryFor(p, noLexical), mask));
      const full = Float64Array.from(index.structuredScores(queryFor(p), mask));
      const pf = postingFeatures(p.posting, taxonomy);
      const preferred = pf.preferredSkills.filter((s) => !pf.requiredSkills.includes(s));
      ids.forEach((id, row) => {
        const g = index.featuresOf(id);
        const terms = index.queryOf(id);
        if (!g || !terms) throw new Error(`row ${row} has no graduate`);
        expect(index.degreeOf(id)).toBe(g.degree);
        const want =
          w.requiredSkills * coverage(pf.requiredSkills.map((s) => skillCredit(s, g, similarity))) +
          w.preferredSkills * coverage(preferred.map((s) => skillCredit(s, g, similarity))) +
          w.majorFit * majorFit(g, pf) +
          w.degreeFit * degreeFit(g, pf) +
          w.locationFit * locationFit(g, pf) +
          w.salaryFit * salaryFit(g, pf) +
          w.jobTypeFit * jobTypeFit(g, pf);
        expect(structured[row]).toBe(want);
        const query = { terms, corrections: [] };
        const lexical = postings.has(p.id)
          ? postings.lexical.match(p.id, query)
          : postings.lexical.matchDocument(postingLexicalText(p.posting), query);
        expect(Math.abs((full[row] as number) - (want + w.lexical * lexicalValue(lexical.value)))).toBeLessThan(1e-13);
      });
    }
  });

  it('keeps the mask of a filter of the audience alone until the index changes, and equals mask() always', () => {
    const small = new GraduateIndex(D);
    const few = people.slice(0, 40);
    for (const p of few) small.upsert(indexed(p), p.vector);
    const check = (filter: Parameters<GraduateIndex['mask']>[0]) => {
      const { mask, count } = small.allowed(filter);
      expect([...mask]).toEqual([...small.mask(filter)]);
      expect(count).toBe(mask.reduce((a, b) => a + b, 0));
      return mask;
    };
    const first = check({ audience: 'employer' });
    expect(check({ audience: 'employer' })).toBe(first);
    // A filter beyond the audience is not kept.
    expect(check({ audience: 'employer', degree: 'bachelor' })).not.toBe(
      check({ audience: 'employer', degree: 'bachelor' }),
    );
    const p = few.find((x) => x.visibility === 'employers' && x.consent) as Person;
    small.upsert(indexed({ ...p, visibility: 'private' }), p.vector);
    const after = check({ audience: 'employer' });
    expect(after).not.toBe(first);
    expect(after.reduce((a, b) => a + b, 0)).toBe(first.reduce((a, b) => a + b, 0) - 1);
    small.remove(few[1]?.id ?? '');
    expect(check({ audience: 'employer' })).toHaveLength(39);
  });

  it('stays exact through changes, removals and re-insertions (swap-remove keeps rows aligned)', () => {
    const live = new Map(people.map((p) => [p.id, p]));
    const churn = mulberry32(5);
    for (let step = 0; step < 300; step++) {
      const p = people[Math.floor(churn() * people.length)] as Person;
      const roll = churn();
      if (roll < 0.35) {
        index.remove(p.id);
        live.delete(p.id);
      } else {
        const changed: Person = {
          ...p,
          consent: churn() < 0.5,
          visibility: churn() < 0.8 ? 'employers' : 'private',
          vector: roll < 0.7 ? unit() : p.vector,
        };
        index.upsert(indexed(changed), changed.vector);
        live.set(p.id, changed);
      }
    }
    expect(index.size).toBe(live.size);
    for (const p of postingList.slice(22))
      for (const audience of ['employer', 'career_office'] as const)
        expect(summary(ranked(index, p, audience, {}, 15))).toEqual(
          summary(bruteForce([...live.values()], p, audience, {}, 15)),
        );
  });

  it('restores from a snapshot moved to another thread the index it was taken of, which then changes alike', () => {
    // After the churn above: free slots, swapped rows and reused slots are all in the snapshot.
    const kept = index.snapshot();
    const moved = structuredClone(kept, { transfer: snapshotTransfer(kept) });
    const sent = index.snapshot();
    const restored = GraduateIndex.restore(structuredClone(sent, { transfer: snapshotTransfer(sent) }));
    expect(restored.snapshot()).toEqual(index.snapshot());
    expect(GraduateIndex.restore(moved).snapshot()).toEqual(index.snapshot());
    const filters: GraduateFilters[] = [
      {},
      { degree: 'master' },
      { q: 'python 数据' },
      { location: '北京' },
      { skill: 'Python' },
    ];
    const agree = () => {
      for (const p of postingList)
        for (const audience of ['employer', 'career_office'] as const)
          for (const f of filters)
            expect(summary(ranked(restored, p, audience, f, 12))).toEqual(summary(ranked(index, p, audience, f, 12)));
    };
    agree();
    const churn = mulberry32(9);
    for (let step = 0; step < 120; step++) {
      const p = people[Math.floor(churn() * people.length)] as Person;
      if (churn() < 0.4) {
        expect(restored.remove(p.id)).toBe(index.remove(p.id));
      } else {
        const changed: Person = { ...p, vector: unit(), consent: churn() < 0.5 };
        index.upsert(indexed(changed), changed.vector);
        restored.upsert(indexed(changed), changed.vector);
      }
    }
    expect(restored.snapshot()).toEqual(index.snapshot());
    agree();
  });
});
