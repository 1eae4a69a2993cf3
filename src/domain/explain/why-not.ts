import { invalid } from '../errors.ts';
import type { MatchScore } from '../matching/score.ts';
import { round6, type ComponentName } from '../matching/weights.ts';
import { COMPONENT_LABELS, type Label } from './labels.ts';

export type FilterValue = string | number | boolean | null | readonly string[];

export interface FilterResult {
  filter: string;
  passed: boolean;
  /** The values the filter compared, e.g. { posting: ['武汉'], preferred: ['上海'] }. */
  detail?: Readonly<Record<string, FilterValue>>;
}

interface FilterReason {
  filter: string;
  reason: Label;
  detail: Readonly<Record<string, FilterValue>>;
}

interface ComponentDiff {
  name: ComponentName;
  label: Label;
  value: number;
  lastValue: number;
  contribution: number;
  lastContribution: number;
  /** contribution − lastContribution, rounded to 6 decimals; negative = held this posting back. */
  difference: number;
}

export type WhyNot =
  | { kind: 'filtered'; filters: FilterReason[] }
  | {
      kind: 'ranked';
      rank: number | null;
      score: number;
      lastRecommendedScore: number | null;
      /** score − lastRecommendedScore, rounded to 6 decimals. */
      gap: number | null;
      /** Components where the last recommended item earned more, largest deficit first. */
      heldBack: ComponentDiff[];
      /** Components where this posting earned more, largest lead first. */
      ahead: ComponentDiff[];
      reason: Label;
    };

const show = (v: FilterValue | undefined, lang: 'zh' | 'en'): string | null => {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.length === 0 ? null : v.join(lang === 'zh' ? '、' : ', ');
  return String(v);
};

/** Reason texts for the filters the recommender applies; others get a generic text naming the filter. */
const FILTER_TEXT: Record<string, (d: Readonly<Record<string, FilterValue>>, lang: 'zh' | 'en') => string> = {
  open: (_d, l) => (l === 'zh' ? '该职位已关闭或已过期。' : 'The posting is closed or has expired.'),
  location: (d, l) => {
    const at = show(d.posting, l);
    const pref = show(d.preferred, l);
    return l === 'zh'
      ? `工作地点${at ? `（${at}）` : ''}不在你偏好的地点${pref ? `（${pref}）` : ''}内，且不可远程。`
      : `The job's location${at ? ` (${at})` : ''} is not among your preferred ` +
          `locations${pref ? ` (${pref})` : ''} and it is not remote.`;
  },
  remote: (_d, l) =>
    l === 'zh' ? '你只接受远程工作，而该职位需要到岗。' : 'You accept only remote work and this job is on site.',
  degree: (d, l) => {
    const req = show(d.required, l);
    const held = show(d.held, l);
    return l === 'zh'
      ? `职位要求的最低学历${req ? `（${req}）` : ''}高于你的学历${held ? `（${held}）` : ''}。`
      : `The job's minimum degree${req ? ` (${req})` : ''} is above yours${held ? ` (${held})` : ''}.`;
  },
  jobType: (d, l) => {
    const type = show(d.posting, l);
    const wanted = show(d.wanted, l);
    return l === 'zh'
      ? `工作类型${type ? `（${type}）` : ''}不是你想要的类型${wanted ? `（${wanted}）` : ''}。`
      : `The job type${type ? ` (${type})` : ''} is not one you asked for${wanted ? ` (${wanted})` : ''}.`;
  },
  excluded: (d, l) => {
    const why = show(d.action, l);
    return l === 'zh'
      ? `你已处理过该职位${why ? `（${why}）` : ''}，不再重复推荐。`
      : `You already acted on this posting${why ? ` (${why})` : ''}, so it is not shown again.`;
  },
  compliance: (_d, l) =>
    l === 'zh'
      ? '该职位因发布内容不合规被暂停推荐。'
      : 'The posting is withheld because its text failed the compliance review.',
  suspended: (_d, l) =>
    l === 'zh' ? 'AI 排序已被暂停，当前不生成推荐。' : 'AI ranking is suspended, so no recommendations are made now.',
  candidates: (_d, l) =>
    l === 'zh'
      ? '该职位不在与你的资料最相近的候选范围内，未参与打分。'
      : 'The posting was not among the nearest candidates to your profile, so it was not scored.',
};

const reasonFor = (f: FilterResult): FilterReason => {
  const detail = f.detail ?? {};
  const text = FILTER_TEXT[f.filter];
  return {
    filter: f.filter,
    detail,
    reason: text
      ? { zh: text(detail, 'zh'), en: text(detail, 'en') }
      : { zh: `该职位未通过筛选条件“${f.filter}”。`, en: `The posting did not pass the "${f.filter}" filter.` },
  };
};

function diffs(match: MatchScore, last: MatchScore): ComponentDiff[] {
  return match.components.map((c) => {
    const l = last.components.find((x) => x.name === c.name);
    const lastContribution = l?.contribution ?? 0;
    return {
      name: c.name,
      label: COMPONENT_LABELS[c.name],
      value: c.value,
      lastValue: l?.value ?? 0,
      contribution: c.contribution,
      lastContribution,
      difference: round6(c.contribution - lastContribution),
    };
  });
}

export interface WhyNotInput {
  filterResults: readonly FilterResult[];
  rank?: number;
  match?: MatchScore;
  lastRecommended?: MatchScore;
}

/**
 * Why a posting is not in the list: the hard filters it failed, in the order applied; or, when it
 * passed them all, its rank and score and the component-wise contribution differences against the last
 * recommended item (the one it would have had to beat).
 */
export function whyNot(input: WhyNotInput): WhyNot {
  const failed = input.filterResults.filter((f) => !f.passed);
  if (failed.length > 0) return { kind: 'filtered', filters: failed.map(reasonFor) };
  const { match, lastRecommended: last } = input;
  if (!match) throw invalid('match', 'a posting that passed every filter needs its match score to be explained');
  const all = last ? diffs(match, last) : [];
  const heldBack = all.filter((d) => d.difference < 0).sort((a, b) => a.difference - b.difference);
  const ahead = all.filter((d) => d.difference > 0).sort((a, b) => b.difference - a.difference);
  const gap = last ? round6(match.score - last.score) : null;
  const rank = input.rank ?? null;
  const top = heldBack[0];
  const n2 = (x: number) => x.toFixed(2);
  // A posting can tie with or even beat the last item (tie-break, re-ranking), so the comparison is stated, not
  // assumed.
  const cmp =
    gap === null
      ? null
      : gap < 0
        ? { zh: '低于', en: 'below' }
        : gap === 0
          ? { zh: '等于', en: 'equal to' }
          : { zh: '高于', en: 'above' };
  const reason: Label = {
    zh:
      `${rank === null ? '' : `该职位排第 ${rank} 位，`}得分 ${n2(match.score)}` +
      `${last && cmp ? `，${cmp.zh}最后一个推荐职位的 ${n2(last.score)}` : ''}` +
      `${top ? `；差距最大的是${top.label.zh}（${n2(top.difference)}）` : ''}。`,
    en:
      `${rank === null ? 'Score' : `It ranks ${rank} with score`} ${n2(match.score)}` +
      `${last && cmp ? `, ${cmp.en} the last recommended job's ${n2(last.score)}` : ''}` +
      `${top ? `; the largest gap is in ${top.label.en} (${n2(top.difference)})` : ''}.`,
  };
  return {
    kind: 'ranked',
    rank,
    score: match.score,
    lastRecommendedScore: last?.score ?? null,
    gap,
    heldBack,
    ahead,
    reason,
  };
}
