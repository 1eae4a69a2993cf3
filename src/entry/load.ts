import { parseArgs } from 'node:util';
import { parseConfig } from '../config.ts';
import { generateDemoData } from '../demo/generate.ts';
import { loadDataSet } from '../services/bulk-load.ts';
import { mintKey } from '../services/keys.ts';
import { migrateFromDisk, openConfiguredDatabase } from './open-database.ts';
import { runMain } from './process.ts';

const usage = `Usage: npm run load -- --postings <n> --graduates <n> [--seed <n>] [--name <tenant name>]
  Generates a synthetic tenant (the demo generator at any size: employers, open postings, graduates with
  consents) and loads it into DATABASE_URL (else the PGlite in DATA_DIR) in batched INSERTs, with progress.
  Prints the tenant id and a career-office key. Load data for benchmarks and capacity tests, not evidence of quality.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      postings: { type: 'string' },
      graduates: { type: 'string' },
      seed: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(usage);
  const count = (v: string | undefined, name: string): number => {
    const n = Number(v ?? '');
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number.\n${usage}`);
    return n;
  };
  const postings = count(values.postings, 'postings');
  const graduates = count(values.graduates, 'graduates');
  const seed = values.seed === undefined ? 42 : count(values.seed, 'seed');
  const database = await openConfiguredDatabase(parseConfig(process.env), 'npm run load');
  try {
    await migrateFromDisk(database, (line) => console.log(line));
    const started = performance.now();
    console.log(`generating ${postings} postings and ${graduates} graduates (seed ${seed})`);
    const data = generateDemoData({ seed, postings, graduates });
    console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s; loading`);
    const shown = new Map<string, number>();
    const loaded = await loadDataSet(database, data, {
      name: values.name ?? `Bole load ${postings}/${graduates} (seed ${seed})`,
      now: new Date(),
      chunk: 1000,
      // A line per tenth of each entity.
      progress: (entity, done, total) => {
        const tenth = Math.floor((10 * done) / Math.max(1, total));
        if (tenth === shown.get(entity)) return;
        shown.set(entity, tenth);
        console.log(`${entity}: ${done}/${total}`);
      },
    });
    console.log(loaded.summary);
    // Statistics for the planner now, as after any bulk load: until a table is analysed PostgreSQL guesses, and on a
    // server without autovacuum (or before it runs) a candidate list's 20-id lookup bitmap-scanned the tenant's
    // 100,000 index entries (17 ms) and an explanation's impression lookup every candidate impression of the tenant.
    await database.execScript('analyze');
    console.log(`tenant: ${loaded.tenantId}`);
    const key = await mintKey(database, { tenantId: loaded.tenantId, role: 'career_office', label: 'load' });
    console.log(`career_office key: ${key.key}`);
  } finally {
    await database.close();
  }
}

runMain(main);
