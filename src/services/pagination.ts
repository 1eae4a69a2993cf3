import { invalid } from '../domain/errors.ts';
import type { Cursor } from '../storage/keyset.ts';
import { UUID } from '../domain/uuid.ts';

/** Opaque keyset cursor over (created_at, id): stable while rows are added. */
function encodeCursor(cursor: Cursor): string {
  return btoa(JSON.stringify([cursor.createdAt, cursor.id]))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** The timestamps encodeCursor writes (toISOString); anything else PostgreSQL may refuse to compare. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The (created_at, id) a cursor carries, or a 400 on query.cursor: a forged one (an id that is no uuid, a time
 * PostgreSQL cannot read) reached the query and failed there as a 500.
 */
export function decodeCursor(value: string | undefined): Cursor | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    const json: unknown = JSON.parse(atob(value.replaceAll('-', '+').replaceAll('_', '/')));
    if (
      Array.isArray(json) &&
      json.length === 2 &&
      typeof json[0] === 'string' &&
      typeof json[1] === 'string' &&
      ISO_TIME.test(json[0]) &&
      !Number.isNaN(Date.parse(json[0])) &&
      UUID.test(json[1])
    ) {
      return { createdAt: json[0], id: json[1] };
    }
  } catch {
    // fall through to the 400 below
  }
  throw invalid('query.cursor', 'is not a cursor returned by this API.');
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Rows were fetched with limit + 1; the extra one only tells whether there is a next page. */
export function toPage<R extends { created_at: Date; id: string }, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(map),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ createdAt: last.created_at.toISOString(), id: last.id }) : null,
  };
}
