import { sql, type RawBuilder } from 'kysely';

/** A position in a list ordered by (created_at, id); the services encode it as an opaque string. */
export interface Cursor {
  createdAt: string;
  id: string;
}

/** Keyset condition `(created_at, id) > cursor`; rows carry millisecond timestamps set by the app. */
export function afterCursor(cursor: Cursor | undefined): RawBuilder<boolean> {
  return cursor
    ? sql<boolean>`(created_at, id) > (${new Date(cursor.createdAt)}, ${cursor.id}::uuid)`
    : sql<boolean>`true`;
}

/** Keyset condition `(created_at, id) < cursor`, for lists read newest first. */
export function beforeCursor(cursor: Cursor | undefined): RawBuilder<boolean> {
  return cursor
    ? sql<boolean>`(created_at, id) < (${new Date(cursor.createdAt)}, ${cursor.id}::uuid)`
    : sql<boolean>`true`;
}
