import { DEFAULT_WEIGHTS } from '../../src/domain/matching/weights.ts';
import type { JobHandler } from '../../src/queue/port.ts';
import type { SystemContext } from '../../src/services/context.ts';
import { runFairAssignmentJob } from '../../src/services/job-fairs/run.ts';
import type { MatchingEngine } from '../../src/services/matching/engine.ts';

/** The `job-fair-assignment` job: see runFairAssignmentJob; it scores with the production weights. */
export const jobFairAssignmentHandler =
  (ctx: SystemContext, engine: () => Promise<MatchingEngine>): JobHandler<'job-fair-assignment'> =>
  async (payload, job) =>
    runFairAssignmentJob(ctx, payload, job, async () => ({ engine: await engine(), weights: DEFAULT_WEIGHTS }));
