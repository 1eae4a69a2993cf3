import { profileText } from '../../domain/matching/extract.ts';
import {
  analyzerId,
  decodeGraduateDerivation,
  deriveGraduate,
  encodeGraduateDerivation,
  graduateInputHash,
  type GraduateDerivation,
} from '../../domain/search/derived.ts';
import { GraduateIndex, type IndexedGraduate } from '../../domain/search/graduate-index.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import type { Embedder } from '../../domain/text/embedder.ts';
import type { Database } from '../../storage/db.ts';
import { findEmbeddings, upsertEmbeddings } from '../../storage/embeddings.repo.ts';
import {
  allIndexableGraduates,
  countTenantGraduates,
  graduateChangesSince,
  tenantGraduateIds,
  latestGraduateChange,
  tenantGraduatesVersion,
  type IndexableGraduateRow,
} from '../../storage/graduate-index.repo.ts';
import { findDerivations, upsertDerivations, type DerivationRow } from '../../storage/index-derivations.repo.ts';
import { toMatchableGraduate } from '../../storage/mappers.ts';

/** Changes committed slightly out of clock order are caught by re-reading a short window. */
const OVERLAP_MS = 5_000;
const EMBED_BATCH = 256;

interface TenantEntry {
  index: GraduateIndex;
  version: string;
  /** The latest change mark read; null before the first load. */
  since: Date | null;
  syncing: Promise<void> | null;
}

/** Graduates indexed so far while a tenant loads (for start-up progress). */
export type LoadProgress = (indexed: number) => void;

/**
 * Each tenant's graduates in a GraduateIndex, for candidate lists, kept in step with the database as the
 * posting indexes are: a per-tenant version bumped by triggers on graduates and on the employer-visibility
 * consent, and a change mark per graduate, so a profile edited, a tag deleted, personalization or consent
 * changed, or a graduate erased by any process shows on the next request. Stored vectors of the current
 * embedder are loaded as they are (never re-embedded while the profile text's hash matches).
 */
export class GraduateIndexes {
  readonly #embedder: Embedder;
  readonly #embed: (texts: string[]) => Promise<Float32Array[]>;
  /** Registers the embedder in embedder_models before its first vector is stored (the foreign key). */
  readonly #register: (database: Database) => Promise<void>;
  readonly #tenants = new Map<string, TenantEntry>();

  constructor(
    embedder: Embedder,
    embed: (texts: string[]) => Promise<Float32Array[]>,
    register: (database: Database) => Promise<void>,
  ) {
    this.#embedder = embedder;
    this.#embed = embed;
    this.#register = register;
  }

  /** The tenant's graduate index, synced with the database first. */
  async graduates(database: Database, tenantId: string, progress?: LoadProgress): Promise<GraduateIndex> {
    const version = await tenantGraduatesVersion(database.db, tenantId);
    let entry = this.#tenants.get(tenantId);
    if (!entry) {
      entry = { index: new GraduateIndex(this.#embedder.dimensions), version: '', since: null, syncing: null };
      this.#tenants.set(tenantId, entry);
    }
    while (entry.version !== version) {
      if (!entry.syncing) {
        const current = entry;
        current.syncing = this.#sync(database, tenantId, current, version, progress).finally(() => {
          current.syncing = null;
        });
      }
      await entry.syncing;
    }
    return entry.index;
  }

  async #sync(
    database: Database,
    tenantId: string,
    entry: TenantEntry,
    version: string,
    progress?: LoadProgress,
  ): Promise<void> {
    const { db } = database;
    if (entry.since === null) {
      // The mark is read before the rows: a change made while they load is read again next time.
      const latest = await latestGraduateChange(db, tenantId);
      for await (const rows of allIndexableGraduates(db, tenantId)) {
        await this.#index(database, tenantId, entry.index, rows);
        progress?.(entry.index.size);
      }
      entry.since = latest ?? new Date(0);
    } else {
      const changes = await graduateChangesSince(db, tenantId, new Date(entry.since.getTime() - OVERLAP_MS));
      await this.#index(database, tenantId, entry.index, changes.rows);
      for (const id of changes.gone) entry.index.remove(id);
      // An erased graduate leaves no change mark (erasure keeps no id): the index then holds more rows than
      // the tenant has graduates, and the ids no longer there are dropped.
      if (entry.index.size > (await countTenantGraduates(db, tenantId))) {
        const present = await tenantGraduateIds(db, tenantId);
        for (const id of entry.index.ids()) if (!present.has(id)) entry.index.remove(id);
      }
      if (changes.latest && changes.latest > entry.since) entry.since = changes.latest;
    }
    entry.version = version;
  }

  async #index(
    database: Database,
    tenantId: string,
    index: GraduateIndex,
    rows: IndexableGraduateRow[],
  ): Promise<void> {
    const taxonomy = getTaxonomy();
    const analyzer = analyzerId(taxonomy);
    const derivations = await findDerivations(
      database.db,
      'graduate',
      analyzer,
      rows.map((r) => r.id),
    );
    const derivedNow: DerivationRow[] = [];
    const prepared = rows.map((row) => {
      const { graduate, suppressed } = toMatchableGraduate(row);
      const hash = graduateInputHash(graduate, suppressed);
      const s = derivations.get(row.id);
      let d: GraduateDerivation;
      if (s?.contentHash === hash) d = decodeGraduateDerivation(s.derived);
      else {
        d = deriveGraduate(graduate, suppressed, taxonomy);
        derivedNow.push({
          entityType: 'graduate',
          entityId: row.id,
          tenantId,
          analyzer,
          contentHash: hash,
          derived: encodeGraduateDerivation(d),
        });
      }
      const indexed: IndexedGraduate = {
        id: row.id,
        features: d.features,
        queryTerms: d.queryTerms,
        titleTerms: d.titleTerms,
        visibility: row.visibility as IndexedGraduate['visibility'],
        employerConsent: row.employer_consent,
        years: d.years,
        filterCities: d.filterCities,
        createdAt: row.created_at.getTime(),
      };
      // The profile text is built again only to embed it (its hash is stored with the derivation).
      const text = () => profileText(graduate, suppressed, taxonomy);
      return { indexed, text, hash: d.textHash, blank: d.blank };
    });
    await upsertDerivations(database.db, derivedNow, new Date());
    const stored = await findEmbeddings(
      database.db,
      'graduate',
      this.#embedder.id,
      prepared.map((p) => p.indexed.id),
    );
    const zero = new Float32Array(this.#embedder.dimensions);
    // A profile with no words to embed has no semantic evidence: the zero vector, never stored.
    const stale = prepared.filter((p) => stored.get(p.indexed.id)?.contentHash !== p.hash && !p.blank);
    const fresh = new Map<string, Float32Array>();
    if (stale.length > 0) await this.#register(database);
    for (let start = 0; start < stale.length; start += EMBED_BATCH) {
      const batch = stale.slice(start, start + EMBED_BATCH);
      const vectors = await this.#embed(batch.map((p) => p.text()));
      batch.forEach((p, j) => fresh.set(p.indexed.id, vectors[j] ?? zero));
      await upsertEmbeddings(
        database.db,
        batch.map((p) => ({
          entityType: 'graduate' as const,
          entityId: p.indexed.id,
          tenantId,
          modelId: this.#embedder.id,
          vector: fresh.get(p.indexed.id) ?? zero,
          contentHash: p.hash,
        })),
        database.hasVector,
        new Date(),
      );
    }
    for (const p of prepared) {
      const vector = fresh.get(p.indexed.id) ?? (p.blank ? zero : (stored.get(p.indexed.id)?.vector ?? zero));
      index.upsert(p.indexed, vector.length === this.#embedder.dimensions ? vector : zero);
    }
  }
}
