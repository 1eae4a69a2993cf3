import type { Pattern } from './types.ts';

/**
 * Chinese detectors. They run over normalized text: lowercase, NFKC (so ，：；（ are , : ; ( ),
 * and no separators between CJK characters, so "限 男 性" arrives as "限男性".
 * Negations (男女不限, 不限户籍) are handled by exemptions.ts, not here.
 */
const HAN = '\\p{Script=Han}';
const SEX = '(?:男|女)';
const SEX_NOUN = '(?:性|生|士|孩|员工|同事)';
const LIMIT =
  '(?:仅限|只限|限定|限招|(?<![不无])限|仅招收?|只招收?|只要|仅要|只录用?|仅录用?|要求|须为|需为|必须为?|需|须)';
const TIER = '(?<![\\d.])(?:985|211)(?![\\d.])';
const SCHOOL_CONTEXT = '(?:毕业|本科|硕士|博士|学历|背景|以上|优先|勿扰|生源|学生|研究生)';
const SCHOOL_LEAD = '(?:限|仅限|要求|须为|需为|来自|毕业于|非|第一学历|学历|本科|硕士)';
const NAMED_SCHOOL = '(?:清华|北大|清北|复旦|上交|交大|浙大|中科大|南大|人大|北航|哈工大|c9)';
const ETHNIC = '(?:汉族|汉人|回族|藏族|维吾尔族|维族|蒙古族|壮族|苗族|彝族|满族|朝鲜族|哈萨克族|土家族)';
const BENEFIT = /解决|协助|帮助|办理|落户|指标|申请|迁入|提供|可落|集体户/u;

export const ZH_PATTERNS: readonly Pattern[] = [
  // gender
  {
    rule: 'gender',
    severity: 'block',
    re: new RegExp(`${LIMIT}是?(?:${SEX}${SEX_NOUN}|${SEX}(?=[,;、。:!?)]|$|优先|者))`, 'gu'),
  },
  {
    rule: 'gender',
    severity: 'block',
    re: new RegExp(
      `(?<![男女])${SEX}${SEX_NOUN}?(?:者|候选人)?(?:优先|为主|为佳|更佳|最佳|勿扰|免谈|不要|谢绝|不考虑)`,
      'gu',
    ),
  },
  { rule: 'gender', severity: 'block', re: new RegExp(`性别(?:要求)?:?限?${SEX}(?![男女]|不限|均可)`, 'gu') },
  { rule: 'gender', severity: 'block', re: new RegExp(`(?<=^|[:,;、(])${SEX}(?:性|生)?(?=[,;、。]|$)`, 'gu') },
  {
    rule: 'gender',
    severity: 'block',
    re: new RegExp(
      `(?:招聘|诚聘|急聘|急招|招收|聘请?)(?:\\d+名)?${SEX}(?:性|生)?(?!装|鞋|包|款|童|士护|性用户|性健康|性用品)(?=${HAN})`,
      'gu',
    ),
  },
  { rule: 'gender', severity: 'warn', re: new RegExp(`(?:更适合|适合|偏向|倾向于?)${SEX}(?:性|生|士)`, 'gu') },
  // age
  {
    rule: 'age',
    severity: 'block',
    re: new RegExp(
      String.raw`年龄(?:要求)?:?(?:在|为|限|须|需)?[^,。;\d]{0,4}(?!1[68]周?岁?(?:以上` +
        String.raw`|及以上))\d{2}(?:周?岁)?(?:[-~至到]\d{2}(?:周?岁)?)?(?:以下|以内|之内|以上|及以下|及以上|之间|上下|左右)?`,
      'gu',
    ),
  },
  {
    rule: 'age',
    severity: 'block',
    re: /(?<![\d.])\d{2}(?:周?岁)?[-~至到]\d{2}周?岁(?:之间|以内)?/gu,
    unless: /用户|客户|消费者|人群|群体|受众|读者|患者|老人|儿童|顾客/u,
  },
  {
    rule: 'age',
    severity: 'block',
    re: /(?<![\d.])(?!1[68]周?岁(?:以上|及以上))\d{2}周?岁(?:以下|以内|之内|以上|及以下|及以上|之间|上下|左右|以前)/gu,
    unless: /用户|客户|消费者|人群|群体|受众|读者|患者|老人|儿童|顾客/u,
  },
  { rule: 'age', severity: 'block', re: /(?:不超过|不大于|不高于|不满|未满|低于|小于|超过|大于|高于)\d{2}周?岁/gu },
  { rule: 'age', severity: 'block', re: /(?:限|仅限)?(?<![\d.])(?:[5-9][05]|0[05])后(?:优先|为主|以内)?/gu },
  // marital / childbirth
  {
    rule: 'marital',
    severity: 'block',
    re: /已婚已育|未婚未育|未婚|已婚|已育|未育|(?:要求|限|须|需|必须)单身|单身(?=[,;、。!?]|$|优先|者|未婚|女|男)|离异|丧偶|婚育(?:状况|情况)?|婚姻状况|婚否/gu,
  },
  {
    rule: 'marital',
    severity: 'block',
    re: /(?:无|不|暂不|没有|暂无|不打算|近.{0,3}年内?无)(?:生育|生孩子|生小孩|要孩子|要小孩|怀孕|备孕)(?:计划|打算)?|(?:生育|要孩子)(?:计划|打算)/gu,
  },
  {
    rule: 'marital',
    severity: 'block',
    re: /(?:孕妇|怀孕者?|备孕者?|哺乳期)(?:勿扰|免谈|不考虑|除外|不予录用)|非孕|未孕/gu,
  },
  // hukou / local residence
  {
    rule: 'hukou',
    severity: 'block',
    unless: BENEFIT,
    re: /(?:本地|本市|本省|本区|本县|当地|城镇|非农业?|农业|农村|外地|外省|外来|北京|上海|广州|深圳|天津|重庆|杭州|南京|[京沪津渝穗深])?(?:户口|户籍|户藉)/gu,
  },
  { rule: 'hukou', severity: 'block', re: /(?:本地|本市|本省|本区|当地|外地|外省)(?:生源|人|居民)|[京沪]籍|籍贯/gu },
  // ethnicity; preferential treatment of minorities is lawful (就业促进法 第28条), so it is not flagged
  {
    rule: 'ethnicity',
    severity: 'block',
    re: new RegExp(
      `(?:限|仅限|只招|须为|需为|要求|民族:?)${ETHNIC}|${ETHNIC}(?=[,;、。:!?)]|$|优先|勿扰|免谈|者|员工|毕业生|学生|人士)`,
      'gu',
    ),
  },
  { rule: 'ethnicity', severity: 'block', re: /少数民族|民族(?:要求|限制|限定|:)/gu, unless: /优先|照顾|加分|欢迎/u },
  // religion
  {
    rule: 'religion',
    severity: 'block',
    re: /(?:无|没有|不信仰?|不能信仰)(?:任何)?宗教(?:信仰)?|宗教信仰:?(?:无|要求|限)|不信教|信教者?(?:勿扰|免谈)|宗教(?:要求|限制)/gu,
  },
  {
    rule: 'religion',
    severity: 'block',
    re: /(?:限|仅限|只招|非)?(?:基督徒|基督教徒|穆斯林|伊斯兰教徒|佛教徒|天主教徒|道教徒|信徒)(?:勿扰|免谈|优先)?/gu,
  },
  // health
  {
    rule: 'health',
    severity: 'block',
    re: /乙肝|乙型(?:病毒性)?肝炎|大三阳|小三阳|两对半|hbsag|hbv|表面抗原/gu,
    unless: /治疗|患者|药|疫苗|研发|临床|诊断|用户|产品|科普/u,
  },
  {
    rule: 'health',
    severity: 'block',
    re: /(?:无|没有|非)(?:任何)?(?:传染病|传染性疾病)|传染病(?:携带者|患者)?(?:勿扰|免谈|不予录用)|艾滋病|hiv/gu,
  },
  {
    rule: 'health',
    severity: 'warn',
    re: /健康证/gu,
    law: '食品安全法 第45条 requires a health certificate only for food handlers; 就业促进法 第30条',
  },
  { rule: 'health', severity: 'warn', re: /无(?:重大)?(?:疾病史|病史|精神病史|精神疾病|重大疾病|慢性病|家族病史)/gu },
  // disability
  {
    rule: 'disability',
    severity: 'block',
    re: /(?:无|没有|非)(?:任何)?(?:残疾|残障|身体缺陷|生理缺陷)|(?:四肢|肢体|身体|五官)健全|残(?:疾|障)人?士?(?:勿扰|免谈|不予录用|不考虑|谢绝)/gu,
  },
  // school tier
  {
    rule: 'school_tier',
    severity: 'block',
    re: new RegExp(
      `(?:${TIER}|双一流)(?=[^,。;!?\\n]{0,8}?${SCHOOL_CONTEXT})|(?<=${SCHOOL_LEAD}[^,。` +
        `;!?\\n]{0,6})(?:${TIER}|双一流)(?=[/、或及和,。;]|$|院校|高校|大学|学校|工程|名校|985|211|双一流)`,
      'gu',
    ),
  },
  { rule: 'school_tier', severity: 'block', re: /一流大学|c9联盟|常春藤|常青藤|藤校|第一学历/gu },
  {
    rule: 'school_tier',
    severity: 'block',
    re: new RegExp(
      `(?:仅限|只限|只招|只要|仅招|(?<![不无])限)[^,。;]{0,3}(?:${NAMED_SCHOOL}|名校|重点大学|重点院校|海外名校|qs前?\\d+)`,
      'gu',
    ),
  },
  {
    rule: 'school_tier',
    severity: 'warn',
    re: new RegExp(
      `统招|名校|重点(?:大学|院校|高校)|知名(?:大学|院校|高校)|一本(?:院校|以上|及以上|大学|学历)|qs前?\\d+|${NAMED_SCHOOL}(?:毕业生?)?优先`,
      'gu',
    ),
  },
  // appearance
  {
    rule: 'appearance',
    severity: 'warn',
    re: /五官端正|相貌端正|长相(?:端正|甜美|出众|帅气|清秀|好)|形象(?:气质)?(?:好|佳|端庄|出众|良好)|气质(?:佳|好|出众)|颜值|身材(?:好|匀称|苗条|高挑)|肤白|貌美/gu,
  },
  {
    rule: 'appearance',
    severity: 'block',
    re: /身高:?(?:男|女)?性?\d{3}(?:cm|厘米|公分)?(?:以上|及以上|以下)?|\d{3}(?:cm|厘米|公分)(?:以上|及以上|以下)|体重[^,。;]{0,4}\d+/gu,
  },
  {
    rule: 'appearance',
    severity: 'warn',
    re: new RegExp(
      `(?:附|上传|提供|贴|发送)[^,。;]{0,6}?(?:照片|相片|生活照|免冠照|近照|全身照|艺术照|写真)|(?:生活照|全身照|艺术照|免冠照|近照)(?!${HAN}{0,2}拍摄)`,
      'gu',
    ),
  },
];
