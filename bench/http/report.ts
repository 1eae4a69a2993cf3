/** One workload's figures on one backend: over HTTP (autocannon) and in process (app.request). */
export interface Row {
  backend: string;
  workload: string;
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  inP50: number;
  inP99: number;
  /** CPU a request over HTTP, ms: the services' and the load generator's (this process, on the same cores). */
  serviceCpuMs: number;
  generatorCpuMs: number;
  /** The services' garbage-collection pauses and marking steps (main threads) during the workload, ms a request. */
  gcStopMs: number;
}

/** The q-quantile of the samples (nearest rank). */
export function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

const f = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

export function printTable(rows: readonly Row[]): void {
  const header = [
    'backend',
    'workload',
    'HTTP p50 ms',
    'HTTP p99 ms',
    'req/s',
    'errors',
    'in-process p50',
    'in-process p99',
    'p50 ratio',
    'p99 ratio',
    'service CPU ms/req',
    'generator CPU ms/req',
    'GC stop ms/req',
  ];
  const body = rows.map((r) => [
    r.backend,
    r.workload,
    f(r.p50),
    f(r.p99),
    r.rps.toFixed(0),
    String(r.errors),
    f(r.inP50),
    f(r.inP99),
    `${(r.p50 / r.inP50).toFixed(2)}×`,
    `${(r.p99 / r.inP99).toFixed(2)}×`,
    r.serviceCpuMs.toFixed(2),
    r.generatorCpuMs.toFixed(2),
    r.gcStopMs.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const b of body) console.log(line(b));
  for (const backend of new Set(rows.map((r) => r.backend))) {
    const rec = rows.find((r) => r.backend === backend && r.workload === 'recommendations');
    const exp = rows.find((r) => r.backend === backend && r.workload === 'explanations');
    if (rec && exp)
      console.log(
        `${backend}: explanation / recommendation p99 ${(exp.p99 / rec.p99).toFixed(2)}× (p50 ` +
          `${(exp.p50 / rec.p50).toFixed(2)}×)`,
      );
  }
}
