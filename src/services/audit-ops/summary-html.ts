import { label } from '../../domain/audit-report/attributes.ts';
import { GROUP_SEPARATOR } from '../../domain/audit-report/marginals.ts';
import { esc } from '../../domain/audit-report/svg.ts';
import type { PublicAuditSummary, SummaryRateRow } from './summary.ts';

const num = (x: number | null, d = 3) => (x === null ? '—' : x.toFixed(d));
const groupLabel = (g: string) => g.split(GROUP_SEPARATOR).map(label).join(GROUP_SEPARATOR);

function rateTable(rows: readonly SummaryRateRow[], what: string): string {
  const body = rows
    .map(
      (r) =>
        `<tr><td>${esc(groupLabel(r.group))}</td><td>${r.n}</td><td>${r.selected}</td><td>` +
        `${num(r.rate)}</td><td>${num(r.impactRatio)}</td></tr>`,
    )
    .join('');
  return (
    `<table><thead><tr><th>类别 Category</th><th>n</th><th>${esc(what)}</th><th>比例 ` +
    `Rate</th><th>影响比 Impact ratio</th></tr></thead><tbody>${body}</tbody></table>`
  );
}

/**
 * The public page of the latest PUBLISHED audit: what the candidate notice links to, for readers
 * without a key. The same figures as the JSON summary (aggregates only, small groups suppressed).
 */
export function renderPublicSummaryHtml(s: PublicAuditSummary): string {
  const sections = s.categories
    .map((c) => {
      const title = c.attributes.map(label).join(' × ') + (c.kind === 'proxy' ? ' (监测代理变量 monitored proxy)' : '');
      const excluded =
        c.excluded.map((e) => `${esc(groupLabel(e.group))} (n = ${e.n}, ${esc(e.reason)})`).join('; ') || '无 none';
      return (
        `<section><h3>${esc(title)}</h3>` +
        (c.selectionRates ? `<h4>入选率 Selection rates</h4>${rateTable(c.selectionRates, '入选 Selected')}` : '') +
        (c.scoringRates ? `<h4>评分率 Scoring rates</h4>${rateTable(c.scoringRates, '高于中位数 Above median')}` : '') +
        `<p class="small">未公布的小类别 Excluded: ${excluded}. 未知类别 Unknown: ${c.unknown}.</p></section>`
      );
    })
    .join('');
  const window = `${esc(s.dataWindow.from ?? '—')} — ${esc(s.dataWindow.to ?? '—')}`;
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" ` +
    `content="width=device-width, initial-scale=1">
<title>偏差审计公示 Bias audit summary</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC","Noto Sans SC",sans-serif;` +
    `max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.5}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #bbb;padding:.2rem ` +
    `.5rem;text-align:left}th{background:#f2f2f2}
.small{font-size:.85rem;color:#555}dt{font-weight:600}dd{margin:0 0 .4rem 0}@media ` +
    `print{@page{size:A4;margin:15mm}body{margin:0;max-width:none}section{break-inside:avoid}}` +
    `</style></head><body>
<h1>偏差审计公示 Bias audit summary</h1>
<p>本页公示本单位已发布的最新一次推荐偏差审计（仅汇总数据，小群体已隐去）。This page shows the latest <strong>published` +
    `</strong> bias audit of the recommendations (aggregates only; small groups suppressed).</p>
<dl>
<dt>审计日期 Audit date</dt><dd>${esc(s.auditDate)}</dd>
<dt>发布时间 Published</dt><dd>${esc(s.publication.publishedAt)} (审计链第 ${s.publication.seq} 环 ` +
    `chain link #${s.publication.seq})</dd>
<dt>数据 Data</dt><dd>${esc(s.dataSource.description)}; 时间窗 window ${window}; 前 k 名 top k = ` +
    `${s.k}</dd>
<dt>决策数 Decisions</dt><dd>${s.totals.decisions}（未知类别 unknown: ${s.totals.unknownDecisions}` +
    `）; 毕业生 graduates ${s.totals.graduates}, 其中同意用于审计 consented ${s.totals.consented}</dd>
<dt>规则 Rules</dt><dd>最小群体 minimum group ${s.rules.minGroupSize}, 最小占比 minimum share ` +
    `${s.rules.minShare}, 影响比阈值 impact-ratio threshold ${s.rules.impactRatioThreshold}, 显著性 ` +
    `significance ${s.rules.significance}</dd>
<dt>报告哈希 Report hash</dt><dd><code>${esc(s.report.sha256)}</code> (#${s.report.seq})</dd>
</dl>
${sections}
<h2>口径 Conventions</h2>
<p class="small">${esc(s.conventions.selectionRate)}</p><p class="small">` +
    `${esc(s.conventions.impactRatio)}</p>
<p class="small">${esc(s.conventions.scoringRate)}</p><p class="small">` +
    `${esc(s.conventions.suppression)}</p>
</body></html>`
  );
}
