import { BLANK, countCell, type Cell } from '../../domain/analytics/cells.ts';
import type { CsvRow } from '../../domain/analytics/csv.ts';
import type { AnalyticsReport, AnalyticsRow, AnalyticsTable } from '../../domain/model/analytics.ts';
import type { Lang } from '../../domain/model/common.ts';
import { requireRole } from '../access.ts';
import type { ServiceContext } from '../context.ts';
import { assertGroupSizeFloor, loadTenantSettings } from '../tenant-settings.ts';
import type { Group } from './labels.ts';

export interface AnalyticsRequest {
  readonly ctx: ServiceContext;
  readonly lang: Lang;
  /** A larger minimum group size than the tenant's; a smaller one is a 400 naming query.minGroupSize. */
  readonly minGroupSize?: number | undefined;
}

/**
 * Career office and admin only; the threshold is the tenant's minimum group size (the audit's), which a
 * request may raise but never lower.
 */
export async function threshold(req: AnalyticsRequest, view: string): Promise<number> {
  requireRole(req.ctx.principal, ['career_office', 'admin'], `read ${view} analytics`);
  const { minGroupSize } = await loadTenantSettings(req.ctx.database.db, req.ctx.principal.tenantId);
  if (req.minGroupSize === undefined) return minGroupSize;
  await assertGroupSizeFloor(req.ctx, req.minGroupSize, 'query.minGroupSize');
  return req.minGroupSize;
}

/**
 * A row holds its key, label and cells only: groups carry their raw count (n) while being built, and a
 * blanked cell's count must not ride along beside it.
 */
export const row = (group: Group, cells: Record<string, Cell>): AnalyticsRow => ({
  key: group.key,
  label: group.label,
  cells,
});

export const table = (name: string, dimension: string, description: string, rows: AnalyticsRow[]): AnalyticsTable => ({
  name,
  dimension,
  description,
  rows,
});

/** A plain count that is not about people (postings, headcount, impressions): never blanked. */
export const figure = (value: number): Cell => ({ n: value, value, suppressed: false });

/** Adds counts of the same group key (majors written two ways fold into one). */
export function sumBy<T>(
  items: readonly T[],
  key: (t: T) => Group,
  count: (t: T) => number,
): Map<string, Group & { n: number }> {
  const out = new Map<string, Group & { n: number }>();
  for (const item of items) {
    const g = key(item);
    const prev = out.get(g.key);
    out.set(g.key, { ...g, n: (prev?.n ?? 0) + count(item) });
  }
  return out;
}

/** Largest first, then by key, so answers are stable. */
export const bySize = <T extends { key: string; n: number }>(a: T, b: T): number =>
  b.n - a.n || a.key.localeCompare(b.key);

export const countRows = (groups: Iterable<Group & { n: number }>, k: number, measure = 'graduates'): AnalyticsRow[] =>
  [...groups].sort(bySize).map((g) => row(g, { [measure]: countCell(g.n, k) }));

export const blankOr = (shown: boolean, cell: Cell): Cell => (shown ? cell : BLANK);

export function report(
  ctx: ServiceContext,
  view: string,
  minGroupSize: number,
  notes: string[],
  tables: AnalyticsTable[],
): AnalyticsReport {
  return { view, generatedAt: ctx.clock.now().toISOString(), minGroupSize, notes, tables };
}

/** The long CSV form of a report: a row per figure. */
export function reportCsvRows(r: AnalyticsReport): CsvRow[] {
  return r.tables.flatMap((t) =>
    t.rows.flatMap((rw) =>
      Object.entries(rw.cells).map(([measure, c]) => ({
        table: t.name,
        dimension: t.dimension,
        key: rw.key,
        label: rw.label,
        measure,
        n: c.n,
        value: c.value,
        suppressed: c.suppressed,
      })),
    ),
  );
}
