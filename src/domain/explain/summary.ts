import type { Lang } from '../model/common.ts';
import { markedName, type Label } from './labels.ts';
import type { Explanation, LocationCriterion } from './types.ts';

/** How many skill names a summary lists before saying "and N more". */
const SUMMARY_NAMES = 3;

const n2 = (x: number): string => x.toFixed(2);

type Named = { readonly name: Label; readonly untranslated: readonly Lang[] };

/** A skill's name in `lang`, marked when the explanation says it has none there. */
const skillName = (s: Named, lang: Lang): string => markedName({ ...s.name, untranslated: s.untranslated }, lang);

function names(items: readonly Named[], lang: Lang): string {
  const shown = items.slice(0, SUMMARY_NAMES).map((i) => skillName(i, lang));
  const more = items.length - shown.length;
  if (lang === 'zh') return shown.join('、') + (more > 0 ? ` 等 ${items.length} 项` : '');
  return shown.join(', ') + (more > 0 ? ` and ${more} more` : '');
}

type Core = Omit<Explanation, 'summary'>;

function overall(e: Core, lang: Lang): string {
  const [f1, f2] = e.topFactors.strongest;
  const part = (f: { label: Label; amount: number }) =>
    `${f.label[lang]}${lang === 'zh' ? `（${n2(f.amount)}）` : ` (${n2(f.amount)})`}`;
  if (lang === 'zh')
    return `匹配得分 ${n2(e.score)}（满分 1）${f1 ? `，主要来自${part(f1)}${f2 ? `和${part(f2)}` : ''}` : ''}。`;
  return `Match score ${n2(e.score)} of 1${f1 ? `, mostly from ${part(f1)}${f2 ? ` and ${part(f2)}` : ''}` : ''}.`;
}

function skills(e: Core, lang: Lang): string {
  const held = e.matchedSkills.filter((m) => m.wanted === 'required');
  const total = held.length + e.missingSkills.required.length;
  const near = e.nearMatches.filter((n) => n.wanted === 'required').slice(0, 2);
  const nearIds = new Set(e.nearMatches.map((n) => n.skillId));
  const absent = e.missingSkills.required.filter((s) => !nearIds.has(s.skillId));
  const zh = lang === 'zh';
  if (total === 0) return zh ? '职位未列出必备技能。' : 'The posting lists no required skills.';
  const parts = [
    zh
      ? `职位的 ${total} 项必备技能中你具备 ${held.length} 项${held.length > 0 ? `（${names(held, lang)}）` : ''}`
      : `You have ${held.length} of ${total} required skills${held.length > 0 ? ` (${names(held, lang)})` : ''}`,
  ];
  for (const n of near) {
    parts.push(
      zh
        ? `${skillName(n, 'zh')} 通过你的 ${skillName(n.via, 'zh')} 得到部分分（${n2(n.credit)}）`
        : `${skillName(n, 'en')} earns partial credit (${n2(n.credit)}) through your ${skillName(n.via, 'en')}`,
    );
  }
  if (absent.length > 0) parts.push(zh ? `尚缺：${names(absent, lang)}` : `still missing: ${names(absent, lang)}`);
  return parts.join(zh ? '；' : '; ') + (zh ? '。' : '.');
}

function criteria(e: Core, lang: Lang): string {
  const zh = lang === 'zh';
  const groups: Array<[Label, 'met' | 'partly' | 'not_met']> = [
    [{ zh: '符合', en: 'Met' }, 'met'],
    [{ zh: '部分符合', en: 'partly met' }, 'partly'],
    [{ zh: '不符合', en: 'not met' }, 'not_met'],
  ];
  const parts = groups.flatMap(([label, status]) => {
    const hit = e.criteria.filter((c) => c.status === status).map((c) => c.label[lang]);
    return hit.length === 0 ? [] : [`${label[lang]}${zh ? '：' : ': '}${hit.join(zh ? '、' : ', ')}`];
  });
  let text = parts.join(zh ? '；' : '; ');
  if (!zh) text = text.charAt(0).toUpperCase() + text.slice(1);
  const loc = e.criteria.find((c): c is LocationCriterion => c.criterion === 'location');
  if (loc && loc.status !== 'met' && loc.posting.length > 0) {
    const at = loc.posting.map((p) => p[lang]).join(zh ? '、' : ', ');
    const pref = loc.preferred.map((p) => p[lang]).join(zh ? '、' : ', ');
    text += zh
      ? `；职位在${at}${pref ? `，你偏好${pref}` : ''}`
      : `; the job is in ${at}${pref ? ` and you prefer ${pref}` : ''}`;
  }
  return text + (zh ? '。' : '.');
}

function shortfall(e: Core, lang: Lang): string | null {
  const f = e.topFactors.shortfalls[0];
  const c = f && e.components.find((x) => x.name === f.name);
  if (!f || !c || f.amount < 0.005) return null;
  return lang === 'zh'
    ? `差距最大的是${c.label.zh}：得 ${n2(c.contribution)}，满分 ${n2(c.weight)}。`
    : `The biggest shortfall is ${c.label.en}: ${n2(c.contribution)} of a possible ${n2(c.weight)}.`;
}

/**
 * A 2–4 sentence summary filled from the explanation's numbers and names only. The fixed wording
 * names no skill, place or major (a test scans it against the taxonomy, city and major lists), so
 * every such name in the output comes from the explanation's evidence.
 */
export function renderSummary(explanation: Core, lang: Lang): string {
  const sentences = [
    overall(explanation, lang),
    skills(explanation, lang),
    criteria(explanation, lang),
    shortfall(explanation, lang),
  ];
  return sentences.filter((s): s is string => s !== null).join(lang === 'zh' ? '' : ' ');
}
