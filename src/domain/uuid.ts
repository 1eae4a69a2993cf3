/** A UUID as PostgreSQL writes one (any version), case-insensitive. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `text` is a UUID, so that it may be cast to uuid in SQL without an error. */
export const isUuid = (text: string): boolean => UUID.test(text);
