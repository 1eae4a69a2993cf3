import { isCanonicalJsonText } from '../../domain/audit-report/canonical-json.ts';
import { DomainError } from '../../domain/errors.ts';
import { sha256Hex } from '../../domain/sha256.ts';
import * as chainRepo from '../../storage/audit-chain.repo.ts';
import * as repo from '../../storage/audits.repo.ts';
import type { ChainLinkRow } from '../../storage/audits.repo.ts';
import type { Database } from '../../storage/db.ts';
import type { PublicationRecord } from './chain.ts';

type Db = Database['db'];

/** How much one check may do. Reports are ~220 KB each; a link costs about 7 ms of CPU to check. */
export interface VerifyLimits {
  /** Links appended since the checkpoint that one check verifies (more: the next check goes on). */
  newLinks: number;
  /** Older links one check re-verifies, a window at a time, wrapping round to link 1 after the checkpoint. */
  sweepLinks: number;
}

export const VERIFY_LIMITS: VerifyLimits = { newLinks: 32, sweepLinks: 8 };
/** Most links one page of a full re-verification (`from`) checks. */
export const RANGE_MAX_LINKS = 200;
/** Links read from the database at once (their bodies are held in memory together). */
const PAGE = 8;

export interface BrokenLink {
  seq: number;
  kind: 'report' | 'publication';
  reportId: string;
  runId: string;
  problem: string;
}

export interface ChainVerdict {
  ok: boolean;
  /** Reports and publications in the chain up to `verifiedThrough`. */
  reports: number;
  publications: number;
  /** The first link found not to hold, or null. */
  firstBroken: BrokenLink | null;
  mode: 'incremental' | 'range';
  /** The chain's last seq when the check began. */
  chainLength: number;
  /** Every link up to this seq stands verified (in this check or, for incremental checks, an earlier one). */
  verifiedThrough: number;
  /** Whether verifiedThrough reached chainLength with nothing broken. */
  complete: boolean;
  /** Links whose bodies this check hashed and parsed. */
  checkedLinks: number;
  /** The window of older links an incremental check re-verified (null: none yet, or a range check). */
  sweep: { from: number; through: number } | null;
  /** When the re-verification of older links last covered the whole chain (or a range check from 1 did). */
  fullPassAt: string | null;
  /** Range checks: the `from` of the next page, or null when this page reached the end (or broke). */
  nextFrom: number | null;
}

interface Anchor {
  seq: number;
  sha256: string | null;
}

interface Walk {
  broken: BrokenLink | null;
  last: Anchor;
  checked: number;
}

const brokenAt = (row: Pick<ChainLinkRow, 'seq' | 'kind' | 'id' | 'run_id'>, problem: string): BrokenLink => ({
  seq: row.seq,
  kind: row.kind,
  reportId: row.id,
  runId: row.run_id,
  problem,
});

/**
 * Checks links after `from` up to seq `through`, each in full: seq is the next number, the stored sha256 is
 * the SHA-256 of the stored body, the body is canonical JSON, the body's chain.prevSha256 and the prev_sha256
 * column both equal the previous link's sha256 (for the first link, `from`'s); a publication must name an
 * earlier report of the chain by its seq and hash, and that report's run. Stops at the first failure.
 */
async function walk(db: Db, tenantId: string, from: Anchor, through: number): Promise<Walk> {
  let prev = from;
  let checked = 0;
  const reports = new Map<number, { sha256: string; runId: string }>();
  while (prev.seq < through) {
    const page = await repo.chainPage(db, tenantId, prev.seq, Math.min(PAGE, through - prev.seq));
    if (page.length === 0) break;
    for (const row of page) {
      checked++;
      const problem = await linkProblem(db, tenantId, row, prev, from.seq, reports);
      if (problem) return { broken: brokenAt(row, problem), last: prev, checked };
      if (row.kind === 'report') reports.set(row.seq, { sha256: row.sha256, runId: row.run_id });
      prev = { seq: row.seq, sha256: row.sha256 };
    }
  }
  return { broken: null, last: prev, checked };
}

async function linkProblem(
  db: Db,
  tenantId: string,
  row: ChainLinkRow,
  prev: Anchor,
  walkedFrom: number,
  reports: Map<number, { sha256: string; runId: string }>,
): Promise<string | null> {
  if (row.seq !== prev.seq + 1) return `expected link #${prev.seq + 1}, found #${row.seq} (a link is missing)`;
  if ((await sha256Hex(row.body)) !== row.sha256)
    return 'the stored body does not hash to its sha256 (body or hash edited)';
  let parsed: { chain?: { seq?: unknown; prevSha256?: unknown }; publication?: Partial<PublicationRecord> };
  try {
    parsed = JSON.parse(row.body) as typeof parsed;
  } catch {
    return 'the stored body is not JSON';
  }
  if (!isCanonicalJsonText(row.body, parsed)) return 'the stored body is not canonical JSON';
  if (parsed.chain?.prevSha256 !== prev.sha256 || row.prev_sha256 !== prev.sha256)
    return `does not link to link #${prev.seq}'s hash`;
  if (parsed.chain?.seq !== row.seq) return 'the body names another position in the chain';
  if (row.kind === 'publication') {
    const p = parsed.publication;
    const seq = typeof p?.reportSeq === 'number' && p.reportSeq < row.seq ? p.reportSeq : undefined;
    // A report before this walk was verified when its own turn came: its stored hash stands for it here.
    const head = seq === undefined || seq > walkedFrom ? undefined : await chainRepo.reportHeadAt(db, tenantId, seq);
    const named =
      seq === undefined ? undefined : (reports.get(seq) ?? (head && { sha256: head.sha256, runId: head.run_id }));
    if (!named || named.sha256 !== p?.reportSha256 || named.runId !== row.run_id || p.runId !== row.run_id)
      return 'the publication does not name an earlier report of this chain by its hash';
  }
  return null;
}

/** The link a checkpoint names must still be there with the same hash, and its body must still hash to it. */
async function checkpointProblem(
  db: Db,
  tenantId: string,
  cp: chainRepo.ChainCheckpoint,
  tip: number,
): Promise<BrokenLink | null> {
  const verified = `link #${cp.seq}, verified ${cp.verifiedAt.toISOString()}`;
  const [row] = await repo.chainPage(db, tenantId, cp.seq - 1, 1);
  if (!row || row.seq !== cp.seq) {
    const next = row ?? (tip > 0 ? await chainRepo.linkHeadAt(db, tenantId, tip) : undefined);
    const problem = `${verified}, is missing (links were removed)`;
    return next ? brokenAt(next, problem) : { seq: cp.seq, kind: 'report', reportId: '', runId: '', problem };
  }
  if (row.sha256 !== cp.sha256 || (await sha256Hex(row.body)) !== cp.sha256)
    return brokenAt(row, `${verified}, no longer has the hash it had then (body or hash edited)`);
  return null;
}

async function verdict(
  db: Db,
  tenantId: string,
  v: Omit<ChainVerdict, 'ok' | 'reports' | 'publications' | 'complete'>,
): Promise<ChainVerdict> {
  const counts = await chainRepo.countLinks(db, tenantId, v.verifiedThrough);
  const ok = v.firstBroken === null;
  return { ok, ...counts, ...v, complete: ok && v.verifiedThrough === v.chainLength };
}

/**
 * The check GET /v1/audits/verify makes, bounded whatever the chain's length: confirms the link of the last
 * check (the checkpoint) still has its hash, verifies up to `limits.newLinks` links appended since, and
 * re-verifies a window of `limits.sweepLinks` older links, the windows moving on at every check and wrapping
 * round, so an edit anywhere is found within ⌈checkpoint / sweepLinks⌉ checks (at once if it touches the
 * checkpoint's link or a newer one). When nothing is broken the checkpoint moves forward; when something is,
 * nothing moves, so every later check reports it too.
 */
export async function verifyIncremental(
  db: Db,
  tenantId: string,
  now: Date,
  limits: VerifyLimits = VERIFY_LIMITS,
): Promise<ChainVerdict> {
  const tip = (await repo.latestChainLink(db, tenantId))?.seq ?? 0;
  const cp = await chainRepo.getCheckpoint(db, tenantId);
  const base = { mode: 'incremental' as const, chainLength: tip, nextFrom: null };
  const fullPassAt = cp?.fullPassAt?.toISOString() ?? null;
  if (cp) {
    const broken = await checkpointProblem(db, tenantId, cp, tip);
    if (broken)
      return verdict(db, tenantId, {
        ...base,
        firstBroken: broken,
        verifiedThrough: broken.seq - 1,
        checkedLinks: 1,
        sweep: null,
        fullPassAt,
      });
  }
  const from: Anchor = cp ? { seq: cp.seq, sha256: cp.sha256 } : { seq: 0, sha256: null };
  const tail = await walk(db, tenantId, from, Math.min(tip, from.seq + limits.newLinks));
  let sweep: { from: number; through: number } | null = null;
  let swept: Walk | null = null;
  if (cp) {
    const start = cp.sweepSeq >= cp.seq ? 0 : cp.sweepSeq;
    // The window hangs on the stored hash of the link before it, which the previous window checked.
    const anchor = start === 0 ? null : ((await chainRepo.linkHeadAt(db, tenantId, start))?.sha256 ?? null);
    sweep = { from: start + 1, through: Math.min(cp.seq, start + limits.sweepLinks) };
    swept = await walk(db, tenantId, { seq: start, sha256: anchor }, sweep.through);
  }
  const checkedLinks = (cp ? 1 : 0) + tail.checked + (swept?.checked ?? 0);
  const broken = [swept?.broken, tail.broken].filter((b): b is BrokenLink => !!b).sort((a, b) => a.seq - b.seq)[0];
  if (broken)
    return verdict(db, tenantId, {
      ...base,
      firstBroken: broken,
      verifiedThrough: broken.seq - 1,
      checkedLinks,
      sweep,
      fullPassAt,
    });
  if (tail.last.seq === 0 || tail.last.sha256 === null)
    return verdict(db, tenantId, {
      ...base,
      firstBroken: null,
      verifiedThrough: 0,
      checkedLinks,
      sweep,
      fullPassAt,
    });
  // A first check that walked from link 1 to the end, or a sweep that reached the checkpoint, is a full pass.
  const passDone = cp ? sweep !== null && sweep.through >= cp.seq : tail.last.seq === tip;
  const next: chainRepo.ChainCheckpoint = {
    seq: tail.last.seq,
    sha256: tail.last.sha256,
    verifiedAt: now,
    sweepSeq: passDone || !sweep ? 0 : sweep.through,
    fullPassAt: passDone ? now : (cp?.fullPassAt ?? null),
  };
  await chainRepo.saveCheckpoint(db, tenantId, next);
  return verdict(db, tenantId, {
    ...base,
    firstBroken: null,
    verifiedThrough: tail.last.seq,
    checkedLinks,
    sweep,
    fullPassAt: next.fullPassAt?.toISOString() ?? null,
  });
}

/**
 * One page of a full re-verification: links `from` to `from + limit − 1` checked in full, hanging on the
 * stored hash of link `from − 1` (checked by the previous page). Walking from 1 with nextFrom until it is null
 * re-verifies the whole chain; a walk from 1 that reaches the end in one page also resets the checkpoint.
 */
export async function verifyRange(
  db: Db,
  tenantId: string,
  from: number,
  limit: number,
  now: Date,
): Promise<ChainVerdict> {
  const tip = (await repo.latestChainLink(db, tenantId))?.seq ?? 0;
  const cp = await chainRepo.getCheckpoint(db, tenantId);
  const start = Math.max(0, from - 1);
  const anchor = start === 0 ? null : ((await chainRepo.linkHeadAt(db, tenantId, start))?.sha256 ?? null);
  const w = await walk(db, tenantId, { seq: start, sha256: anchor }, Math.min(tip, start + limit));
  let fullPassAt = cp?.fullPassAt ?? null;
  if (!w.broken && start === 0 && w.last.seq === tip && w.last.sha256 !== null) {
    fullPassAt = now;
    await chainRepo.saveCheckpoint(db, tenantId, {
      seq: w.last.seq,
      sha256: w.last.sha256,
      verifiedAt: now,
      sweepSeq: 0,
      fullPassAt: now,
    });
  }
  return verdict(db, tenantId, {
    mode: 'range',
    chainLength: tip,
    firstBroken: w.broken,
    verifiedThrough: w.broken ? w.broken.seq - 1 : w.last.seq,
    checkedLinks: w.checked,
    sweep: null,
    fullPassAt: fullPassAt?.toISOString() ?? null,
    nextFrom: !w.broken && w.last.seq < tip ? w.last.seq + 1 : null,
  });
}

// Checks of one tenant made while one runs share its answer: sixteen clients asking at once cost one check.
const inFlight = new Map<string, Promise<ChainVerdict>>();
// Full re-verification pages run one at a time in a process; another is told to come back (503, Retry-After).
let rangeRunning = false;

export async function verifyIncrementalShared(db: Db, tenantId: string, now: Date): Promise<ChainVerdict> {
  const running = inFlight.get(tenantId);
  if (running) return running;
  const check = verifyIncremental(db, tenantId, now).finally(() => inFlight.delete(tenantId));
  inFlight.set(tenantId, check);
  return check;
}

export async function verifyRangeExclusive(
  db: Db,
  tenantId: string,
  from: number,
  limit: number,
  now: Date,
): Promise<ChainVerdict> {
  if (rangeRunning)
    throw new DomainError('unavailable', 'Another full re-verification of an audit chain is running; retry shortly.', {
      extra: { retryAfter: 2 },
    });
  rangeRunning = true;
  try {
    return await verifyRange(db, tenantId, from, limit, now);
  } finally {
    rangeRunning = false;
  }
}
