import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { isolatedPostgres } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import { job } from '../support/matching.ts';
import { startNode, stopNode, type NodeService } from '../support/node-service.ts';
import { bundleWorker, type WorkerBundle } from '../support/workerd.ts';

/*
 * Replicas share nothing but PostgreSQL: two Node services (src/entry/node.ts, as `npm start` runs them) and
 * the Worker bundle in workerd (as wrangler builds it, postgres.js dialing through cloudflare:sockets) on one
 * database of this file's own. Each holds its own in-memory posting and graduate indexes, which check the
 * tenant's trigger-bumped version on every list, so a write through one replica is in the next list any other
 * serves: no wait (well inside issue 17's second), no time bound to assert.
 */

interface Replica {
  name: string;
  call: (method: string, path: string, key: string, body?: unknown) => Promise<{ status: number; json: unknown }>;
}

const request = (method: string, key: string, body?: unknown): RequestInit => ({
  method,
  headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

const overHttp = (name: string, base: string): Replica => ({
  name,
  call: async (method, path, key, body) => {
    const res = await fetch(`${base}${path}`, request(method, key, body));
    const text = await res.text();
    return { status: res.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
  },
});

function workerReplica(bundle: WorkerBundle, url: string): Replica {
  const mf = bundle.boot({ DATABASE_URL: url });
  return {
    name: 'the Worker',
    call: async (method, path, key, body) => {
      const res = await mf.dispatchFetch(`http://localhost${path}`, request(method, key, body) as never);
      const text = await res.text();
      return { status: res.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
    },
  };
}

let database: Database;
let drop: () => Promise<void>;
let services: NodeService[] = [];
let bundle: WorkerBundle | undefined;
let replicas: Replica[] = [];
let t: TestTenant;
let employer: { id: string; key: string };
let graduate: { id: string; key: string };

beforeAll(async () => {
  const own = await isolatedPostgres();
  database = own.database;
  drop = own.drop;
  t = await newTenant(database);
  employer = await t.employer({ name: '楚天数据' });
  graduate = await t.graduate({
    education: [{ school: '武汉大学', degree: 'bachelor', major: '统计学', graduationDate: '2026-06-30' }],
    skills: [
      { name: 'SQL', source: 'declared' },
      { name: 'Python', source: 'declared' },
    ],
    summary: '熟悉数据分析。',
    preferences: { locations: ['武汉'], industries: [], jobTypes: ['full-time'], remote: 'any' },
  });
  let a: NodeService, b: NodeService;
  [bundle, a, b] = await Promise.all([bundleWorker(), startNode(own.url), startNode(own.url)]);
  services = [a, b];
  replicas = [overHttp('node A', a.base), overHttp('node B', b.base), workerReplica(bundle, own.url)];
}, 180_000);

afterAll(async () => {
  await Promise.all(services.map(stopNode));
  await bundle?.dispose();
  await drop?.();
});

const recommended = async (r: Replica): Promise<string[]> => {
  const res = await r.call('GET', `/v1/graduates/${graduate.id}/recommendations?limit=50`, t.staff.career_office);
  expect(res.status, `${r.name}: ${JSON.stringify(res.json)}`).toBe(200);
  return (res.json as { items: Array<{ posting: { id: string } }> }).items.map((i) => i.posting.id);
};

const candidates = async (r: Replica, postingId: string): Promise<string[]> => {
  const res = await r.call('GET', `/v1/jobs/${postingId}/candidates?limit=50`, t.staff.career_office);
  expect(res.status, `${r.name}: ${JSON.stringify(res.json)}`).toBe(200);
  return (res.json as { items: Array<{ graduate: { id: string } }> }).items.map((i) => i.graduate.id);
};

describe('replicas on one PostgreSQL', () => {
  it('list a posting opened through one in their next list, and drop it once closed through another', async () => {
    // Every replica has served a list first, so each holds a warm index that has to catch up.
    for (const r of replicas) expect(await recommended(r)).toEqual([]);
    for (const [i, writer] of replicas.entries()) {
      const created = await writer.call('POST', '/v1/jobs', employer.key, job({ title: `数据分析师 ${i}` }));
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const id = (created.json as { id: string }).id;
      for (const r of replicas) expect(await recommended(r), `${r.name} after ${writer.name} opened`).toContain(id);
      const closer = replicas[(i + 1) % replicas.length] as Replica;
      const closed = await closer.call('PATCH', `/v1/jobs/${id}`, employer.key, { status: 'closed' });
      expect(closed.status).toBe(200);
      for (const r of replicas) expect(await recommended(r), `${r.name} after ${closer.name} closed`).not.toContain(id);
    }
  });

  it('list a graduate edited through one as the others now see the profile (graduate index sync)', async () => {
    const created = await replicas[0]?.call('POST', '/v1/jobs', employer.key, job({ title: '护士' }));
    const postingId = (created?.json as { id: string }).id;
    for (const r of replicas) expect(await candidates(r, postingId)).toContain(graduate.id);
    // Withdrawing visibility through one replica takes the graduate out of every replica's candidate lists.
    const hidden = await replicas[1]?.call('PATCH', `/v1/graduates/${graduate.id}`, t.staff.career_office, {
      visibility: 'private',
    });
    expect(hidden?.status, JSON.stringify(hidden?.json)).toBe(200);
    for (const r of replicas) expect(await candidates(r, postingId), r.name).not.toContain(graduate.id);
    const shown = await replicas[2]?.call('PATCH', `/v1/graduates/${graduate.id}`, t.staff.career_office, {
      visibility: 'employers',
    });
    expect(shown?.status).toBe(200);
    for (const r of replicas) expect(await candidates(r, postingId), r.name).toContain(graduate.id);
  });
});
