import { qualityInForce } from '../../domain/explain/measured-quality.ts';
import {
  DISCLOSURE_TEXT_VERSION,
  disclosureDocument,
  disclosureVersionKey,
  type DisclosureDocument,
  type DisclosureInput,
} from '../../domain/explain/index.ts';
import { notFound } from '../../domain/errors.ts';
import type { Lang } from '../../domain/model/common.ts';
import type { Database } from '../../storage/db.ts';
import { ensureDisclosure, findDisclosure, listDisclosures } from '../../storage/disclosures.repo.ts';
import type { MatchingDeps } from '../matching/deps.ts';
import { embedderInfo, latestAuditHeadline, operatingFlags, readQualityFigures } from './disclosure-inputs.ts';

const PUBLIC_SCOPE = 'public';

export interface DisclosureAnswer {
  document: DisclosureDocument;
  /** When this version was first served. */
  versionCreatedAt: string;
  /** 'public', or 'tenant' when the version carries this tenant's operating flags. */
  scope: 'public' | 'tenant';
  /** The quality line to show: the figures, or that they are not yet measured. */
  qualityStatus: string;
}

const NOT_MEASURED = { zh: '质量指标尚未测量。', en: 'Quality figures: not yet measured.' } as const;

export interface DisclosureVersion {
  versionKey: string;
  scope: 'public' | 'tenant';
  createdAt: string;
  weightsVersion: string;
  embedderId: string;
}

/** Versions known to exist per database, so a steady state costs no insert attempt per request. */
const known = new WeakMap<Database, Map<string, Date>>();

const asObject = (raw: unknown): Record<string, unknown> => {
  const v: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
};

/** Writes the version the first time it is seen; an existing row is never changed. */
async function ensureVersion(
  database: Database,
  scope: string,
  key: string,
  input: Omit<DisclosureInput, 'lang'>,
): Promise<Date> {
  const cache = known.get(database) ?? new Map<string, Date>();
  known.set(database, cache);
  const cached = cache.get(`${scope}/${key}`);
  if (cached) return cached;
  // Stored without any tenant's audit figures: a version is the algorithm, and may be read by the public.
  const stored = { ...input, latestAudit: null };
  const content = {
    zh: disclosureDocument({ ...stored, lang: 'zh' }),
    en: disclosureDocument({ ...stored, lang: 'en' }),
  };
  const record = {
    textVersion: DISCLOSURE_TEXT_VERSION,
    weights: input.weights,
    embedder: input.embedder,
    rerankingOn: input.rerankingOn ?? false,
    openAlert: input.openAlert ?? false,
    aiRankingSuspended: input.aiRankingSuspended ?? false,
  };
  const at = await ensureDisclosure(database.db, { scope, versionKey: key, input: record, content });
  cache.set(`${scope}/${key}`, at);
  return at;
}

/**
 * The algorithm disclosure as it stands now. Without a key: the public document (no tenant flags, no
 * audit). With a key: the tenant's kill switch, re-ranking and alert flags and its latest audit
 * headline. A new version key (weights, embedder, flags or wording changed) writes a new version row.
 */
export async function currentDisclosure({
  database,
  deps,
  tenantId,
  lang,
}: {
  database: Database;
  deps: MatchingDeps;
  tenantId: string | null;
  lang: Lang;
}): Promise<DisclosureAnswer> {
  const embedder = await embedderInfo(database, deps);
  const quality = qualityInForce(await readQualityFigures(database), {
    weightsVersion: deps.weights.version,
    embedderId: embedder.id,
  });
  const flags = tenantId
    ? await operatingFlags(database, tenantId)
    : { aiRankingSuspended: false, rerankingOn: false, openAlert: false };
  const latestAudit = tenantId ? await latestAuditHeadline(database, tenantId) : null;
  const input = { weights: deps.weights, embedder, quality, latestAudit, ...flags };
  const key = disclosureVersionKey(input);
  // Only a version carrying a tenant's own flags is kept to that tenant; the default one is public.
  const tenantScoped = tenantId !== null && (flags.aiRankingSuspended || flags.rerankingOn || flags.openAlert);
  const createdAt = await ensureVersion(database, tenantScoped && tenantId ? tenantId : PUBLIC_SCOPE, key, input);
  const document = disclosureDocument({ ...input, lang });
  return {
    document,
    versionCreatedAt: createdAt.toISOString(),
    scope: tenantScoped ? 'tenant' : 'public',
    qualityStatus: document.quality?.text ?? NOT_MEASURED[lang],
  };
}

const scopes = (tenantId: string | null): string[] => (tenantId ? [PUBLIC_SCOPE, tenantId] : [PUBLIC_SCOPE]);

export async function listDisclosureVersions({
  database,
  tenantId,
}: {
  database: Database;
  tenantId: string | null;
}): Promise<DisclosureVersion[]> {
  const rows = await listDisclosures(database.db, scopes(tenantId));
  return rows.map((r) => {
    const input = asObject(r.input);
    const weights = asObject(input.weights);
    const embedder = asObject(input.embedder);
    return {
      versionKey: r.versionKey,
      scope: r.scope === PUBLIC_SCOPE ? ('public' as const) : ('tenant' as const),
      createdAt: r.createdAt.toISOString(),
      weightsVersion: typeof weights.version === 'string' ? weights.version : '',
      embedderId: typeof embedder.id === 'string' ? embedder.id : '',
    };
  });
}

/** One stored version, as it was first served (tenant versions only to that tenant's keys). */
export async function getDisclosureVersion({
  database,
  tenantId,
  versionKey,
  lang,
}: {
  database: Database;
  tenantId: string | null;
  versionKey: string;
  lang: Lang;
}): Promise<{ document: DisclosureDocument; createdAt: string; scope: 'public' | 'tenant' }> {
  const row = await findDisclosure(database.db, scopes(tenantId), versionKey);
  if (!row) throw notFound('Disclosure version');
  const document = asObject(row.content)[lang] as DisclosureDocument | undefined;
  if (!document) throw notFound('Disclosure version');
  return { document, createdAt: row.createdAt.toISOString(), scope: row.scope === PUBLIC_SCOPE ? 'public' : 'tenant' };
}
