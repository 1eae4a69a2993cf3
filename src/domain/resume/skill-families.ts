/**
 * General skills of two families that résumés state as what was done rather than by name (the labelling convention,
 * bench/data/resume/HELD-OUT-5.md: "analysed X with a tool" is the tool and data analysis; a teacher who teaches a
 * subject is the subject's teaching and teaching). Each pattern is a verb on its object within one clause, with an
 * example; none names a résumé's own wording.
 */
import type { PhraseHit } from './skill-phrases.ts';

// Tools of data analysis whose use with an analysis verb is data analysis ("用 SPSS 做方差分析"). Excel is apart: its
// analysis is labelled excel-data-analysis (HELD-OUT-4.md); 统计分析 is statistics, a skill of its own name.
const DATA_TOOLS = 'SPSS|Stata|SAS|R|Python|SQL|Tableau|Power BI|EViews|MATLAB|pandas|GraphPad Prism';
const TOOL = `(?<![A-Za-z])(?:${DATA_TOOLS})(?![A-Za-z])`;
// In English the tool an analysis was done in may be a spreadsheet or a statistics package too ("analysed yield
// histories in Excel", "analysed results in JMP"): the convention's "analysed X with a tool" (HELD-OUT-5/8.md).
const EN_TOOL = `(?<![A-Za-z])(?:${DATA_TOOLS}|Excel|JMP|Minitab)(?![A-Za-z])`;

// A subject's teacher or lessons ("高二物理实习教师", "语文代课教师", "英语课"): the subject taught (HELD-OUT-5.md).
const TEACHER = '(?:实习|代课|兼职)?(?:教师|老师|教学|课(?![程题件外]))(?!资格)';

const FAMILIES: readonly (readonly [RegExp, string])[] = [
  // "用 Python 分析仓内拣货路径数据", "每日复盘直播数据", "SPSS 主成分分析", "用 Python 做假设检验", "用 Python 做用户分群",
  // "SPSS（问卷数据分析）", "Analyzed surveillance data in SAS".
  [
    new RegExp(
      `(?:分析|复盘)[^，,。；;]{0,12}?(?:数据|数值)|` +
        `${TOOL}[^，,。；;、]{0,20}?(?:(?<!质性|定性)分析|统计(?!学)|检验|分群|聚类)|` +
        '\\banaly[sz](?:e|ed|es|ing)\\b[^.;]{0,50}?\\b(?:data|datasets?|microdata|responses)\\b|' +
        `\\b(?:analys[ie]s|statistics)\\b[^.;]{0,30}?\\b(?:in|with|using)\\s+${EN_TOOL}|` +
        // "analysed A/B tests in Python and SQL", "data analysed in Python", "ran t-tests and ANOVAs in SPSS",
        // "SPSS analysis".
        '\\b(?:analy[sz](?:e|ed|es|ing)|ANOVAs?|t-tests?|chi-square tests?)\\b[^.;,]{0,40}?' +
        `\\b(?:in|with|using)\\s+${EN_TOOL}|(?<![A-Za-z])(?:${DATA_TOOLS}|JMP|Minitab) analys[ie]s\\b`,
      'iu',
    ),
    'data-analysis',
  ],
  [/(?<![A-Za-z])Excel(?![A-Za-z])[^，,。；;、]{0,10}?(?<!数据|统计)分析/iu, 'excel-data-analysis'],
  // Classes taught: "独立上了 20 节数学课", "承担初一年级 4 个班体育课", "担任初二年级语文教学", "教 12 名学生", "带三年级的小班课",
  // "led sections of 30 students", "Presented weekly tutorials", "Co-taught an ESL class", "Taught TOEFL speaking".
  [
    new RegExp(
      '(?:独立|承担|担任|负责)[^，,。；;]{0,14}?(?:教学|授课|课(?![程题件外]))|(?:上|讲|授)[了过]?[^，,。；;、]{0,8}?课(?![程题件外])|' +
        // "为初一学生讲授数学", "教授少儿声乐 15 名学生", "教授美术与舞蹈" (not a professor: "导师：某教授（心血管内科）").
        '讲授|教授[^，,。；;（(]{0,10}?(?:学生|学员|孩子|儿童|课(?![程题件外])|语文|数学|英语|华语|汉语|美术|音乐|舞蹈|声乐|钢琴)|' +
        '教\\s*\\d+\\s*(?:名|位|个)[^，,。；;]{0,10}?(?:学生|学员|孩子)|带[^，,。；;]{0,12}?(?:班|课)(?![程题件外])|' +
        // Not what a job taught the graduate ("which has taught me to manage my time"), patients or families taught
        // their care ("taught discharge instructions to patients", "taught home exercise programmes") or a library's
        // workshops ("taught Zotero workshops"), where no class is named (6 of 6 dev résumés do not label them).
        '(?<!self-)\\b(?:taught|co-taught)\\b(?! (?:myself|himself|herself|themselves|me|us)\\b)' +
        '(?!(?![^.;]*\\b(?:class(?:es)?|lessons?|pupils|learners)\\b)[^.;]{0,60}?' +
        '\\b(?:patients?|families|caregivers?|carers|discharge|home exercise|workshops?)\\b)|' +
        '\\b(?:led|lead|leads|ran|run|runs|deliver(?:ed|s)?|present(?:ed|s)?|teach(?:es)?)\\b[^.;]{0,25}?' +
        '\\b(?:sections|tutorials|seminars|recitations|lessons|classes)\\b|' +
        '\\b(?:studio|class(?:es)?|sections?) of \\d+ (?:students|pupils|learners)\\b',
      'iu',
    ),
    'teaching',
  ],
  // Pupils' work graded or tests written: "wrote and graded problem sets", "marked tests", "designed pre/post
  // assessments", "designed weekly lesson plans and mock tests".
  [
    new RegExp(
      '\\b(?:grad(?:ed|e|es|ing)|mark(?:ed|s|ing))\\b[^.;]{0,30}?\\b(?:problem sets|homework|essays|papers|reports|' +
        'tests|exams|assignments|quizzes|dictations|worksheets)\\b|' +
        '\\b(?:design|writ|wrote|creat|prepar|develop)\\w*\\b[^.;]{0,30}?' +
        '(?<!\\b(?:risk|needs|patient|nursing|health|safety|site|impact|usability) )' +
        '\\b(?:(?:pre/post )?assessments|quizzes|exams|mock tests|rubrics)\\b',
      'iu',
    ),
    'educational-assessment',
  ],
  // Activities of a preschool class planned: "设计并组织中班主题活动", "设计并实施科学、艺术领域教学活动", "设计并组织中班
  // 科学活动"; lessons designed or their plans written: "设计并讲授心理健康课", "制订个人教学计划", "做课件".
  [
    new RegExp(
      '设计[^，,。；;]{0,8}?(?:主题|教学|领域|区域|游戏|[大中小]班[^，,。；;]{0,4}?)[^，,。；;]{0,6}?活动|' +
        '设计并(?:讲授|执教)|(?:制订|制定|撰写|编写)[^，,。；;]{0,6}?教学计划|课件',
      'u',
    ),
    'lesson-planning',
  ],
  // A preschool class taught: "协助主班老师组织大班一日活动", "lesson plans for 15 kindergarten learners", "activities for
  // 16 preschoolers", "Led a toddler room of 3 educators", "Registered Early Childhood Educator".
  [
    new RegExp(
      '(?:幼儿园|幼儿|[大中小]班)[^，,。；;]{0,10}?(?:活动|教学|一日|保育|教师|老师)|' +
        '\\b(?:kindergarten|preschool|pre-school|early years|nursery) (?:learners|children|pupils|class(?:es)?|' +
        'teacher|classroom)\\b|\\b(?:preschoolers|toddlers|(?:toddler|preschool|infant) rooms?|' +
        'early childhood educators?)\\b',
      'iu',
    ),
    'early-childhood-education',
  ],
  // The subject taught, as the convention labels it.
  [/体育课|体育教学|\bPE (?:lessons?|classes|teacher|teaching)\b/u, 'physical-education'],
  [
    new RegExp(
      '(?:钢琴|小提琴|音乐|美术|舞蹈|声乐|书法|吉他)(?:教师|老师|课)|' +
        '\\b(?:piano|violin|music|art|dance|voice|guitar|theory) (?:teacher|lessons|instructor|studio)\\b',
      'iu',
    ),
    'arts-education',
  ],
  [
    new RegExp(
      '数学(?:课|教学|老师|教师|辅导)(?!资格)|(?:讲授|教授)数学|' +
        '\\b(?:taught|teach\\w*|tutor\\w*)\\b[^.;]{0,30}?\\b(?:math(?:s|ematics)?|numeracy)\\b|' +
        '\\bmath(?:s|ematics)? (?:tutoring|tutor|lessons|teacher|unit)\\b',
      'iu',
    ),
    'mathematics-teaching',
  ],
  // A class teacher's subjects listed after the lessons or units taught ("taught daily lessons in reading, writing,
  // mathematics and science", "lesson plans in English, Mathematics and Science", "units in literacy, math and
  // science": 4 of 4 dev résumés label each subject); lower case, so that a course's name ("CAPE Units (Biology,
  // Chemistry)") is no lesson.
  [
    /\b(?:[Tt]aught|lessons?|lesson plans|units)\b[^.;]{0,45}?\b(?:[Mm]ath(?:s|ematics)?|[Nn]umeracy)\b/u,
    'mathematics-teaching',
  ],
  [/\b(?:[Tt]aught|lessons?|lesson plans|units)\b[^.;]{0,45}?\b[Ss]cience\b/u, 'science-teaching'],
  [
    new RegExp(
      '\\bESL (?:class(?:es)?|students|learners|lessons)\\b|\\b(?:taught|teach\\w*)\\b[^.;]{0,20}?\\bEnglish\\b|' +
        `英语${TEACHER}`,
      'u',
    ),
    'tesol',
  ],
  [new RegExp(`语文${TEACHER}`, 'u'), 'chinese-teaching'],
  [
    new RegExp(
      `(?:物理|化学|生物|科学)${TEACHER}|` +
        '\\b(?:chemistry|physics|biology|science)\\s+(?:teacher|teaching|units|lessons|classes)\\b',
      'iu',
    ),
    'science-teaching',
  ],
  // Accounts run on social platforms: "负责微信公众号与微博日常运营", "负责公众号和小红书账号内容策划与发布".
  [
    /(?:公众号|小红书(?!运营)|微博|B站|知乎)[^，,。；;]{0,10}?(?:运营|内容|推文|发布)|运营[^，,。；;]{0,6}?(?:公众号|小红书|微博)/u,
    'new-media-operations',
  ],
  // A shop run on a marketplace: "搭建并运营抖音小店", "负责天猫、抖音店铺日常运营", "维护 120 个产品详情页".
  [
    new RegExp(
      '(?:天猫|淘宝|京东|拼多多|亚马逊|Amazon|Shopify|店铺|小店|国际站)[^，,。；;]{0,12}?(?:运营|上新|上架|选品)|' +
        '运营[^，,。；;]{0,6}?(?:店铺|小店|网店)|(?:维护|优化)[^，,。；;]{0,8}?详情页',
      'u',
    ),
    'ecommerce-operations',
  ],
  // News gathered and written: "采写社会新闻稿件", "采访、写稿", "撰写消息与特稿", "reported and wrote 25 metro stories".
  [
    new RegExp(
      '采写|采访|写稿|撰写[^，,。；;]{0,4}?(?:消息|特稿|新闻|通讯稿|稿件)|现场报道|出镜报道|' +
        '\\b(?:report(?:ed|s|ing)?|wr(?:ote|ite|ites|iting)|cover(?:ed|s|ing)?)\\b[^.;]{0,30}?' +
        '\\b(?:stories|news|bylines)\\b',
      'iu',
    ),
    'journalism',
  ],
  // Crops grown and tried in the field: "负责田间试验设计", "播种、调查和测产", "Field trials on drought tolerance";
  // not a product tested (检测产品).
  [
    /田间试验|田间管理|播种|(?<!检)测产(?!品)|考种|育种|\b(?:field trials?|crop science|plant breeding|agronomic)\b/iu,
    'agronomy',
  ],
  // Growers' fields scouted and sampled for advice: "Scouted 3,000 acres of wheat for pests", "ran soybean variety
  // trials", "pulled soil samples and explained fertility recommendations"; a site's soil sampled for contamination
  // is not.
  [
    new RegExp(
      '\\bscout(?:ed|ing|s)?\\b[^.;]{0,30}?\\b(?:fields|acres|crops|wheat|corn|soybeans?|sorghum|cotton|rice)\\b|' +
        '\\b(?:variety trials|fertility (?:recommendations|prescriptions)|fertili[sz]er recommendations|' +
        'crop scouting)\\b|\\bsoil (?:and leaf )?(?:samples?|sampling)\\b' +
        '(?=[^.;]*\\b(?:fertili\\w*|crops?|farms?|growers?|yields?|leaf)\\b)',
      'iu',
    ),
    'agronomy',
  ],
  // A grid's studies and equipment: "ran protection coordination studies", "short-circuit studies", "22 kV feeders",
  // "a 5 kW grid-tied PV system", "campus microgrid" (12 of 14 dev résumés that write them label power systems).
  [
    new RegExp(
      '\\b(?:protection (?:coordination|relays?|settings|studies)|protection-relay|' +
        'relay (?:settings|testing|coordination)|short-circuit (?:studies|analysis|calculations?)|load[- ]flow|' +
        'power[- ]flow|substations?|grid-tied|grid-connected|microgrids?|transmission lines?|distribution networks?|' +
        'switchgear)\\b|\\b\\d+(?:\\.\\d+)? ?kV\\b',
      'iu',
    ),
    'power-systems',
  ],
  [/\bfeeders\b/u, 'power-systems'],
  // A building's or a bridge's structure designed to its code: "reinforcement detailing drawings", "checked beam
  // designs to Eurocode 2", "structural analysis of slab systems in RFEM" (7 of 7 dev résumés label civil
  // engineering); structural work on a hull or a wing, or a structural program listed, is not.
  [
    new RegExp(
      '\\breinforcement (?:detailing|drawings|details)\\b|\\b(?:Eurocodes?|BS 8110|ACI 318|AS 3600)\\b|' +
        '(?<!\\b(?:hull|Robot) )\\bstructural (?:analysis|design|calculations?|drawings)\\b(?=[^.;]{0,60}?' +
        '\\b(?:concrete|steel|slabs?|beams?|columns?|bridges?|buildings?|storey|foundations?|trusses|girders|' +
        'RFEM|STAAD|ETABS|SAP2000|SPACE GASS|Revit|AutoCAD)\\b)',
      'iu',
    ),
    'civil-engineering',
  ],
  // Formwork checked or its cycle tracked on site ("checked formwork and reinforcement before pours", "tracked the
  // formwork cycle"): site construction work, which 7 of 7 dev résumés writing formwork label construction-management.
  [/\bformwork\b/iu, 'construction-management'],
  // Texts translated: "translated articles into French", "英汉互译新闻稿".
  [/\btranslat(?:e|ed|es|ing)\b|互译|英译汉|汉译英/iu, 'translation'],
  // Goods stored and moved: "仓库的入库、拣货", "海运出口订舱", "coordinated with hauliers to book warehouse slots".
  [/仓储|入库|出库|拣货|订舱|配送|\b(?:shipments|freight|warehous(?:e|es|ing)|hauliers|carriers)\b/iu, 'logistics'],
];

/** Family skills a sentence states by what was done (see the file's comment), each once. */
/**
 * The general skill a tool of a family shows when the sentence says it was used to do that work ("用 SolidWorks 完成
 * 三维建模与装配" → mechanical design, "trained a PyTorch LSTM" → deep learning), keyed by the taxonomy's families.
 * A tool in a list shows only the tool.
 */
const ARCHITECTURE_WORK = /(?<!施工|景观)方案|推敲|\b(?:schematic|façade|facade|design|drawings)\b/iu;
const BY_TOOL: Readonly<Record<string, { id: string; work: RegExp }>> = {
  'cad-3d': {
    id: 'mechanical-design',
    work: /设计|装配|工程图|\b(?:designed|designing|redesigned|design of|fixtures?|brackets?|drawings)\b/iu,
  },
  // A model built in Revit or SketchUp ("built Revit models for coordination meetings") is BIM work, not the
  // building's design: 1 of 9 dev résumés writing only that label architectural design.
  // In Chinese a building's scheme is 方案 or massing 推敲 ("参与住宅方案设计", "SketchUp 推敲体量"); 设计 alone is as
  // often a bridge's, an interior's, a landscape's or a course's design ("配筋设计", "住宅室内设计", "课程设计：居住区景观
  // 设计"): 0 of 9 dev résumés where 设计 alone gave it label architectural design, 11 of 13 with 方案 or 推敲; a
  // construction method statement or a landscape scheme (施工方案, 景观方案) is neither.
  bim: { id: 'architectural-design', work: ARCHITECTURE_WORK },
  'architecture-design': { id: 'architectural-design', work: ARCHITECTURE_WORK },
  'ml-framework': { id: 'deep-learning', work: /训练|微调|模型|网络|\b(?:train\w*|fine-tun\w*|models?|networks?)\b/iu },
  'backend-framework': {
    id: 'backend-development',
    work: /接口|服务|模块|\b(?:APIs?|services?|endpoints?|back-?end|modules?)\b/iu,
  },
  embedded: {
    id: 'embedded-development',
    work: /固件|驱动|程序|开发|采集|设计|\b(?:firmware|drivers?|wrote|programm\w*|developed|built|designed)\b/iu,
  },
};

// A framework's or a board's field is shown only where the résumé writes the field (LABELLING.md, 2026-12-07 21:15:
// "Spring Boot with 后端 or back-end", "STM32 with 嵌入式 or firmware"; dev labels 22/36 and 23/25 with the word, 2/12
// and 7/20 without), in a title or a target too ("嵌入式软件实习生", "Firmware Intern"): APIs or a program written with
// the tool name no field of their own.
const FIELD_WORDS: Readonly<Record<string, RegExp>> = {
  'backend-development': /后端|服务端|服务器端|\b(?:back-?end|server-side)\b/iu,
  'embedded-development': /嵌入式|固件|\b(?:firmware|embedded)\b/iu,
};

/** The fields of FIELD_WORDS that `texts` write, leaving out addresses ("hanlei_embedded@seu.edu.cn"). */
export function fieldsWritten(texts: readonly string[]): Set<string> {
  const words = texts.map((t) => t.replace(/\S+@\S+|\S+\.(?:com|cn|io|org|net)\S*/giu, ' ')).join('\n');
  return new Set(Object.keys(FIELD_WORDS).filter((id) => FIELD_WORDS[id]?.test(words)));
}

/**
 * The general skill of `family` a sentence that used one of its tools shows (see BY_TOOL), or undefined; a field of
 * FIELD_WORDS only where `fields` (fieldsWritten) holds it.
 */
export function toolFamilySkill(family: string, sentence: string, fields: ReadonlySet<string>): PhraseHit | undefined {
  const rule = BY_TOOL[family];
  if (rule === undefined || (FIELD_WORDS[rule.id] !== undefined && !fields.has(rule.id))) return undefined;
  const m = rule.work.exec(sentence);
  return m === null ? undefined : { skillId: rule.id, text: m[0] };
}

// A trade clerk following a shipment's booking with its papers ("跟进订舱、报关与信用证单证", "联系货代订舱，跟单至出运")
// works the trade's paperwork, not logistics (1 of 5 dev résumés with 订舱 label logistics, a shipping line's analyst).
const TRADE_PAPERS = /报关|信用证|形式发票|报价单|装箱单|货代|跟单/u;
// A data warehouse queried ("Wrote SQL queries against the claims warehouse", "admission data from the MUHC data
// warehouse"): a database, not logistics (0 of 3 dev résumés label it).
const DATA_WAREHOUSE = /\bdata warehouse\b|\b(?:SQL|quer(?:y|ies|ied|ying))\b/iu;

export function familySkills(sentence: string): PhraseHit[] {
  const out: PhraseHit[] = [];
  for (const [re, skillId] of FAMILIES) {
    const m = re.exec(sentence);
    if (m !== null && m[0] === '订舱' && TRADE_PAPERS.test(sentence)) continue;
    if (m !== null && /^warehouse$/iu.test(m[0]) && DATA_WAREHOUSE.test(sentence)) continue;
    if (m !== null && !out.some((h) => h.skillId === skillId)) out.push({ skillId, text: m[0] });
  }
  return out;
}
