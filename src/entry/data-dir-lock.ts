import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';

/** DATA_DIR is open in another live process: printed as its message, exit code 1. */
export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError';
}

interface LockRecord {
  pid: number;
  host: string;
  what: string;
  since: string;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A pid the kernel reused for something that is not Node is not our holder.
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
};

/**
 * An exclusive lock on the embedded database's directory: a file `bole.lock` created with O_EXCL, holding
 * the pid, host and command. PGlite's files may be open in one process only (a second writer corrupts them),
 * so the server, the worker and the CLI commands all take it; a lock whose process is gone (kill -9, a power
 * cut) is stale and taken over. Released on close and, as a last resort, on process exit.
 */
export async function lockDataDir(dir: string, what: string): Promise<{ release(): Promise<void> }> {
  const path = `${dir.replace(/\/$/, '')}/bole.lock`;
  const mine: LockRecord = { pid: process.pid, host: hostname(), what, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(`${JSON.stringify(mine)}\n`);
      await file.sync();
      await file.close();
      const onExit = () => {
        try {
          if (readFileSync(path, 'utf8').includes(`"pid":${process.pid},`)) unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', onExit);
      return {
        async release() {
          process.removeListener('exit', onExit);
          const held = await readFile(path, 'utf8').catch(() => '');
          if (held.includes(`"pid":${process.pid},`)) await unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: LockRecord | null = null;
    try {
      holder = JSON.parse(await readFile(path, 'utf8')) as LockRecord;
    } catch {
      holder = null; // half-written by a process killed while creating it: stale
    }
    if (holder && (holder.host !== mine.host || alive(holder.pid))) {
      throw new DataDirBusyError(
        `DATA_DIR ${dir} is in use by ${holder.what} (pid ${holder.pid} on ${holder.host}, since ${holder.since}). ` +
          'The embedded database can be open in one process only: stop that process first (keys can be minted and ' +
          "revoked through the running server's API instead: POST /v1/keys, DELETE /v1/keys/{id}). If that process " +
          `is gone for good, delete ${path}.`,
      );
    }
    await unlink(path).catch(() => undefined); // stale: its process is gone
  }
  throw new DataDirBusyError(`DATA_DIR ${dir}: could not take ${path} (another process keeps taking it).`);
}
