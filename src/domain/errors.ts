/** The closed set of failures the domain and services raise; HTTP maps each to one status. */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable';

export interface FieldError {
  /** JSON path of the failing field, e.g. `body.education.0.degree`. */
  path: string;
  message: string;
}

export class DomainError extends Error {
  override name = 'DomainError';
  readonly code: ErrorCode;
  readonly errors: readonly FieldError[];
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { errors?: readonly FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.code = code;
    this.errors = options.errors ?? [];
    this.extra = options.extra ?? {};
  }
}

export const notFound = (what: string): DomainError => new DomainError('not_found', `${what} was not found.`);
export const forbidden = (why: string): DomainError => new DomainError('forbidden', why);
export const conflict = (why: string): DomainError => new DomainError('conflict', why);
export const invalid = (path: string, message: string): DomainError =>
  new DomainError('validation_failed', `${path}: ${message}`, { errors: [{ path, message }] });
