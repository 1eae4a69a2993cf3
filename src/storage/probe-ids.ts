import { sql, type RawBuilder } from 'kysely';

/**
 * `unnest(ids) as k(id)`, one row per id (text; compare with `k.id::uuid`), for a lateral subquery that probes a
 * primary key once per id (`limit 1` keeps it from being flattened into a join). An `entity_id in (…)` list of
 * thousands let the planner, on a table without statistics (a server without autovacuum, a freshly loaded
 * database), use only the key's leading columns and filter every row of the entity type: the lookup cost grew with
 * the table, not with the ids asked for.
 */
export const probeIds = (ids: readonly string[]): RawBuilder<unknown> => sql`unnest(${[...ids]}::text[]) as k(id)`;
