import { postingText } from '../../domain/matching/extract.ts';
import { postingCreate } from '../../domain/model/posting.ts';
import { extractSkillIds, getTaxonomy } from '../../domain/skills/index.ts';
import { fitLsa, SERVICE_LSA_FIT, type LsaState } from '../../domain/text/lsa.ts';
import { createLsaEmbedder, type LsaEmbedder } from '../../domain/text/lsa-embedder.ts';
import { generateDemoData } from '../../demo/generate.ts';
import { toPosting } from '../../storage/mappers.ts';
import type { Database } from '../../storage/db.ts';
import { findEmbedderModel, insertEmbedderModel } from '../../storage/embeddings.repo.ts';
import { latestPostingsAcrossTenants } from '../../storage/postings.repo.ts';
import { readServiceSetting, writeServiceSettingText } from '../../storage/service-settings.repo.ts';
import { normalizePostingSkills } from '../skills.ts';

const ACTIVE_KEY = 'active_embedder';
/** The fitted LSA state in use (kept apart from the active embedder, so switching providers and back reuses it). */
const LSA_KEY = 'lsa_model';
/**
 * Below this many postings the corpus is topped up with generated postings, so the projection has enough text to learn
 * from.
 */
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
async function fitCorpus(
  database: Database,
  seed: number,
  minCorpus: number,
): Promise<{ texts: string[]; real: number }> {
  const rows = await latestPostingsAcrossTenants(database.db, MAX_CORPUS);
  const texts = rows.map((r) => postingText(toPosting(r)));
  const real = texts.length;
  if (texts.length < minCorpus) {
    for (const raw of generateDemoData({ seed, graduates: 0, postings: minCorpus - texts.length }).postings) {
      const p = postingCreate.parse(raw);
      texts.push(
        postingText({
          ...p,
          requiredSkills: normalizePostingSkills(p.requiredSkills),
          preferredSkills: normalizePostingSkills(p.preferredSkills),
        }),
      );
    }
  }
  return { texts, real };
}

/** Fits a new LSA state on the current postings corpus and stores it (not yet active). */
async function fitAndStoreLsa(
  database: Database,
  settings: LsaFitSettings,
  say: (line: string) => void = () => {},
): Promise<LsaState> {
  const started = performance.now();
  const { texts, real } = await fitCorpus(database, settings.seed, settings.minCorpus ?? MIN_CORPUS);
  say(
    `embedder: fitting LSA (${settings.dimensions} dimensions) on ${texts.length} postings (${real} from the database)`,
  );
  const state = fitLsa(texts, {
    ...SERVICE_LSA_FIT,
    dimensions: settings.dimensions,
    seed: settings.seed,
    skillTokens,
  });
  await insertEmbedderModel(database.db, {
    id: state.id,
    kind: 'lsa',
    dimensions: state.dimensions,
    state: JSON.stringify(state),
  });
  say(
    `embedder: fitted ${state.id} (vocabulary ${state.vocabulary.length}) in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return state;
}

const setSetting = (database: Database, key: string, value: string): Promise<void> =>
  writeServiceSettingText(database.db, key, value);

async function getSetting(database: Database, key: string): Promise<string | undefined> {
  const value = await readServiceSetting(database.db, key);
  return typeof value === 'string' ? value : undefined;
}

/** Records the embedder the service now serves with; returns the previous one (a change means re-embedding). */
export async function setActiveEmbedder(database: Database, embedderId: string): Promise<string | undefined> {
  const previous = await getSetting(database, ACTIVE_KEY);
  if (previous !== embedderId) await setSetting(database, ACTIVE_KEY, embedderId);
  return previous;
}

export const activeEmbedderId = (database: Database): Promise<string | undefined> => getSetting(database, ACTIVE_KEY);

export async function loadLsa(database: Database, modelId: string): Promise<LsaEmbedder | undefined> {
  const row = await findEmbedderModel(database.db, modelId);
  if (!row || row.kind !== 'lsa' || row.state === null) return undefined;
  return createLsaEmbedder(row.state as LsaState, { skillTokens });
}

/** The fitted LSA embedder; fits and records one on first use (with the requested dimensions). */
export async function ensureLsaEmbedder(
  database: Database,
  settings: LsaFitSettings,
  say: (line: string) => void = () => {},
): Promise<LsaEmbedder> {
  const id = await getSetting(database, LSA_KEY);
  const loaded = id ? await loadLsa(database, id) : undefined;
  if (loaded && loaded.state.dimensions === settings.dimensions) return loaded;
  const state = await fitAndStoreLsa(database, settings, say);
  await setSetting(database, LSA_KEY, state.id);
  return createLsaEmbedder(state, { skillTokens });
}
