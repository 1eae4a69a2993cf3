/**
 * Counters, gauges and histograms rendered in the Prometheus text exposition format (version 0.0.4).
 * Plain code with no runtime APIs, so Node and Workers keep the same figures the same way; each process
 * (or Worker isolate) counts its own, as Prometheus expects of a scrape target.
 */

export type Labels = Readonly<Record<string, string>>;

type Kind = 'counter' | 'gauge' | 'histogram';

interface Family {
  readonly name: string;
  readonly help: string;
  readonly kind: Kind;
  readonly labelNames: readonly string[];
}

/** Default latency buckets in seconds: 1 ms to 10 s, dense where a request or a job usually lands. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A label value as the format writes it: backslash, double quote and newline escaped. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** A sample value as the format writes it: +Inf, -Inf and NaN by name, numbers in JavaScript's shortest form. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function labelText(names: readonly string[], labels: Labels, extra?: readonly [string, string]): string {
  const pairs = names.map((n) => `${n}="${escapeLabelValue(labels[n] ?? '')}"`);
  if (extra) pairs.push(`${extra[0]}="${escapeLabelValue(extra[1])}"`);
  return pairs.length ? `{${pairs.join(',')}}` : '';
}

function keyOf(names: readonly string[], labels: Labels): string {
  for (const given of Object.keys(labels))
    if (!names.includes(given)) throw new Error(`unknown label ${given}; expected ${names.join(', ') || 'none'}`);
  return JSON.stringify(names.map((n) => labels[n] ?? ''));
}

function checkFamily(name: string, labelNames: readonly string[]): void {
  if (!NAME.test(name)) throw new Error(`invalid metric name ${name}`);
  for (const l of labelNames) if (!LABEL.test(l) || l === 'le') throw new Error(`invalid label name ${l}`);
}

export class Counter {
  readonly #values = new Map<string, { labels: Labels; value: number }>();
  readonly family: Family;
  constructor(family: Family) {
    this.family = family;
  }

  inc(labels: Labels = {}, by = 1): void {
    if (!(by >= 0)) throw new Error(`a counter only goes up (by ${by})`);
    const key = keyOf(this.family.labelNames, labels);
    const entry = this.#values.get(key);
    if (entry) entry.value += by;
    else this.#values.set(key, { labels, value: by });
  }

  get(labels: Labels = {}): number {
    return this.#values.get(keyOf(this.family.labelNames, labels))?.value ?? 0;
  }

  lines(): string[] {
    return [...this.#values.values()].map(
      (e) => `${this.family.name}${labelText(this.family.labelNames, e.labels)} ${formatValue(e.value)}`,
    );
  }
}

export class Gauge {
  readonly #values = new Map<string, { labels: Labels; value: number }>();
  readonly family: Family;
  constructor(family: Family) {
    this.family = family;
  }

  set(labels: Labels, value: number): void {
    this.#values.set(keyOf(this.family.labelNames, labels), { labels, value });
  }

  /** Forgets every series (a gauge filled afresh at each scrape drops the series that are gone). */
  reset(): void {
    this.#values.clear();
  }

  lines(): string[] {
    return [...this.#values.values()].map(
      (e) => `${this.family.name}${labelText(this.family.labelNames, e.labels)} ${formatValue(e.value)}`,
    );
  }
}

export class Histogram {
  readonly #series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  readonly family: Family;
  readonly buckets: readonly number[];
  constructor(family: Family, buckets: readonly number[]) {
    this.family = family;
    this.buckets = buckets;
    for (let i = 1; i < buckets.length; i++)
      if (!((buckets[i] ?? 0) > (buckets[i - 1] ?? 0))) throw new Error('histogram buckets must increase');
  }

  observe(labels: Labels, value: number): void {
    const key = keyOf(this.family.labelNames, labels);
    let s = this.#series.get(key);
    if (!s) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.#series.set(key, s);
    }
    // Cumulative buckets: an observation counts in every bucket whose upper bound is at least the value.
    this.buckets.forEach((le, i) => {
      if (value <= le && s) s.counts[i] = (s.counts[i] ?? 0) + 1;
    });
    s.sum += value;
    s.count += 1;
  }

  lines(): string[] {
    const { name, labelNames } = this.family;
    return [...this.#series.values()].flatMap((s) => [
      ...this.buckets.map(
        (le, i) => `${name}_bucket${labelText(labelNames, s.labels, ['le', formatValue(le)])} ${s.counts[i] ?? 0}`,
      ),
      `${name}_bucket${labelText(labelNames, s.labels, ['le', '+Inf'])} ${s.count}`,
      `${name}_sum${labelText(labelNames, s.labels)} ${formatValue(s.sum)}`,
      `${name}_count${labelText(labelNames, s.labels)} ${s.count}`,
    ]);
  }
}

type Metric = Counter | Gauge | Histogram;

/** The metrics of one process; `collect` hooks fill gauges just before a scrape renders them. */
export class MetricsRegistry {
  readonly #metrics = new Map<string, Metric>();
  readonly #collectors: (() => Promise<void> | void)[] = [];

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.#add(new Counter(this.#family(name, help, 'counter', labelNames)));
  }

  gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
    return this.#add(new Gauge(this.#family(name, help, 'gauge', labelNames)));
  }

  histogram(
    name: string,
    help: string,
    labelNames: readonly string[] = [],
    buckets: readonly number[] = LATENCY_BUCKETS,
  ): Histogram {
    return this.#add(new Histogram(this.#family(name, help, 'histogram', labelNames), buckets));
  }

  /** Runs before every render; a failing collector leaves its gauges as they were and the scrape goes on. */
  onCollect(collect: () => Promise<void> | void): void {
    this.#collectors.push(collect);
  }

  async render(): Promise<string> {
    await Promise.allSettled(this.#collectors.map(async (collect) => collect()));
    const out: string[] = [];
    for (const metric of this.#metrics.values()) {
      const { name, help, kind } = metric.family;
      out.push(`# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${name} ${kind}`);
      out.push(...metric.lines());
    }
    return `${out.join('\n')}\n`;
  }

  #family(name: string, help: string, kind: Kind, labelNames: readonly string[]): Family {
    checkFamily(name, labelNames);
    if (this.#metrics.has(name)) throw new Error(`metric ${name} is already registered`);
    return { name, help, kind, labelNames };
  }

  #add<M extends Metric>(metric: M): M {
    this.#metrics.set(metric.family.name, metric);
    return metric;
  }
}

/** The content type of the text format, as Prometheus asks for it. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
