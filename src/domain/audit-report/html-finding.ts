import { label } from './attributes.ts';
import { GROUP_SEPARATOR } from './marginals.ts';
import type { AuditReport, Flag } from './report-types.ts';
import { esc } from './svg.ts';

/** What the page knows beyond the report itself: the tenant's previous audit and what operators did since. */
export interface FindingContext {
  /** The tenant's previous completed audit of the same source, if any. */
  previous?: AuditReport | null;
  /** Operator actions between the previous audit (or the window start) and this audit, oldest first. */
  operatorActions?: readonly { action: string; at: string; role: string }[];
}

const groupLabel = (g: string) => g.split(GROUP_SEPARATOR).map(label).join(GROUP_SEPARATOR);
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');
const ir = (x: number) => x.toFixed(2);
const pv = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : x < 1e-4 ? x.toExponential(1) : x.toFixed(4);

/** The p-value the flag rests on: the multiplicity-adjusted one when the report has it, else Fisher's. */
function evidence(f: Flag): { p: number | null; label: string } {
  const adjusted = (f as Flag & { holmP?: number | null }).holmP;
  if (adjusted !== undefined && adjusted !== null) return { p: adjusted, label: 'p (Holm 校正 adjusted, by person)' };
  return { p: f.fisherP, label: 'p (Fisher)' };
}

const flagLine = (f: Flag) => {
  const e = evidence(f);
  const where = `${esc(f.grouping)} · ${esc(groupLabel(f.group))}`;
  return `<li>${where}: 影响比 impact ratio <b>${ir(f.impactRatio)}</b>, ${e.label} = ${pv(e.p)}</li>`;
};

const flagKey = (f: Flag) => `${f.metric}|${f.grouping}|${f.group}`;

const ACTIONS: Record<string, string> = {
  update_reranking: '修改了公平性重排设置 changed the fairness re-ranking settings',
  suspend_ai_ranking: '暂停了 AI 排序 suspended AI ranking',
  resume_ai_ranking: '恢复了 AI 排序 resumed AI ranking',
  set_audit_schedule: '设置了定期审计 set an audit schedule',
  remove_audit_schedule: '取消了定期审计 removed the audit schedule',
  alert_acknowledged: '确认了审计警报 acknowledged an audit alert',
  alert_resolved: '处理完毕一条审计警报 resolved an audit alert',
  alert_open: '重新打开了审计警报 reopened an audit alert',
  publish_audit: '发布了一次审计 published an audit',
  update_settings: '修改了本单位设置 changed the tenant settings',
};

function whatWasAudited(r: AuditReport): string {
  const t = r.totals;
  const empty =
    t.decisions === 0
      ? '<p class="verdict">窗口内没有记录到候选人名单，无法计算入选率和影响比；反事实检验一节仍直接检验评分模型。<br><span class="en">No ' +
        'candidate list was recorded in the window, so no selection rate or impact ratio can be ' +
        'computed; the counterfactual section still tests the scorer directly.</span></p>'
      : '';
  if (r.source === 'upload')
    return (
      `<p>本次审计检查的是上传的决策文件（${esc(r.sourceDescription)}），共 ${t.decisions} 个决策；“入选”指排在前 ${r.k} ` +
      `名或文件中标记为入选。<br><span class="en">This audit examined an uploaded decision file ` +
      `(${esc(r.sourceDescription)}): ${t.decisions} decisions; “selected” means ranked in the ` +
      `top ${r.k} or marked selected in the file.</span></p>`
    );
  return (
    `<p>本次审计检查了 ${day(r.window.from)} 至 ${day(r.window.to)} 期间本系统对 ${t.graduates} 名毕业生（其中 ` +
    `${t.consented} 人同意将其人口信息用于公平性审计）给出的 ${t.candidateLists} 份候选人名单和 ${t.recommendationLists} ` +
    `份推荐列表，共 ${t.decisions} 个候选决策；“入选”指排在前 ${r.k} 名。<br><span class="en">This audit examined ` +
    `what the system showed between ${day(r.window.from)} and ${day(r.window.to)}: ` +
    `${t.candidateLists} candidate lists and ${t.recommendationLists} recommendation lists ` +
    `about ${t.graduates} graduates (${t.consented} consented to their demographics being used ` +
    `for fairness audits), ${t.decisions} candidate decisions in all; “selected” means ranked ` +
    `in the top ${r.k}.</span></p>${empty}`
  );
}

function whatIsAdverse(r: AuditReport): string {
  const adverse = r.flags.filter((f) => f.adverse);
  const low = r.flags.filter((f) => !f.adverse);
  const thr = r.params.threshold;
  const parts: string[] = [];
  if (adverse.length > 0)
    parts.push(
      `<p class="verdict">发现不利影响：${adverse.length} 个群体的影响比低于 ${thr} 且统计上显著。<br><span ` +
        `class="en">Adverse impact found: ${adverse.length} group(s) have an impact ratio below ` +
        `${thr} that is statistically significant (α = ${r.params.significance}).</span></p>` +
        `<ul>${adverse.slice(0, 4).map(flagLine).join('')}</ul>` +
        `${
          adverse.length > 4
            ? `<p class="small">…及另外 ${adverse.length - 4} 个 and ${adverse.length - 4} more (see Flags 标记).</p>`
            : ''
        }`,
    );
  else
    parts.push(
      `<p class="verdict">未发现统计上显著的不利影响。</p><p class="verdict en">No statistically significant ` +
        `adverse impact was found (impact ratio below ${thr} with p &lt; ` +
        `${r.params.significance}).</p>`,
    );
  if (low.length > 0)
    parts.push(
      `<p>另有 ${low.length} 个群体的影响比低于 ${thr}，但差异不显著，可能出于偶然（人数少时常见），应继续观察。<br><span ` +
        `class="en">${low.length} more group(s) are below ${thr} without statistical significance: ` +
        `the gap may be chance (common with few people) and should be watched.</span></p>` +
        `<ul>${low.slice(0, 3).map(flagLine).join('')}</ul>`,
    );
  const excluded = new Set(r.groupings.flatMap((g) => (g.selection?.excluded ?? []).map((e) => `${g.key}|${e.group}`)))
    .size;
  parts.push(
    `<p class="small">小于 ${r.params.minGroupSize} 人或占比低于 ${r.params.minShare * 100}% ` +
      `的群体不计算影响比（${excluded} 个），见下表。Groups under ${r.params.minGroupSize} people or ` +
      `${r.params.minShare * 100} % of the data get no impact ratio (${excluded}); they are ` +
      `listed in the table below.</p>`,
  );
  return parts.join('');
}

function whatChanged(r: AuditReport, previous: AuditReport | null | undefined): string {
  if (!previous)
    return (
      '<p>这是本单位的第一次此类审计，没有可比较的上一次审计。<br><span class="en">This is the first audit of its kind for ' +
      'this tenant: there is no earlier audit to compare with.</span></p>'
    );
  const before = new Map(previous.flags.filter((f) => f.adverse).map((f) => [flagKey(f), f]));
  const now = new Map(r.flags.filter((f) => f.adverse).map((f) => [flagKey(f), f]));
  const added = [...now.values()].filter((f) => !before.has(flagKey(f)));
  const gone = [...before.values()].filter((f) => !now.has(flagKey(f)));
  const minIr = (rep: AuditReport) => {
    const out = new Map<string, number>();
    for (const g of rep.groupings)
      if (g.kind === 'single')
        for (const row of g.selection?.value.rows ?? [])
          if (row.impactRatio !== null) out.set(g.key, Math.min(out.get(g.key) ?? 1, row.impactRatio));
    return out;
  };
  const prevMin = minIr(previous);
  const moves = [...minIr(r)]
    .filter(([k]) => prevMin.has(k))
    .map(([k, v]) => `${esc(label(k))} ${ir(prevMin.get(k) ?? 0)} → ${ir(v)}`);
  return (
    `<p>与 ${day(previous.auditDate)} 的上一次审计相比：新出现 ${added.length} 个不利影响，消除 ${gone.length} 个。` +
    `<br><span class="en">Since the previous audit of ${day(previous.auditDate)}: ` +
    `${added.length} new adverse finding(s), ${gone.length} no longer adverse.</span></p>` +
    (added.length > 0 ? `<ul>${added.slice(0, 4).map(flagLine).join('')}</ul>` : '') +
    (gone.length > 0
      ? `<p class="small">不再显著 No longer adverse: ${gone
          .slice(0, 6)
          .map((f) => `${esc(f.grouping)} · ${esc(groupLabel(f.group))}`)
          .join('; ')}</p>`
      : '') +
    (moves.length > 0
      ? `<p class="small">各属性最低入选影响比 Lowest selection impact ratio per attribute: ${moves.join('; ')}</p>`
      : '')
  );
}

function whatOperatorsDid(r: AuditReport, actions: FindingContext['operatorActions']): string {
  if (r.source === 'upload')
    return (
      '<p>不适用：上传文件审计的是其他系统的决策。<br><span class="en">Not applicable: an uploaded file audits ' +
      'decisions made by another system.</span></p>'
    );
  const lines = (actions ?? [])
    .filter((a) => a.action in ACTIONS)
    .map((a) => `<li>${day(a.at)} · ${esc(a.role)}: ${ACTIONS[a.action] ?? esc(a.action)}</li>`);
  const rerank = r.reranking
    ? `<p>本窗口内有 ${r.reranking.lists} 份候选人名单经过公平性重排（前后对比见“公平性重排前后”一节）。<br><span ` +
      `class="en">${r.reranking.lists} candidate lists in the window were re-ranked for fairness ` +
      `(before and after in the re-ranking section).</span></p>`
    : '<p>本窗口内未启用公平性重排。<br><span class="en">Fairness re-ranking was not switched on in the window.</span></p>';
  if (lines.length === 0)
    return (
      `<p>自上一次审计以来没有记录到运营方的相关操作。<br><span class="en">No operator action on ranking, alerts or ` +
      `audits was recorded since the previous audit.</span></p>${rerank}`
    );
  return `<ul>${lines.slice(-8).join('')}</ul>${rerank}`;
}

/**
 * The report's first page in plain Chinese and English: what was audited, what is adverse and how sure
 * we are, what changed since the last audit, and what the operator did. Every figure comes from the
 * report (and, for the comparison, the previous report and the operator log); nothing is invented.
 */
export function findingHtml(report: AuditReport, context: FindingContext = {}): string {
  return (
    `<div class="finding"><h2>审计结论 Finding</h2>` +
    `<h3>审计了什么 What was audited</h3>${whatWasAudited(report)}` +
    `<h3>发现了什么，有多确定 What is adverse, and how sure we are</h3>${whatIsAdverse(report)}` +
    `<h3>与上次审计相比 What changed since the last audit</h3>${whatChanged(report, context.previous)}` +
    `<h3>运营方做了什么 What the operator did</h3>${whatOperatorsDid(report, context.operatorActions)}` +
    `</div>`
  );
}
