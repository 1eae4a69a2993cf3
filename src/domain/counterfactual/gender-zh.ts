import type { Rule } from './engine.ts';
import { keepRule, pairRules } from './rules.ts';

/**
 * Chinese gender cues. Pole a = male, b = female. Chinese has no word boundaries, so instead of
 * swapping every 男/女/他 the rules list the words that carry gender, and `keep` phrases claim the
 * look-alikes first (leftmost-longest wins): 其他/他人/吉他 (not "he"), 子女/儿女/妇女/男女 (neutral or
 * without a counterpart), 兄弟院校/兄弟单位 ("sister institutions", not brothers).
 *
 * Decided: 男女不限, 男女平等, 男女生 stay unchanged — naming both sexes is neutral and swapping them
 * gives the same content. 他们/她们 swap like 他/她.
 */
const KEEP = [
  '其他',
  '他人',
  '吉他',
  '他乡',
  '他国',
  '他处',
  '他日',
  '他者',
  '利他',
  '排他',
  '他山之石',
  '他律',
  '男女',
  '女男',
  '子女',
  '儿女',
  '妇女',
  '父女',
  '母女',
  '孙女',
  '侄女',
  '外孙女',
  '少女',
  '处女',
  '兄弟姐妹',
  '姐妹兄弟',
  '他/她',
  '她/他',
  '他（她）',
  '他(她)',
  '她（他）',
  '她(他)',
  '他或她',
  '她或他',
  '兄弟院校',
  '兄弟学校',
  '兄弟高校',
  '兄弟单位',
  '兄弟部门',
  '兄弟公司',
  '兄弟城市',
  '兄弟省份',
  '兄弟省市',
  '姐妹城市',
  '姐妹学校',
  '姐妹篇',
  '男/女',
  '女/男',
];

const WORDS = [
  ['哥哥', '姐姐'],
  ['弟弟', '妹妹'],
  ['兄弟', '姐妹'],
  ['父亲', '母亲'],
  ['爸爸', '妈妈'],
  ['儿子', '女儿'],
  ['丈夫', '妻子'],
  ['老公', '老婆'],
  ['叔叔', '阿姨'],
  ['爷爷', '奶奶'],
  ['外公', '外婆'],
  ['姥爷', '姥姥'],
  ['小伙子', '姑娘'],
  ['绅士', '淑女'],
  ['帅哥', '美女'],
  ['师兄', '师姐'],
  ['师弟', '师妹'],
  ['学长', '学姐'],
  ['学弟', '学妹'],
] as const;

/** 男/女 swap as the first character of these words only: 男生 男性 男篮 男同学 男程序员 … */
const SEX_PREFIXED =
  '生|性|子|人|孩|友|朋友|篮|足|排|队|团|单|双|装|同学|同事|同胞|教师|老师|博士|硕士|研究生|大学生|本科生|' +
  '工程师|程序员|运动员|主持|演员|选手|员工|职工|青年|嘉宾|宿舍|寝室|主角|神|兵|性化';

/**
 * 先生 as an honorific (王先生) but not 首先生成 ("first generate"), 率先生产, 优先生效: 先生 followed by
 * a character that makes 生X a word, or preceded by one that makes X先 a word, is left alone.
 */
const XIANSHENG = /(?<![首优率事预原抢争领占])先生(?![成产效存长活命动育物态源涯理日意])/gu;

/**
 * A bare 男/女 as a field value: 「性别：男」, 「张三，男，汉族」, 「(女)」. It must stand between
 * separators so that 男 inside any other word is untouched.
 */
const BARE_LEFT = '(?<=^|[\\s，,、;；:：(（/|]|性别)';
const BARE_RIGHT = '(?=$|[\\s，,、;；。.)）/|])';

export const GENDER_ZH_RULES: readonly Rule[] = [
  keepRule('gendered-word', 'zh', KEEP),
  ...pairRules({ cue: 'gendered-word', lang: 'zh', pairs: WORDS }),
  ...pairRules({ cue: 'pronoun', lang: 'zh', pairs: [['他', '她']] }),
  ...pairRules({ cue: 'gendered-word', lang: 'zh', pairs: [['男', '女']], right: `(?=${SEX_PREFIXED})` }),
  ...pairRules({ cue: 'gendered-word', lang: 'zh', pairs: [['男', '女']], left: BARE_LEFT, right: BARE_RIGHT }),
  { cue: 'gendered-word', pole: 'a', lang: 'zh', pattern: XIANSHENG, replace: () => '女士' },
  // 女士 → 先生 (the honorific pair, 王女士 ↔ 王先生); 男士 → 女士 is one-way.
  { cue: 'gendered-word', pole: 'b', lang: 'zh', pattern: /女士/gu, replace: () => '先生' },
  { cue: 'gendered-word', pole: 'a', lang: 'zh', pattern: /男士/gu, replace: () => '女士' },
];
