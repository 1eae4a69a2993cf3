import type { Role } from '../domain/model/common.ts';
import type { Database } from '../storage/db.ts';

/** Who is calling: resolved from the API key, never from the request body. */
export interface Principal {
  readonly keyId: string;
  readonly tenantId: string;
  readonly role: Role;
  readonly graduateId: string | null;
  readonly employerId: string | null;
}

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every use-case receives: storage, the caller, the time and the request id. */
export interface ServiceContext {
  readonly database: Database;
  readonly principal: Principal;
  readonly clock: Clock;
  readonly requestId: string;
}

export const newId = (): string => crypto.randomUUID();
