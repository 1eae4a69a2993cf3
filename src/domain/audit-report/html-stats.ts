import { label } from './attributes.ts';
import { GROUP_SEPARATOR } from './marginals.ts';
import type { AuditReport, Block, ExcludedCategory, GroupingReport } from './report-types.ts';
import { esc } from './svg.ts';
import type { GroupReport } from '../fairness/report.ts';

/**
 * The statistics tables of the report page: impact tables with people and decisions, the clustered
 * test and its Holm/BH adjustments, excluded and suppressed categories marked in place, outcome metrics,
 * unknowns per attribute. Reports of format /1 lack some fields: they print as "—".
 */
const num = (x: number | null | undefined, d = 3) => (x === null || x === undefined ? '—' : x.toFixed(d));
const pv = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : x < 1e-4 ? x.toExponential(2) : x.toFixed(4);
export const groupLabel = (g: string): string => g.split(GROUP_SEPARATOR).map(label).join(GROUP_SEPARATOR);

const REASONS: Record<ExcludedCategory['reason'], string> = {
  'below-min-share': 'excluded: under 2 % of the data (LL144 §5-301(d)) 不足 2%，不计影响比',
  'below-min-size': 'suppressed: too few people 人数过少，已抑制',
  'suppressed-in-selection': 'suppressed (as in the selection table) 同入选表抑制',
};

/** One row per excluded category, in the same columns, marked; suppressed figures print as "suppressed". */
function excludedRowsHtml(excluded: readonly Partial<ExcludedCategory>[] | undefined): string {
  return (excluded ?? [])
    .map((e) => {
      const hidden = e.decisions === null || e.decisions === undefined;
      const cell = (v: string) => (hidden ? '<td class="muted">suppressed 抑制</td>' : `<td>${v}</td>`);
      const reason = e.reason ? (REASONS[e.reason] ?? e.reason) : '';
      return (
        `<tr class="excluded"><td>${esc(groupLabel(e.group ?? ''))}</td><td>${e.n ?? '—'}</td>` +
        `${cell(String(e.decisions))}` +
        `${cell(e.selected === null || e.selected === undefined ? '—' : String(e.selected))}${cell(num(e.rate))}` +
        `<td>—</td>${'<td></td>'.repeat(7)}<td>${esc(reason)}</td></tr>`
      );
    })
    .join('');
}

/**
 * An LL144-style impact table: people, decisions, rate, impact ratio, the clustered test, Holm, BH, and the
 * decision-level tests.
 */
export function impactTable(r: GroupReport, rateName: string, excluded?: readonly Partial<ExcludedCategory>[]): string {
  const rows = r.rows
    .map(
      (row) =>
        `<tr class="${row.flagged ? 'flag' : ''}"><td>${esc(groupLabel(row.group))}</td><td>` +
        `${row.people ?? '—'}</td><td>${row.n}</td><td>${row.selected}</td>` +
        `<td>${num(row.rate)}</td><td>${num(row.impactRatio)}${row.isReference ? ' (ref)' : ''}</td>` +
        `<td>${num(row.clustered?.z, 2)}</td><td>${pv(row.clustered?.pValue)}</td><td>` +
        `${pv(row.holmP)}</td><td>${pv(row.bhQ)}</td>` +
        `<td>${pv(row.zTest?.pValue)}</td><td>${pv(row.fisher?.pValue)}</td><td>${num(row.fisher?.oddsRatio, 2)}</td>` +
        `<td>${row.adverse ? 'adverse 不利影响' : row.flagged ? `< ${r.threshold}` : ''}</td></tr>`,
    )
    .join('');
  const head =
    `<tr><th>Group 群体</th><th>People 人数</th><th>Decisions ` +
    `决策数</th><th>${esc(rateName)}</th><th>Rate 比率</th><th>Impact ratio 影响比</th>` +
    '<th>z (clustered 按人聚类)</th><th>p (clustered)</th><th>p Holm</th><th>q BH</th><th>z-test p ' +
    '(decisions)</th><th>Fisher p (decisions)</th><th>Odds ratio 优势比</th><th>Flag 标记</th></tr>';
  const chi = r.chiSquare;
  const chiLine = chi
    ? `<p class="small">Chi-square of independence 卡方独立性检验 (decisions): χ² = ` +
      `${num(chi.statistic, 3)}, df = ${chi.dof}, p = ` +
      `${pv(chi.pValue)}${chi.corrected ? ' (Yates)' : ''}.</p>`
    : '';
  return `<table><thead>${head}</thead><tbody>${rows}${excludedRowsHtml(excluded)}</tbody></table>${chiLine}`;
}

/** TPR, FPR and precision by group, and the spreads, with the label definition. */
export function outcomesHtml(block: GroupingReport['outcomes'] | undefined): string {
  if (!block) return '';
  const m = block.value;
  const rows = m.rows
    .map(
      (r) =>
        `<tr><td>${esc(groupLabel(r.group))}</td><td>${num(r.tp, 1)}</td><td>${num(r.fp, 1)}</td>` +
        `<td>${num(r.fn, 1)}</td><td>${num(r.tn, 1)}</td>` +
        `<td>${num(r.tpr)}</td><td>${num(r.fpr)}</td><td>${num(r.ppv)}</td><td>` +
        `${num(r.vsReference?.tprDifference)}</td><td>${num(r.vsReference?.fprDifference)}</td>` +
        `</tr>`,
    )
    .join('');
  const line = (name: string, s: { difference: number | null; ratio: number | null }) =>
    `${name}: difference 差 ${num(s.difference)}, ratio 比 ${num(s.ratio)}`;
  return (
    `<h4>Outcome metrics 结果指标 (TPR / FPR / precision)</h4><p class="small">Label 标签: ` +
    `${esc(m.labelDefinition)}` +
    `${m.referenceGroup ? ` · reference 参照组 ${esc(groupLabel(m.referenceGroup))}` : ''}</p>` +
    `<table><tr><th>Group</th><th>TP</th><th>FP</th><th>FN</th><th>TN</th><th>TPR ` +
    `真正率</th><th>FPR 假正率</th><th>Precision 精确率</th><th>ΔTPR vs ref</th><th>ΔFPR vs ` +
    `ref</th></tr>${rows}</table>` +
    `<p class="small">${line('Equal opportunity 机会均等', m.equalOpportunity)} · ` +
    `${line('Equalized odds 均衡几率', m.equalizedOdds)} · ` +
    `${line('Predictive parity 预测均等', m.predictiveParity)}` +
    `${
      m.equalOpportunity.undefinedGroups.length > 0
        ? ` · TPR undefined (no positive label) 无正例: ${esc(
            m.equalOpportunity.undefinedGroups.map(groupLabel).join(', '),
          )}`
        : ''
    }` +
    `</p>`
  );
}

/** Unknown category per attribute (people and decisions), LL144 §5-301(b)(5). */
export function unknownsHtml(report: AuditReport): string {
  const rows = report.totals.unknownByAttribute ?? [];
  if (rows.length === 0) return '';
  return (
    '<table><tr><th>Attribute 属性</th><th>Unknown people 未知人数</th><th>Unknown decisions 未知决策数</th></tr>' +
    rows
      .map((u) => `<tr><td>${esc(label(u.attribute))}</td><td>${u.people}</td><td>${u.decisions}</td></tr>`)
      .join('') +
    '</table>'
  );
}

/** The excluded and suppressed categories of a block, as rows for the LL144 summary. */
export function summaryExcludedRows(
  g: GroupingReport,
  selection: Block<GroupReport> | null,
  scoring: Block<GroupReport> | null,
): string {
  return (selection?.excluded ?? [])
    .map((e) => {
      const s = scoring?.excluded.find((x) => x.group === e.group);
      const hidden = e.decisions === null || e.decisions === undefined;
      const v = (x: string) => (hidden ? '<td class="muted">suppressed 抑制</td>' : `<td>${x}</td>`);
      return (
        `<tr class="excluded"><td>${esc(g.attributes.map(label).join(' × '))}</td><td>` +
        `${esc(groupLabel(e.group))}</td><td>${e.n}</td>${v(String(e.decisions))}` +
        `${v(num(e.rate))}<td>—</td>${v(num(s?.rate))}<td>—</td><td>${esc(REASONS[e.reason] ?? e.reason)}</td></tr>`
      );
    })
    .join('');
}

/** Mantel–Haenszel rows of a grouping (uploads with strata). */
export function mantelHaenszelHtml(block: GroupingReport['mantelHaenszel']): string {
  if (!block || block.rows.length === 0) return '';
  return (
    '<h4>Mantel–Haenszel across strata 分层检验</h4><table><tr><th>Group</th><th>Reference ' +
    '参照</th><th>strata 层数</th><th>χ²</th><th>p</th><th>pooled OR 合并优势比</th></tr>' +
    block.rows
      .map(
        (r) =>
          `<tr><td>${esc(groupLabel(r.group))}</td><td>${esc(groupLabel(r.reference))}</td><td>` +
          `${r.strata}</td><td>${num(r.statistic)}</td><td>${pv(r.pValue)}</td><td>` +
          `${num(r.pooledOddsRatio)}</td></tr>`,
      )
      .join('') +
    '</table>'
  );
}

/** Generalized entropy and Theil indices of the scores. */
export function scoreInequalityHtml(report: AuditReport): string {
  const s = report.scoreInequality;
  if (!s) return '';
  return (
    `<p class="small">Score inequality 分数不平等 (n = ${s.n}): GE(2) ${num(s.ge2, 4)} · Theil T ` +
    `${num(s.theilT, 4)} · Theil L ${num(s.theilL, 4)}. Convention 口径: ` +
    `<code>${esc(s.convention)}</code></p>`
  );
}
