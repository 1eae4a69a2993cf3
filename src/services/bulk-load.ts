import type { DemoData } from '../demo/generate.ts';
import { demographics as demographicsSchema } from '../domain/model/demographics.ts';
import { employerCreate } from '../domain/model/employer.ts';
import { graduateCreate } from '../domain/model/graduate.ts';
import { postingCreate } from '../domain/model/posting.ts';
import type { Database } from '../storage/db.ts';
import {
  insertDemographicsRows,
  insertEmployers,
  insertGrantedConsents,
  insertGraduates,
  insertPostings,
} from '../storage/demo.repo.ts';
import { insertOutcomes } from '../storage/outcomes.repo.ts';
import { refreshSkillSummary } from '../storage/skill-summary.repo.ts';
import { newId } from './context.ts';
import { createTenant } from './keys.ts';
import { normalizePostingSkills, normalizeProfileSkills } from './skills.ts';
import { giveWay } from './give-way.ts';

const CONSENT_TEXT_VERSION = 'demo-2026-11';

export interface LoadOptions {
  name: string;
  now: Date;
  /** Rows per INSERT statement (each statement binds at most 65,535 parameters: keep chunk × columns below). */
  chunk: number;
  progress: (entity: 'employers' | 'postings' | 'graduates', done: number, total: number) => void;
}

async function inChunks<T>(
  rows: readonly T[],
  size: number,
  write: (chunk: T[]) => Promise<unknown>,
  done: (n: number) => void,
) {
  for (let i = 0; i < rows.length; i += size) {
    await write(rows.slice(i, i + size));
    done(Math.min(rows.length, i + size));
  }
}

/**
 * Loads a generated data set (the demo generator's rows, any size) into a new tenant in batched
 * multi-row INSERTs, one statement per chunk and entity, graduates with their consents and consented
 * demographics in one transaction per chunk. Rows are validated by the same zod schemas as the API and
 * skills normalized as the services do; the triggers (index versions) fire as for any write.
 */
export async function loadDataSet(
  database: Database,
  data: DemoData,
  opts: LoadOptions,
): Promise<{ tenantId: string; summary: string; employerIds: string[] }> {
  const started = performance.now();
  const { id: tenantId } = await createTenant(database, { name: opts.name, kind: 'university' });
  // Rows get strictly increasing timestamps so keyset pages and recency order are stable.
  const allPostings = [...data.postings, ...data.closedPostings];
  let tick = opts.now.getTime() - (data.employers.length + allPostings.length + data.graduates.length) * 1000;
  const stamp = () => new Date((tick += 1000));

  const employerIds = data.employers.map(() => newId());
  await inChunks(
    data.employers.map((e, i) => ({ e: employerCreate.parse(e), id: employerIds[i] ?? newId() })),
    opts.chunk,
    (chunk) =>
      insertEmployers(
        database.db,
        tenantId,
        chunk.map(({ e, id }) => ({ id, e, at: stamp() })),
      ),
    (n) => opts.progress('employers', n, data.employers.length),
  );

  // Open postings, then the history's closed ones (opened and closed over 24 months), with their occupations.
  await inChunks(
    allPostings,
    opts.chunk,
    (chunk) =>
      insertPostings(
        database.db,
        tenantId,
        chunk.map((raw) => {
          const p = postingCreate.parse(raw);
          const normalized = {
            ...p,
            occupation: raw.occupationCode,
            requiredSkills: normalizePostingSkills(p.requiredSkills),
            preferredSkills: normalizePostingSkills(p.preferredSkills),
          };
          return { id: newId(), employerId: employerIds[raw.employerIndex] ?? '', p: normalized, at: stamp() };
        }),
      ),
    (n) => opts.progress('postings', n, allPostings.length),
  );

  let withDemographics = 0;
  let outcomeCount = 0;
  const graduateIndex = new Map(data.graduates.map((g, i) => [g, i]));
  await inChunks(
    data.graduates,
    opts.chunk,
    async (chunk) => {
      const rows = chunk.map((raw) => ({ raw, g: graduateCreate.parse(raw), id: newId(), at: stamp() }));
      await database.db.transaction().execute(async (trx) => {
        await insertGraduates(
          trx,
          tenantId,
          rows.map(({ g, id, at }) => ({ id, at, g: { ...g, skills: normalizeProfileSkills(g.skills) } })),
        );
        await insertGrantedConsents(
          trx,
          tenantId,
          rows.flatMap(({ raw, id, at }) =>
            raw.consents.map((purpose) => ({
              id: newId(),
              graduateId: id,
              purpose,
              textVersion: CONSENT_TEXT_VERSION,
              actor: 'bulk-load',
              at,
            })),
          ),
        );
        // Demographics only for graduates who consented to the fairness audit (the generator guarantees it; checked
        // again here).
        const demo = rows.flatMap(({ raw, id, at }) => {
          if (!raw.demographics || !raw.consents.includes('fairness_audit')) return [];
          return [{ graduateId: id, d: demographicsSchema.parse(raw.demographics), at }];
        });
        withDemographics += demo.length;
        await insertDemographicsRows(trx, tenantId, demo);
        const records = rows.flatMap(({ raw, id, at }) =>
          (data.outcomes[graduateIndex.get(raw) ?? -1] ?? []).map(({ employerIndex, ...o }) => ({
            id: newId(),
            at,
            tenantId,
            graduateId: id,
            asOf: o.asOf,
            status: o.status,
            employerName: o.employerName ?? null,
            employerId: employerIndex === undefined ? null : (employerIds[employerIndex] ?? null),
            occupation: o.occupation ?? null,
            city: o.city ?? null,
            industry: o.industry ?? null,
            salaryBand: o.salaryBand ?? null,
            jobType: o.jobType ?? null,
            source: 'career_office' as const,
            actorKeyId: null,
            actorRole: 'system',
          })),
        );
        outcomeCount += records.length;
        await insertOutcomes(trx, records);
      });
    },
    (n) => opts.progress('graduates', n, data.graduates.length),
  );

  // The analytics facts and summaries are built now, not by the first analytics read.
  const folded = performance.now();
  await refreshSkillSummary(database.db, tenantId, giveWay);
  const foldSeconds = (performance.now() - folded) / 1000;

  const summary =
    `${data.employers.length} employers, ${data.postings.length} open postings and ${data.closedPostings.length} ` +
    `closed over 24 months, ${data.graduates.length} graduates (${withDemographics} with consented demographics, ` +
    `${outcomeCount} outcome records), loaded in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
    `(analytics summaries built in ${foldSeconds.toFixed(1)} s of it)`;
  return { tenantId, summary, employerIds };
}
