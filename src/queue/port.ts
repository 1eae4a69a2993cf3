import type { JobName, JobPayload } from './catalog.ts';

export interface EnqueueResult {
  jobId: string;
  /** False when a job with this id already existed (the deterministic id made the add a no-op). */
  created: boolean;
}

/**
 * What the queue knows of a job: still to run (`pending`: waiting, delayed or prioritised), running, finished
 * either way, or `missing` (never added, removed after its retention, or lost with a Redis that restarted empty).
 */
export type QueuedJobState = 'pending' | 'active' | 'completed' | 'failed' | 'missing';

export const JOB_COUNT_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
export type JobCounts = Record<(typeof JOB_COUNT_STATES)[number], number>;

export interface EnqueueOptions {
  jobId: string;
  /** The request that asked for the job: kept with the job and added to every log line it writes. */
  requestId?: string | undefined;
  /** Start the job no sooner than this many milliseconds from now (the in-memory queue does not wait). */
  delayMs?: number | undefined;
}

export type JobListState = (typeof JOB_COUNT_STATES)[number];

/** One job as the operators' queue view shows it. */
export interface JobSummary {
  id: string;
  name: JobName;
  state: JobListState | 'unknown';
  /** The payload as stored (ids only; see the catalog). */
  data: Record<string, unknown>;
  requestId: string | null;
  /** Attempts made so far, of `attempts` allowed. */
  attemptsMade: number;
  attempts: number;
  /** The last progress the job reported, 0–100. */
  progress: number;
  failedReason: string | null;
  addedAt: Date | null;
  processedAt: Date | null;
  finishedAt: Date | null;
}

/** Where use-cases put background work. Job ids are deterministic, so enqueueing twice runs once. */
export interface JobQueue {
  enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions): Promise<EnqueueResult>;
  /** The job's state, for the sweeper that relays lost jobs again. */
  state(name: JobName, jobId: string): Promise<QueuedJobState>;
  /** Removes a finished job so the same id can be added again (a run its job finished without finishing). */
  discard(name: JobName, jobId: string): Promise<void>;
  /** How many `name` jobs are in each state now (GET /metrics): waiting, active, delayed, failed, completed. */
  counts(name: JobName): Promise<JobCounts>;
  /** How many workers (in any process) are connected to take `name` jobs. */
  workers(name: JobName): Promise<number>;
  /** The newest `limit` jobs of `name` in `state`, newest first. */
  list(name: JobName, state: JobListState, limit: number): Promise<JobSummary[]>;
  /** One job, or null when the queue does not hold it. */
  get(name: JobName, jobId: string): Promise<JobSummary | null>;
  /** Runs a failed job again (its attempts start over); false when it is not failed. */
  retry(name: JobName, jobId: string): Promise<boolean>;
  /** Removes a job that is not running; false when it is running or gone. */
  remove(name: JobName, jobId: string): Promise<boolean>;
  close(): Promise<void>;
}

/** What a handler may do besides its work: report progress and know whether a failure is final. */
export interface JobContext {
  jobId: string;
  /** The request that asked for the job, when one did. */
  requestId?: string | undefined;
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
