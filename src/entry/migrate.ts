import { parseConfig } from '../config.ts';
import { describeDatabase, migrateFromDisk, openConfiguredDatabase } from './open-database.ts';

/** `npm run migrate`: applies sql/ to the configured database; exits non-zero on any failure. */
try {
  const config = parseConfig(process.env);
  console.log(`Migrating ${describeDatabase(config)}`);
  const database = await openConfiguredDatabase(config, 'npm run migrate');
  try {
    await migrateFromDisk(database, (line) => console.log(line));
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
