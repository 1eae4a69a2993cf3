import { z } from 'zod';
import { isoDay } from '../../domain/iso.ts';
import type { AuditHeadline, EmbedderInfo, QualityFigures } from '../../domain/explain/index.ts';
import { hasUnresolvedAlert } from '../../storage/audit-ops.repo.ts';
import { latestReportBody } from '../../storage/audits.repo.ts';
import type { Database } from '../../storage/db.ts';
import { findEmbedderModel } from '../../storage/embeddings.repo.ts';
import { readServiceSetting, writeServiceSetting } from '../../storage/service-settings.repo.ts';
import { readTenantSettings } from '../../storage/tenants.repo.ts';
import type { MatchingDeps } from '../matching/deps.ts';
import { loadTenantSettings } from '../tenant-settings.ts';

/** service_settings key holding the latest benchmark figures (set by setQualityFigures). */
export const QUALITY_KEY = 'quality_figures';

const qualityFigures = z.object({
  source: z.string().min(1).max(200),
  date: z.string().min(1).max(40),
  figures: z
    .array(
      z.object({
        name: z.string().min(1).max(80),
        value: z.number().finite(),
        low: z.number().finite().optional(),
        high: z.number().finite().optional(),
      }),
    )
    .min(1)
    .max(40),
});

const asJson = (raw: unknown): unknown => {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
};

/** The latest benchmark figures, or null when none were stored ("not yet measured"). */
export async function readQualityFigures(database: Database): Promise<QualityFigures | null> {
  const parsed = qualityFigures.safeParse(asJson(await readServiceSetting(database.db, QUALITY_KEY)));
  return parsed.success ? parsed.data : null;
}

/** Stores benchmark figures for the disclosure; a bench script or an operator calls this. */
export async function setQualityFigures(database: Database, figures: QualityFigures): Promise<void> {
  await writeServiceSetting(database.db, QUALITY_KEY, qualityFigures.parse(figures));
}

/** The active embedder as disclosed; its kind comes from embedder_models when it is registered there. */
export async function embedderInfo(database: Database, deps: MatchingDeps): Promise<EmbedderInfo> {
  const { id, dimensions } = deps.engine.embedder;
  const row = await findEmbedderModel(database.db, id);
  const builtIn = id.startsWith('lsa-') ? 'lsa' : id.startsWith('supervised:') ? 'supervised' : 'external';
  return { id, dimensions, kind: row?.kind ?? builtIn };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Headline numbers of the tenant's latest audit report. The report body belongs to the audit feature,
 * so it is read defensively: any field missing or of another shape is left out, never guessed.
 */
export async function latestAuditHeadline(database: Database, tenantId: string): Promise<AuditHeadline | null> {
  let row: { id: string; body: string; createdAt: Date } | undefined;
  try {
    row = await latestReportBody(database.db, tenantId);
  } catch {
    // A deployment without the audit migration has no reports to cite.
    return null;
  }
  if (!row) return null;
  const body = asJson(row.body);
  const report = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const totals =
    typeof report.totals === 'object' && report.totals !== null ? (report.totals as Record<string, unknown>) : {};
  const flags = Array.isArray(report.flags)
    ? report.flags.filter((f): f is Record<string, unknown> => typeof f === 'object' && f !== null)
    : null;
  const ratios = (flags ?? []).map((f) => num(f.impactRatio)).filter((x): x is number => x !== null);
  const figures: Array<{ name: string; value: number }> = [];
  const push = (name: string, value: number | null) => {
    if (value !== null) figures.push({ name, value });
  };
  push('impressions', num(totals.impressions));
  push('graduates', num(totals.graduates));
  push('consented', num(totals.consented));
  if (flags) {
    push('flags', flags.length);
    push('adverse flags', flags.filter((f) => f.adverse === true).length);
  }
  if (ratios.length > 0) push('lowest impact ratio', Math.min(...ratios));
  const date = typeof report.auditDate === 'string' ? report.auditDate : isoDay(row.createdAt);
  return { date, reportId: row.id, figures };
}

/** Whether the tenant has an audit alert that is not resolved (open or acknowledged: still being handled). */
async function unresolvedAlert(database: Database, tenantId: string): Promise<boolean> {
  try {
    return await hasUnresolvedAlert(database.db, tenantId);
  } catch {
    // A deployment without the audit-ops migration has no alerts.
    return false;
  }
}

/**
 * The tenant's operating flags. AI ranking comes from the kill switch; re-ranking from the tenant
 * settings key the mitigation feature owns (`reranking`, absent meaning off); an open alert from the
 * audit_alerts table (any alert not yet resolved).
 */
export async function operatingFlags(
  database: Database,
  tenantId: string,
): Promise<{ aiRankingSuspended: boolean; rerankingOn: boolean; openAlert: boolean }> {
  const settings = await loadTenantSettings(database.db, tenantId);
  const raw = asJson(await readTenantSettings(database.db, tenantId));
  const s = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const on = (v: unknown): boolean =>
    v === true ||
    (typeof v === 'object' &&
      v !== null &&
      ((v as Record<string, unknown>).enabled === true || (v as Record<string, unknown>).on === true));
  return {
    aiRankingSuspended: settings.aiRanking.suspended,
    rerankingOn: on(s.reranking),
    openAlert: await unresolvedAlert(database, tenantId),
  };
}
