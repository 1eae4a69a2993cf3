import { sql, type Kysely, type Transaction } from 'kysely';
import { namedColumns } from './erasure-registry.ts';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

const affected = (r: { numAffectedRows?: bigint }): number => Number(r.numAffectedRows ?? 0n);

/**
 * Clears the free text kept on rows that stay (under the pseudonym) for the audit's counts: the reasons
 * typed with the graduate's interactions, and reviewers' notes on candidate lists they were shown on.
 * Run before the graduate's id is replaced, while the rows can still be found by it.
 */
export async function clearLinkedText(db: Db, tenantId: string, graduateId: string): Promise<number> {
  const reasons = await sql`update interactions set reason = null
    where tenant_id = ${tenantId} and graduate_id = ${graduateId} and reason is not null`.execute(db);
  const notes = await sql`update shortlist_reviews set note = '' where tenant_id = ${tenantId} and note <> ''
    and list_id in (select list_id from impressions where tenant_id = ${tenantId} and graduate_id =
    ${graduateId})`.execute(db);
  // The served matches' evidence quotes the profile; the numbers stay for the audits.
  const details = await sql`update impressions set match_detail = null
    where tenant_id = ${tenantId} and graduate_id = ${graduateId} and match_detail is not null`.execute(db);
  return affected(reasons) + affected(notes) + affected(details);
}

export interface ListNote {
  listId: string;
  note: string;
  reviewerRole: string;
  reviewedAt: Date;
}

/** Reviewers' notes on candidate lists the graduate was shown on (what `clearLinkedText` clears). */
export async function listNotesAbout(db: Db, tenantId: string, graduateId: string): Promise<ListNote[]> {
  const r =
    await sql<ListNote>`select list_id as "listId", note, reviewer_role as "reviewerRole", reviewed_at as "reviewedAt"
    from shortlist_reviews where tenant_id = ${tenantId} and note <> ''
      and list_id in (select list_id from impressions where tenant_id = ${tenantId} and graduate_id = ${graduateId})
    order by reviewed_at, list_id`.execute(db);
  return r.rows;
}

interface ColumnType {
  table_name: string;
  column_name: string;
  data_type: string;
}

async function columnTypes(db: Db): Promise<Map<string, ColumnType>> {
  const r = await sql<ColumnType>`select table_name, column_name, data_type from information_schema.columns
    where table_schema = current_schema()`.execute(db);
  return new Map(r.rows.map((c) => [`${c.table_name}.${c.column_name}`, c]));
}

/** Every string inside a JSON value that the pattern matches. */
function matchingStrings(value: unknown, pattern: RegExp): string[] {
  if (typeof value === 'string') return pattern.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => matchingStrings(v, pattern));
  if (value !== null && typeof value === 'object')
    return Object.values(value).flatMap((v) => matchingStrings(v, pattern));
  return [];
}

const parseJson = (v: unknown): unknown => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

/** A column the registry marks `named` or `linked`, checked against the live schema. */
async function namedColumnsTyped(
  db: Db,
): Promise<{ table: string; column: string; tenant: ReturnType<typeof sql.ref>; type: ColumnType }[]> {
  const types = await columnTypes(db);
  return namedColumns().map(({ table, column, tenantColumn }) => {
    const type = types.get(`${table}.${column}`);
    if (!type) throw new Error(`erasure registry names ${table}.${column}, which the schema does not have`);
    if (!['jsonb', 'text', 'character varying'].includes(type.data_type)) {
      throw new Error(`erasure cannot clear ${table}.${column} of type ${type.data_type}`);
    }
    return { table, column, tenant: sql.ref(tenantColumn), type };
  });
}

export interface TextNaming {
  table: string;
  column: string;
  text: string;
}

/** The free text `clearTextNaming` would clear, as it reads now (for the graduate's export). */
export async function findTextNaming(db: Db, tenantId: string, pattern: string): Promise<TextNaming[]> {
  const re = new RegExp(pattern, 'i');
  const out: TextNaming[] = [];
  for (const { table, column, tenant, type } of await namedColumnsTyped(db)) {
    const c = sql.ref(column);
    const rows = await sql<{ value: unknown }>`select ${c} as value from ${sql.table(table)}
      where ${tenant} = ${tenantId} and ${c}::text ~* ${pattern}`.execute(db);
    for (const row of rows.rows) {
      const texts = type.data_type === 'jsonb' ? matchingStrings(parseJson(row.value), re) : [String(row.value)];
      for (const text of texts) out.push({ table, column, text });
    }
  }
  return out;
}

/** Replaces every string inside a JSON value that the pattern matches; numbers, keys and shape stay. */
function redactJson(value: unknown, pattern: RegExp): unknown {
  if (typeof value === 'string') return pattern.test(value) ? '[erased]' : value;
  if (Array.isArray(value)) return value.map((v) => redactJson(v, pattern));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJson(v, pattern)]));
  }
  return value;
}

/**
 * Clears, in every column the registry marks `named` or `linked`, the text that names the graduate
 * (`pattern` is a case-insensitive regular expression valid in both PostgreSQL and JavaScript). A text
 * field is emptied whole, since what surrounds a name is as telling as the name; in jsonb only the
 * matching strings are replaced. Returns how many rows were changed.
 */
export async function clearTextNaming(db: Db, tenantId: string, pattern: string): Promise<number> {
  const re = new RegExp(pattern, 'i');
  let changed = 0;
  for (const { table, column, tenant, type } of await namedColumnsTyped(db)) {
    const t = sql.table(table);
    const c = sql.ref(column);
    if (type.data_type === 'jsonb') {
      const rows = await sql<{ tid: string; value: unknown }>`select ctid::text as tid, ${c} as value from ${t}
        where ${tenant} = ${tenantId} and ${c}::text ~* ${pattern}`.execute(db);
      for (const row of rows.rows) {
        await sql`update ${t} set ${c} = ${JSON.stringify(redactJson(parseJson(row.value), re))}::jsonb
          where ${tenant} = ${tenantId} and ctid = ${row.tid}::tid`.execute(db);
      }
      changed += rows.rows.length;
    } else {
      // Empty, not null: some columns must be present in some states (a resolved appeal has a reply).
      const r = await sql`update ${t} set ${c} = '' where ${tenant} = ${tenantId} and ${c} ~* ${pattern}`.execute(db);
      changed += affected(r);
    }
  }
  return changed;
}
