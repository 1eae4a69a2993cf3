import { profileText } from '../../domain/matching/extract.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import { createFnv1a } from '../../domain/text/hash.ts';
import type { Database } from '../../storage/db.ts';
import {
  embedderCoverage as coverage,
  findEmbeddings,
  upsertEmbeddings,
  type EmbedderCoverage,
} from '../../storage/embeddings.repo.ts';
import { countGraduates, graduatesAfterId } from '../../storage/graduates.repo.ts';
import { suppressedTagsOf, toGraduate } from '../../storage/mappers.ts';
import { listTenantIds } from '../../storage/tenants.repo.ts';
import { giveWay } from '../give-way.ts';
import type { MatchingEngine } from './engine.ts';

const PAGE = 500;
/**
 * Texts embedded between two turns of the event loop. An in-process embedder computes synchronously: a page of
 * 500 took 0.2 s of CPU but 6-10 s of wall time at load 20 on two cores, during which the BullMQ worker could
 * not renew the job's lock (renewed every lockDuration/4), so the job was declared stalled while it ran.
 */
const SLICE = 50;

/** Embeds `texts` in slices, letting the loop run timers (the job lock's renewal) and I/O between them. */
async function embedInSlices(engine: MatchingEngine, texts: readonly string[]): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += SLICE) {
    await giveWay();
    vectors.push(...(await engine.embedder.embed(texts.slice(start, start + SLICE))));
  }
  return vectors;
}

/**
 * Brings every stored vector up to the engine's embedder: each tenant's postings (through the engine's
 * own sync, which re-embeds only changed or missing ones) and graduates (profile text hashed, embedded
 * when stale). Progress is reported as the share of entities done.
 */
export async function reembedAll(
  database: Database,
  engine: MatchingEngine,
  scope: { tenantId?: string | undefined; graduateId?: string | undefined },
  progress: (percent: number) => Promise<void>,
): Promise<{ postings: number; graduates: number; embedded: number }> {
  const { db } = database;
  const tenants = await listTenantIds(db, scope.tenantId);
  const totalGraduates = await countGraduates(db, scope);
  let postings = 0;
  let graduates = 0;
  let embedded = 0;
  const total = (scope.graduateId ? 0 : tenants.length) + totalGraduates;
  let done = 0;
  const tick = async () => progress(total === 0 ? 100 : Math.min(100, Math.round((100 * done) / total)));
  for (const tenantId of tenants) {
    if (!scope.graduateId) {
      postings += (await engine.postings(database, tenantId)).size;
      done++;
      await tick();
    }
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await graduatesAfterId(db, tenantId, { afterId: after, limit: PAGE, graduateId: scope.graduateId });
      if (rows.length === 0) break;
      after = rows[rows.length - 1]?.id ?? after;
      const stored = await findEmbeddings(
        db,
        'graduate',
        engine.embedder.id,
        rows.map((r) => r.id),
      );
      const texts = rows.map((r) => profileText(toGraduate(r), suppressedTagsOf(r.suppressed_tags), getTaxonomy()));
      const hashes = texts.map((t) => createFnv1a().updateString(t).hex());
      const stale = rows.flatMap((r, i) =>
        stored.get(r.id)?.contentHash === hashes[i] || (texts[i] ?? '').trim() === '' ? [] : [i],
      );
      const vectors = await embedInSlices(
        engine,
        stale.map((i) => texts[i] ?? ''),
      );
      if (stale.length > 0) await engine.register(database);
      await upsertEmbeddings(
        db,
        stale.flatMap((i, j) => {
          const row = rows[i];
          const vector = vectors[j];
          return row && vector
            ? [
                {
                  entityType: 'graduate' as const,
                  entityId: row.id,
                  tenantId,
                  modelId: engine.embedder.id,
                  vector,
                  contentHash: hashes[i] ?? '',
                },
              ]
            : [];
        }),
        database.hasVector,
        new Date(),
      );
      embedded += stale.length;
      graduates += rows.length;
      done += rows.length;
      await tick();
      if (rows.length < PAGE) break;
    }
  }
  return { postings, graduates, embedded };
}

/** How far the stored vectors cover the active embedder: progress that needs no queue to read. */
export const embedderCoverage = (database: Database, embedderId: string): Promise<EmbedderCoverage> =>
  coverage(database.db, embedderId);
