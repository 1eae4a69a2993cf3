import { EN_LEFT, EN_RIGHT, alternation, type Rule } from './engine.ts';

/**
 * Ethnicity cues. Pole a = Han (the majority), b = an ethnic minority. Minority → Han is unique; Han →
 * minority needs a choice, made by a fixed, overridable option (`minority`, default Uyghur / 维吾尔族, the
 * pairing the issue names) so the same text always yields the same variant.
 *
 * Chinese: only full ethnonyms with 族 (维吾尔族, 回族), 少数民族, the bare field value after 民族：
 * (「民族：汉」) and 民族 in school names (西北民族大学 → 西北大学, one-way: an ordinary school name has
 * no minority counterpart). 汉/回/藏 alone (汉语, 武汉, 回来, 西藏) are never touched; 西藏 is a region
 * cue. Languages (维吾尔语, 藏语) are left as they are: they are skills the matcher may legitimately use.
 * English: ethnonyms only in a clear ethnic context ("ethnic X", "X students", "X student association",
 * "X ethnicity", "Han Chinese"), case-sensitive, since Han, Hui, Yi, Dai, Bai, Dong and Yao are also
 * surnames and "Tibetan Plateau" is geography.
 */
export interface Minority {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
}

/** The 55 officially recognised minorities with their usual English names. */
export const MINORITIES: readonly Minority[] = [
  ['zhuang', '壮族', 'Zhuang'],
  ['uyghur', '维吾尔族', 'Uyghur'],
  ['hui', '回族', 'Hui'],
  ['miao', '苗族', 'Miao'],
  ['manchu', '满族', 'Manchu'],
  ['yi', '彝族', 'Yi'],
  ['tujia', '土家族', 'Tujia'],
  ['tibetan', '藏族', 'Tibetan'],
  ['mongol', '蒙古族', 'Mongolian'],
  ['dong', '侗族', 'Dong'],
  ['bouyei', '布依族', 'Bouyei'],
  ['yao', '瑶族', 'Yao'],
  ['bai', '白族', 'Bai'],
  ['korean', '朝鲜族', 'Korean Chinese'],
  ['hani', '哈尼族', 'Hani'],
  ['li', '黎族', 'Li'],
  ['kazakh', '哈萨克族', 'Kazakh'],
  ['dai', '傣族', 'Dai'],
  ['she', '畲族', 'She'],
  ['lisu', '傈僳族', 'Lisu'],
  ['dongxiang', '东乡族', 'Dongxiang'],
  ['gelao', '仡佬族', 'Gelao'],
  ['lahu', '拉祜族', 'Lahu'],
  ['wa', '佤族', 'Wa'],
  ['sui', '水族', 'Sui'],
  ['naxi', '纳西族', 'Naxi'],
  ['qiang', '羌族', 'Qiang'],
  ['tu', '土族', 'Tu'],
  ['mulao', '仫佬族', 'Mulao'],
  ['xibe', '锡伯族', 'Xibe'],
  ['kyrgyz', '柯尔克孜族', 'Kyrgyz'],
  ['jingpo', '景颇族', 'Jingpo'],
  ['daur', '达斡尔族', 'Daur'],
  ['salar', '撒拉族', 'Salar'],
  ['blang', '布朗族', 'Blang'],
  ['maonan', '毛南族', 'Maonan'],
  ['tajik', '塔吉克族', 'Tajik'],
  ['pumi', '普米族', 'Pumi'],
  ['achang', '阿昌族', 'Achang'],
  ['nu', '怒族', 'Nu'],
  ['ewenki', '鄂温克族', 'Evenki'],
  ['gin', '京族', 'Gin'],
  ['jino', '基诺族', 'Jino'],
  ['deang', '德昂族', "De'ang"],
  ['bonan', '保安族', 'Bonan'],
  ['russian', '俄罗斯族', 'Russian'],
  ['yugur', '裕固族', 'Yugur'],
  ['uzbek', '乌孜别克族', 'Uzbek'],
  ['monba', '门巴族', 'Monba'],
  ['oroqen', '鄂伦春族', 'Oroqen'],
  ['derung', '独龙族', 'Derung'],
  ['hezhen', '赫哲族', 'Hezhen'],
  ['gaoshan', '高山族', 'Gaoshan'],
  ['lhoba', '珞巴族', 'Lhoba'],
  ['tatar', '塔塔尔族', 'Tatar'],
].map(([id, zh, en]) => ({ id: id ?? '', zh: zh ?? '', en: en ?? '' }));

export const DEFAULT_MINORITY = 'uyghur';

/** Not ethnicity: 水族馆 (aquarium); place names 宁夏回族自治区, 广西壮族自治区 are region cues instead. */
const ZH_NOT_AFTER = '(?![馆箱店业市]|自治)';
/** English ethnonyms that are safe in the listed contexts; single-word, non-ambiguous ones first. */
const EN_MINORITY = [
  'Uyghur',
  'Uighur',
  'Tibetan',
  'Hui',
  'Zhuang',
  'Mongolian',
  'Kazakh',
  'Yi',
  'Miao',
  'Manchu',
  'Dai',
  'Bai',
  'Dong',
  'Yao',
  'Tujia',
  'Hani',
  'Lisu',
  'Naxi',
  'Qiang',
  'Salar',
  'Dongxiang',
  'Kyrgyz',
  'Kirgiz',
  'Tajik',
  'Uzbek',
  'Tatar',
  'Bouyei',
  'Xibe',
  'Daur',
  'Evenki',
  'Oroqen',
];
/** Either case of each word's first letter: "student association" and "Student Association". */
const titleOrLower = (phrase: string): string =>
  phrase
    .split(' ')
    .map((w) => `[${w.charAt(0)}${w.charAt(0).toUpperCase()}]${w.slice(1)}`)
    .join('\\s+');
const EN_CONTEXT_WORDS = [
  'ethnicity',
  'ethnic group',
  'nationality',
  'student',
  'students',
  'student association',
  'student union',
  'student society',
  'student club',
  "students' association",
  'students’ association',
  'people',
  'community',
  'background',
  'heritage',
  'descent',
  'family',
  'culture club',
];
const EN_CONTEXT_AFTER = `(?=\\s+(?:${EN_CONTEXT_WORDS.map(titleOrLower)
  .sort((a, b) => b.length - a.length)
  .join('|')})(?![\\p{L}\\p{N}_]))`;
const EN_CONTEXT_BEFORE = '(?<=\\bethnic(?:ally)?\\s+)';

/** "ethnic Han", "Han Chinese" (consumed whole: "Han Chinese" → "Uyghur"), "Han students". */
const HAN_EN =
  `${EN_CONTEXT_BEFORE}Han(?:\\s+Chinese)?${EN_RIGHT}|${EN_LEFT}Han\\s+Chinese${EN_RIGHT}|` +
  `${EN_LEFT}Han${EN_CONTEXT_AFTER}`;

export function ethnicityRules(minority: Minority): Rule[] {
  const zhMinorities = MINORITIES.map((m) => m.zh);
  const zhShort = MINORITIES.map((m) => m.zh.slice(0, -1)).filter((s) => s.length > 0);
  const name = `(?:${alternation(EN_MINORITY)})`;
  // "the Uyghur (ethnic) minority" → "the Han" (the qualifier goes too), "ethnic Tibetan", "Hui students".
  const minorityEn =
    `${EN_LEFT}${name}\\s+(?:ethnic\\s+)?minority${EN_RIGHT}|${EN_CONTEXT_BEFORE}${name}` +
    `${EN_RIGHT}|${EN_LEFT}${name}${EN_CONTEXT_AFTER}`;
  const toHanZh = (): string => '汉族';
  return [
    {
      cue: 'ethnicity',
      pole: 'b',
      lang: 'zh',
      pattern: new RegExp(`少数民族|(?<![本乡国领故])(?:${alternation(zhMinorities)})${ZH_NOT_AFTER}`, 'gu'),
      replace: toHanZh,
    },
    { cue: 'ethnicity', pole: 'a', lang: 'zh', pattern: /汉族/gu, replace: () => minority.zh },
    // 「民族：汉」 and 「民族：回」 as field values.
    {
      cue: 'ethnicity',
      pole: 'a',
      lang: 'zh',
      pattern: /(?<=民族[：:]\s*)汉(?!族)/gu,
      replace: () => minority.zh.slice(0, -1),
    },
    {
      cue: 'ethnicity',
      pole: 'b',
      lang: 'zh',
      pattern: new RegExp(`(?<=民族[：:]\\s*)(?:${alternation(zhShort)})(?!族)`, 'gu'),
      replace: () => '汉',
    },
    {
      cue: 'ethnicity',
      pole: 'b',
      lang: 'zh',
      pattern: /(?<!中华|各)民族(?=大学|学院|师范|中学|高级中学|初级中学|小学|职业|预科)/gu,
      replace: () => '',
    },
    { cue: 'ethnicity', pole: 'a', lang: 'en', pattern: new RegExp(HAN_EN, 'gu'), replace: () => minority.en },
    { cue: 'ethnicity', pole: 'b', lang: 'en', pattern: new RegExp(minorityEn, 'gu'), replace: () => 'Han' },
    {
      cue: 'ethnicity',
      pole: 'b',
      lang: 'en',
      pattern: /(?<![\p{L}\p{N}_])ethnic[ -]minority(?![\p{L}\p{N}_])/giu,
      replace: () => 'Han',
    },
  ];
}
