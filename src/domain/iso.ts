/** Timestamps and dates as the API writes them: ISO 8601 in UTC. */

/** An instant as `YYYY-MM-DDTHH:mm:ss.sssZ` (a driver may hand back a Date or its text). */
export const isoTime = (value: Date | string): string => new Date(value).toISOString();

export const isoTimeOrNull = (value: Date | string | null): string | null => (value === null ? null : isoTime(value));

/** A calendar date as `YYYY-MM-DD` (a date column's text is already that; a Date is read in UTC). */
export const isoDay = (value: Date | string): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
