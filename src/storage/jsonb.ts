import { sql, type RawBuilder } from 'kysely';

/**
 * A jsonb value for an insert or update. The ::text cast matters on the PostgreSQL server: postgres.js
 * serializes a parameter it infers as jsonb with JSON.stringify, so a pre-stringified value would be
 * stored as a jsonb *string*; sent as text and cast, it is stored as the object on both backends.
 */
export const jsonb = (value: unknown): RawBuilder<string> => sql<string>`${JSON.stringify(value)}::text::jsonb`;
