import type { AuditPhase } from '../../domain/audit-report/phases.ts';
import { processMetrics } from '../metrics.ts';

export type AuditOutcome = 'completed' | 'failed';

/**
 * Times an audit for GET /metrics: `bole_audit_duration_seconds` from the request (the run's created_at) to the
 * run completing or finally failing, and `bole_audit_phase_duration_seconds` for each phase of one attempt.
 */
export function auditTimer(source: 'impressions' | 'upload', requestedAt: Date) {
  const spent: [AuditPhase, number][] = [];
  let current: { phase: AuditPhase; started: number } | null = null;
  const close = () => {
    if (current) spent.push([current.phase, (performance.now() - current.started) / 1000]);
    current = null;
  };
  return {
    /** The attempt moves into `phase` (the one before ends now). */
    enter(phase: AuditPhase): void {
      close();
      current = { phase, started: performance.now() };
    },
    /** The attempt ended: each phase it went through is counted with the attempt's outcome. */
    attemptEnded(outcome: AuditOutcome): void {
      close();
      for (const [phase, seconds] of spent.splice(0))
        processMetrics.auditPhaseSeconds.observe({ phase, outcome }, seconds);
    },
    /** The run ended for good at `now` (a failed attempt that will be retried is not an end). */
    runEnded(outcome: AuditOutcome, now: Date): void {
      const seconds = Math.max(0, (now.getTime() - requestedAt.getTime()) / 1000);
      processMetrics.auditSeconds.observe({ source, outcome }, seconds);
    },
  };
}
