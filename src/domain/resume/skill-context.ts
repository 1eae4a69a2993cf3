/**
 * Whether a skill mention in a résumé sentence names a skill the graduate has: the words around it decide. Each
 * pattern below is one reason a mention is no evidence, with an example.
 */

import { enWordHeldBack } from './skill-en-words.ts';
import { zhWordHeldBack } from './skill-zh-words.ts';

// A clause that wishes for, is still learning or only watched what it names: "希望从事机器人算法", "currently learning
// Rust", "口腔医学技术（士）在考".
const NOT_HELD = new RegExp(
  '希望|期望|渴望|立志|想要|有志于|意向|正在学习|正在自学|自学中|学习中|计划学习|准备学习|在考|备考|' +
    // A post sought, written inline under any heading ("【求职】企业法务 / 合规专员", "求职：出纳 / 会计助理", "目标：内部
    // 审计 / 事务所审计"): a job target, which LABELLING.md leaves unlabelled; job seekers served are work (求职者).
    '(?<![\\u4e00-\\u9fff])(?:求职(?!者)|应聘(?!者|人员)|目标(?:岗位|职位)?\\s*[】\\]]?\\s*[:：])|' +
    // A pastime ("爱好  太极拳、书法", "平时喜欢画插画、打游戏"): hobbies, which LABELLING.md leaves unlabelled.
    '爱好|喜欢|' +
    // Work watched while shadowing ("跟班学习 DCS 操作", "跟随工艺员在车间了解数控加工与焊接工艺流程").
    '跟班学习|跟岗学习|跟随[^，,。；;]{0,10}?(?:了解|学习|观摩)|观摩|' +
    '\\b(?:hope|hoping|aspire|aspiring|eager|keen) to\\b|' +
    '\\b(?:would like to|looking for|seeking|interested in|currently learning|now learning|plan to learn|' +
    'want to learn|learning to)\\b',
  'iu',
);
// A field the graduate is only interested in, written after it as Chinese writes it ("对金融市场有浓厚兴趣", "对品牌视觉和
// 插画都很感兴趣"), as "interested in" above; not an interest class ("作文兴趣课").
const INTEREST_AFTER = /^[^，,。；;、]{0,10}?(?:感兴趣|有[^，,。；;]{0,4}兴趣(?![课班组]))/u;
// What a course or a field of study is called ("Database Systems course", "数学 20 课时", "统计学专业学生",
// "Data science student"): a course taken or a major is no skill.
const COURSE_AFTER = new RegExp(
  "^(?:\\s*[A-Za-z\\d&+#'’-]+){0,3}\\s*" +
    '(?:课程|课时|专业|学生|毕业生|硕士|博士|学士|(?<![A-Za-z])(?:course|courses|class|classes|module|lectures?|students?|majors?|' +
    'graduates?|undergraduates?)(?![A-Za-z])|' +
    // An online course's certificate ("Google Data Analytics (Coursera)", "Google Data Analytics Certificate").
    '[(（]?(?:Coursera|edX|Udemy|Udacity|DataCamp)\\b|(?:Professional )?Certificate\\b)',
  'iu',
);
// A course named by its code and title ("STATS 250 Introduction to Statistics and Data Analysis", "CHEM 343 Organic
// Chemistry Laboratory"): a course taught or taken, not a skill.
const COURSE_CODE_BEFORE = /\b[A-Z]{2,6} ?\d{3,4}[A-Z]?:?\s+(?:(?:[A-Z][\w'’-]*|and|of|to|in|for|the|&|\d)\s+)*$/u;
// A field's word before the noun it qualifies ("销售数据", "sales reports", "投资银行部", "电商详情页") names the data,
// the department or the product, not what the graduate does; tools and languages are kept ("Excel 报表").
const QUALIFIES_AFTER = new RegExp(
  // "销售与投流数据": another kind of data joined before the noun is qualified too.
  '^\\s*(?:(?:与|和|及|、)[\\u4e00-\\u9fff]{1,4}?(?:数据|报表)|' +
    // A bank's know-your-customer checks are anti-money laundering itself ("反洗钱客户身份识别").
    '数据|额|量|报表|报告|预测|业绩|指标|部门?|团队|平台|后台|详情页|网站|企业|客户(?!身份)|(?:调解)?(?:档案|卷宗|笔录)|' +
    '(?:原理|布置|接线|结构)?图(?![像形书表])|' +
    '\\b(?:data|reports?|figures|forecasts?|numbers|volumes?|department|team|division|platforms?|clients?|tables|' +
    'dashboards?|costs?|alerts|extracts|promotions?|storefronts?|strings|imagery|' +
    'projects?)\\b)',
  'iu',
);
// A ledger's lines named by their field ("2 万余条销售明细", "销售流水"): the records checked, not the field; an account's
// own ledger is bookkeeping ("核对应收账款明细", "固定资产台账"), so finance and accounting words keep theirs.
const LEDGER_AFTER = /^\s*(?:明细|流水|台账)/u;
// An analysis or a study named before its report ("写竞品分析报告", "撰写市场调研报告", "ESG reports"): the report is
// what the analysis produced, so the analysis was done.
// An 8D report is the quality tool's own output ("整理 8D 报告初稿").
const ANALYSIS_REPORT = /(?:分析|调研|研究|8D|analysis|analyses|research|ESG)$/iu;
const REPORT_AFTER = /^\s*(?:报告|\breports?\b)/iu;
// A figure's word before a field's name ("net sales", "store sales", "monthly revenue"): the figure, not the field.
const METRIC_BEFORE =
  /\b(?:net|gross|store|total|annual|monthly|weekly|daily|retail|same-store|projected|quarterly)\s+$/iu;
// A degree, a department or an institute named by its field ("BSc in Electrical Engineering", "MPhys Physics",
// "Department of Economics", "Columbia Data Science Institute"): the school's or the degree's, not a skill.
const DEGREE_BEFORE = new RegExp(
  '(?:\\b(?:Department|School|Faculty|Institute|Center|Centre|College|Division|Laboratory|Journal) (?:of|for)' +
    '(?: [A-Z][a-z]+,?)*|' +
    '\\b(?:Bachelor|Master|Doctor|B\\.?S\\.?c?|M\\.?S\\.?c?|B\\.?A|M\\.?A|B\\.?Eng|M\\.?Eng|Ph\\.?D)\\b' +
    '[^,;:]{0,25}\\bin|' +
    '\\b(?:BSc|MSc|BS|MS|BA|MA|BEng|MEng|MPhys|MChem|MMath|MSci|BBA|MBA|Ph\\.?D\\.?),?)\\s+$',
  'u',
);
const DEGREE_AFTER = /^\s+(?:Institute|Department|Center|Centre|Program|Programme|School|Faculty)\b/u;
// School subjects and disciplines named in English ("Intermediate Microeconomics", "Teaches Grade 8 Mathematics",
// "A-levels (Biology, Psychology)", "Oxford Physics outreach"): a course, a subject taught or a department, not a
// skill claimed; what was done with them is labelled instead (teaching, data analysis). Their analysis and
// assessment aliases ("economic analysis", "psychological assessment") are activities and stay.
const SUBJECTS: ReadonlySet<string> = new Set(['mathematics', 'economics', 'physics', 'chemistry', 'psychology']);
const SUBJECT_ACTIVITY = /\b(?:analysis|assessments?)\b/iu;
// Platforms named as tools (O*NET examples); Xiaohongshu or Douyin posts planned are their operations skills.
const SOCIAL = /^(?:TikTok|Instagram|Facebook|YouTube|Twitter|LinkedIn|Snapchat|Pinterest)$/u;
const SEASON = /^(?:spring|summer|fall|autumn|winter)$/iu;
const FIELD_CATEGORIES: ReadonlySet<string> = new Set([
  'marketing',
  'business',
  'finance-accounting',
  'science',
  'healthcare',
  'education',
  'legal',
  'media',
  'engineering-manufacturing',
]);
// An industry or a deal named by its field ("新能源汽车产业链", "保险行业", "a fintech acquisition", "the fintech
// sector"): what the employer or client does, not the graduate's skill.
const INDUSTRY_AFTER =
  /^\s*(?:行业|产业链|产业|领域|板块|赛道|\b(?:industry|industries|sector|startups?|acquisitions?|deals?)\b)/iu;
// An organization's name holding a skill word ("京东物流集团", "中国平安保险（集团）", "安永华明会计师事务所").
const ORG_WORD =
  '有限责任公司|有限公司|公司|集团|事务所|银行|医院|机构|研究院|研究所|协会|出版社|报社|电视台|工作室|俱乐部|学院|大学';
const ORG_AFTER = new RegExp(`^[^\\s，,。；;、：:的和与及并在为给对向把被将从于了是]{0,8}?(?:${ORG_WORD})`, 'u');
const EN_ORG_AFTER = new RegExp(
  "^(?:\\s+[A-Z][\\w&'-]*){0,2}\\s+(?:Inc|Ltd|LTD|Limited|LLC|LLP|Plc|PLC|Co|Corp|Corporation|Group|Bank|Hospital|" +
    'Agency|Partners|Association|Society|Club|Lab|Laboratory|Council|Honorary|Committee)\\b',
  'u',
);
// A job title holding a skill word ("前端开发实习生", "数据分析师", "Data Science Intern"): titles alone are no
// evidence, what was done is.
const TITLE_AFTER = /^[\u4e00-\u9fff]{0,4}?(?:实习生|工程师|专员|助理|经理|主管|顾问|分析师|设计师|咨询师|研究员|岗)/u;
const EN_TITLE_AFTER = new RegExp(
  '^(?:\\s+[A-Z][\\w&-]*){0,2}\\s+(?:Intern|Internship|Co-op|Engineer|Analyst|Assistant|Associate|Manager|' +
    'Specialist|Coordinator|Consultant|Developer|Designer|Officer|Trainee|Representative|Executive|Scientist|' +
    'Researcher|Teacher|Tutor|Administrator|Technician)s?\\b',
  'u',
);
// A department or team worked with ("与研发、测试跨部门协作", "和客服对接", "handed specs to front-end engineers"):
// a counterpart, not a skill.
const COUNTERPART_BEFORE = /(?:与|和|跟|同)[^，,。；;]{0,10}$/u;
const COUNTERPART_AFTER = /^[^，,。；;]{0,6}?(?:跨部门|协作|对接|沟通|配合)/u;
// An event named by its field ("校园招聘会", "招聘宣讲会"): organizing it is no evidence of the field.
const EVENT_AFTER = /^(?:会|宣讲)/u;
// Training received ("参加入职培训"), not given.
const RECEIVED_BEFORE = /(?:参加|接受|参与|通过)[^，,。；;]{0,12}$/u;
// Words of a department rotation in a clinical placement ("内科、外科、儿科轮转", "rotated through ICU").
const ROTATION = /轮转|\brotat(?:ed|ion|ions|ing)\b/iu;
// Words heading a list of tools ("数据库：MySQL、Redis", "办公软件：Word"): the heading is no skill of its own.
const LIST_LABEL = new RegExp(
  '^(?:数据库|前端|后端|测试|办公|办公软件|设计|云|databases?|front[- ]?end|back[- ]?end|testing|office|design|' +
    'cloud|CAD|CAE|CAM|hardware|frameworks?|manufacturing)$',
  'iu',
);
// Chinese words that are also parts of other words ("PID算法", "自动化报表脚本", "申报材料", "测试集", "课程设计"
// as a course project): they count only as an item of a list.
const LIST_ONLY: ReadonlySet<string> = new Set([
  '算法',
  '自动化',
  '材料',
  '化学',
  '数学',
  '测试',
  '课程设计',
  '光学',
  // "REDCap 数据库维护", "威科先行数据库", "中国工业企业数据库": a named database used, not database design.
  '数据库',
  // "电商主图", "推文编辑与排版", "矢量编辑", "LaTeX排版": the trade or the task named, not the field's skill.
  '电商',
  '编辑',
  '排版',
  // A discipline's word before what it qualifies ("电气主接线图", "车身电气故障", "光伏电站设计", "热力学计算", "土建算量",
  // "机电维修", "风电场功率预测"): the drawing, the plant or the task named, not the discipline (none of 16 such dev mentions
  // labelled).
  '电气',
  '光伏',
  '风电',
  '热力学',
  '土建',
  '机电',
]);
const ITEM_BEFORE =
  /(?:^|[、，,／/|；;：:\s]|熟悉|熟练|掌握|精通|了解|擅长|熟练掌握|熟练使用|使用|具备|良好的|较强的)\s*$/u;
const ITEM_AFTER = /^\s*(?:$|[、，,／/|；;。.]|基础|能力|知识|技能)/u;
const LED_AFTER = /^[^，,。；;]{0,14}?(?:试验|实验|项目|课题|研究|工作|会议|评审|调研|设计)/u;
const IP_WORK = new RegExp(
  '检索|撰写|起草|代理|答复|审查意见|无效宣告|侵权|布局|申请文件|\\b(?:draft(?:ed|ing)?|prosecut\\w*|search(?:ed|es)?|' +
    'infring\\w*|litigat\\w*|licens\\w*|fil(?:e|ed|ing))\\b',
  'iu',
);
// Products the taxonomy names only as aliases of the work they serve, and that work's words (see held()).
const PRODUCT_WORK: Readonly<Record<string, { name: RegExp; work: RegExp }>> = {
  'cost-estimation': {
    name: /^(?:广联达|Glodon)$/iu,
    work: /算量|工程量|造价|计价|组价|套价|定额|预算|结算|计量|\b(?:cost|estimat\w*|quantit\w*|take-?offs?|BOQ)\b/iu,
  },
  rendering: { name: /^(?:Lumion|KeyShot|Enscape)$/iu, work: /渲染|效果图|出图|算图|\brender\w*/iu },
  // "CaseWare" or "Audition" listed names a product; "audit working papers in CaseWare", "edited audio in Audition"
  // the work (0 of 7 and 1 of 6 dev résumés listing them label the skill; 4 of 4 writing the work).
  'audit-software': {
    name: /^(?:CaseWare|ACL Analytics|IDEA审计|鼎信诺)$/iu,
    work: /审计|底稿|\b(?:audit(?!ion)\w*|working papers|workpapers)\b/iu,
  },
  'audio-editing': {
    name: /^(?:Adobe )?Audition$/iu,
    work: /剪辑|音频|混音|\b(?:edit\w*|cut|mix\w*|audio|podcasts?|sound)\b/iu,
  },
};
const OTHER_SOLVER = /\b(?:Abaqus|ABAQUS|COMSOL|LS-DYNA|HyperMesh|Nastran|NASTRAN|MSC|ADINA|Marc|OptiStruct)\b/u;
const CLAUSE_END = /[，,；;。.!?！？]/u;
const HAN = /[\u4e00-\u9fff]/u;

// A title in quotes: a thesis, project, paper, journal, course or event named ("参与“膝关节置换术后康复”临床研究",
// "《环境科学》", 'Thesis: "Rare-earth ions in integrated photonics"'). Its field words are no skill (HELD-OUT-3.md:
// a thesis or project title alone is not labelled; the tools and methods it says were used are).
// A title after its label or before its kind in brackets is one too, to the clause's end ("毕业论文：ESG评级分歧与A股
// 个股超额收益", "课题：复合材料机翼结构优化，CATIA 建模", "激光选区熔化高熵合金的组织调控（博士课题）").
const TITLE = new RegExp(
  '《[^》]{2,60}》|“[^”]{2,60}”|「[^」]{2,60}」|"[^"]{4,100}"|' +
    '(?:毕业论文|学位论文|论文题目|(?:本科|硕士|博士)论文|毕业设计|课题)\\s*[:：]\\s*[^，,。；;（(]{2,60}|' +
    '[^，,。；;：:（(]{2,60}(?=\\s*[（(][^)）]{0,6}(?:课题|论文|毕业设计)[)）])',
  'gu',
);

/** Whether the span from `start` to `end` of `sentence` lies inside a quoted title. */
function inTitle(sentence: string, start: number, end: number): boolean {
  for (const m of sentence.matchAll(TITLE)) if (m.index < start && end < m.index + m[0].length) return true;
  return false;
}

/** The clause around a mention, where an English comma separates list items, not clauses. */
function listClause(before: string, after: string, mention: string): string {
  const end = /[，；;。!?！？]|\.(?:\s|$)/u;
  let from = before.length;
  while (from > 0 && !end.test(before.charAt(from - 1))) from -= 1;
  const to = after.search(end);
  return before.slice(from) + mention + (to < 0 ? after : after.slice(0, to));
}

/**
 * Whether the span from `start` to `end` of `sentence` names a course, a field of study or a degree ("Supply Chain
 * Management Graduate", "STATS 250 Introduction to Statistics and Data Analysis", "BSc in Electrical Engineering").
 */
export function namedAsStudy(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  if (COURSE_AFTER.test(after) || COURSE_CODE_BEFORE.test(before)) return true;
  return /^[A-Z]/u.test(sentence.slice(start, end)) && (DEGREE_BEFORE.test(before) || DEGREE_AFTER.test(after));
}

/** Whether the clause before `start` wishes for or is still learning what follows. */
export function wished(sentence: string, start: number): boolean {
  const before = sentence.slice(0, start);
  let from = before.length;
  while (from > 0 && !CLAUSE_END.test(before.charAt(from - 1))) from -= 1;
  return NOT_HELD.test(before.slice(from));
}

/**
 * Whether a mention in `sentence` (from `start` to `end`) names a skill the graduate has. `declared` is true in a
 * skills, languages or certificates part, where a title-like phrase is a certificate's name, not a role. `rotations`
 * is true for a physician's résumé, whose clinical rotations label the specialty (a nurse's wards do not).
 */
export function held(
  sentence: string,
  start: number,
  end: number,
  category: string,
  declared: boolean,
  skillId: string,
  rotations = false,
): boolean {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  const mention = sentence.slice(start, end);
  let from = before.length;
  while (from > 0 && !CLAUSE_END.test(before.charAt(from - 1))) from -= 1;
  const clauseBefore = before.slice(from);
  if (wished(sentence, start) || INTEREST_AFTER.test(after)) return false;
  if (category === 'healthcare' && !rotations && ROTATION.test(listClause(before, after, mention))) return false;
  if (COURSE_AFTER.test(after)) return false;
  if (COURSE_CODE_BEFORE.test(before)) return false;
  // A letter naming a contest's group, a grade or a class ("蓝桥杯 Java 软件开发 大学C组", "NECCS，C类二等奖", "B级"), not
  // the R or C language.
  if (/^[A-Z]$/u.test(mention) && /^\s*[组类级档卷]/u.test(after)) return false;
  // A name's initial ("Dr. R. Alvarez", "C. Wong"), not the R or C language.
  // A list's last item before the next sentence ("Software: Excel, R. Forklift certified.") stays.
  if (/^[A-Z]$/u.test(mention) && /^\.\s*[A-Z][a-z]/u.test(after) && !/[,，、;；/|:：]\s*$/u.test(before)) return false;
  if (SUBJECTS.has(skillId) && /^[A-Za-z]/u.test(mention) && !SUBJECT_ACTIVITY.test(mention)) return false;
  // A season next to its year ("2023 (spring)", "Spring 2024 semester"), not the Spring framework.
  if (
    SEASON.test(mention) &&
    (/\d{4}\s*[(（]?\s*$/u.test(before) || /^\s*[)）]?\s*(?:\d{4}|semester|term)/iu.test(after))
  ) {
    return false;
  }
  // A currency before an amount ("Expected Salary: PHP 28,000"), not a language.
  if (/^[A-Z]{3}$/u.test(mention) && /^\s*\d{1,3}(?:,\d{3})+/u.test(after)) return false;
  // Patients counselled on their medicines ("counselling patients on OTC products"): a pharmacist's advice, not
  // psychological counselling.
  if (/^counsel/iu.test(mention) && /pharmac|prescri|medicat|\bOTC\b|\bdrugs?\b|inhaler/iu.test(sentence)) return false;
  // A patient's insurance checked or billed ("verified insurance benefits in Dentrix", "processed insurance claims" at
  // a pharmacy): the front office's billing, not the insurance trade.
  if (
    skillId === 'insurance' &&
    /^\s+(?:claims?|benefits|verification|eligibility|coverage)\b/iu.test(after) &&
    /pharmac|prescri|patient|dental|Dentrix|clinic|appointment/iu.test(sentence)
  ) {
    return false;
  }
  // A social platform named in English is where posts go or an employer ("videos for Instagram and TikTok", "Ran
  // our Instagram and TikTok", "Intern, Pinterest", "Paid Social (Meta, TikTok)"), not a tool used: 4 of 78 dev
  // résumés naming one label its id; what was done there (social media marketing) is read from its own words.
  if (SOCIAL.test(mention) && !/\p{Script=Han}/u.test(sentence)) return false;
  // A clinician's teaching of patients ("discharge teaching", "gave health teaching on dengue") is patient
  // education, and a teaching hospital is a place ("Teaching & Referral Hospital"): 0 of 12 dev résumés writing
  // either label teaching.
  if (
    skillId === 'teaching' &&
    /^teaching$/iu.test(mention) &&
    (/\b(?:discharge|patient|health|diabetes|medication|bedside|family|caregiver)\s+$/iu.test(before) ||
      /^\s+(?:(?:&|and)\s+Referral\s+)?Hospital\b/iu.test(after))
  ) {
    return false;
  }
  // Google Analytics, the tool a marketer reports traffic in ("Canva, Hootsuite, Google Analytics", "pulled reports
  // from Google Analytics"), is not marketing analytics itself: 5 of 19 dev résumés naming it label that.
  if (skillId === 'marketing-analytics' && /^Google Analytics/iu.test(mention)) return false;
  // A platform as the channel of content, creators or ads beside Chinese ("TikTok ad campaigns", "TikTok creators").
  if (SOCIAL.test(mention) && /^\s+(?:content|creators?|ads?|campaigns?|posts?|videos?|influencers?)\b/iu.test(after)) {
    return false;
  }
  // The same in Chinese ("负责客户 Instagram 与 Facebook 内容排期", "TikTok 达人投放").
  if (
    SOCIAL.test(mention) &&
    /^\s*(?:(?:与|和|、)\s*[A-Za-z]+\s*)?(?:内容|帖子|广告|达人|博主|视频|投放)/u.test(after)
  ) {
    return false;
  }
  // A car that runs on new energy ("新能源车高压系统检修", "新能源汽车检测"): a mechanic's vehicle, not energy
  // engineering (0 of 22 dev résumés writing 新能源 label it where it names a car or a company's trade).
  if (skillId === 'energy-engineering' && mention === '新能源' && /^(?:车|汽车|车辆)/u.test(after)) return false;
  // An oscilloscope a developer debugs a board with ("用示波器、逻辑分析仪定位时序问题"): the debugging's tool, not
  // test instruments (HELD-OUT-10.md, -17.md; 2 of 9 dev résumés writing it so label it); listed, it stays.
  if (
    skillId === 'testing-instruments' &&
    /^(?:示波器|逻辑分析仪)$/u.test(mention) &&
    /调试|定位|排查|调通/u.test(sentence)
  )
    return false;
  // Patients after an operation ("post-cardiac-surgery patients", "adults after stroke and hand surgery"): their
  // condition, not surgery practised.
  if (
    skillId === 'surgery' &&
    (/\bpost-?(?:[\w-]+-)?$/iu.test(before) ||
      /\bafter\b[^.;:]{0,40}$/iu.test(before) ||
      /^\s+patients\b/iu.test(after))
  ) {
    return false;
  }
  // A lab's aseptic technique beside its assays ("Aseptic technique, PCR, Microsoft Office, SPSS"), an operation on
  // research animals ("stereotaxic surgery", "implantation surgery in mice") and a market's surgery centres are no
  // surgery practised: 1 of 7 dev résumés writing these label it (a surgical technologist's aseptic technique, kept
  // where surgery is written beside it).
  if (
    skillId === 'surgery' &&
    ((/^aseptic technique$/iu.test(mention) && !/\bsurg/iu.test(sentence)) ||
      /\b(?:stereotaxic|implantation|survival|rodent)\s+$/iu.test(before) ||
      /^\s+(?:in|on)\s+(?:mice|rats|rodents)\b|^\s+cent(?:er|re)s?\b/iu.test(after))
  ) {
    return false;
  }
  // The record system where a clinician wrote their notes ("documented daily notes in the EMR", "Epic EHR", "EHR
  // charting"): routine clinical work, not medical records and coding (see LABELLING.md); "electronic medical
  // records" listed bare stays.
  if (
    skillId === 'medical-records' &&
    /^(?:EHR|EMR|electronic (?:health|medical) records?)$/iu.test(mention) &&
    (/\b(?:the|Epic|Cerner|Meditech)\s+$/iu.test(before) || /^\s+charting\b/iu.test(after))
  ) {
    return false;
  }
  // A profile's label before its address ("Github:// iferreira", "LinkedIn linkedin.com/in/dkowalczyk"): contact
  // details, not the platform used.
  if (
    /^(?:LinkedIn|GitHub)$/iu.test(mention) &&
    (/^\s*:\/\//u.test(after) || new RegExp(`\\b${mention}\\.com/`, 'iu').test(sentence))
  ) {
    return false;
  }
  // Unity the C unit-test framework ("unit tests with Unity", "Unity + CMock"), not the game engine.
  if (mention === 'Unity' && /\bunit[- ]tests?\b|\bCMock\b/iu.test(sentence)) return false;
  // A consent or declaration of a template ("I authorise the processing of my personal data ... (GDPR)").
  if (/\bI (?:hereby )?(?:authori[sz]e|declare|consent|certify)\b/u.test(sentence)) return false;
  // A form's pledge ("诚信承诺：本人承诺以上信息真实有效").
  if (/本人承诺|以上(?:信息|内容|所填)[^，,。；;]{0,4}真实/u.test(sentence)) return false;
  // A patent the graduate invented or translated ("授权发明专利 2 项", "Translate patents") is an output or a text, not
  // intellectual-property work, which searches, drafts or prosecutes them (0 of 7 such dev résumés labelled).
  if (skillId === 'intellectual-property' && /^(?:专利|patents?)$/iu.test(mention) && !IP_WORK.test(sentence)) {
    return false;
  }
  // A product with no id of its own shows the skill it serves only where that work is written (LABELLING.md,
  // 2026-12-07 21:15: "用广联达 GTJ 算量", "Lumion 渲染", "rendered options in KeyShot"), never from its name alone
  // ("广联达、Lumion、AutoCAD"), and customs software no customs work ("使用报关软件").
  const product = PRODUCT_WORK[skillId];
  if (product !== undefined && product.name.test(mention) && !product.work.test(sentence)) return false;
  if (skillId === 'customs-compliance' && mention === '报关' && /^\s*(?:软件|系统)/u.test(after)) return false;
  // SAP2000 is CSI's structural analysis program, not SAP's ERP.
  if (skillId === 'sap' && (/\d/u.test(mention) || /^\d/u.test(after))) return false;
  // Finite element analysis is the method ANSYS is named for, but done in another solver it is that solver's
  // ("ran FEA in Abaqus", "基于 ABAQUS 的有限元分析"): the tool is labelled, not ANSYS.
  if (skillId === 'ansys' && !/ansys/iu.test(mention) && OTHER_SOLVER.test(sentence) && !/ansys/iu.test(sentence)) {
    return false;
  }
  // Another gradient-boosting library ("LightGBM", "CatBoost") is not XGBoost, which the taxonomy names for them all.
  if (skillId === 'xgboost' && /^(?:LightGBM|CatBoost)$/iu.test(mention)) return false;
  // A welding procedure specification ("整理 WPS 文件" beside 氩弧焊 and PQR), not the office suite.
  if (skillId === 'wps' && /焊|\bPQR\b|工艺评定|\bweld/iu.test(sentence)) return false;
  // A DSP chip programmed ("在 TI DSP 上实现无感控制", "DSP 开发"), not signal processing.
  if (
    mention === 'DSP' &&
    (/\bTI\s*$/u.test(before) || /^\s*(?:开发|芯片|上|平台|板|程序|\b(?:chips?|boards?)\b)/iu.test(after))
  ) {
    return false;
  }
  // A company's legal ending ("Julius Berger Nigeria Plc"), not PLC programming.
  if (/^[Pp]lc$/u.test(mention)) return false;
  const report = ANALYSIS_REPORT.test(mention) && REPORT_AFTER.test(after);
  // Sequencing data analysed is bioinformatics ("单细胞转录组数据用 Seurat 聚类", "重测序数据做 GWAS"), not data named by
  // its field.
  const omics = skillId === 'bioinformatics' && /^\s*数据/u.test(after);
  if (FIELD_CATEGORIES.has(category) && QUALIFIES_AFTER.test(after) && !report && !omics) return false;
  if (FIELD_CATEGORIES.has(category) && category !== 'finance-accounting' && LEDGER_AFTER.test(after)) return false;
  if (FIELD_CATEGORIES.has(category) && inTitle(sentence, start, end)) return false;
  if (FIELD_CATEGORIES.has(category) && METRIC_BEFORE.test(before)) return false;
  if (/^[A-Z]/u.test(mention) && (DEGREE_BEFORE.test(before) || DEGREE_AFTER.test(after))) return false;
  // X-ray diffraction or crystallography is a materials method, not medical imaging.
  if (/^X-?ray$/iu.test(mention) && /^\s*(?:crystallography|diffraction|fluorescence|photoelectron)/iu.test(after)) {
    return false;
  }
  if (!['programming', 'data', 'office', 'software'].includes(category) && INDUSTRY_AFTER.test(after)) return false;
  // A label joined to the next by a slash heads the list too ("CAD/CAE: SolidWorks, ANSYS").
  if (/^(?:\/[A-Za-z]{2,12})?\s*[:：]/u.test(after) && LIST_LABEL.test(mention.trim())) return false;
  if (LIST_ONLY.has(mention) && !(ITEM_BEFORE.test(before) && ITEM_AFTER.test(after))) return false;
  if (zhWordHeldBack(sentence, start, end, skillId)) return false;
  if (enWordHeldBack(sentence, start, end, skillId)) return false;
  if (HAN.test(mention) || HAN.test(after.charAt(0)) || /^[（(]/u.test(after)) {
    if (ORG_AFTER.test(after.replace(/^[（(][^)）]{1,4}[)）]/u, ''))) return false;
    if (EVENT_AFTER.test(after)) return false;
    if (COUNTERPART_BEFORE.test(clauseBefore) && COUNTERPART_AFTER.test(after)) return false;
    if (!declared && TITLE_AFTER.test(after)) return false;
  }
  if (/^\s+(?:engineers|developers|designers|teams)\b/u.test(after)) return false;
  // An event named by its field ("an employer branding event", "a marketing fair").
  if (/^\s+(?:events?|fairs?)\b/u.test(after)) return false;
  if (/^[A-Z]/u.test(mention)) {
    if (EN_ORG_AFTER.test(after)) return false;
    if (!declared && EN_TITLE_AFTER.test(after)) return false;
  }
  // Training received ("参与两次院内感染防控培训") or a trainee's title ("管理培训生"), not training given.
  // A database used, not designed: records entered into one ("entered records into the trust's database"), or
  // taught to library users ("teach database workshops"), as 数据库 alone is in LIST_ONLY.
  if (skillId === 'database-design' && /^databases?$/iu.test(mention)) {
    if (/\b(?:into|in|from|to)\s+(?:the|a|an|our|their)?\s*(?:[\w'’-]+\s+){0,2}$/iu.test(before)) return false;
    if (/^\s+(?:workshops?|training|searches|searching|instruction)\b/iu.test(after)) return false;
  }
  // The same for a training's certificate ("BLS 培训合格证", "实验室安全培训合格证", "心理咨询师培训结业").
  if (
    skillId === 'training-development' &&
    (RECEIVED_BEFORE.test(clauseBefore) || /^\s*(?:生|合格|证|结业)/u.test(after))
  ) {
    return false;
  }
  // 主持 a trial, a project or a meeting is leading it, not hosting a programme ("主持水稻耐盐品种筛选田间试验").
  if (mention === '主持' && LED_AFTER.test(after)) return false;
  return true;
}
