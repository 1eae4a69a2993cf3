import type { Embedder } from '../../domain/text/embedder.ts';
import { EmptyTextError } from '../../domain/text/embedder.ts';
import {
  forgetProfileFeatures,
  heldProfileFeatures,
  postingFeatures,
  postingLexicalText,
  postingText,
  profileText,
  type MatchableProfile,
} from '../../domain/matching/extract.ts';
import type { LexicalMatch } from '../../domain/matching/features.ts';
import { PostingIndex, type IndexedPosting, type PostingListing } from '../../domain/search/posting-index.ts';
import type { Posting } from '../../domain/model/posting.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import type { Database } from '../../storage/db.ts';
import {
  analyzerId,
  decodePostingDerivation,
  derivePosting,
  encodePostingDerivation,
  postingInputHash,
  readableAnalyzerIds,
  textHash,
  type PostingDerivation,
} from '../../domain/search/derived.ts';
import { forgetPlainQueries, heldPlainQueries, type LexicalDocument } from '../../domain/search/lexical-index.ts';
import {
  ensureEmbedderModel,
  findEmbeddings,
  upsertEmbeddings,
  type StoredEmbeddings,
} from '../../storage/embeddings.repo.ts';
import {
  findDerivations,
  upsertDerivations,
  type DerivationRow,
  type StoredDerivations,
} from '../../storage/index-derivations.repo.ts';
import { toPosting } from '../../storage/mappers.ts';
import {
  latestPostingUpdate,
  postingsWithIds,
  recommendablePostingIds,
  postingsUpdatedSince,
  postingTombstonesSince,
  tenantPostingsVersion,
} from '../../storage/postings.repo.ts';
import type { PostingRow } from '../../storage/schema.ts';
import { listTenantIds } from '../../storage/tenants.repo.ts';
import { processMetrics, timed } from '../metrics.ts';
import type { GraduateIndex } from '../../domain/search/graduate-index.ts';
import { EmployerNames } from './employer-names.ts';
import { isUuid } from '../../domain/uuid.ts';
import { presentGraduateIds } from '../../storage/graduate-index.repo.ts';
import { GraduateIndexes, type IndexSize, type LoadGraduatesElsewhere, type LoadProgress } from './graduate-engine.ts';
import { loadPages, LoadMeter, storedSize, type LoadObserver } from './load-meter.ts';

const hashOf = textHash;
const DAY = 86_400_000;
/** Postings read, derived and embedded together: bounds what a first load holds at once (two chunks in flight). */
const INDEX_CHUNK = 2_000;
/** Pages of a first load read ahead of the one being indexed (each read is three statements at once). */
const READ_AHEAD = 2;
/** Writes committed slightly out of clock order are caught by re-reading a short window. */
const OVERLAP_MS = 5_000;
/** What-if profiles whose vectors are kept (a profile text of a few KB and one vector each). */
const HYPOTHETICAL_CACHE = 4_096;

interface TenantEntry {
  index: PostingIndex;
  version: string;
  watermark: number;
  tombstones: number;
  syncing: Promise<void> | null;
}

/** A posting is recommendable when open and not held back by a compliance review. */
export function isRecommendable(row: PostingRow): boolean {
  return row.status === 'open' && (row.review_status === 'none' || row.review_status === 'approved');
}

export function toIndexed(posting: Posting): IndexedPosting {
  return {
    id: posting.id,
    features: postingFeatures(posting, getTaxonomy()),
    createdAt: Date.parse(posting.createdAt),
    closesAt: posting.closesAt ? Date.parse(`${posting.closesAt}T00:00:00Z`) + DAY : null,
    text: postingLexicalText(posting),
    employerId: posting.employerId,
    listing: listingOf(posting),
  };
}

/** What a list shows of a posting; its strings and arrays are the posting's own, so holding it costs a few refs. */
export const listingOf = (p: Posting): PostingListing => ({
  title: p.title,
  employerId: p.employerId,
  locations: p.locations,
  remote: p.remote,
  jobType: p.jobType,
  minDegree: p.minDegree,
  salaryMin: p.salaryMin,
  salaryMax: p.salaryMax,
  closesAt: p.closesAt,
  createdAt: p.createdAt,
});

/**
 * The lexical side of scoring `posting` for a profile text, with the tenant index's statistics: the
 * indexed row when the posting is there, else the posting scored as one more document (closed or
 * inline postings), so every path scores keywords the way the lists do.
 */
export function lexicalFor(index: PostingIndex, posting: Posting, text: string): LexicalMatch {
  const query = index.lexical.query(text);
  return index.has(posting.id)
    ? index.lexical.match(posting.id, query)
    : index.lexical.matchDocument(postingLexicalText(posting), query);
}

/**
 * Holds each tenant's open postings in memory for one embedder and keeps them in step with the database
 * (a per-tenant version bumped by a trigger on every posting write, plus tombstones for deletions), so
 * postings opened, changed or closed by any process show up on the next request, without a restart.
 */
/** The embedder_models kind of an embedder id (each provider prefixes its ids; see src/embedders). */
export function embedderKind(id: string): 'lsa' | 'supervised' | 'openai' | 'onnx' | 'workers-ai' {
  if (id.startsWith('supervised:')) return 'supervised';
  if (id.startsWith('openai:')) return 'openai';
  if (id.startsWith('onnx:')) return 'onnx';
  if (id.startsWith('workers-ai:')) return 'workers-ai';
  return 'lsa';
}

/** How often a serving process looks for graduates erased elsewhere (MatchingEngine.sweepErased). */
export const ERASED_SWEEP_MS = 60_000;

export class MatchingEngine {
  readonly embedder: Embedder;
  readonly #tenants = new Map<string, TenantEntry>();
  readonly #registered = new WeakSet<Database>();
  readonly #profiles = new Map<string, { hash: string; vector: Float32Array }>();
  readonly #hypothetical = new Map<string, Float32Array>();
  readonly #graduates: GraduateIndexes;
  readonly #onLoad: LoadObserver | undefined;
  /** Employers' names for list items, held per tenant like the postings (tenant_employers_version). */
  readonly employerNames = new EmployerNames();

  /**
   * `onLoad` hears what each first load of a tenant's postings or graduates did (the start-up log);
   * `loadGraduatesElsewhere` runs a tenant's first graduate load in another thread (a Node worker).
   */
  constructor(
    embedder: Embedder,
    options: { onLoad?: LoadObserver; loadGraduatesElsewhere?: LoadGraduatesElsewhere } = {},
  ) {
    this.embedder = embedder;
    this.#onLoad = options.onLoad;
    this.#graduates = new GraduateIndexes(
      embedder,
      (texts) => this.#embedMany(texts),
      (database) => this.register(database),
      options.onLoad,
      options.loadGraduatesElsewhere,
      (ids) => this.forgetGraduates(ids),
    );
  }

  /** Whether a tenant's first graduate load runs in another thread, so its postings may load meanwhile. */
  get loadsGraduatesElsewhere(): boolean {
    return this.#graduates.loadsElsewhere;
  }

  /** The tenant's graduate index (candidate lists), synced with the database first. */
  async graduates(database: Database, tenantId: string, progress?: LoadProgress): Promise<GraduateIndex> {
    return this.#graduates.graduates(database, tenantId, progress);
  }

  /** The tenant's graduate index synced to `version`, a tenant_graduates_version the caller read in its statement. */
  async graduatesAt(database: Database, tenantId: string, version: string): Promise<GraduateIndex> {
    return this.#graduates.graduatesAt(database, tenantId, version);
  }

  /** Postings held in memory across every tenant's index (GET /metrics). */
  get indexedPostings(): number {
    let n = 0;
    for (const entry of this.#tenants.values()) n += entry.index.size;
    return n;
  }

  /** What both sides of matching hold in memory across every tenant: rows and vector-store bytes (GET /metrics). */
  get indexSizes(): { postings: IndexSize; graduates: IndexSize } {
    let vectorBytes = 0;
    for (const entry of this.#tenants.values()) vectorBytes += entry.index.vectors.bytes;
    return { postings: { entries: this.indexedPostings, vectorBytes }, graduates: this.#graduates.size };
  }

  /** The tenant's index, synced with the database first. */
  async postings(database: Database, tenantId: string): Promise<PostingIndex> {
    return this.postingsAt(database, tenantId, await tenantPostingsVersion(database.db, tenantId));
  }

  /** The tenant's index synced to `version`, a tenant_postings_version the caller read in a statement of its own. */
  async postingsAt(database: Database, tenantId: string, version: string): Promise<PostingIndex> {
    let entry = this.#tenants.get(tenantId);
    if (!entry) {
      entry = {
        index: new PostingIndex(this.embedder.dimensions),
        version: '',
        watermark: -Infinity,
        tombstones: -Infinity,
        syncing: null,
      };
      this.#tenants.set(tenantId, entry);
    }
    while (entry.version !== version) {
      if (!entry.syncing) {
        const current = entry;
        current.syncing = this.#sync(database, tenantId, current, version).finally(() => {
          current.syncing = null;
        });
      }
      await entry.syncing;
    }
    return entry.index;
  }

  async #sync(database: Database, tenantId: string, entry: TenantEntry, version: string): Promise<void> {
    if (entry.watermark === -Infinity) {
      await this.#load(database, tenantId, entry);
      entry.version = version;
      return;
    }
    const { db } = database;
    const rows = await postingsUpdatedSince(
      db,
      tenantId,
      entry.watermark > -Infinity ? new Date(entry.watermark - OVERLAP_MS) : null,
    );
    const open = rows.filter(isRecommendable);
    await this.#index(database, tenantId, entry.index, open.map(toPosting));
    for (const row of rows) if (!isRecommendable(row)) entry.index.remove(row.id);
    if (entry.tombstones > -Infinity || entry.watermark > -Infinity) {
      const gone = await postingTombstonesSince(
        db,
        tenantId,
        new Date(Math.max(entry.tombstones, entry.watermark) - OVERLAP_MS),
      );
      for (const t of gone) {
        entry.index.remove(t.postingId);
        entry.tombstones = Math.max(entry.tombstones, t.deletedAt.getTime());
      }
    }
    for (const row of rows) entry.watermark = Math.max(entry.watermark, row.updated_at.getTime());
    if (entry.watermark === -Infinity) entry.watermark = 0;
    entry.version = version;
  }

  /**
   * The first load of a tenant: the ids of its recommendable postings in id order, then a page of them at a time
   * with their stored derivations and vectors (three statements side by side), the next pages read while this one
   * is indexed, so no more than a few pages of rows are held and the database works alongside. The watermark is the
   * latest update read before the ids: a posting changed while the pages load is read again by the next sync (the
   * version it bumps starts one).
   */
  async #load(database: Database, tenantId: string, entry: TenantEntry): Promise<void> {
    const { db } = database;
    const analyzer = analyzerId(getTaxonomy());
    const meter = new LoadMeter('postings', tenantId);
    const latest = await latestPostingUpdate(db, tenantId);
    const ids = await meter.read(() => recommendablePostingIds(db, tenantId));
    const pageIds = (page: number) => ids.slice(page * INDEX_CHUNK, (page + 1) * INDEX_CHUNK);
    const read = async (page: number) => {
      const chunk = pageIds(page);
      const [rows, derivations, vectors] = await Promise.all([
        postingsWithIds(db, tenantId, chunk),
        findDerivations(db, 'posting', readableAnalyzerIds(getTaxonomy()), chunk),
        findEmbeddings(db, 'posting', this.embedder.id, chunk),
      ]);
      meter.addStored(storedSize(derivations, vectors));
      return { open: rows.filter(isRecommendable).map(toPosting), derivations, vectors };
    };
    const pages = Math.ceil(ids.length / INDEX_CHUNK);
    await loadPages(
      meter,
      pages,
      read,
      async (page) => {
        await this.#indexChunk(database, tenantId, entry.index, page.open, analyzer, page.derivations, page.vectors);
        return page.open.length;
      },
      READ_AHEAD,
    );
    entry.index.lexical.settle();
    entry.watermark = latest?.getTime() ?? 0;
    this.#onLoad?.(meter.finish());
  }

  /**
   * Indexes postings a chunk at a time: each one's stored derivation (features and BM25F analysis) is used
   * while its inputs' hash matches, else derived and stored; its stored vector likewise, else embedded and
   * stored. So a start with an unchanged analyzer and embedder reads everything and computes nothing. The next
   * chunk's stored rows are read while this one is indexed, so the database's work overlaps this process's.
   */
  async #index(database: Database, tenantId: string, index: PostingIndex, postings: Posting[]): Promise<void> {
    const analyzer = analyzerId(getTaxonomy());
    const chunks: Posting[][] = [];
    for (let start = 0; start < postings.length; start += INDEX_CHUNK)
      chunks.push(postings.slice(start, start + INDEX_CHUNK));
    const read = (chunk: Posting[] | undefined) => {
      if (!chunk) return null;
      const ids = chunk.map((p) => p.id);
      const stored = Promise.all([
        findDerivations(database.db, 'posting', readableAnalyzerIds(getTaxonomy()), ids),
        findEmbeddings(database.db, 'posting', this.embedder.id, ids),
      ]);
      // Awaited below; a failure of this chunk's indexing must not leave the read's rejection unhandled.
      stored.catch(() => {});
      return stored;
    };
    let next = read(chunks[0]);
    for (let c = 0; c < chunks.length; c++) {
      const stored = await next;
      next = read(chunks[c + 1]);
      if (stored) await this.#indexChunk(database, tenantId, index, chunks[c] ?? [], analyzer, ...stored);
    }
  }

  async #indexChunk(
    database: Database,
    tenantId: string,
    index: PostingIndex,
    postings: Posting[],
    analyzer: string,
    derivations: StoredDerivations,
    vectors: StoredEmbeddings,
  ): Promise<void> {
    const taxonomy = getTaxonomy();
    const now = new Date();
    const derivedNow: DerivationRow[] = [];
    const stale: Array<{ posting: Posting; derivation: PostingDerivation; text: LexicalDocument }> = [];
    const dimensions = this.embedder.dimensions;
    const put = (p: Posting, derivation: PostingDerivation, text: LexicalDocument, vector: Float32Array) => {
      if (vector.length !== dimensions) return;
      const indexed: IndexedPosting = {
        id: p.id,
        features: derivation.features,
        createdAt: Date.parse(p.createdAt),
        closesAt: p.closesAt ? Date.parse(`${p.closesAt}T00:00:00Z`) + DAY : null,
        text,
        employerId: p.employerId,
        listing: listingOf(p),
      };
      index.upsert(indexed, vector, derivation.lexical);
    };
    // Each row is indexed as soon as it is read when its vector is current, so its decoded analysis is garbage
    // while still young (collected cheaply) rather than held, and promoted, until the whole chunk is read.
    for (const p of postings) {
      const hash = postingInputHash(p);
      const text = postingLexicalText(p);
      const s = derivations.get(p.id);
      let derivation: PostingDerivation;
      if (s?.contentHash === hash) derivation = decodePostingDerivation(s.derived);
      else {
        derivation = derivePosting(p, text, taxonomy);
        derivedNow.push({
          entityType: 'posting',
          entityId: p.id,
          tenantId,
          analyzer,
          contentHash: hash,
          derived: encodePostingDerivation(derivation),
        });
      }
      const v = vectors.get(p.id);
      if (v?.contentHash === derivation.textHash) put(p, derivation, text, v.vector);
      else stale.push({ posting: p, derivation, text });
    }
    await upsertDerivations(database.db, derivedNow, now);
    if (stale.length > 0) await this.register(database);
    for (let start = 0; start < stale.length; start += 256) {
      const batch = stale.slice(start, start + 256);
      const fresh = await this.#embedMany(batch.map((r) => postingText(r.posting)));
      const rows = batch.flatMap((r, j) => {
        const vector = fresh[j];
        return vector ? [{ ...r, vector }] : [];
      });
      await upsertEmbeddings(
        database.db,
        rows.map((r) => ({
          entityType: 'posting' as const,
          entityId: r.posting.id,
          tenantId,
          modelId: this.embedder.id,
          vector: r.vector,
          contentHash: r.derivation.textHash,
        })),
        database.hasVector,
        now,
      );
      for (const r of rows) put(r.posting, r.derivation, r.text, r.vector);
    }
  }

  /** Vectors for texts; a text with nothing embeddable gets the zero vector (no semantic evidence). */
  async #embedMany(texts: string[]): Promise<Float32Array[]> {
    const embed = (batch: readonly string[]) =>
      timed(processMetrics.embedSeconds, { embedder: this.embedder.id }, () => this.embedder.embed(batch));
    try {
      return await embed(texts);
    } catch (error) {
      if (!(error instanceof EmptyTextError)) throw error;
      const empty = new Set(error.indices);
      const ok = texts.map((t, i) => (empty.has(i) ? null : t));
      const vectors = await embed(ok.filter((t): t is string => t !== null));
      let j = 0;
      return ok.map((t) =>
        t === null
          ? new Float32Array(this.embedder.dimensions)
          : (vectors[j++] ?? new Float32Array(this.embedder.dimensions)),
      );
    }
  }

  /**
   * Registers the embedder in embedder_models (once per database) before its first vector is stored there:
   * a fitted LSA is registered with its state when fitted; the shipped and remote ones here.
   */
  async register(database: Database): Promise<void> {
    if (this.#registered.has(database)) return;
    const { id, dimensions } = this.embedder;
    await ensureEmbedderModel(database.db, { id, kind: embedderKind(id), dimensions });
    this.#registered.add(database);
  }

  /** A profile's vector (the zero vector when it has no embeddable text), cached by content. */
  async profileVector(
    key: string,
    profile: MatchableProfile,
    suppressed: ReadonlySet<string> = new Set(),
  ): Promise<Float32Array> {
    const text = profileText(profile, suppressed, getTaxonomy());
    const hash = hashOf(text);
    const cached = this.#profiles.get(key);
    if (cached?.hash === hash) return cached.vector;
    const [vector] = await this.#embedMany([text]);
    const v = vector ?? new Float32Array(this.embedder.dimensions);
    if (this.#profiles.size > 50_000) this.#profiles.clear();
    this.#profiles.set(key, { hash, vector: v });
    return v;
  }

  async embedPostings(postings: readonly Posting[]): Promise<Float32Array[]> {
    return this.#embedMany(postings.map((p) => postingText(p)));
  }

  forget(key: string): void {
    this.#profiles.delete(key);
  }

  /**
   * Drops what this process keeps of erased graduates' profiles: their vectors (kept by graduate id) and, since the
   * what-if vectors, profileFeatures' answers and plainQuery's are kept by content, not by graduate, all of those
   * (erasures are rare). Called by eraseGraduate at once and by a graduate sync that finds graduates erased elsewhere.
   * A profile edit leaves the old text in those caches until their normal turnover (emptied when full, or the oldest
   * what-if first) and the old vector here until the graduate's next list replaces it.
   */
  forgetGraduates(ids: Iterable<string>): void {
    for (const id of ids) this.#profiles.delete(id);
    this.#hypothetical.clear();
    forgetProfileFeatures();
    forgetPlainQueries();
  }

  /**
   * Drops what this process holds of graduates erased by another process (a replica, or the API beside a job
   * process): each loaded tenant's graduate index is synced (its erased hook calls forgetGraduates), and the
   * graduates whose profile vectors are held here are looked up and those gone are forgotten. The serving process
   * runs it every ERASED_SWEEP_MS, a job process before each job that uses the engine. Returns how many held vectors
   * belonged to erased graduates.
   */
  async sweepErased(database: Database): Promise<number> {
    await this.#graduates.syncLoaded(database);
    const held = [...this.#profiles.keys()].filter(isUuid);
    if (held.length === 0) return 0;
    const present = await presentGraduateIds(database.db, held);
    const erased = held.filter((id) => !present.has(id));
    if (erased.length > 0) this.forgetGraduates(erased);
    return erased.length;
  }

  /** Entries held by the caches forgetGraduates empties (features and queries: this thread's, shared by engines). */
  get profileCaches(): { profiles: number; hypothetical: number; features: number; queries: number } {
    return {
      profiles: this.#profiles.size,
      hypothetical: this.#hypothetical.size,
      features: heldProfileFeatures(),
      queries: heldPlainQueries(),
    };
  }

  /**
   * The vector of a hypothetical profile (a what-if with one more skill), cached by the exact text the embedder
   * reads, apart from the real profiles' cache: the vector embedding that text gives, computed once per text.
   * Bounded: the oldest entry goes first.
   */
  async hypotheticalVector(
    profile: MatchableProfile,
    suppressed: ReadonlySet<string> = new Set(),
  ): Promise<Float32Array> {
    const [vector] = await this.hypotheticalVectors([profile], suppressed);
    return vector ?? new Float32Array(this.embedder.dimensions);
  }

  /**
   * hypotheticalVector of several profiles (an explanation's what-ifs), the ones not cached embedded in one call:
   * one trip to the embedding threads, not one a profile each waiting its turn behind other requests' work.
   */
  async hypotheticalVectors(
    profiles: readonly MatchableProfile[],
    suppressed: ReadonlySet<string> = new Set(),
  ): Promise<Float32Array[]> {
    const taxonomy = getTaxonomy();
    const texts = profiles.map((p) => profileText(p, suppressed, taxonomy));
    // Read before the await: other requests may evict entries while this one waits.
    const known = new Map<string, Float32Array>();
    for (const text of texts) {
      const cached = this.#hypothetical.get(text);
      if (cached) known.set(text, cached);
    }
    const missing = [...new Set(texts.filter((t) => !known.has(t)))];
    if (missing.length > 0) {
      const fresh = await this.#embedMany(missing);
      missing.forEach((text, i) => {
        const v = fresh[i] ?? new Float32Array(this.embedder.dimensions);
        known.set(text, v);
        if (this.#hypothetical.size >= HYPOTHETICAL_CACHE) {
          const oldest = this.#hypothetical.keys().next();
          if (!oldest.done) this.#hypothetical.delete(oldest.value);
        }
        this.#hypothetical.set(text, v);
      });
    }
    return texts.map((text) => known.get(text) ?? new Float32Array(this.embedder.dimensions));
  }
}

/**
 * Loads (and embeds where needed) every tenant's open postings and graduates, so the first request is
 * fast: stored vectors of the current embedder are read in bulk, only missing or stale ones embedded.
 */
export async function warmIndexes(
  database: Database,
  engine: MatchingEngine,
): Promise<{ tenants: number; postings: number; graduates: number; seconds: number }> {
  const started = performance.now();
  const tenants = await listTenantIds(database.db);
  let postings = 0;
  let graduates = 0;
  for (const id of tenants) {
    if (engine.loadsGraduatesElsewhere) {
      // The graduates load in another thread (its own connections) while this one loads the postings.
      const [p, g] = await Promise.all([engine.postings(database, id), engine.graduates(database, id)]);
      postings += p.size;
      graduates += g.size;
    } else {
      postings += (await engine.postings(database, id)).size;
      graduates += (await engine.graduates(database, id)).size;
    }
  }
  return { tenants: tenants.length, postings, graduates, seconds: (performance.now() - started) / 1000 };
}
