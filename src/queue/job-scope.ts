import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while a job runs is told about it. */
export interface JobScope {
  job: string;
  jobId: string;
  attempt: number;
  /** The request that asked for the job, when one did. */
  requestId?: string;
}

const scopes = new AsyncLocalStorage<JobScope>();

/** Runs a job's work in its scope, so the logger (see jobLogFields) and the context know which job it is. */
export const inJobScope = <T>(scope: JobScope, fn: () => Promise<T>): Promise<T> => scopes.run(scope, fn);

/** The job running here, if any: the Node entries give this to createJsonLogger as its ambient fields. */
export const jobLogFields = (): JobScope | undefined => scopes.getStore();
