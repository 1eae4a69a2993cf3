/**
 * A failure that retrying cannot fix (missing run, invalid payload): the processor turns it into BullMQ's
 * UnrecoverableError so the job fails at once instead of using up its attempts.
 */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}
