import { LATENCY_BUCKETS, MetricsRegistry } from '../domain/metrics.ts';

/** Buckets for background jobs and audits: 10 ms to 30 minutes. */
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800] as const;

/** What an operator watches (README, "Operations"): the families GET /metrics serves. */
export function createServiceMetrics() {
  const registry = new MetricsRegistry();
  return {
    registry,
    requests: registry.counter('bole_http_requests_total', 'HTTP requests answered, by route and status.', [
      'method',
      'route',
      'status',
    ]),
    requestSeconds: registry.histogram(
      'bole_http_request_duration_seconds',
      'Time from receiving a request to its answer, by route.',
      ['method', 'route'],
      LATENCY_BUCKETS,
    ),
    rateLimited: registry.counter(
      'bole_rate_limit_rejections_total',
      'Requests refused with 429 (a rate limit or sign-in throttle), by route.',
      ['route'],
    ),
    jobs: registry.counter('bole_jobs_total', 'Background jobs this process ran, by kind and outcome.', [
      'kind',
      'outcome',
    ]),
    jobSeconds: registry.histogram(
      'bole_job_duration_seconds',
      'Time one attempt of a background job took, by kind (audits are kind "audit").',
      ['kind'],
      JOB_BUCKETS,
    ),
    auditSeconds: registry.histogram(
      'bole_audit_duration_seconds',
      'Time from an audit request to its run completing or finally failing, by source (impressions or upload) ' +
        'and outcome. Counted by the process that finishes the run.',
      ['source', 'outcome'],
      JOB_BUCKETS,
    ),
    auditPhaseSeconds: registry.histogram(
      'bole_audit_phase_duration_seconds',
      'Time one phase of an audit attempt took (planning, reading, scoring, lists, counterfactual, reranking, ' +
        'report), by phase and the outcome of the attempt.',
      ['phase', 'outcome'],
      JOB_BUCKETS,
    ),
    queueJobs: registry.gauge('bole_queue_jobs', 'Jobs in the queue of this deployment, by kind and state.', [
      'kind',
      'state',
    ]),
    indexPostings: registry.gauge(
      'bole_index_postings',
      'Open postings held in the in-memory matching index of this process (all tenants).',
    ),
    indexGraduates: registry.gauge(
      'bole_index_graduates',
      'Graduates held in the in-memory candidate index of this process (all tenants).',
    ),
    indexBytes: registry.gauge(
      'bole_index_vector_bytes',
      'Bytes the in-memory vector stores of this process hold, by side (postings or graduates; all tenants).',
      ['side'],
    ),
    kernels: registry.gauge('bole_matching_kernels', 'Where matching scans run (1 for the backend in use).', [
      'backend',
    ]),
    embedSeconds: registry.histogram(
      'bole_embedder_duration_seconds',
      'Time the embedder took for one call (a batch of texts), by embedder id.',
      ['embedder'],
      LATENCY_BUCKETS,
    ),
    residentBytes: registry.gauge('bole_process_resident_memory_bytes', 'Resident memory of this process.'),
  };
}

export type ServiceMetrics = ReturnType<typeof createServiceMetrics>;

/** The process's own metrics: the HTTP app and the workers of one process count into the same set. */
export const processMetrics: ServiceMetrics = createServiceMetrics();

/** Times `work` into `histogram` under `labels`, whether it resolves or throws. */
export async function timed<T>(
  histogram: ServiceMetrics['jobSeconds'] | ServiceMetrics['embedSeconds'],
  labels: Record<string, string>,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    histogram.observe(labels, (performance.now() - started) / 1000);
  }
}
