import {
  scheduleCsv,
  scheduleHtml,
  sortRows,
  type ScheduleRow,
  type ScheduleView,
} from '../../domain/assignment/render.ts';
import { notFound } from '../../domain/errors.ts';
import type { Label } from '../../domain/explain/labels.ts';
import { hhmm } from '../../domain/model/job-fair.ts';
import * as repo from '../../storage/job-fairs.repo.ts';
import { isStaff } from '../access.ts';
import type { ServiceContext } from '../context.ts';
import { loadRun, parseResult } from './assignments.ts';
import { loadFair, toFairView, type FairView } from './fairs.ts';
import type { StoredInterview, StoredPlan } from './plan.ts';

interface ScheduleItem extends ScheduleRow {
  employerId: string;
  postingId: string | null;
  weight: number;
  components: StoredInterview['components'];
  why: Label;
}

interface MissedItem {
  graduateId: string;
  boothId: string;
  employerName: string;
  rank: number;
  reason: string;
  score: number;
  capacity: number;
  lowestAdmitted: number | null;
  why: Label;
}

export interface ScheduleResult {
  fair: FairView;
  runId: string;
  revision: number;
  published: boolean;
  view: ScheduleView;
  items: ScheduleItem[];
  missed: MissedItem[];
}

/**
 * The schedule a key may see: staff any completed run (default the published one), employers their own
 * booths' interviews and graduates their own interviews and misses, both in the published plan only.
 * A fair without a visible plan answers 404.
 */
export async function getSchedule({
  ctx,
  fairId,
  view,
  runId,
}: {
  ctx: ServiceContext;
  fairId: string;
  view: ScheduleView;
  runId?: string | undefined;
}): Promise<ScheduleResult> {
  const fair = await loadFair(ctx, fairId);
  const { db } = ctx.database;
  const staff = isStaff(ctx.principal);
  const chosen = staff && runId !== undefined ? runId : fair.published_run_id;
  if (chosen === null || (!staff && runId !== undefined && runId !== fair.published_run_id))
    throw notFound('Published schedule');
  const run = await loadRun(ctx, fairId, chosen);
  const plan = parseResult(run.result) as StoredPlan | null;
  if (run.status !== 'completed' || !plan) throw notFound('Schedule');
  const booths = new Map((await repo.listBooths(db, ctx.principal.tenantId, fairId)).map((b) => [b.id, b]));
  const employerIds = [...new Set([...booths.values()].map((b) => b.employer_id))];
  const employers = await repo.employerNames(db, ctx.principal.tenantId, employerIds);
  const visible = (x: { graduate: number; booth: number }) => {
    if (staff) return true;
    if (ctx.principal.role === 'graduate') return plan.graduates[x.graduate] === ctx.principal.graduateId;
    if (ctx.principal.role === 'employer')
      return booths.get(plan.booths[x.booth] ?? '')?.employer_id === ctx.principal.employerId;
    return false;
  };
  if (!staff && !['graduate', 'employer'].includes(ctx.principal.role)) throw notFound('Published schedule');
  const shown = plan.interviews.filter(visible);
  const names = await repo.graduateNames(db, ctx.principal.tenantId, [
    ...new Set(shown.map((x) => plan.graduates[x.graduate] ?? '')),
  ]);
  const date = toFairView(fair).date;
  const items = shown.map((x): ScheduleItem => {
    const boothId = plan.booths[x.booth] ?? '';
    const booth = booths.get(boothId);
    const graduateId = plan.graduates[x.graduate] ?? '';
    const slot = plan.slots[x.slot] ?? { from: 0, to: 0 };
    return {
      graduateId,
      graduateName: names.get(graduateId) ?? '(erased)',
      boothId,
      employerId: booth?.employer_id ?? '',
      employerName: employers.get(booth?.employer_id ?? '') ?? '',
      room: booth?.room ?? '',
      table: booth?.table_label ?? '',
      interviewer: x.interviewer + 1,
      start: `${date} ${hhmm(slot.from)}`,
      end: `${date} ${hhmm(slot.to)}`,
      score: x.score,
      rank: x.rank,
      postingId: x.postingId,
      weight: x.weight,
      components: x.components,
      why: x.why,
    };
  });
  const missed =
    ctx.principal.role === 'employer'
      ? []
      : plan.missed.filter(visible).map((miss): MissedItem => {
          const boothId = plan.booths[miss.booth] ?? '';
          return {
            graduateId: plan.graduates[miss.graduate] ?? '',
            boothId,
            employerName: employers.get(booths.get(boothId)?.employer_id ?? '') ?? '',
            rank: miss.rank,
            reason: miss.reason,
            score: miss.score,
            capacity: miss.capacity,
            lowestAdmitted: miss.lowestAdmitted,
            why: miss.why,
          };
        });
  return {
    fair: toFairView(fair),
    runId: run.id,
    revision: run.revision,
    published: run.id === fair.published_run_id,
    view,
    items: sortRows(items, view) as ScheduleItem[],
    missed,
  };
}

export function renderSchedule(result: ScheduleResult, format: 'csv' | 'html'): string {
  if (format === 'csv') return scheduleCsv(result.items, result.view);
  return scheduleHtml(result.items, result.view, {
    name: result.fair.name,
    date: result.fair.date,
    venue: result.fair.venue,
  });
}
