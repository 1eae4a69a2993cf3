import { sql } from 'kysely';
import { postingText } from '../../domain/matching/extract.ts';
import { postingCreate } from '../../domain/model/posting.ts';
import { extractSkillIds, getTaxonomy } from '../../domain/skills/index.ts';
import { fitLsa, type LsaState } from '../../domain/text/lsa.ts';
import { createLsaEmbedder, type LsaEmbedder } from '../../domain/text/lsa-embedder.ts';
import { generateDemoData } from '../../demo/generate.ts';
import { toPosting } from '../../storage/mappers.ts';
import type { Database } from '../../storage/db.ts';
import { normalizePostingSkills } from '../skills.ts';

const ACTIVE_KEY = 'active_embedder';
/** Below this many postings the corpus is topped up with generated postings, so the projection has enough text to learn from. */
const MIN_CORPUS = 1_500;
const MAX_CORPUS = 20_000;

export const skillTokens = (text: string): string[] => extractSkillIds(text, getTaxonomy());

export interface LsaFitSettings {
  dimensions: number;
  seed: number;
  /** Corpus size below which generated postings top it up (default 1,500). */
  minCorpus?: number;
}

/** Postings text of every tenant (newest first, capped), topped up with generated postings when thin. */
async function fitCorpus(database: Database, seed: number, minCorpus: number): Promise<{ texts: string[]; real: number }> {
  const rows = await database.db.selectFrom('job_postings').selectAll().orderBy('updated_at', 'desc').limit(MAX_CORPUS).execute();
  const texts = rows.map((r) => postingText(toPosting(r)));
  const real = texts.length;
  if (texts.length < minCorpus) {
    for (const raw of generateDemoData({ seed, graduates: 0, postings: minCorpus - texts.length }).postings) {
      const p = postingCreate.parse(raw);
      texts.push(postingText({ ...p, requiredSkills: normalizePostingSkills(p.requiredSkills), preferredSkills: normalizePostingSkills(p.preferredSkills) }));
    }
  }
  return { texts, real };
}

/** Fits a new LSA state on the current postings corpus and stores it (not yet active). */
export async function fitAndStoreLsa(database: Database, settings: LsaFitSettings, say: (line: string) => void = () => {}): Promise<LsaState> {
  const started = performance.now();
  const { texts, real } = await fitCorpus(database, settings.seed, settings.minCorpus ?? MIN_CORPUS);
  say(`embedder: fitting LSA (${settings.dimensions} dimensions) on ${texts.length} postings (${real} from the database)`);
  const state = fitLsa(texts, { dimensions: settings.dimensions, seed: settings.seed, powerIterations: 1, skillTokens });
  await database.db.insertInto('embedder_models').values({ id: state.id, kind: 'lsa', dimensions: state.dimensions, state: JSON.stringify(state) })
    .onConflict((oc) => oc.column('id').doNothing()).execute();
  say(`embedder: fitted ${state.id} (vocabulary ${state.vocabulary.length}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return state;
}

export async function setActiveEmbedder(database: Database, modelId: string): Promise<void> {
  await database.db.insertInto('service_settings').values({ key: ACTIVE_KEY, value: JSON.stringify(modelId) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(modelId), updated_at: sql`now()` })).execute();
}

export async function activeEmbedderId(database: Database): Promise<string | undefined> {
  const row = await database.db.selectFrom('service_settings').select('value').where('key', '=', ACTIVE_KEY).executeTakeFirst();
  return typeof row?.value === 'string' ? row.value : undefined;
}

export async function loadLsa(database: Database, modelId: string): Promise<LsaEmbedder | undefined> {
  const row = await database.db.selectFrom('embedder_models').select(['state', 'kind']).where('id', '=', modelId).executeTakeFirst();
  if (!row || row.kind !== 'lsa' || row.state === null) return undefined;
  const state = (typeof row.state === 'string' ? JSON.parse(row.state) : row.state) as LsaState;
  return createLsaEmbedder(state, { skillTokens });
}

/** The active LSA embedder; fits and activates one on first use. */
export async function ensureLsaEmbedder(database: Database, settings: LsaFitSettings, say: (line: string) => void = () => {}): Promise<LsaEmbedder> {
  const id = await activeEmbedderId(database);
  const loaded = id ? await loadLsa(database, id) : undefined;
  if (loaded) return loaded;
  const state = await fitAndStoreLsa(database, settings, say);
  await setActiveEmbedder(database, state.id);
  return createLsaEmbedder(state, { skillTokens });
}
