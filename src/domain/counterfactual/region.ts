import { alternation, type Rule } from './engine.ts';

/**
 * Region-of-origin cues. Pole a = west, b = east, in the NBS four-region division (see
 * domain/geo/cities.ts): the 12 western provinces ↔ the 10 eastern ones, paired by position (west i ↔
 * east i mod 10; east i → west i), a stable rule. Central and north-eastern provinces are not swapped.
 * Only origins are swapped: after 来自/出生于/籍贯/生源地/老家在, 「是甘肃人」, "from"/"born in"/"grew up
 * in"/"native of", and never when the place starts an institution name (来自浙江大学, "from Zhejiang
 * University", "from Gansu Agricultural University"). Cities are not swapped.
 */
type Province = readonly [zh: string, zhFull: string, en: string];

export const WEST: readonly Province[] = [
  ['甘肃', '甘肃省', 'Gansu'],
  ['贵州', '贵州省', 'Guizhou'],
  ['西藏', '西藏自治区', 'Tibet'],
  ['青海', '青海省', 'Qinghai'],
  ['宁夏', '宁夏回族自治区', 'Ningxia'],
  ['新疆', '新疆维吾尔自治区', 'Xinjiang'],
  ['云南', '云南省', 'Yunnan'],
  ['广西', '广西壮族自治区', 'Guangxi'],
  ['四川', '四川省', 'Sichuan'],
  ['重庆', '重庆市', 'Chongqing'],
  ['陕西', '陕西省', 'Shaanxi'],
  ['内蒙古', '内蒙古自治区', 'Inner Mongolia'],
];
export const EAST: readonly Province[] = [
  ['浙江', '浙江省', 'Zhejiang'],
  ['江苏', '江苏省', 'Jiangsu'],
  ['上海', '上海市', 'Shanghai'],
  ['北京', '北京市', 'Beijing'],
  ['广东', '广东省', 'Guangdong'],
  ['福建', '福建省', 'Fujian'],
  ['山东', '山东省', 'Shandong'],
  ['天津', '天津市', 'Tianjin'],
  ['海南', '海南省', 'Hainan'],
  ['河北', '河北省', 'Hebei'],
];

const counterpart = (pole: 'a' | 'b', i: number): Province | undefined =>
  pole === 'a' ? EAST[i % EAST.length] : WEST[i];

/** Short and full Chinese forms and the English name, each → its counterpart's form of the same kind. */
function tables(pole: 'a' | 'b'): { zh: Map<string, string>; en: Map<string, string> } {
  const zh = new Map<string, string>();
  const en = new Map<string, string>();
  (pole === 'a' ? WEST : EAST).forEach(([short, full, name], i) => {
    const c = counterpart(pole, i);
    if (c === undefined) return;
    zh.set(short, c[0]);
    zh.set(full, c[1]);
    en.set(name, c[2]);
  });
  return { zh, en };
}

const ZH_ORIGIN =
  '(?:来自|出生于|出生在|生于|生长于|成长于|长大于|老家在|老家是|家乡在|家乡是|家住|家在|' +
  '(?:籍贯|生源地|户籍所在地|户籍)(?:是|为)?[：:]?\\s*)';
/** Not an origin when an institution name follows before any punctuation or 的. */
const ZH_NOT_INSTITUTION =
  '(?![^\\s，,。.；;！!？?、：:的]{0,6}(?:大学|学院|学校|公司|集团|银行|医院|研究院|研究所|中学|高中|职业技术))';
const EN_ORIGIN =
  '(?<=\\b(?:from|born in|grew up in|raised in|native of|hometown is|hometown is in|hometown ' +
  'in|hails? from|comes? from|came from)\\s+(?:(?:rural|urban)\\s+)?)';
const EN_NOT_INSTITUTION =
  "(?!\\s+(?:[A-Z][\\w&.'-]*\\s+){0,3}(?:University|College|Institute|Academy|School" +
  '|Polytechnic|Normal|Bank|Company|Group|Hospital)\\b)';

function regionRules(pole: 'a' | 'b'): Rule[] {
  const { zh, en } = tables(pole);
  const zhWords = `(?:${alternation([...zh.keys()])})`;
  const enWords = `(?:${alternation([...en.keys()])})`;
  return [
    {
      cue: 'region',
      pole,
      lang: 'zh',
      pattern: new RegExp(
        `(?<=${ZH_ORIGIN})${zhWords}${ZH_NOT_INSTITUTION}|(?<=是|一名|一个)${zhWords}(?=省?人(?![民才工口力员大文事士]))`,
        'gu',
      ),
      replace: (m) => zh.get(m) ?? m,
    },
    {
      cue: 'region',
      pole,
      lang: 'en',
      pattern: new RegExp(`${EN_ORIGIN}${enWords}(?![\\p{L}\\p{N}_])${EN_NOT_INSTITUTION}`, 'gu'),
      replace: (m) => en.get(m) ?? m,
    },
  ];
}

export const REGION_RULES: readonly Rule[] = [...regionRules('a'), ...regionRules('b')];
