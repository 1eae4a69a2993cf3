import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the calling thread's scheduling priority to `nice` (Linux: priorities are per thread, and /proc/thread-self
 * names the thread). A worker thread doing bulk work for one client then takes the CPU the serving thread leaves,
 * instead of half of it: under the kernel's per-session CPU share (autogroup) every thread of the process draws on
 * the same share, so an equal-priority embedding thread slowed everyone's requests as much as it spared the event
 * loop. Elsewhere (no /proc) it does nothing; raising a nice value needs no privilege.
 */
export function lowerThreadPriority(nice: number): boolean {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
