import type { JobHandler } from '../../src/queue/port.ts';
import type { SystemContext } from '../../src/services/context.ts';
import { runImportJob } from '../../src/services/imports/index.ts';

/** The `import` job: see runImportJob. */
export const importHandler =
  (ctx: SystemContext): JobHandler<'import'> =>
  async (payload, job) =>
    runImportJob(ctx, payload, job);
