import { DomainError } from '../../domain/errors.ts';
import { formatCell } from '../../domain/imports/cells.ts';
import {
  type Built,
  type ColumnSpec,
  type FieldFailure,
  type ImportKind,
  type ImportRecord,
  str,
} from '../../domain/imports/columns.ts';
import {
  EMPLOYER_COLUMNS,
  employerCreateFrom,
  employerUpdateFrom,
  projectEmployer,
} from '../../domain/imports/employers.ts';
import {
  GRADUATE_COLUMNS,
  graduateCreateFrom,
  graduateUpdateFrom,
  projectGraduate,
} from '../../domain/imports/graduates.ts';
import {
  POSTING_COLUMNS,
  postingCreateFrom,
  postingUpdateFrom,
  projectPosting,
} from '../../domain/imports/postings.ts';
import { OUTCOME_COLUMNS, OUTCOME_KEY, outcomeInputFrom, projectOutcome } from '../../domain/imports/outcomes.ts';
import type { OutcomeInput } from '../../domain/model/outcome.ts';
import { outcomesOfGraduates } from '../../storage/outcomes.repo.ts';
import { toOutcome, writeOutcome } from '../outcomes.ts';
import type { EmployerCreate, EmployerUpdate } from '../../domain/model/employer.ts';
import type { Graduate, GraduateCreate, GraduateUpdate } from '../../domain/model/graduate.ts';
import type { Posting, PostingCreate, PostingUpdate } from '../../domain/model/posting.ts';
import { employersByExternalIds, employerExternalIds } from '../../storage/employers.repo.ts';
import { graduatesByExternalIds } from '../../storage/graduates.repo.ts';
import { postingsByExternalIds } from '../../storage/postings.repo.ts';
import { toEmployer, toGraduate, toPosting } from '../../storage/mappers.ts';
import type { EmployerRow, PostingRow } from '../../storage/schema.ts';
import type { ServiceContext } from '../context.ts';
import { createEmployer, updateEmployer } from '../employers.ts';
import { importGraduateBatch, updateGraduate } from '../graduates.ts';
import { decideCompliance, lintPostingFields, requestedStatusOf } from '../posting-compliance.ts';
import { createPosting, updatePosting } from '../postings.ts';
import { normalizePostingSkills } from '../skills.ts';
import { loadTenantSettings } from '../tenant-settings.ts';

/** One data row of a file, parsed, with its key (the external id; for outcomes 学号 and the date, tab-joined). */
export interface ParsedRow {
  readonly row: number;
  readonly key: string;
  readonly record: ImportRecord;
}

export type Outcome = 'created' | 'updated' | 'unchanged';

export interface RowFailure {
  readonly row: number;
  readonly failures: readonly FieldFailure[];
}

/** What a batch would do: each row's outcome, the failures, and the write that carries it out. */
export interface BatchPlan {
  readonly outcomes: ReadonlyArray<{ row: number; outcome: Outcome }>;
  readonly failures: readonly RowFailure[];
  write(ctx: ServiceContext): Promise<void>;
}

export interface KindAdapter {
  readonly columns: readonly ColumnSpec[];
  /** The columns that identify a row (a file must have them; a second row with the same values is refused). */
  readonly keyColumns: readonly string[];
  /** Plans a batch against the database as it is now (the real run plans again inside the batch's transaction). */
  plan(ctx: ServiceContext, rows: readonly ParsedRow[]): Promise<BatchPlan>;
}

/** Equal when every column the file has shows the same canonical text in both records. */
function same(columns: readonly ColumnSpec[], file: ImportRecord, before: ImportRecord, after: ImportRecord): boolean {
  return columns.every(
    (c) => !file.has(c.key) || formatCell(c.type, before.get(c.key)) === formatCell(c.type, after.get(c.key)),
  );
}

/** Runs the builders, splitting rows into failures and the values to write. */
function build<T>(rows: readonly ParsedRow[], fn: (r: ParsedRow) => Built<T>) {
  const ok: Array<{ r: ParsedRow; value: T }> = [];
  const failures: RowFailure[] = [];
  for (const r of rows) {
    const built = fn(r);
    if (built.ok) ok.push({ r, value: built.value });
    else failures.push({ row: r.row, failures: built.errors });
  }
  return { ok, failures };
}

const graduates: KindAdapter = {
  columns: GRADUATE_COLUMNS,
  keyColumns: ['external_id'],
  async plan(ctx, rows) {
    const existing = new Map(
      (
        await graduatesByExternalIds(
          ctx.database.db,
          ctx.principal.tenantId,
          rows.map((r) => r.key),
        )
      ).map((row) => [row.external_id ?? '', toGraduate(row)]),
    );
    type Change =
      | { kind: 'create'; input: GraduateCreate }
      | { kind: 'update'; id: string; input: GraduateUpdate; changed: boolean };
    const { ok, failures } = build<Change>(rows, (r) => {
      const current = existing.get(r.key);
      if (!current) {
        const built = graduateCreateFrom(r.record);
        return built.ok ? { ok: true, value: { kind: 'create', input: built.value } } : built;
      }
      const built = graduateUpdateFrom(r.record, current);
      if (!built.ok) return built;
      const after = { ...current, ...built.value } as Graduate;
      const changed = !same(GRADUATE_COLUMNS, r.record, projectGraduate(current), projectGraduate(after));
      return { ok: true, value: { kind: 'update', id: current.id, input: built.value, changed } };
    });
    return {
      failures,
      outcomes: ok.map(({ r, value }) => ({
        row: r.row,
        outcome: value.kind === 'create' ? 'created' : value.changed ? 'updated' : 'unchanged',
      })),
      async write(tx) {
        await importGraduateBatch({
          ctx: tx,
          inputs: ok.flatMap(({ value }) => (value.kind === 'create' ? [value.input] : [])),
        });
        for (const { value } of ok) {
          if (value.kind === 'update' && value.changed)
            await updateGraduate({ ctx: tx, id: value.id, input: value.input });
        }
      },
    };
  },
};

const employers: KindAdapter = {
  columns: EMPLOYER_COLUMNS,
  keyColumns: ['external_id'],
  async plan(ctx, rows) {
    const existing = new Map(
      (
        await employersByExternalIds(
          ctx.database.db,
          ctx.principal.tenantId,
          rows.map((r) => r.key),
        )
      ).map((row) => [row.external_id ?? '', row]),
    );
    type Change =
      | { kind: 'create'; input: EmployerCreate }
      | { kind: 'update'; id: string; input: EmployerUpdate; changed: boolean };
    const { ok, failures } = build<Change>(rows, (r) => {
      const row = existing.get(r.key);
      if (!row) {
        const built = employerCreateFrom(r.record);
        return built.ok ? { ok: true, value: { kind: 'create', input: { ...built.value, externalId: r.key } } } : built;
      }
      const built = employerUpdateFrom(r.record);
      if (!built.ok) return built;
      const current = toEmployer(row);
      const after = { ...current, ...built.value };
      const changed = !same(EMPLOYER_COLUMNS, r.record, projectEmployer(current), projectEmployer(after));
      return { ok: true, value: { kind: 'update', id: row.id, input: built.value, changed } };
    });
    return {
      failures,
      outcomes: ok.map(({ r, value }) => ({
        row: r.row,
        outcome: value.kind === 'create' ? 'created' : value.changed ? 'updated' : 'unchanged',
      })),
      async write(tx) {
        for (const { value } of ok) {
          if (value.kind === 'create') await createEmployer({ ctx: tx, input: value.input });
          else if (value.changed) await updateEmployer({ ctx: tx, id: value.id, input: value.input });
        }
      },
    };
  },
};

/** A posting's record for "unchanged": the projection with its employer's external id and the requested status. */
function postingRecord(row: PostingRow, employerExt: Map<string, string | null>, patch?: PostingUpdate) {
  const current = toPosting(row);
  const merged: Posting = patch
    ? {
        ...current,
        ...patch,
        requiredSkills: patch.requiredSkills ? normalizePostingSkills(patch.requiredSkills) : current.requiredSkills,
        preferredSkills: patch.preferredSkills
          ? normalizePostingSkills(patch.preferredSkills)
          : current.preferredSkills,
      }
    : current;
  return projectPosting(merged, {
    externalId: row.external_id ?? undefined,
    employerExternalId: employerExt.get(row.employer_id) ?? undefined,
    requestedStatus: patch?.status ?? requestedStatusOf(row),
  });
}

const postings: KindAdapter = {
  columns: POSTING_COLUMNS,
  keyColumns: ['external_id'],
  async plan(ctx, rows) {
    const { db } = ctx.database;
    const tenantId = ctx.principal.tenantId;
    const existing = new Map(
      (
        await postingsByExternalIds(
          db,
          tenantId,
          rows.map((r) => r.key),
        )
      ).map((row) => [row.external_id ?? '', row]),
    );
    const employerKeys = rows.flatMap((r) => {
      const v = r.record.get('employer_external_id');
      return typeof v === 'string' ? [v] : [];
    });
    const byExt = new Map<string, EmployerRow>(
      (await employersByExternalIds(db, tenantId, employerKeys)).map((e) => [e.external_id ?? '', e]),
    );
    const employerExt = await employerExternalIds(
      db,
      tenantId,
      [...existing.values()].map((p) => p.employer_id),
    );
    const { complianceMode } = await loadTenantSettings(db, tenantId);
    type Change =
      { kind: 'create'; input: PostingCreate } | { kind: 'update'; id: string; input: PostingUpdate; changed: boolean };
    const planned: Array<{ r: ParsedRow; value: Change }> = [];
    const failures: RowFailure[] = [];
    for (const r of rows) {
      const row = existing.get(r.key);
      const employerKey = r.record.get('employer_external_id');
      const employer = typeof employerKey === 'string' ? byExt.get(employerKey) : undefined;
      const fail = (key: string, zh: string, en: string) =>
        failures.push({ row: r.row, failures: [{ key, message: { zh, en } }] });
      if (typeof employerKey === 'string' && !employer) {
        fail(
          'employer_external_id',
          `没有单位编号为“${employerKey}”的单位（请先导入单位）`,
          `no employer has external id "${employerKey}" (import employers first)`,
        );
        continue;
      }
      if (employer && row && employer.id !== row.employer_id) {
        fail('employer_external_id', '岗位不能改到另一家单位名下', 'a posting cannot move to another employer');
        continue;
      }
      const built: Built<Change> = row
        ? (() => {
            const b = postingUpdateFrom(r.record);
            return b.ok
              ? { ok: true as const, value: { kind: 'update' as const, id: row.id, input: b.value, changed: true } }
              : b;
          })()
        : (() => {
            const b = postingCreateFrom(r.record);
            return b.ok && employer
              ? {
                  ok: true as const,
                  value: {
                    kind: 'create' as const,
                    input: { ...b.value, employerId: employer.id, externalId: r.key },
                  },
                }
              : b.ok
                ? { ok: false as const, errors: [] }
                : b;
          })();
      if (!built.ok) {
        failures.push({ row: r.row, failures: built.errors });
        continue;
      }
      const value = built.value;
      if (value.kind === 'update' && row) {
        const before = postingRecord(row, employerExt);
        const after = postingRecord(row, employerExt, value.input);
        value.changed = !same(POSTING_COLUMNS, r.record, before, after);
      }
      // The checks createPosting and updatePosting make, done first so a dry run reports them per row.
      const current = row ? toPosting(row) : undefined;
      const status = value.input.status ?? (row ? requestedStatusOf(row) : 'draft');
      const ownerStatus = employer?.status ?? (row ? undefined : 'approved');
      if (status === 'open' && ownerStatus !== undefined && ownerStatus !== 'approved') {
        fail(
          'status',
          '单位尚未通过审核，岗位只能是草稿',
          'the employer is not approved yet; its postings stay drafts',
        );
        continue;
      }
      try {
        const text = {
          title: value.input.title ?? current?.title ?? '',
          description: value.input.description ?? current?.description ?? '',
          requiredSkills: normalizePostingSkills(value.input.requiredSkills ?? current?.requiredSkills ?? []),
          preferredSkills: normalizePostingSkills(value.input.preferredSkills ?? current?.preferredSkills ?? []),
        };
        if (value.kind === 'create' || value.changed)
          decideCompliance(lintPostingFields(text), complianceMode, status, text);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        fail(
          'description',
          `岗位含有歧视性要求，本租户拒收：${error.errors.map((e) => e.message).join('；')}`,
          error.message,
        );
        continue;
      }
      planned.push({ r, value });
    }
    return {
      failures,
      outcomes: planned.map(({ r, value }) => ({
        row: r.row,
        outcome: value.kind === 'create' ? 'created' : value.changed ? 'updated' : 'unchanged',
      })),
      async write(tx) {
        for (const { value } of planned) {
          if (value.kind === 'create') await createPosting({ ctx: tx, input: value.input });
          else if (value.changed) await updatePosting({ ctx: tx, id: value.id, input: value.input });
        }
      },
    };
  },
};

/**
 * Outcomes: a row is one graduate's record for one date, found by 学号 and the date together; it is written
 * through writeOutcome (source `import`), which replaces that date's record or leaves it unchanged.
 */
const outcomes: KindAdapter = {
  columns: OUTCOME_COLUMNS,
  keyColumns: OUTCOME_KEY,
  async plan(ctx, rows) {
    const { db } = ctx.database;
    const tenantId = ctx.principal.tenantId;
    const graduateIds = new Map(
      (
        await graduatesByExternalIds(db, tenantId, [
          ...new Set(rows.flatMap((r) => str(r.record, 'graduate_external_id') ?? [])),
        ])
      ).map((g) => [g.external_id ?? '', g.id]),
    );
    const existing = new Map(
      (await outcomesOfGraduates(db, tenantId, [...graduateIds.values()]))
        .map(toOutcome)
        .map((o) => [`${o.graduateId}\t${o.asOf}`, o]),
    );
    const planned: Array<{ r: ParsedRow; graduateId: string; input: OutcomeInput; outcome: Outcome }> = [];
    const failures: RowFailure[] = [];
    for (const r of rows) {
      const ext = str(r.record, 'graduate_external_id') ?? '';
      const graduateId = graduateIds.get(ext);
      if (!graduateId) {
        failures.push({
          row: r.row,
          failures: [
            {
              key: 'graduate_external_id',
              message: {
                zh: `没有学号为“${ext}”的毕业生（请先导入毕业生）`,
                en: `no graduate has external id "${ext}" (import graduates first)`,
              },
            },
          ],
        });
        continue;
      }
      const current = existing.get(`${graduateId}\t${str(r.record, 'as_of') ?? ''}`);
      const before = current && projectOutcome(current, ext);
      const built = outcomeInputFrom(r.record, before);
      if (!built.ok) {
        failures.push({ row: r.row, failures: built.errors });
        continue;
      }
      // The employer link an API write made stays while the record stays employed (the file has no column for it).
      const input: OutcomeInput =
        current?.employerId && built.value.status === 'employed'
          ? { ...built.value, employerId: current.employerId }
          : built.value;
      const after = projectOutcome(input, ext);
      const outcome: Outcome = !before
        ? 'created'
        : OUTCOME_COLUMNS.every((c) => formatCell(c.type, before.get(c.key)) === formatCell(c.type, after.get(c.key)))
          ? 'unchanged'
          : 'updated';
      planned.push({ r, graduateId, input, outcome });
    }
    const writer = {
      tenantId,
      source: 'import' as const,
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
    };
    return {
      failures,
      outcomes: planned.map(({ r, outcome }) => ({ row: r.row, outcome })),
      async write(tx) {
        for (const p of planned) if (p.outcome !== 'unchanged') await writeOutcome(tx, writer, p.graduateId, p.input);
      },
    };
  },
};

export const KIND_ADAPTERS: Record<ImportKind, KindAdapter> = { graduates, employers, postings, outcomes };

export const COLUMNS_OF: Record<ImportKind, readonly ColumnSpec[]> = {
  graduates: GRADUATE_COLUMNS,
  employers: EMPLOYER_COLUMNS,
  postings: POSTING_COLUMNS,
  outcomes: OUTCOME_COLUMNS,
};
