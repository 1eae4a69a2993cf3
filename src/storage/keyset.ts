import { sql, type RawBuilder } from 'kysely';
import type { Cursor } from '../services/pagination.ts';

/** Keyset condition `(created_at, id) > cursor`; rows carry millisecond timestamps set by the app. */
export function afterCursor(cursor: Cursor | undefined): RawBuilder<boolean> {
  return cursor ? sql<boolean>`(created_at, id) > (${new Date(cursor.createdAt)}, ${cursor.id}::uuid)` : sql<boolean>`true`;
}
