import { readFileSync } from 'node:fs';
import type { Logger } from '../logger.ts';

/** Bytes this process has read through read(2) so far, sockets included (Linux /proc/self/io); null elsewhere. */
function bytesRead(): number | null {
  try {
    const match = /^rchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

/**
 * Start-up phases as JSON log lines (`startup_phase`, at info): each phase's wall and CPU milliseconds (user +
 * system, every thread), the bytes read meanwhile (the database's answers, mostly) and the RSS at its end. The
 * first phase runs from the process's start (module loading included). `end(phase)` closes the phase running.
 */
export function startupPhases(logger: Logger): { end(phase: string, fields?: Record<string, unknown>): void } {
  let wall = 0;
  let cpu = 0;
  let read = 0;
  return {
    end(phase, fields = {}) {
      const nowWall = performance.now();
      const usage = process.cpuUsage();
      const nowCpu = (usage.user + usage.system) / 1000;
      const nowRead = bytesRead();
      logger.info('startup_phase', {
        phase,
        wallMs: Math.round(nowWall - wall),
        cpuMs: Math.round(nowCpu - cpu),
        readMiB: nowRead === null ? null : mib(nowRead - read),
        rssMiB: mib(process.memoryUsage.rss()),
        sinceStartMs: Math.round(nowWall),
        ...fields,
      });
      wall = nowWall;
      cpu = nowCpu;
      read = nowRead ?? read;
    },
  };
}
