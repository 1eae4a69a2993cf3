import { parseArgs } from 'node:util';
import { parseConfig } from '../config.ts';
import { analyzerId } from '../domain/search/derived.ts';
import { getTaxonomy } from '../domain/skills/index.ts';
import { servingEmbedder } from '../services/matching/active-embedder.ts';
import { precompute } from '../services/matching/precompute.ts';
import { deleteSupersededDerivations } from '../storage/index-derivations.repo.ts';
import { computePool } from './compute-pool.ts';
import { migrateFromDisk, openConfiguredDatabase } from './open-database.ts';
import { runMain } from './process.ts';

const usage = `Usage: npm run embed -- [--tenant <id>] [--workers <n>] [--prune]
  Derives and embeds, with the configured embedder (EMBEDDER and its settings, as npm start reads them), every
  open posting and graduate whose stored derivation or vector is missing or stale, in --workers threads (default:
  one per core), and stores them; the service then starts without embedding anything. Safe to run again and
  beside a running service (rows already current are read, not recomputed).
  --prune: then deletes the derivations stored under older analyzer ids (of --tenant, or of every tenant). Use it
  once no replica runs older code: those rows are never read again, and an older replica would only derive again.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      tenant: { type: 'string' },
      workers: { type: 'string' },
      prune: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(usage);
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0))
    throw new Error(`--workers must be a whole number (0: this thread only).\n${usage}`);
  const config = parseConfig(process.env);
  const database = await openConfiguredDatabase(config, 'npm run embed');
  try {
    await migrateFromDisk(database, (line) => console.log(line));
    const embedder = await servingEmbedder(database, config, {
      lsa: { dimensions: config.LSA_DIMENSIONS, seed: config.LSA_SEED },
      say: (line) => console.log(line),
    });
    const compute = await computePool(embedder, workers);
    console.log(`embedding with ${embedder.id} in ${compute.parallelism} thread(s)`);
    const started = performance.now();
    let shown = 0;
    try {
      const totals = await precompute(database, embedder, compute, {
        tenantId: values.tenant,
        progress: (p) => {
          const now = performance.now();
          if (now - shown < 10_000 && p.done < p.total) return;
          shown = now;
          const seconds = (now - started) / 1000;
          console.log(
            `${p.tenantId} ${p.entity}s: ${p.done}/${p.total} (${p.derived} derived, ${p.embedded} embedded ` +
              `so far; ${seconds.toFixed(0)} s)`,
          );
        },
      });
      const seconds = (performance.now() - started) / 1000;
      const rows = totals.postings + totals.graduates;
      console.log(
        `${totals.postings} postings and ${totals.graduates} graduates: ${totals.derived} derived, ` +
          `${totals.embedded} embedded in ${seconds.toFixed(1)} s (${(rows / seconds).toFixed(0)} rows/s)`,
      );
      if (values.prune) {
        const pruned = await deleteSupersededDerivations(database.db, analyzerId(getTaxonomy()), values.tenant);
        console.log(`pruned ${pruned} derivations stored under older analyzer ids`);
      }
      // Fresh planner statistics for the rows just written (see npm run load).
      await database.execScript('analyze');
    } finally {
      await compute.close();
    }
  } finally {
    await database.close();
  }
}

runMain(main);
