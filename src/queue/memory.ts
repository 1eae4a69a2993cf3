import { jobCatalog, parsePayload, type JobName, type JobPayload } from './catalog.ts';
import { PermanentJobError } from './errors.ts';
import { inJobScope } from './job-scope.ts';
import type {
  EnqueueOptions,
  EnqueueResult,
  JobContext,
  JobCounts,
  JobHandlers,
  JobListState,
  JobQueue,
  JobSummary,
} from './port.ts';

export interface MemoryJob {
  id: string;
  name: JobName;
  payload: unknown;
  state: 'waiting' | 'active' | 'completed' | 'failed';
  attemptsMade: number;
  progress: number;
  failedReason: string | null;
  requestId?: string | undefined;
}

/**
 * In-process queue with the same contract as the BullMQ adapter (deterministic ids, parse on enqueue and
 * on run, attempts from the catalog, PermanentJobError not retried), for local runs without Redis and
 * for tests of the layers above. Backoff delays are not waited: retries follow at once.
 */
const summary = (job: MemoryJob): JobSummary => ({
  id: job.id,
  name: job.name,
  state: job.state,
  data: job.payload && typeof job.payload === 'object' ? { ...job.payload } : {},
  requestId: job.requestId ?? null,
  attemptsMade: job.attemptsMade,
  attempts: jobCatalog[job.name].attempts,
  progress: job.progress,
  failedReason: job.failedReason,
  addedAt: null,
  processedAt: null,
  finishedAt: null,
});

export function createMemoryQueue(handlers?: Partial<JobHandlers>) {
  const jobs = new Map<string, MemoryJob>();
  const running = new Set<Promise<void>>();

  async function run(job: MemoryJob): Promise<void> {
    const handler = handlers?.[job.name];
    if (!handler) return;
    const { attempts } = jobCatalog[job.name];
    while (job.state === 'waiting' || job.state === 'active') {
      job.state = 'active';
      const attempt = job.attemptsMade + 1;
      try {
        const payload = parsePayload(job.name, job.payload);
        const info = { attempt, ...(job.requestId ? { requestId: job.requestId } : {}) };
        await inJobScope({ job: job.name, jobId: job.id, ...info }, () =>
          (handler as (payload: unknown, ctx: JobContext) => Promise<unknown>)(payload, {
            jobId: job.id,
            ...info,
            finalAttempt: attempt >= attempts,
            progress: async (p) => {
              job.progress = Math.round(p);
            },
          }),
        );
        job.attemptsMade = attempt;
        job.state = 'completed';
      } catch (error) {
        job.attemptsMade = attempt;
        job.failedReason = error instanceof Error ? error.message : String(error);
        if (error instanceof PermanentJobError || attempt >= attempts) job.state = 'failed';
        else job.state = 'waiting';
      }
    }
  }

  const queue: JobQueue & { jobs: ReadonlyMap<string, MemoryJob>; drain(): Promise<void> } = {
    jobs,
    async enqueue<N extends JobName>(
      name: N,
      payload: JobPayload<N>,
      { jobId, requestId }: EnqueueOptions,
    ): Promise<EnqueueResult> {
      const data = parsePayload(name, payload);
      if (jobs.has(jobId)) return { jobId, created: false };
      const job: MemoryJob = {
        id: jobId,
        name,
        payload: data,
        state: 'waiting',
        attemptsMade: 0,
        progress: 0,
        failedReason: null,
        requestId,
      };
      jobs.set(jobId, job);
      const p = run(job).finally(() => running.delete(p));
      running.add(p);
      return { jobId, created: true };
    },
    async state(_name: JobName, jobId: string) {
      const job = jobs.get(jobId);
      if (!job) return 'missing';
      return job.state === 'waiting' ? 'pending' : job.state;
    },
    async workers(name: JobName) {
      return handlers?.[name] ? 1 : 0;
    },
    async counts(name: JobName) {
      const counts: JobCounts = { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 };
      for (const job of jobs.values()) if (job.name === name) counts[job.state] += 1;
      return counts;
    },
    async list(name: JobName, state: JobListState, limit: number) {
      return [...jobs.values()]
        .filter((job) => job.name === name && job.state === state)
        .reverse()
        .slice(0, limit)
        .map(summary);
    },
    async get(_name: JobName, jobId: string) {
      const job = jobs.get(jobId);
      return job ? summary(job) : null;
    },
    async retry(_name: JobName, jobId: string) {
      const job = jobs.get(jobId);
      if (!job || job.state !== 'failed') return false;
      Object.assign(job, { state: 'waiting', attemptsMade: 0, failedReason: null });
      const p = run(job).finally(() => running.delete(p));
      running.add(p);
      return true;
    },
    async remove(_name: JobName, jobId: string) {
      const job = jobs.get(jobId);
      if (!job || job.state === 'active') return false;
      return jobs.delete(jobId);
    },
    async discard(_name: JobName, jobId: string) {
      const job = jobs.get(jobId);
      if (job && (job.state === 'completed' || job.state === 'failed')) jobs.delete(jobId);
    },
    /** Waits until every started job has finished (completed or failed). */
    async drain() {
      while (running.size > 0) await Promise.all([...running]);
    },
    async close() {
      await queue.drain();
    },
  };
  return queue;
}
