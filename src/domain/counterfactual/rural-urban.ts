import { EN_LEFT, EN_RIGHT, alternation, matchCase, type Rule, type RuleContext } from './engine.ts';
import { pairRules } from './rules.ts';

/**
 * Rural/urban origin cues. Pole a = rural, b = urban. Only phrases about where the person comes from
 * are swapped, never 农村/rural as a topic (农村电商项目, "research on rural e-commerce", 城市规划专业):
 * fixed phrases (农村户口, 农村家庭, "rural hukou", "rural background") swap anywhere; bare place words
 * (农村, 县城, village, city) swap only after an origin verb (来自, 出生于, 家在, "grew up in", "from").
 * 县城/乡镇 ↔ 市区 as the issue asks; 城市 → 农村 and 市区 → 县城 on the way back.
 * Not touched: "first-generation college student" and 寒门 (class, not rural origin).
 */
const ZH_PAIRS = [
  ['农村户口', '城镇户口'],
  ['农业户口', '非农业户口'],
  ['农村户籍', '城镇户籍'],
  ['农村家庭', '城市家庭'],
  ['农村学生', '城市学生'],
  ['农村生源', '城市生源'],
  ['农村孩子', '城市孩子'],
  ['农村儿童', '城市儿童'],
  ['农村青年', '城市青年'],
  ['农家子弟', '城市子弟'],
] as const;
const ZH_ONE_WAY_RURAL = [
  ['农民家庭', '城市家庭'],
  ['留守儿童', '城市儿童'],
  ['农村娃', '城市孩子'],
] as const;
const ZH_ONE_WAY_URBAN = [['城镇家庭', '农村家庭']] as const;

const ZH_ORIGIN_VERB =
  '(?:来自|出生于|出生在|生于|生长于|成长于|长大于|家住|家在|老家在|老家是|家乡在|家乡是|出身于|出身)';
/** What may stand between the verb and the place word: 来自「甘肃的一个小」山村 (no punctuation). */
const ZH_INFIX = '[^\\s，,。.；;！!？?、：:]{0,6}';
const ZH_RURAL = new Map([
  ['农村', '城市'],
  ['乡村', '城市'],
  ['山村', '城市'],
  ['村里', '城里'],
  ['偏远山区', '城市'],
  ['贫困山区', '城市'],
  ['山区', '城市'],
  ['乡镇', '市区'],
  ['小县城', '市区'],
  ['县城', '市区'],
]);
const ZH_URBAN = new Map([
  ['大城市', '农村'],
  ['城市', '农村'],
  ['城里', '村里'],
  ['市区', '县城'],
  ['城区', '县城'],
]);
/** Place words used as topics, not origins: 城市规划, 农村电商, 乡村振兴. */
const ZH_TOPIC =
  '(?!规划|建设|管理|设计|经济|发展|振兴|电商|学院|大学|研究|专业|交通|轨道|更新|治理|运营|化|项目|调研|支教|工作)';

function zhPlaceRule(pole: 'a' | 'b', table: ReadonlyMap<string, string>): Rule {
  const words = `(?:${alternation([...table.keys()])})`;
  const pattern = new RegExp(
    `(?<=${ZH_ORIGIN_VERB}${ZH_INFIX})${words}${ZH_TOPIC}|(?<=在${ZH_INFIX})${words}(?=长大|出生|成长)|${words}(?=出身|长大)`,
    'gu',
  );
  return { cue: 'rural-urban', pole, lang: 'zh', pattern, replace: (m) => table.get(m) ?? m };
}

const EN_ORIGIN =
  '\\b(?:from|grew up in|raised in|born in|born and raised in|brought up in|hometown ' +
  'is|hometown is in|hails? from|comes? from|came from)\\s+';
const EN_RURAL_CONTEXT =
  '(?=\\s+(?:hometown|background|family|families|household|households|hukou|upbringing|roots' +
  '|origins?|students?|youth|child|children|kids?)\\b)';
const EN_VILLAGE =
  '(?:(?:small|remote|poor|mountain|farming|rural|tiny|little)\\s+)*(?:village|hamlet)' +
  '|the\\s+countryside|(?:small|rural)\\s+town';

function cityFor(m: string, ctx: RuleContext): string {
  // "from the city" → "from the countryside"; "from a (big) city" → "from a farming village".
  const the = /\bthe\s+$/i.test(ctx.text.slice(Math.max(0, ctx.start - 8), ctx.start));
  return matchCase(m, the ? 'countryside' : 'farming village');
}

export const RURAL_URBAN_RULES: readonly Rule[] = [
  ...pairRules({
    cue: 'rural-urban',
    lang: 'zh',
    pairs: ZH_PAIRS,
    oneWayA: ZH_ONE_WAY_RURAL,
    oneWayB: ZH_ONE_WAY_URBAN,
  }),
  zhPlaceRule('a', ZH_RURAL),
  zhPlaceRule('b', ZH_URBAN),
  ...pairRules({
    cue: 'rural-urban',
    lang: 'en',
    pairs: [['rural', 'urban']],
    left:
      `(?:(?<=${EN_ORIGIN}(?:(?:an?|the)\\s+)?(?:(?:small|remote|poor)\\s+)?)|${EN_LEFT}(?=\\w+` +
      `${EN_RURAL_CONTEXT}))`,
    right: EN_RIGHT,
  }),
  ...pairRules({
    cue: 'rural-urban',
    lang: 'en',
    pairs: [['agricultural', 'non-agricultural']],
    left: EN_LEFT,
    right: '(?=\\s+hukou\\b)',
  }),
  // One-way: "city child" has no single rural counterpart.
  ...pairRules({
    cue: 'rural-urban',
    lang: 'en',
    pairs: [],
    oneWayA: [
      ['left-behind child', 'city child'],
      ['left-behind children', 'city children'],
    ],
  }).filter((r) => r.pole === 'a'),
  {
    cue: 'rural-urban',
    pole: 'a',
    lang: 'en',
    pattern: new RegExp(`(?<=${EN_ORIGIN}(?:an?\\s+)?)(?:${EN_VILLAGE})${EN_RIGHT}`, 'giu'),
    replace: (m) => (/^the\s/i.test(m) ? matchCase(m, 'the city') : matchCase(m, 'city')),
  },
  {
    cue: 'rural-urban',
    pole: 'b',
    lang: 'en',
    pattern: new RegExp(
      `(?<=${EN_ORIGIN}(?:an?|the)\\s+)(?:(?:big|large|major)\\s+)?(?:city|metropolis)${EN_RIGHT}(?!\\s+of\\b)`,
      'giu',
    ),
    replace: cityFor,
  },
];
