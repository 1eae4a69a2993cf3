import type { JobName, JobPayload } from './catalog.ts';

export interface EnqueueResult {
  jobId: string;
  /** False when a job with this id already existed (the deterministic id made the add a no-op). */
  created: boolean;
}

/** Where use-cases put background work. Job ids are deterministic, so enqueueing twice runs once. */
export interface JobQueue {
  enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: { jobId: string }): Promise<EnqueueResult>;
  close(): Promise<void>;
}

/** What a handler may do besides its work: report progress and know whether a failure is final. */
export interface JobContext {
  jobId: string;
  /** 1-based attempt number. */
  attempt: number;
  /** No retry follows if this attempt fails. */
  finalAttempt: boolean;
  progress(percent: number): Promise<void>;
}

export type JobHandler<N extends JobName> = (payload: JobPayload<N>, ctx: JobContext) => Promise<unknown>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };

/** Running workers; close() lets the current jobs finish, then stops. */
export interface RunningWorkers {
  close(): Promise<void>;
}
