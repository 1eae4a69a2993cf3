import type { Demographics } from '../domain/model/demographics.ts';
import { createRng, type Rng } from './random.ts';

/**
 * What graduates really write about their background, so that a fresh demo's counterfactual check has
 * cues to swap: Chinese résumés open with a header of 性别 / 民族 / 籍贯 fields, and first-generation students
 * from the countryside often say so (来自甘肃农村，是家里第一个大学生); English profiles mention a women's
 * or men's team, a home province or an ethnic background. The cues follow the graduate's consented
 * demographics when there are some, and the same marginals otherwise. Drawn from a generator seeded by
 * the graduate's handle and index, so the rest of the demo (drawn from the main stream) does not change.
 */
const PROVINCES: Readonly<Record<'east' | 'central' | 'west' | 'northeast', readonly (readonly [string, string])[]>> = {
  east: [
    ['浙江', 'Zhejiang'],
    ['江苏', 'Jiangsu'],
    ['山东', 'Shandong'],
    ['福建', 'Fujian'],
    ['广东', 'Guangdong'],
    ['河北', 'Hebei'],
  ],
  central: [
    ['河南', 'Henan'],
    ['湖北', 'Hubei'],
    ['湖南', 'Hunan'],
    ['安徽', 'Anhui'],
    ['江西', 'Jiangxi'],
    ['山西', 'Shanxi'],
  ],
  west: [
    ['甘肃', 'Gansu'],
    ['贵州', 'Guizhou'],
    ['云南', 'Yunnan'],
    ['四川', 'Sichuan'],
    ['广西', 'Guangxi'],
    ['宁夏', 'Ningxia'],
    ['新疆', 'Xinjiang'],
  ],
  northeast: [
    ['辽宁', 'Liaoning'],
    ['吉林', 'Jilin'],
    ['黑龙江', 'Heilongjiang'],
  ],
};

/** Minorities by region of origin, [Chinese ethnonym, English name]; the largest groups of each region. */
const MINORITIES: Readonly<Record<'east' | 'central' | 'west' | 'northeast', readonly (readonly [string, string])[]>> =
  {
    east: [
      ['回族', 'Hui'],
      ['畲族', 'She'],
      ['满族', 'Manchu'],
    ],
    central: [
      ['土家族', 'Tujia'],
      ['苗族', 'Miao'],
      ['回族', 'Hui'],
    ],
    west: [
      ['回族', 'Hui'],
      ['维吾尔族', 'Uyghur'],
      ['藏族', 'Tibetan'],
      ['彝族', 'Yi'],
      ['壮族', 'Zhuang'],
    ],
    northeast: [
      ['满族', 'Manchu'],
      ['蒙古族', 'Mongolian'],
    ],
  };

type Region = keyof typeof PROVINCES;
const isRegion = (r: string | undefined): r is Region => r !== undefined && r in PROVINCES;

/** The background a profile's text speaks of: from the demographics, or drawn with their marginals. */
function background(rng: Rng, d: Demographics | undefined) {
  const region: Region | null = d
    ? isRegion(d.regionOfOrigin)
      ? d.regionOfOrigin
      : null
    : rng.weighted(['east', 'central', 'west', 'northeast'] as const, [0.36, 0.28, 0.28, 0.08]);
  const gender = d ? d.gender : rng.chance(0.5) ? 'female' : 'male';
  const minority = d ? d.ethnicity === 'minority' : rng.chance(region === 'west' ? 0.2 : 0.06);
  const han = d ? d.ethnicity === 'han' : !minority;
  const rural = d ? d.hukouType === 'rural' : rng.chance(0.4);
  const province = rng.pick(PROVINCES[region ?? 'east']);
  const ethnonym = rng.pick(MINORITIES[region ?? 'east']);
  return { region, gender, minority, han, rural, province, ethnonym };
}

/**
 * The summary with background cues added to some profiles (about four in ten): a Chinese résumé header
 * and a sentence on a rural upbringing, or the English equivalents. Unchanged for the others.
 */
export function summaryWithBackground(
  summary: string,
  lang: 'zh' | 'en',
  seed: string,
  demographics: Demographics | undefined,
): string {
  const rng = createRng(`background-cues|${seed}`);
  const b = background(rng, demographics);
  if (lang === 'zh') {
    const fields = [
      ...(b.gender === 'female' ? ['性别：女'] : b.gender === 'male' ? ['性别：男'] : []),
      ...(b.minority ? [`民族：${b.ethnonym[0]}`] : b.han ? ['民族：汉族'] : []),
      ...(b.region === null ? [] : [`籍贯：${b.province[0]}`]),
    ];
    const header = fields.length > 0 && rng.chance(0.35) ? `${fields.join('；')}。` : '';
    const origin =
      b.rural && b.region !== null && rng.chance(0.45) ? `来自${b.province[0]}农村，是家里第一个大学生。` : '';
    return `${header}${summary}${origin}`;
  }
  const lines: string[] = [];
  if ((b.gender === 'female' || b.gender === 'male') && rng.chance(0.2))
    lines.push(`Captain of the university ${b.gender === 'female' ? "women's" : "men's"} basketball team.`);
  if (b.region !== null && b.rural && rng.chance(0.45))
    lines.push(`Grew up in a small village in ${b.province[1]}, the first in my family to go to university.`);
  else if (b.region !== null && rng.chance(0.2)) lines.push(`Born and raised in ${b.province[1]}.`);
  if (b.minority && rng.chance(0.5)) lines.push(`An ethnic ${b.ethnonym[1]} student.`);
  return [summary, ...lines].join(' ');
}
