import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { PROMETHEUS_CONTENT_TYPE } from '../../../domain/metrics.ts';
import { requireRole } from '../../../services/access.ts';
import { matchingKernels } from '../../../services/health.ts';
import { processMetrics } from '../../../services/metrics.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, security } from '../../openapi.ts';

/** Fills the gauges read at scrape time: queue depths, the index sizes, the kernels, resident memory. */
async function collect(deps: Pick<AppDeps, 'queueDepths' | 'matching'>, c: { var: AppEnv['Variables'] }) {
  const m = processMetrics;
  const depths = await deps.queueDepths?.().catch(() => null);
  m.queueJobs.reset();
  for (const [kind, counts] of Object.entries(depths ?? {}))
    for (const [state, n] of Object.entries(counts)) m.queueJobs.set({ kind, state }, n);
  if (deps.matching) {
    const matching = await deps.matching(c.var.database).catch(() => null);
    if (matching) {
      const { postings, graduates } = matching.engine.indexSizes;
      m.indexPostings.set({}, postings.entries);
      m.indexGraduates.set({}, graduates.entries);
      m.indexBytes.set({ side: 'postings' }, postings.vectorBytes);
      m.indexBytes.set({ side: 'graduates' }, graduates.vectorBytes);
    }
  }
  m.kernels.reset();
  m.kernels.set({ backend: matchingKernels() }, 1);
  const rss = (globalThis as { process?: { memoryUsage?: () => { rss: number } } }).process?.memoryUsage?.().rss;
  if (rss !== undefined) m.residentBytes.set({}, rss);
}

/** GET /metrics: this process's figures in Prometheus's text format, for an admin key (a scraper's bearer). */
export function metricsRoutes(app: OpenAPIHono<AppEnv>, deps: Pick<AppDeps, 'queueDepths' | 'matching'>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/metrics',
      tags: ['System'],
      security,
      operationId: 'getMetrics',
      summary: 'Operational metrics (Prometheus text format)',
      description:
        'Request counts and latency histograms by route and status, rate-limit rejections, jobs and their ' +
        'durations by kind, audit durations from request to completion (and per phase) by outcome, queue depths ' +
        'by state, the sizes of the in-memory posting and graduate indexes (rows and vector bytes), ' +
        'where matching scans run, embedder latency and resident memory. Each process serves its own figures. ' +
        'Needs an admin key (Prometheus: `authorization: { credentials: <key> }`).',
      responses: {
        200: {
          description: 'The metrics, in the Prometheus text exposition format 0.0.4.',
          content: { 'text/plain': { schema: z.string() } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      requireRole(c.var.ctx.principal, ['admin'], 'read the operational metrics');
      await collect(deps, c);
      return c.text(await processMetrics.registry.render(), 200, { 'content-type': PROMETHEUS_CONTENT_TYPE });
    },
  );
}
