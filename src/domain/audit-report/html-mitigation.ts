import { label } from './attributes.ts';
import { GROUP_SEPARATOR } from './marginals.ts';
import type { CounterfactualSection } from './counterfactual-section.ts';
import type { RankingFigures, RerankingSection } from './reranking.ts';
import { collapsed } from './html-layout.ts';
import { barChart, esc } from './svg.ts';

const num = (x: number | null | undefined, d = 3) => (x === null || x === undefined ? '—' : x.toFixed(d));
const KIND_LABELS: Record<string, string> = {
  gender: '性别 gender',
  ethnicity: '民族 ethnicity',
  'rural-urban': '城乡 rural-urban',
  region: '地区 region',
};

/** The counterfactual check: one row per cue family, with a bar chart of mean |Δrank|. */
export function counterfactualHtml(section: CounterfactualSection | undefined): string {
  const title = '反事实检验 Counterfactual check';
  if (!section) return collapsed(title, 'an uploaded file has no texts to swap 上传文件没有可替换的文本');
  const head = `<h2>${title}</h2>`;
  if (section.status === 'skipped') return collapsed(title, `not run 未运行: ${section.reason}`);
  const s = section.sample;
  // A cue family whose swap changed no text has nothing to measure: one line saying so, not a row of n/a.
  const measured = section.summary.kinds.filter((k) => k.changedTexts > 0);
  const unchanged = section.summary.kinds.filter((k) => k.changedTexts === 0);
  const none = unchanged.map((k) => esc(KIND_LABELS[k.kind] ?? k.kind)).join(', ');
  const noneLine = unchanged.length
    ? `<p class="small">No text in the sample carried a cue of ${none}, so swapping changed ` +
      `nothing there 样本文本中没有这些线索，替换后文本不变: ${s.graduates} graduates checked.</p>`
    : '';
  if (measured.length === 0)
    return collapsed(
      title,
      `none of the ${s.graduates} sampled graduates' texts carried a gender, ethnicity, ` +
        `rural-urban or region cue, so no text changed 样本文本中没有可替换的线索`,
    );
  const rows = measured
    .map(
      (k) =>
        `<tr class="${k.flagged ? 'flag' : ''}"><td>${esc(KIND_LABELS[k.kind] ?? k.kind)}</td><td>` +
        `${k.samples}</td><td>${k.changedTexts}</td>` +
        `<td>${num(k.meanAbsScoreDelta, 4)}</td><td>${num(k.maxAbsScoreDelta, 4)}</td><td>` +
        `${num(k.meanAbsRankDelta, 2)}</td><td>${num(k.maxAbsRankDelta, 0)}</td><td>` +
        `${num(k.shareRankChanged)}</td><td>${k.flagged ? 'flagged 标记' : ''}</td></tr>`,
    )
    .join('');
  const chart = barChart(
    'Mean |Δrank| after swapping cues 替换线索后的平均排名变化',
    measured.map((k) => ({
      label: KIND_LABELS[k.kind] ?? k.kind,
      value: k.meanAbsRankDelta,
      flagged: k.flagged,
    })),
    { line: { at: section.summary.rankThreshold, label: `threshold ${section.summary.rankThreshold}` } },
  );
  return (
    `${head}<p>Sample 样本: ${s.graduates} of ${s.graduatesInTenant} graduates × ${s.postings} ` +
    `open postings (${s.postingsShownInWindow} served in the window) = ${s.pairsPerKind} pairs ` +
    `per cue family; seed <code>${esc(section.seed)}</code>; embedder ` +
    `${esc(section.embedder)}, model ${esc(section.modelVersion)}.</p>` +
    `${chart}<table><thead><tr><th>Cue family 线索</th><th>pairs</th><th>changed texts ` +
    `文本有变化</th><th>mean |Δscore|</th><th>max |Δscore|</th><th>mean |Δrank|</th><th>max ` +
    `|Δrank|</th><th>share rank ` +
    `changed</th><th>Flag</th></tr></thead><tbody>${rows}</tbody></table>` +
    noneLine +
    `<p class="conv">${esc(section.convention)}</p>`
  );
}

/** "gender × hukouType" → "性别 Gender × 户口 Hukou type"; likewise for a pair's group. */
const labels = (key: string) => key.split(GROUP_SEPARATOR).map(label).join(GROUP_SEPARATOR);

const KIND = { single: 'attribute 属性', intersection: 'intersection 交叉' } as const;

/** One line per grouping: the lowest impact ratio in the top k before and after, flagged below 0.8. */
function rerankingSummary(section: RerankingSection): string {
  const cell = (x: number | null | undefined) =>
    `<td class="${x !== null && x !== undefined && x < 0.8 ? 'flag' : ''}">${num(x)}</td>`;
  const rows = section.attributes
    .map(
      (a) =>
        `<tr><td>${esc(labels(a.attribute))}</td><td>${KIND[a.kind ?? 'single']}</td>` +
        `<td>${a.selection.rows.length}</td><td>${a.selection.excluded.length}</td>` +
        `${cell(a.minImpactRatio?.before)}${cell(a.minImpactRatio?.after)}<td>${num(a.ndcg.meanLoss, 4)}</td></tr>`,
    )
    .join('');
  return (
    `<table class="rerank-summary"><thead><tr><th>Grouping 分组</th><th>kind 类型</th><th>groups 公布群体</th>` +
    `<th>excluded 未公布</th><th>min IR before 重排前最低影响比</th><th>min IR after 重排后最低影响比</th>` +
    `<th>mean nDCG loss</th></tr></thead><tbody>${rows}</tbody></table>` +
    '<p class="small">One block below per grouping the lists were re-ranked on: the floors method constrains ' +
    'several attributes and every pair of them, so each attribute and each pair has its own before/after ' +
    "(a pair's group is known only when both values are consented) 每个受约束的属性及属性对各有一张前后对比表。</p>"
  );
}

const figs = (f: RankingFigures) =>
  `<td>${num(f.meanMinSkew)}</td><td>${num(f.meanMaxSkew)}</td><td>${num(f.meanNdkl, 4)}</td>`;

/** The fairness re-ranking before and after: nDCG loss, selection and impact ratios in the top k, skew. */
export function rerankingHtml(section: RerankingSection | undefined): string {
  if (!section)
    return collapsed(
      '公平性重排前后 Fairness re-ranking: before and after',
      'no candidate list was re-ranked in the window 窗口内没有经过重排的名单',
    );
  const blocks = section.attributes
    .map((a) => {
      const rows = a.selection.rows
        .map(
          (r) =>
            `<tr class="${r.after.flagged ? 'flag' : ''}">` +
            `<td>${esc(labels(r.group))}</td><td>${r.n}</td><td>${r.individuals}</td>` +
            `<td>${r.before.selected}</td><td>${num(r.before.rate)}</td><td>` +
            `${num(r.before.impactRatio)}</td><td>${r.after.selected}</td><td>${num(r.after.rate)}</td>` +
            `<td>${num(r.after.impactRatio)}</td></tr>`,
        )
        .join('');
      const excluded =
        a.selection.excluded.map((e) => `${esc(labels(e.group))} (n = ${e.n}, ${e.reason})`).join('; ') || 'none 无';
      const chart = barChart(
        `Impact ratio in top ${section.k}, before → after 重排前后影响比 (${labels(a.attribute)})`,
        a.selection.rows.flatMap((r) => [
          { label: `${labels(r.group)} before`, value: r.before.impactRatio, flagged: r.before.flagged },
          { label: `${labels(r.group)} after`, value: r.after.impactRatio, flagged: r.after.flagged },
        ]),
        { max: 1, line: { at: 0.8, label: '0.8' } },
      );
      return (
        `<h3>${esc(labels(a.attribute))} · ${esc(a.methods.join(', '))}</h3>` +
        `<p>Lists 列表: ${a.lists} (every prefix met its minimum counts 前缀约束全部满足: ${a.prefixOk}). ` +
        `nDCG@${section.k} after 重排后: mean ${num(a.ndcg.meanAfter, 4)}, min ` +
        `${num(a.ndcg.minAfter, 4)}; mean loss 损失 ${num(a.ndcg.meanLoss, 4)} (before = 1).</p>` +
        chart +
        `<table><thead><tr><th>Group 群体</th><th>pool n</th><th>people</th><th>top-${section.k} ` +
        `before</th><th>rate before</th><th>IR before</th><th>top-${section.k} after</th><th>rate ` +
        `after</th><th>IR after</th></tr></thead><tbody>${rows}</tbody></table>` +
        `<p class="small">Excluded 未公布: ${excluded}. Unknown 未知 (pool memberships): ${a.selection.unknown}.</p>` +
        `<table><tr><th></th><th>mean MinSkew@${section.k}</th><th>mean ` +
        `MaxSkew@${section.k}</th><th>mean NDKL</th></tr><tr><td>before ` +
        `重排前</td>${figs(a.skew.before)}</tr><tr><td>after ` +
        `重排后</td>${figs(a.skew.after)}</tr></table>`
      );
    })
    .join('\n');
  const intro = `${section.lists} re-ranked candidate lists in the window 窗口内重排的候选人列表.`;
  const title = '<h2>公平性重排前后 Fairness re-ranking: before and after</h2>';
  return `${title}<p>${intro}</p>${rerankingSummary(section)}${blocks}<p class="conv">${esc(section.convention)}</p>`;
}
