/**
 * The occupation documents of benchmarks (a) and (b), and the three per-document signals every method
 * there combines: LSA cosine, skill overlap and BM25 (max-normalised per query).
 */
import { extractSkillIds, type Taxonomy } from '../../src/domain/skills/index.ts';
import { buildBm25, type Bm25Index } from '../../src/domain/text/bm25.ts';
import { createLsaEmbedder, type LsaEmbedder } from '../../src/domain/text/lsa-embedder.ts';
import { fitLsa, SERVICE_LSA_FIT, type LsaState } from '../../src/domain/text/lsa.ts';
import { hashString32 } from '../../src/domain/text/hash.ts';
import type { SupervisedEmbedder } from '../../src/domain/text/supervised-embedder.ts';
import type { OnetOccupation } from './onet.ts';
import { skillOverlap, skillSet, type SkillSet } from './skill-overlap.ts';

export const DOC_TASKS = 5;
export const DOC_TECHNOLOGIES = 15;

/**
 * Title (twice, as production's postingText weights titles), description, the first DOC_TASKS task
 * statements (Core first) and the first DOC_TECHNOLOGIES Technology Skills examples (Hot first).
 * Alternate and reported titles are never part of a document: they are the queries of (a).
 */
export function occupationText(o: OnetOccupation): string {
  return [
    o.title,
    o.title,
    o.description,
    ...o.tasks.slice(0, DOC_TASKS),
    o.technologies.length > 0 ? `Technology: ${o.technologies.slice(0, DOC_TECHNOLOGIES).join(', ')}.` : '',
  ]
    .filter((p) => p.length > 0)
    .join('\n');
}

/** "LSA cosine (256-d; …)": the dimension and which leading components the fit dropped, read from the fitted state. */
export function describeLsa(state: LsaState, fittedOn: string): string {
  const dropped = state.fit.droppedComponents ?? [];
  const what =
    dropped.length === 0 ? 'no component dropped' : `script components ${dropped.map((i) => i + 1).join(', ')} dropped`;
  return `LSA cosine (${state.dimensions}-d, ${what}; fitted on ${fittedOn} only, SERVICE_LSA_FIT)`;
}

/** The supervised column's note, or undefined when the corpus has no supervised embedder. */
export function describeSupervised(corpus: {
  readonly supervised: { readonly embedder: SupervisedEmbedder } | null;
}): string | undefined {
  const s = corpus.supervised;
  return s === null
    ? undefined
    : `supervised embedder cosine (${s.embedder.id}; trained on O*NET titles, tasks, ` +
        `technologies and bilingual names, never on a held-out title)`;
}

export interface OccupationCorpus {
  readonly occupations: readonly OnetOccupation[];
  readonly texts: readonly string[];
  readonly skills: readonly SkillSet[];
  readonly skillLists: readonly string[][];
  readonly bm25: Bm25Index;
  readonly embedder: LsaEmbedder;
  /** n × dimensions, row-major, unit rows (zero rows for documents with nothing to embed). */
  readonly vectors: Float32Array;
  /** The supervised embedder and its n × dimensions unit rows, when the benchmark measures it. */
  readonly supervised: { readonly embedder: SupervisedEmbedder; readonly vectors: Float32Array } | null;
  readonly tieKeys: Float64Array;
  readonly timings: {
    readonly skillsMs: number;
    readonly bm25Ms: number;
    readonly lsaFitMs: number;
    readonly embedMs: number;
  };
}

export function buildOccupationCorpus(
  occupations: readonly OnetOccupation[],
  taxonomy: Taxonomy,
  supervisedEmbedder?: SupervisedEmbedder,
): OccupationCorpus {
  const skillTokens = (text: string): string[] => extractSkillIds(text, taxonomy);
  const texts = occupations.map(occupationText);
  let t = performance.now();
  const skillLists = texts.map(skillTokens);
  const skills = skillLists.map((ids) => skillSet(ids, taxonomy));
  const skillsMs = performance.now() - t;
  t = performance.now();
  const bm25 = buildBm25(occupations.map((o, i) => ({ id: o.code, text: texts[i] ?? '' })));
  const bm25Ms = performance.now() - t;
  t = performance.now();
  // Unsupervised and fitted on the documents only: no query text and no relevance label is seen. Same
  // fit options as the service, so (a) and (b) measure the production embedder.
  const state = fitLsa(texts, { ...SERVICE_LSA_FIT, skillTokens });
  const lsaFitMs = performance.now() - t;
  t = performance.now();
  const embedder = createLsaEmbedder(state, { skillTokens });
  const vectors = new Float32Array(texts.length * embedder.dimensions);
  texts.forEach((text, i) => {
    const v = embedder.embedBag(embedder.bag(text));
    if (v !== undefined) vectors.set(v, i * embedder.dimensions);
  });
  let supervised: OccupationCorpus['supervised'] = null;
  if (supervisedEmbedder !== undefined) {
    const rows = new Float32Array(texts.length * supervisedEmbedder.dimensions);
    texts.forEach((text, i) => {
      const v = supervisedEmbedder.embedOne(text);
      if (v !== undefined) rows.set(v, i * supervisedEmbedder.dimensions);
    });
    supervised = { embedder: supervisedEmbedder, vectors: rows };
  }
  const embedMs = performance.now() - t;
  return {
    occupations,
    texts,
    skills,
    skillLists,
    bm25,
    embedder,
    vectors,
    supervised,
    tieKeys: Float64Array.from(occupations, (o) => hashString32(`tie|${o.code}`)),
    timings: { skillsMs, bm25Ms, lsaFitMs, embedMs },
  };
}

/** Cosine of a unit query vector with every document row (0 for all when the query has no vector). */
function cosines(corpus: OccupationCorpus, query: Float32Array | undefined, rows = corpus.vectors): Float32Array {
  const n = corpus.occupations.length;
  const out = new Float32Array(n);
  if (query === undefined) return out;
  const d = query.length;
  const m = rows;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const base = i * d;
    for (let c = 0; c < d; c++) s += (query[c] ?? 0) * (m[base + c] ?? 0);
    out[i] = s;
  }
  return out;
}

/** BM25 scores divided by the query's best score (a per-query monotone rescaling: same ranking as raw BM25). */
function normalizedBm25(corpus: OccupationCorpus, query: string): Float32Array {
  const raw = corpus.bm25.scoreAll(query);
  let max = 0;
  for (const s of raw) if (s > max) max = s;
  return Float32Array.from(raw, (s) => (max > 0 ? s / max : 0));
}

/**
 * [LSA cosine, skill overlap, normalised BM25, supervised cosine (0 without it)] of a query text against every
 * document.
 */
export function components(
  corpus: OccupationCorpus,
  text: string,
  querySkills: readonly string[],
  taxonomy: Taxonomy,
): Float32Array[] {
  const embedding = cosines(corpus, corpus.embedder.embedBag(corpus.embedder.bag(text)));
  const skills = Float32Array.from(corpus.skills, (doc) => skillOverlap(querySkills, doc, taxonomy));
  const s = corpus.supervised;
  const supervised =
    s === null ? new Float32Array(corpus.occupations.length) : cosines(corpus, s.embedder.embedOne(text), s.vectors);
  return [embedding, skills, normalizedBm25(corpus, text), supervised];
}
