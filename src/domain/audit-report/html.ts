import { label } from './attributes.ts';
import { CONVENTIONS_ZH } from './conventions-zh.ts';
import { findingHtml, type FindingContext } from './html-finding.ts';
import { collapsed, REPORT_CSS, TOC_MARKER, withTableOfContents } from './html-layout.ts';
import { counterfactualHtml, rerankingHtml } from './html-mitigation.ts';
import {
  groupLabel,
  impactTable,
  mantelHaenszelHtml,
  outcomesHtml,
  scoreInequalityHtml,
  summaryExcludedRows,
  unknownsHtml,
} from './html-stats.ts';
import type { AuditReport, GroupingReport } from './report-types.ts';
import { barChart, esc, funnelChart, lineChart } from './svg.ts';

const num = (x: number | null | undefined, d = 3) => (x === null || x === undefined ? '—' : x.toFixed(d));
const p = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : x < 1e-4 ? x.toExponential(2) : x.toFixed(4);
const conv = (key: string) => `<p class="conv">Convention 口径: <code>${esc(key)}</code></p>`;

function excludedLine(
  block: { excluded: { group: string; n: number; reason: string }[]; unknown: number } | null,
): string {
  if (!block) return '';
  const ex = block.excluded.map((e) => `${esc(groupLabel(e.group))} (n = ${e.n}, ${e.reason})`).join('; ') || 'none 无';
  const people = (block as { unknownPeople?: number }).unknownPeople;
  return (
    `<p class="small">Excluded 未公布的小群体: ${ex}. Unknown 未知: ` +
    `${people === undefined ? '' : `${people} people 人, `}${block.unknown} decisions 决策.</p>`
  );
}

function grouping(g: GroupingReport, report: AuditReport): string {
  const title = g.attributes.map(label).join(' × ');
  const parts: string[] = [`<h3>${esc(title)}${g.kind === 'proxy' ? ' — monitored proxy 监测代理变量' : ''}</h3>`];
  if (g.selection) {
    const sel = g.selection.value;
    const best = sel.rows.reduce((m, r) => Math.max(m, r.rate ?? 0), 0);
    parts.push(
      barChart(
        `Selection rate in top ${report.k} 入选率`,
        sel.rows.map((r) => ({ label: groupLabel(r.group), value: r.rate, flagged: r.flagged })),
        { line: { at: 0.8 * best, label: '0.8 × best' } },
      ),
    );
    if (g.kind === 'intersection')
      parts.push(
        barChart(
          'Impact ratio (intersection) 交叉群体影响比',
          sel.rows.map((r) => ({ label: groupLabel(r.group), value: r.impactRatio, flagged: r.flagged })),
          { max: 1, line: { at: 0.8, label: '0.8' } },
        ),
      );
    parts.push(
      impactTable(sel, 'selected 入选', g.selection.excluded),
      conv(g.selection.convention),
      excludedLine(g.selection),
    );
  }
  if (g.scoring)
    parts.push(
      '<h4>Scoring rate 高于中位数比例</h4>',
      impactTable(
        g.scoring.value,
        report.params.scoreThreshold == null ? 'above median' : `score ≥ ${report.params.scoreThreshold}`,
        g.scoring.excluded,
      ),
      conv(g.scoring.convention),
    );
  if (g.meanScores) {
    parts.push(
      '<h4>Mean score 平均分 (95% CI)</h4><table><tr><th>Group</th><th>n</th><th>mean</th><th>CI</th></tr>' +
        g.meanScores.value
          .map(
            (m) =>
              `<tr><td>${esc(groupLabel(m.group))}</td><td>${m.n}</td><td>${num(m.mean)}</td><td>` +
              `${num(m.ciLow)} – ${num(m.ciHigh)}</td></tr>`,
          )
          .join('') +
        `</table>${conv(g.meanScores.convention)}`,
    );
  }
  if (g.exposure) {
    const e = g.exposure.value;
    parts.push(
      '<h4>Exposure 曝光</h4><table><tr><th>Group</th><th>impressions</th><th>exposure</th><th>mean ' +
        'relevance</th><th>exposure / relevance</th></tr>' +
        e.groups
          .map(
            (x) =>
              `<tr><td>${esc(groupLabel(x.group))}</td><td>${x.n}</td><td>${num(x.exposure)}</td><td>` +
              `${num(x.meanRelevance)}</td><td>${num(x.exposurePerRelevance)}</td></tr>`,
          )
          .join('') +
        `</table><p class="small">Disparity (min/max E/U): ` +
        `${num(e.disparity.minMaxRatio.value)}</p>${conv(g.exposure.convention)}`,
    );
  }
  if (g.recommendationQuality)
    parts.push(
      '<h4>Recommendation quality 推荐质量</h4>',
      impactTable(g.recommendationQuality.value.scoring, 'above median', g.recommendationQuality.excluded),
      conv(g.recommendationQuality.convention),
    );
  if (g.funnel) {
    const f = g.funnel.value;
    parts.push(
      funnelChart(
        'Outcome funnel 结果漏斗 (share of shown)',
        f.rows.map((r) => ({
          group: groupLabel(r.group),
          rates: (['applied', 'interview', 'offer', 'hire'] as const).map((s) => ({ stage: s, value: r.fromShown[s] })),
        })),
      ),
    );
    parts.push(
      `<p class="small">Equal-opportunity difference P(interview | applied): ` +
        `${num(f.equalOpportunity.difference.value)} (${esc(f.equalOpportunity.maxGroup ?? '—')} ` +
        `vs ${esc(f.equalOpportunity.minGroup ?? '—')})</p>${conv(g.funnel.convention)}`,
    );
  }
  if (g.outcomes) parts.push(outcomesHtml(g.outcomes), conv(g.outcomes.convention));
  if (g.mantelHaenszel) parts.push(mantelHaenszelHtml(g.mantelHaenszel), conv(g.mantelHaenszel.convention));
  if (parts.length === 1)
    return (
      `<section><h3 class="collapsed">${esc(title)} <span class="small">— every group is below ` +
      `the size floor or unknown 所有群体均低于最低人数或属性未知</span></h3></section>`
    );
  return `<section>${parts.join('\n')}</section>`;
}

function summaryTable(report: AuditReport): string {
  const rows = report.groupings
    .filter((g) => g.kind !== 'proxy' && g.selection)
    .flatMap((g) =>
      (g.selection?.value.rows ?? []).map((r) => {
        const s = g.scoring?.value.rows.find((x) => x.group === r.group);
        return (
          `<tr><td>${esc(g.attributes.map(label).join(' × '))}</td><td>${esc(groupLabel(r.group))}` +
          `</td><td>${r.people ?? '—'}</td><td>${r.n}</td><td>${num(r.rate)}</td><td>` +
          `${num(r.impactRatio)}</td><td>${num(s?.rate)}</td><td>${num(s?.impactRatio)}</td><td>` +
          `${r.adverse ? 'adverse 不利影响' : ''}</td></tr>`
        );
      }),
    )
    .join('');
  const excludedRows = report.groupings
    .filter((g) => g.kind !== 'proxy' && g.selection)
    .map((g) => summaryExcludedRows(g, g.selection, g.scoring))
    .join('');
  const excluded = report.groupings.flatMap((g) =>
    (g.selection?.excluded ?? []).map((e) => `${esc(groupLabel(e.group))} (n = ${e.n})`),
  );
  return (
    `<table><thead><tr><th>Category 类别</th><th>Group 群体</th><th>People 人数</th><th>Decisions ` +
    `决策数</th><th>Selection rate 入选率</th><th>Impact ratio</th><th>Scoring rate ` +
    `评分率</th><th>Scoring IR</th><th>Note ` +
    `说明</th></tr></thead><tbody>${rows}${excludedRows}</tbody></table>` +
    unknownsHtml(report) +
    scoreInequalityHtml(report) +
    `<p>Excluded categories 排除的类别: ${excluded.join('; ') || 'none 无'}. Unknown category 未知类别 ` +
    `(decisions): ${report.totals.unknownDecisions}.
       Data window 数据区间: ${esc(report.window.from ?? '—')} – ` +
    `${esc(report.window.to ?? '—')}. Model version 模型版本: ${esc(report.modelVersions.join(', ') || '—')}.
       Pooled median score 全样本中位数: ${num(report.sampleMedian.selection, 4)}.</p>`
  );
}

/**
 * The readable report page: a one-page finding in plain Chinese and English, the LL144-style table, then
 * the details behind a table of contents (empty sections collapse to one line saying why); prints on A4.
 * Every table and chart comes from the JSON report; `context` adds the previous audit and the operator
 * log for the finding's comparison.
 */
export function renderReportHtml(
  report: AuditReport,
  chain?: { seq: number; sha256: string; prevSha256: string | null },
  context: FindingContext = {},
): string {
  const exp = report.exposureByRank;
  const groupsInChart = [...new Set(exp.ranks.flatMap((r) => Object.keys(r.shares)))];
  const exposureChart =
    exp.ranks.length === 0
      ? ''
      : lineChart(
          `Share of impressions by rank 各排名位置的群体占比 (${label(exp.attribute)})`,
          groupsInChart.map((g) => ({
            name: label(g),
            points: exp.ranks.filter((r) => r.rank <= 50).map((r) => ({ x: r.rank, y: r.shares[g] ?? 0 })),
          })),
          { xLabel: 'rank 排名', yLabel: 'share', yMax: 1 },
        ) +
        `<p class="small">Position weight 1/log2(1 + rank): rank 1 = 1, rank 3 = 0.5, rank 10 = ` +
        `${num(1 / Math.log2(11))}.</p>`;
  const ranking = report.ranking.attributes
    .map(
      (r) =>
        `<tr><td>${esc(label(r.attribute))}</td><td>${r.lists}</td><td>${num(r.meanMinSkew)}</td>` +
        `<td>${num(r.meanMaxSkew)}</td><td>${num(r.meanNdkl, 4)}</td><td>${num(r.meanKl, 4)}</td>` +
        `<td>${num(r.meanJs, 4)}</td><td>${num(r.meanTotalVariation, 4)}</td></tr>`,
    )
    .join('');
  const proxy = report.proxyStrength.pairs
    .map(
      (x) =>
        `<tr><td>${esc(x.component)}</td><td>${esc(label(x.attribute))}</td><td>${x.n}</td><td>` +
        `${num(x.v)}</td><td>${num(x.vCorrected)}</td></tr>`,
    )
    .join('');
  const flags = report.flags
    .map(
      (f) =>
        `<li>${esc(f.grouping)} · ${esc(groupLabel(f.group))} · ${esc(f.metric)}: IR ` +
        `${num(f.impactRatio)}${f.people === undefined ? '' : `, ${f.people} people / ${f.decisions} decisions`}` +
        `, clustered p ${p(f.clusteredP)}, Holm p ${p(f.holmP)}, BH q ${p(f.bhQ)}, Fisher p ` +
        `(decisions) ${p(f.fisherP)}${f.adverse ? ' — adverse 不利影响' : ''}</li>`,
    )
    .join('');
  const conventions = Object.entries(report.conventions)
    .map(
      ([k, v]) =>
        `<dt><code>${esc(k)}</code></dt><dd>` +
        `${CONVENTIONS_ZH[k] ? `${esc(CONVENTIONS_ZH[k] ?? '')}<br>` : ''}${esc(v)}</dd>`,
    )
    .join('');
  return withTableOfContents(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>偏差审计报告 Bias audit ` +
      `report ${esc(report.runId)}</title>
<style>${REPORT_CSS}</style></head><body><main>
<h1>偏差审计报告 · Bias audit report</h1>
<p>Audit date 审计日期: <b>${esc(report.auditDate)}</b> · Data source 数据来源: <b>` +
      `${report.source === 'impressions' ? 'historical impressions 历史推荐记录' : 'uploaded file 上传文件'}` +
      `</b> (${esc(report.sourceDescription)}) · k = ${report.k}</p>
<p>Run ${esc(report.runId)} · impressions ${report.totals.impressions} · candidate lists ` +
      `${report.totals.candidateLists} · recommendation lists ` +
      `${report.totals.recommendationLists} · graduates ${report.totals.graduates} (consented 同意 ` +
      `${report.totals.consented}) · decisions ${report.totals.decisions}</p>
` +
      `${
        chain
          ? `<p class="small">Chain 哈希链: #${chain.seq} sha256 ${esc(chain.sha256)} · previous ${esc(
              chain.prevSha256 ?? 'none (first report)',
            )}</p>`
          : ''
      }
${findingHtml(report, context)}
<h2>摘要 Summary (LL144-style)</h2>${summaryTable(report)}
${TOC_MARKER}
` +
      `${
        flags
          ? `<h2>标记 Flags</h2><ul>${flags}</ul>`
          : collapsed('标记 Flags', `no impact ratio below ${report.params.threshold} 没有低于阈值的影响比`)
      }
` +
      `${
        exposureChart
          ? `<h2>排名位置曝光 Exposure by rank</h2>${exposureChart}`
          : collapsed(
              '排名位置曝光 Exposure by rank',
              'no impression with a known group in the window 窗口内没有可归组的曝光',
            )
      }
` +
      `${
        ranking
          ? '<h2>排名偏斜 Ranking skew (candidate lists)</h2><table><tr><th>Attribute</th><th>lists</th>' +
            `<th>mean MinSkew@${report.k}</th><th>mean MaxSkew@${report.k}</th><th>mean NDKL</th><th>mean KL</th>` +
            `<th>mean JS</th><th>mean TV</th></tr>${ranking}</table>${conv(report.ranking.convention)}`
          : collapsed(
              '排名偏斜 Ranking skew (candidate lists)',
              'no candidate list with a known group 没有可归组的候选人名单',
            )
      }
${counterfactualHtml(report.counterfactual)}
${rerankingHtml(report.reranking)}
` +
      `${
        proxy
          ? `<h2>代理强度 Proxy strength (Cramér's V)</h2>${
              report.proxyStrength.sampleFraction < 1
                ? `<p class="small">Computed on a repeatable Bernoulli sample of ${(
                    report.proxyStrength.sampleFraction * 100
                  ).toFixed(1)} % of the impressions (n per row).</p>`
                : ''
            }<table><tr><th>Scoring input</th><th>Attribute</th><th>n</th><th>V</th><th>Ṽ (corrected)</th></tr>` +
            `${proxy}</table>${conv(report.proxyStrength.convention)}`
          : collapsed(
              "代理强度 Proxy strength (Cramér's V)",
              'no scoring input was binned against a known group 没有可计算的代理变量',
            )
      }
` +
      `${
        report.groupings.length > 0
          ? `<h2>分组结果 Results by group</h2>${report.groupings.map((g) => grouping(g, report)).join('\n')}`
          : collapsed('分组结果 Results by group', 'no attribute had a known value 没有已知属性值')
      }
<h2>口径说明 Conventions</h2><dl>${conventions}</dl>
<p class="small">Thresholds: impact ratio ${report.params.threshold}, significance ` +
      `${report.params.significance}, minimum group size ${report.params.minGroupSize} people, ` +
      `minimum share ${report.params.minShare}. Only aggregates are shown; no person's ` +
      `demographics appear in this report.</p>
</main></body></html>`,
  );
}
