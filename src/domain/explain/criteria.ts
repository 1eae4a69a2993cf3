import type { Criterion } from '../matching/score.ts';
import {
  CRITERION_LABELS,
  DEGREE_LABELS,
  JOB_TYPE_LABELS,
  majorLabel,
  placeLabel,
  regionLabel,
  type Label,
  type MajorRef,
  type Place,
} from './labels.ts';
import type { ExplainedCriterion, GraduateContext, PostingContext } from './types.ts';

const list = (items: readonly Label[], lang: 'zh' | 'en', empty: string): string =>
  items.length === 0 ? empty : items.map((i) => i[lang]).join(lang === 'zh' ? '、' : ', ');
const both = (f: (lang: 'zh' | 'en') => string): Label => ({ zh: f('zh'), en: f('en') });
const uniqueLabels = (labels: readonly Label[]): Label[] => [...new Map(labels.map((l) => [l.en, l])).values()];
const money = (n: number | null, lang: 'zh' | 'en'): string =>
  n === null ? '' : lang === 'zh' ? `${n} 元/月` : `CNY ${n}/month`;

function salaryRange(min: number | null, max: number | null, lang: 'zh' | 'en'): string {
  if (min === null && max === null) return lang === 'zh' ? '未标明' : 'not stated';
  if (min !== null && max !== null && min !== max)
    return lang === 'zh' ? `${min}–${max} 元/月` : `CNY ${min}–${max}/month`;
  return money(max ?? min, lang);
}

function location(status: Criterion['status'], posting: PostingContext, graduate: GraduateContext): ExplainedCriterion {
  const at = posting.locations.map(placeLabel);
  const preferred = graduate.locations.map(placeLabel);
  const sameCity = at.filter((p) => preferred.some((q) => q.zh === p.zh));
  const regions = (places: Place[]) => new Set(places.flatMap((p) => (p.region ? [p.region] : [])));
  const preferredRegions = regions(preferred);
  const sameRegion = [...regions(at)].filter((r) => preferredRegions.has(r)).map(regionLabel);
  const withRegion = (p: Place, lang: 'zh' | 'en') => {
    if (!p.region) return p[lang];
    return lang === 'zh' ? `${p.zh}（${regionLabel(p.region).zh}）` : `${p.en} (${regionLabel(p.region).en})`;
  };
  const places = (ps: Place[], lang: 'zh' | 'en', empty: string) =>
    ps.length === 0 ? empty : ps.map((p) => withRegion(p, lang)).join(lang === 'zh' ? '、' : ', ');
  const text = both((lang) =>
    lang === 'zh'
      ? `职位地点：${places(at, 'zh', '未标明')}${posting.remote ? '，可远程' : ''}；你偏好：` +
        `${places(preferred, 'zh', '不限')}${graduate.remote === 'only' ? '，仅远程' : ''}；同城：` +
        `${list(sameCity, 'zh', '无')}；同一地区：${list(sameRegion, 'zh', '否')}。`
      : `Posting: ${places(at, 'en', 'not stated')}${posting.remote ? ', remote possible' : ''}; ` +
        `you prefer: ${places(preferred, 'en', 'anywhere')}` +
        `${graduate.remote === 'only' ? ', remote only' : ''}; same city: ` +
        `${list(sameCity, 'en', 'none')}; same region: ${list(sameRegion, 'en', 'no')}.`,
  );
  return {
    criterion: 'location',
    status,
    label: CRITERION_LABELS.location,
    text,
    posting: at,
    postingRemote: posting.remote,
    preferred,
    remotePreference: graduate.remote,
    sameCity,
    sameRegion,
  };
}

function major(status: Criterion['status'], posting: PostingContext, graduate: GraduateContext): ExplainedCriterion {
  const accepted = posting.acceptedMajors.map(majorLabel);
  const held = graduate.majors.map(majorLabel);
  const sameMajor = held.filter((h) => accepted.some((a) => a.en === h.en));
  const disciplines = (ms: MajorRef[]) => ms.flatMap((m) => (m.discipline ? [m.discipline] : []));
  const acceptedDisciplines = new Set(disciplines(accepted).map((d) => d.en));
  const sameDiscipline = uniqueLabels(disciplines(held).filter((d) => acceptedDisciplines.has(d.en)));
  const text = both((lang) =>
    lang === 'zh'
      ? `接受专业：${list(accepted, 'zh', '不限')}；你的专业：${list(held, 'zh', '未填写')}；同一学科门类：${list(sameDiscipline, 'zh', '无')}。`
      : `Accepted majors: ${list(accepted, 'en', 'any')}; your majors: ` +
        `${list(held, 'en', 'not given')}; same discipline: ${list(sameDiscipline, 'en', 'none')}.`,
  );
  return { criterion: 'major', status, label: CRITERION_LABELS.major, text, accepted, held, sameMajor, sameDiscipline };
}

/** Each criterion with the concrete values compared; the status is the scorer's, never recomputed. */
export function explainCriteria(
  criteria: readonly Criterion[],
  posting: PostingContext,
  graduate: GraduateContext,
): ExplainedCriterion[] {
  return criteria.map((c): ExplainedCriterion => {
    switch (c.criterion) {
      case 'location':
        return location(c.status, posting, graduate);
      case 'major':
        return major(c.status, posting, graduate);
      case 'degree': {
        const required = DEGREE_LABELS[posting.minDegree];
        const held = graduate.degree === null ? null : DEGREE_LABELS[graduate.degree];
        const text = both((lang) =>
          lang === 'zh'
            ? `最低学历：${required.zh}；你的学历：${held ? held.zh : '未填写'}。`
            : `Minimum degree: ${required.en}; yours: ${held ? held.en : 'not given'}.`,
        );
        return {
          criterion: 'degree',
          status: c.status,
          label: CRITERION_LABELS.degree,
          text,
          required: posting.minDegree,
          held: graduate.degree,
        };
      }
      case 'salary': {
        const text = both((lang) =>
          lang === 'zh'
            ? `职位薪资：${salaryRange(posting.salaryMin, posting.salaryMax, 'zh')}；你的最低期望：` +
              `${graduate.salaryFloor === null ? '未设定' : money(graduate.salaryFloor, 'zh')}。`
            : `Posting pays: ${salaryRange(posting.salaryMin, posting.salaryMax, 'en')}; your floor: ` +
              `${graduate.salaryFloor === null ? 'none' : money(graduate.salaryFloor, 'en')}.`,
        );
        return {
          criterion: 'salary',
          status: c.status,
          label: CRITERION_LABELS.salary,
          text,
          postingMin: posting.salaryMin,
          postingMax: posting.salaryMax,
          floor: graduate.salaryFloor,
        };
      }
      case 'jobType': {
        const wanted = graduate.jobTypes.map((t) => JOB_TYPE_LABELS[t]);
        const text = both((lang) =>
          lang === 'zh'
            ? `职位类型：${JOB_TYPE_LABELS[posting.jobType].zh}；你想要：${list(wanted, 'zh', '不限')}。`
            : `Job type: ${JOB_TYPE_LABELS[posting.jobType].en}; you want: ${list(wanted, 'en', 'any')}.`,
        );
        return {
          criterion: 'jobType',
          status: c.status,
          label: CRITERION_LABELS.jobType,
          text,
          posting: posting.jobType,
          wanted: [...graduate.jobTypes],
        };
      }
    }
  });
}
