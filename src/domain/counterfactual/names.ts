import { EN_LEFT, EN_RIGHT, type Rule } from './engine.ts';
import { pairRules } from './rules.ts';

/**
 * Typical given names by gender, used only to build fictional counterfactuals; pairs are swapped by
 * position (the i-th male name ↔ the i-th female name), a stable rule with no randomness.
 *
 * English: common US first names (SSA top names of the 1980s–2000s), leaving out names that are also
 * ordinary words or skills and would be swapped by mistake (Will, Mark, Grace, Hope, Julia, Ruby, Frank,
 * Victoria) and names used by both sexes (Alex, Sam, Taylor, Jordan). Matched case-sensitively as whole
 * tokens, so "james" in a URL or "Mary-Kate" style compounds are left alone only when lower-cased.
 */
const EN_NAMES: readonly (readonly [male: string, female: string])[] = [
  ['James', 'Mary'],
  ['John', 'Patricia'],
  ['Robert', 'Jennifer'],
  ['Michael', 'Linda'],
  ['David', 'Elizabeth'],
  ['William', 'Barbara'],
  ['Richard', 'Susan'],
  ['Joseph', 'Jessica'],
  ['Thomas', 'Sarah'],
  ['Charles', 'Karen'],
  ['Daniel', 'Nancy'],
  ['Matthew', 'Lisa'],
  ['Anthony', 'Betty'],
  ['Steven', 'Sandra'],
  ['Andrew', 'Ashley'],
  ['Joshua', 'Emily'],
  ['Kevin', 'Michelle'],
  ['Brian', 'Amanda'],
  ['George', 'Melissa'],
  ['Edward', 'Deborah'],
  ['Ryan', 'Stephanie'],
  ['Jacob', 'Rebecca'],
  ['Eric', 'Laura'],
  ['Jonathan', 'Sharon'],
  ['Justin', 'Cynthia'],
  ['Benjamin', 'Kathleen'],
  ['Samuel', 'Amy'],
  ['Patrick', 'Angela'],
  ['Peter', 'Anna'],
  ['Henry', 'Emma'],
  ['Jason', 'Olivia'],
  ['Kenneth', 'Sophia'],
  ['Gary', 'Rachel'],
  ['Timothy', 'Catherine'],
  ['Jeffrey', 'Christine'],
  ['Scott', 'Samantha'],
  ['Brandon', 'Nicole'],
  ['Gregory', 'Helen'],
  ['Nathan', 'Hannah'],
  ['Raymond', 'Lauren'],
];

/**
 * Chinese: frequent given names in the public-security name statistics (e.g. 公安部《2020年全国姓名报告》
 * and the long-standing 伟/芳, 秀英 lists). A Chinese given name can only be recognised together with a
 * surname, and single-character given names collide with ordinary words (高强度 = 高 + 强 + 度), so:
 * - a two-character given name (浩然, 欣怡) after a common surname is swapped anywhere;
 * - a one-character given name (伟, 芳) after a surname is swapped only when the full name stands alone:
 *   after a separator, 和/与 or a self-introduction (我叫, 名叫, 姓名), and before a separator, a title
 *   (同学, 先生, 女士, 老师) or a common function word or verb (是, 在, 和, 的, 一起, 等, 担任 …).
 * Given names that are also common words (建国, 国强, 建华, 志强's 志) are left out.
 */
const ZH_GIVEN_NAMES_2: readonly (readonly [male: string, female: string])[] = [
  ['浩然', '欣怡'],
  ['子轩', '梓涵'],
  ['宇轩', '诗涵'],
  ['俊杰', '雨萱'],
  ['浩宇', '紫涵'],
  ['博文', '佳怡'],
  ['宇航', '婉婷'],
  ['志伟', '丽娟'],
  ['明辉', '秀兰'],
  ['俊熙', '晓燕'],
  ['梓豪', '雅婷'],
  ['皓轩', '思琪'],
  ['天佑', '梦琪'],
  ['家豪', '静怡'],
  ['文博', '雨婷'],
  ['浩轩', '一诺'],
  ['泽宇', '欣妍'],
  ['晨阳', '语嫣'],
];
const ZH_GIVEN_NAMES_1: readonly (readonly [male: string, female: string])[] = [
  ['伟', '芳'],
  ['强', '娜'],
  ['磊', '敏'],
  ['军', '静'],
  ['勇', '丽'],
  ['杰', '艳'],
  ['涛', '婷'],
  ['斌', '雪'],
  ['浩', '慧'],
  ['鹏', '琳'],
  ['超', '倩'],
  ['刚', '燕'],
  ['辉', '玲'],
  ['波', '霞'],
];

/** The 100 most frequent surnames (single-character; compound surnames are too rare to matter here). */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪' +
  '范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

const SURNAME = `(?<=[${SURNAMES}])`;
const ALONE_LEFT = `(?<=(?:^|[\\s，,、;；:：。.!！?？(（“"「]|我叫|名叫|我是|姓名|本人|同学|学生|和|与)[${SURNAMES}])`;
const ALONE_RIGHT =
  '(?=$|[\\s，,、;；。.!！?？)）”"」]|同学|先生|女士|老师|是|在|曾|于|和|与|的|一起|等|也|都|获得|担任|负责|参加)';

export const NAME_RULES: readonly Rule[] = [
  ...pairRules({ cue: 'name', lang: 'en', pairs: EN_NAMES, caseFold: false, left: EN_LEFT, right: EN_RIGHT }),
  ...pairRules({ cue: 'name', lang: 'zh', pairs: ZH_GIVEN_NAMES_2, left: SURNAME }),
  ...pairRules({ cue: 'name', lang: 'zh', pairs: ZH_GIVEN_NAMES_1, left: ALONE_LEFT, right: ALONE_RIGHT }),
];
