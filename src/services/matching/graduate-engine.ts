import { profileText } from '../../domain/matching/extract.ts';
import {
  analyzerId,
  decodeGraduateDerivation,
  deriveGraduate,
  encodeGraduateDerivation,
  graduateInputHash,
  readableAnalyzerIds,
  type GraduateDerivation,
} from '../../domain/search/derived.ts';
import { GraduateIndex, type GraduateIndexSnapshot, type IndexedGraduate } from '../../domain/search/graduate-index.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import type { Embedder } from '../../domain/text/embedder.ts';
import type { Database } from '../../storage/db.ts';
import { findEmbeddings, upsertEmbeddings, type StoredEmbeddings } from '../../storage/embeddings.repo.ts';
import {
  indexableGraduatesWithIds,
  tenantGraduateIdsInOrder,
  countTenantGraduates,
  graduateChangesSince,
  tenantGraduateIds,
  latestGraduateChange,
  tenantGraduatesVersion,
  type IndexableGraduateRow,
} from '../../storage/graduate-index.repo.ts';
import {
  findDerivations,
  upsertDerivations,
  type DerivationRow,
  type StoredDerivations,
} from '../../storage/index-derivations.repo.ts';
import { suppressedTagsOf, toProfileFields } from '../../storage/mappers.ts';
import { loadPages, LoadMeter, storedSize, type LoadObserver, type LoadReport } from './load-meter.ts';

/** Changes committed slightly out of clock order are caught by re-reading a short window. */
const OVERLAP_MS = 5_000;
const EMBED_BATCH = 256;
/** Graduates a page of a first load, and pages read ahead of the one being indexed (three statements each). */
const PAGE = 2_000;
const READ_AHEAD = 2;

interface Stored {
  derivations: StoredDerivations;
  vectors: StoredEmbeddings;
}

interface TenantEntry {
  index: GraduateIndex;
  version: string;
  /** The latest change mark read; null before the first load. */
  since: Date | null;
  syncing: Promise<void> | null;
}

/** How much one side of matching holds in memory: its rows, and the bytes of their vector stores. */
export interface IndexSize {
  entries: number;
  vectorBytes: number;
}

/** Graduates indexed so far while a tenant loads (for start-up progress). */
export type LoadProgress = (indexed: number) => void;

/**
 * A tenant's first graduate load done in another thread (loadCurrentGraduates there): the index's snapshot, the
 * change mark read before its rows, the graduates it left to this thread (a derivation or vector to make) and what
 * the load did.
 */
export interface GraduatesLoadedElsewhere {
  snapshot: GraduateIndexSnapshot;
  since: Date | null;
  deferred: string[];
  report: LoadReport;
}

/** Starts a tenant's first graduate load elsewhere; null when it could not be done there (then it is done here). */
export type LoadGraduatesElsewhere = (tenantId: string) => Promise<GraduatesLoadedElsewhere | null>;

/** Which embedder's vectors a load reads, and what it does with a row whose derivation or vector is not current. */
interface IndexRows {
  embedderId: string;
  dimensions: number;
  /** Derive and embed it here, or leave its id in `deferred` for whoever can (loadCurrentGraduates). */
  stale:
    | { embed: (texts: string[]) => Promise<Float32Array[]>; register: (database: Database) => Promise<void> }
    | { deferred: string[] };
}

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
  readonly #onLoad: LoadObserver | undefined;
  readonly #elsewhere: LoadGraduatesElsewhere | undefined;
  /** Hears the graduates a sync found erased (by this process or another), so caches of their profiles drop them. */
  readonly #erased: ((ids: readonly string[]) => void) | undefined;

  constructor(
    embedder: Embedder,
    embed: (texts: string[]) => Promise<Float32Array[]>,
    register: (database: Database) => Promise<void>,
    onLoad?: LoadObserver,
    elsewhere?: LoadGraduatesElsewhere,
    erased?: (ids: readonly string[]) => void,
  ) {
    this.#erased = erased;
    this.#embedder = embedder;
    this.#embed = embed;
    this.#register = register;
    this.#onLoad = onLoad;
    this.#elsewhere = elsewhere;
  }

  /** Whether first loads run in another thread (so a start may load the postings meanwhile). */
  get loadsElsewhere(): boolean {
    return this.#elsewhere !== undefined;
  }

  /** Graduates held across every tenant's index and the bytes their vector stores hold (GET /metrics). */
  get size(): IndexSize {
    const size = { entries: 0, vectorBytes: 0 };
    for (const { index } of this.#tenants.values()) {
      size.entries += index.size;
      size.vectorBytes += index.vectors.bytes;
    }
    return size;
  }

  /**
   * Syncs every tenant index this process has loaded, so that graduates erased by another process leave it (and,
   * through the erased hook, the caches of their profiles) without waiting for a candidate list of that tenant.
   */
  async syncLoaded(database: Database): Promise<void> {
    for (const tenantId of [...this.#tenants.keys()]) await this.graduates(database, tenantId);
  }

  /** The tenant's graduate index, synced with the database first. */
  async graduates(database: Database, tenantId: string, progress?: LoadProgress): Promise<GraduateIndex> {
    return this.graduatesAt(database, tenantId, await tenantGraduatesVersion(database.db, tenantId), progress);
  }

  /** The tenant's graduate index synced to `version`, a tenant_graduates_version the caller read itself. */
  async graduatesAt(
    database: Database,
    tenantId: string,
    version: string,
    progress?: LoadProgress,
  ): Promise<GraduateIndex> {
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
      const loaded = this.#elsewhere ? await this.#elsewhere(tenantId) : null;
      if (loaded) {
        // Nobody holds entry.index yet: graduatesAt hands it out only once this first sync is done.
        entry.index = GraduateIndex.restore(loaded.snapshot);
        for (let start = 0; start < loaded.deferred.length; start += PAGE) {
          const ids = loaded.deferred.slice(start, start + PAGE);
          const [rows, stored] = await Promise.all([
            indexableGraduatesWithIds(db, tenantId, ids),
            this.#stored(database, ids),
          ]);
          await this.#index(database, tenantId, entry.index, rows, stored);
        }
        progress?.(entry.index.size);
        entry.since = loaded.since ?? new Date(0);
        this.#onLoad?.(loaded.report);
      } else {
        const { since, report } = await loadGraduatePages(database, tenantId, this.#embedder.id, (rows, stored) =>
          this.#index(database, tenantId, entry.index, rows, stored).then(() => progress?.(entry.index.size)),
        );
        entry.since = since ?? new Date(0);
        this.#onLoad?.(report);
      }
    } else {
      const changes = await graduateChangesSince(db, tenantId, new Date(entry.since.getTime() - OVERLAP_MS));
      await this.#index(
        database,
        tenantId,
        entry.index,
        changes.rows,
        await this.#stored(
          database,
          changes.rows.map((r) => r.id),
        ),
      );
      for (const id of changes.gone) entry.index.remove(id);
      // An erased graduate leaves no change mark (erasure keeps no id): the index then holds more rows than
      // the tenant has graduates, and the ids no longer there are dropped.
      if (entry.index.size > (await countTenantGraduates(db, tenantId))) {
        const present = await tenantGraduateIds(db, tenantId);
        const erased = [...entry.index.ids()].filter((id) => !present.has(id));
        for (const id of erased) entry.index.remove(id);
        if (erased.length > 0) this.#erased?.(erased);
      }
      if (changes.latest && changes.latest > entry.since) entry.since = changes.latest;
    }
    entry.version = version;
  }

  #stored(database: Database, ids: readonly string[]): Promise<Stored> {
    return storedOf(database, this.#embedder.id, ids);
  }

  #index(
    database: Database,
    tenantId: string,
    index: GraduateIndex,
    rows: IndexableGraduateRow[],
    stored: Stored,
  ): Promise<void> {
    const how: IndexRows = {
      embedderId: this.#embedder.id,
      dimensions: this.#embedder.dimensions,
      stale: { embed: this.#embed, register: this.#register },
    };
    return indexGraduateRows(how, database, tenantId, index, rows, stored);
  }
}

/** The stored derivations (current analyzer) and vectors (this embedder) of these graduates. */
async function storedOf(database: Database, embedderId: string, ids: readonly string[]): Promise<Stored> {
  const [derivations, vectors] = await Promise.all([
    findDerivations(database.db, 'graduate', readableAnalyzerIds(getTaxonomy()), ids),
    findEmbeddings(database.db, 'graduate', embedderId, ids),
  ]);
  return { derivations, vectors };
}

/**
 * A tenant's first load: the change mark (read before the rows: a change made while they load is read again next
 * time), the ids in id order, then a page's rows, stored derivations and vectors side by side, the next pages read
 * while this one is indexed (the database's work overlaps ours).
 */
async function loadGraduatePages(
  database: Database,
  tenantId: string,
  embedderId: string,
  index: (rows: IndexableGraduateRow[], stored: Stored) => Promise<void>,
): Promise<{ since: Date | null; report: LoadReport }> {
  const { db } = database;
  const latest = await latestGraduateChange(db, tenantId);
  const meter = new LoadMeter('graduates', tenantId);
  const ids = await meter.read(() => tenantGraduateIdsInOrder(db, tenantId));
  const read = async (page: number) => {
    const chunk = ids.slice(page * PAGE, (page + 1) * PAGE);
    const [rows, stored] = await Promise.all([
      indexableGraduatesWithIds(db, tenantId, chunk),
      storedOf(database, embedderId, chunk),
    ]);
    meter.addStored(storedSize(stored.derivations, stored.vectors));
    return { rows, stored };
  };
  const indexPage = async (page: Awaited<ReturnType<typeof read>>) => {
    await index(page.rows, page.stored);
    return page.rows.length;
  };
  await loadPages(meter, Math.ceil(ids.length / PAGE), read, indexPage, READ_AHEAD);
  return { since: latest, report: meter.finish() };
}

/**
 * A tenant's first graduate load for another thread (a worker without the embedder): the graduates whose stored
 * derivation and vector are current are indexed exactly as a load here indexes them, the others' ids are left in
 * `deferred` for the serving thread to derive and embed (GraduatesLoadedElsewhere).
 */
export async function loadCurrentGraduates(
  database: Database,
  tenantId: string,
  embedder: { id: string; dimensions: number },
): Promise<{ index: GraduateIndex; since: Date | null; deferred: string[]; report: LoadReport }> {
  const index = new GraduateIndex(embedder.dimensions);
  const deferred: string[] = [];
  const how: IndexRows = { embedderId: embedder.id, dimensions: embedder.dimensions, stale: { deferred } };
  const { since, report } = await loadGraduatePages(database, tenantId, embedder.id, (rows, stored) =>
    indexGraduateRows(how, database, tenantId, index, rows, stored),
  );
  return { index, since, deferred, report };
}

/**
 * Indexes rows: each one's stored derivation is used while its inputs' hash matches (else derived and stored), its
 * stored vector while its text's hash matches (else embedded and stored); with `stale.deferred`, a row needing
 * either is left there instead.
 */
async function indexGraduateRows(
  how: IndexRows,
  database: Database,
  tenantId: string,
  index: GraduateIndex,
  rows: IndexableGraduateRow[],
  { derivations, vectors }: Stored,
): Promise<void> {
  const taxonomy = getTaxonomy();
  const analyzer = analyzerId(taxonomy);
  const derivedNow: DerivationRow[] = [];
  const { dimensions } = how;
  const zero = new Float32Array(dimensions);
  const stale: Array<{ indexed: IndexedGraduate; text: () => string; hash: string }> = [];
  const deferred = 'deferred' in how.stale ? how.stale.deferred : null;
  // Each row is indexed as soon as it is read when its vector is current (or it has none), so its decoded
  // derivation's temporaries are garbage while still young rather than held until the whole page is read.
  for (const row of rows) {
    const graduate = toProfileFields(row);
    const suppressed = suppressedTagsOf(row.suppressed_tags);
    const hash = graduateInputHash(graduate, suppressed);
    const s = derivations.get(row.id);
    let d: GraduateDerivation;
    if (s?.contentHash === hash) d = decodeGraduateDerivation(s.derived);
    else if (deferred) {
      deferred.push(row.id);
      continue;
    } else {
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
    // A profile with no words to embed has no semantic evidence: the zero vector, never stored.
    const v = vectors.get(row.id);
    if (d.blank) index.upsert(indexed, zero);
    else if (v?.contentHash === d.textHash) index.upsert(indexed, v.vector.length === dimensions ? v.vector : zero);
    else if (deferred) deferred.push(row.id);
    // The profile text is built again only to embed it (its hash is stored with the derivation).
    else stale.push({ indexed, text: () => profileText(graduate, suppressed, taxonomy), hash: d.textHash });
  }
  if ('deferred' in how.stale) return;
  const { embed, register } = how.stale;
  await upsertDerivations(database.db, derivedNow, new Date());
  if (stale.length > 0) await register(database);
  for (let start = 0; start < stale.length; start += EMBED_BATCH) {
    const batch = stale.slice(start, start + EMBED_BATCH);
    const fresh = await embed(batch.map((p) => p.text()));
    await upsertEmbeddings(
      database.db,
      batch.map((p, j) => ({
        entityType: 'graduate' as const,
        entityId: p.indexed.id,
        tenantId,
        modelId: how.embedderId,
        vector: fresh[j] ?? zero,
        contentHash: p.hash,
      })),
      database.hasVector,
      new Date(),
    );
    batch.forEach((p, j) => {
      const vector = fresh[j] ?? zero;
      index.upsert(p.indexed, vector.length === dimensions ? vector : zero);
    });
  }
}
