import { describe, expect, it } from 'vitest';
import { escapeLabelValue, formatValue, MetricsRegistry } from '../../../src/domain/metrics.ts';

describe('the Prometheus text format', () => {
  it('renders counters, gauges and cumulative histogram buckets exactly', async () => {
    const r = new MetricsRegistry();
    const requests = r.counter('req_total', 'Requests.', ['route', 'status']);
    const depth = r.gauge('queue_jobs', 'Jobs by state.', ['state']);
    const seconds = r.histogram('req_seconds', 'Latency.', ['route'], [0.1, 0.5, 1]);
    requests.inc({ route: '/v1/jobs', status: '200' });
    requests.inc({ route: '/v1/jobs', status: '200' }, 2);
    requests.inc({ route: '/v1/jobs/:id', status: '404' });
    depth.set({ state: 'waiting' }, 4);
    // 0.05 and 0.1 land in every bucket (le is inclusive); 0.7 only in le=1; 3 only in +Inf.
    for (const v of [0.05, 0.1, 0.7, 3]) seconds.observe({ route: '/v1/jobs' }, v);
    expect(await r.render()).toBe(
      [
        '# HELP req_total Requests.',
        '# TYPE req_total counter',
        'req_total{route="/v1/jobs",status="200"} 3',
        'req_total{route="/v1/jobs/:id",status="404"} 1',
        '# HELP queue_jobs Jobs by state.',
        '# TYPE queue_jobs gauge',
        'queue_jobs{state="waiting"} 4',
        '# HELP req_seconds Latency.',
        '# TYPE req_seconds histogram',
        'req_seconds_bucket{route="/v1/jobs",le="0.1"} 2',
        'req_seconds_bucket{route="/v1/jobs",le="0.5"} 2',
        'req_seconds_bucket{route="/v1/jobs",le="1"} 3',
        'req_seconds_bucket{route="/v1/jobs",le="+Inf"} 4',
        'req_seconds_sum{route="/v1/jobs"} 3.85',
        'req_seconds_count{route="/v1/jobs"} 4',
        '',
      ].join('\n'),
    );
  });

  it('escapes label values and names special values as the format does', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    expect([Infinity, -Infinity, NaN, 0.25].map(formatValue)).toEqual(['+Inf', '-Inf', 'NaN', '0.25']);
  });

  it('refuses what would make an invalid exposition', () => {
    const r = new MetricsRegistry();
    const c = r.counter('ok_total', 'x', ['route']);
    expect(() => r.counter('ok_total', 'again')).toThrow(/already registered/);
    expect(() => r.counter('bad-name', 'x')).toThrow(/invalid metric name/);
    expect(() => r.histogram('h', 'x', ['le'])).toThrow(/invalid label name le/);
    expect(() => r.histogram('h2', 'x', [], [1, 1])).toThrow(/increase/);
    expect(() => c.inc({ route: '/', status: '200' })).toThrow(/unknown label status/);
    expect(() => c.inc({ route: '/' }, -1)).toThrow(/only goes up/);
  });

  it('a gauge reset drops series that are gone, and a failing collector does not stop the scrape', async () => {
    const r = new MetricsRegistry();
    const g = r.gauge('g', 'x', ['k']);
    g.set({ k: 'a' }, 1);
    r.onCollect(() => {
      g.reset();
      g.set({ k: 'b' }, 2);
    });
    r.onCollect(() => {
      throw new Error('Redis away');
    });
    expect(await r.render()).toBe('# HELP g x\n# TYPE g gauge\ng{k="b"} 2\n');
  });
});
