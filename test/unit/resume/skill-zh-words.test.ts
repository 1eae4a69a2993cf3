import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();
const ids = (text: string): string[] =>
  extractResumeDraft(text, { taxonomy })
    .skills.map((s) => s.skillId)
    .sort();
/** Skill ids a résumé's experience part yields for one line of text. */
const inferred = (line: string): string[] => ids(`实习经历\n${line}`);
const listed = (line: string): string[] => ids(`专业技能\n${line}`);

describe('Chinese words that name a skill only in some uses', () => {
  it.each([
    ['a patient’s signs measured', '每天为病人做体温、血压测量并记录', []],
    ['a flow measured in a lab', '在水槽试验中测量波高与流速', []],
    ['a site set out', '跟随测量组完成道路中线放样', ['surveying']],
    ['a marathon volunteered at', '2024.04 杭州马拉松 补给站志愿者', ['volunteering']],
    ['an injection into a laboratory animal', '大鼠腹腔注射造模，取血清做检测', ['animal-experiments']],
    ['a dental surgery department rotated through', '口腔颌面外科：完成阻生齿拔除 6 例', ['dentistry']],
    ['a clinical pharmacist followed', '随临床药师查房，审核医嘱', []],
    ['first aid named by its certificate', '急救（红十字会救护员证）', []],
    ['resuscitation done', '急诊科轮转，参与心肺复苏抢救 3 例', ['basic-life-support']],
    ['an event hosted', '策划并主持迎新晚会暖场活动', ['event-planning']],
    ['a programme presented on air', '担任校园电台音乐节目主持', ['broadcasting']],
    ['a society’s secretary-general', '辩论协会 秘书长', ['student-leadership']],
    ['a purchase contract a lawyer reviewed', '为客户审查采购合同 15 份，标注风险条款', ['contract-law']],
    ['purchasing audited', '参与采购与付款循环的控制测试', ['auditing']],
    ['purchase orders placed', '在 SAP 中创建采购订单，跟进到货', ['procurement', 'sap']],
    ['a field only of interest', '对跨境电商很感兴趣，自学了选品方法', []],
    ['a field with an interest class taught', '给小学生上书法兴趣课', ['calligraphy', 'teaching']],
    ['a field of strong interest', '对跨境电商有浓厚兴趣', []],
    ['a basketball referee', '担任校运会篮球赛裁判', ['sports-skills']],
    ['a group counselled', '协助开展新生适应团体辅导', []],
    ['a counsellor’s post', '担任兼职辅导员，负责两个班的日常事务', []],
    ['pupils tutored', '每周为三名初中生辅导功课', ['teaching']],
    ['a drone flown for a survey', '用无人机航测采集农田影像', []],
    ['a drone flown for crops', '负责无人机植保喷洒作业', []],
    ['short videos cut', '用剪映剪辑短视频 40 条', ['capcut', 'video-editing']],
    ['a short video’s script', '撰写短视频脚本并跟拍', ['copywriting']],
    ['a power source as a grid topic', '研究光伏并网对配电网电压的影响', []],
    ['a sketch on the way to a design', '先画手绘草图再用 Rhino 建模', ['3d-modeling', 'mcneel-rhinoceros-3d']],
    ['an online shop’s pictures', '为电商主图做修图', []],
    ['an article laid out', '负责校报稿件排版', []],
    ['vectors edited in a GIS', '在 ArcGIS 中做图斑矢量编辑', ['gis']],
    ['the microscope', '用 SEM、TEM 表征颗粒形貌', []],
    ['AutoCAD’s electrical toolset', 'AutoCAD 电气 ★★★☆☆', ['autocad']],
    ['a teacher’s unit test paper', '编写导学案和单元测试卷', []],
    ['unit tests written', '编写单元测试，覆盖率 80%', ['unit-testing']],
    ['teaching aided by a tool', '用几何画板辅助教学', []],
    ['a unit test’s questions set', '参与初二年级单元测试命题', ['educational-assessment']],
    ['a construction contract in a lawsuit', '协助代理两起建设工程施工合同纠纷', []],
    ['the contractor as a party', '审核施工方报送的进度款', []],
    ['a site’s work supervised', '负责主体结构施工现场管理', ['construction-management']],
    ['the civil students’ model contest', '获全国大学生结构设计竞赛省赛二等奖', []],
    ['a machine’s structure designed', '负责送料机构的结构设计与选型', ['mechanical-design']],
    ['statistics run in a tool', '负责问卷回收并用 SPSS 统计分析', ['data-analysis', 'spss']],
    ['data keyed in', '用 Excel 录入田间调查数据', ['data-entry', 'excel']],
    ['a survey checked and keyed in', '负责社区问卷审核与录入', ['data-entry']],
    ['a voucher entered as bookkeeping', '负责凭证录入与银行对账', ['accounting']],
    ['rats given a drug and dissected', '负责大鼠灌胃给药与组织取材', ['animal-experiments']],
    ['a mouse model built', '建立裸鼠肺癌移植瘤模型', ['animal-experiments']],
    ['a mouse named as a topic', '研究小鼠肝脏的代谢通路', []],
    ['patients given their drugs', '为病区患者发药、给药并观察反应', ['nursing']],
    ['a tablet assayed', '按药典完成胶囊剂的含量测定', ['analytical-chemistry']],
    ['an assay validated', '协助完成片剂的分析方法验证', ['analytical-chemistry']],
    ['a method validated', '完成三批样品的方法学验证', ['analytical-chemistry']],
    ['a machine kept running', '负责 CNC 加工中心日常点检与保养', ['cnc', 'equipment-maintenance']],
    ['equipment serviced', '协助设备保养点检', ['equipment-maintenance']],
    ['a soldier’s vehicle serviced', '负责全班的日常训练与车辆保养', []],
    ['a document translated names its subject', '完成 15 万字中日技术文档翻译', ['translation']],
    ['manuals translated', '医疗器械说明书、临床试验方案英译汉，累计约 22 万字', ['translation']],
    ['a fair interpreted at', '为展会提供交替传译', ['interpreting']],
    ['work watched while shadowing', '跟班学习 DCS 操作，核算物料平衡', []],
    ['a workshop toured', '跟随工艺员在车间了解数控加工与焊接工艺流程', []],
    ['machining done', '负责 SolidWorks 建模和数控加工', ['3d-modeling', 'cnc', 'solidworks']],
    ['the comparable-company method', '用 DCF 与可比公司法做估值', ['financial-modeling', 'valuation']],
    ['a camera module', '用 C 语言编写摄像头 I2C 驱动', ['c']],
    ['ultrasound as a therapy device', '使用中频电、超声波等理疗设备', []],
    ['an infusion pump serviced', '协助工程师完成监护仪、输液泵的巡检与故障登记', ['equipment-maintenance']],
    ['a school’s department', '兰州大学 化学化工学院 有机化学 理学硕士', ['organic-synthesis']],
    ['campus recruiting done', '负责校园招聘的简历筛选和面试安排', ['recruiting']],
    ['a drawing named by its discipline', '能用 AutoCAD 绘制电气主接线图', ['autocad']],
    ['a fault named by its discipline', '排查发动机与车身电气故障', []],
    ['a grid’s solar share', '使用 MATLAB 搭建含 30% 光伏渗透率的配电网仿真模型', ['matlab']],
    ['a calculation named by its discipline', '用 FactSage 做热力学计算', ['factsage']],
    ['quantities of the building works', '用广联达 GTJ 完成钢筋与土建算量', ['cost-estimation']],
    ['a machine’s system designed', '负责传动系统设计与强度校核', []],
    ['a building’s system designed', '参与某医院门诊楼空调风系统设计', []],
    ['a software system designed', '负责分布式系统设计', ['distributed-systems']],
    ['a programme named', '大学生创新创业训练计划，国家级', []],
    ['another boosting library', '基于 LightGBM 的外卖订单时长预测', []],
    ['a network trained', '用 PyTorch 搭建 CNN 估计网络', ['deep-learning', 'pytorch']],
    ['a course project', '校园二手交易平台，课程设计', []],
    ['a booking followed with trade papers', '跟进订舱、报关与信用证单证', ['customs-compliance']],
    ['a booking through a forwarder', '联系货代订舱，跟单至出运', ['international-trade']],
    ['freight booked', '负责海运出口订舱与舱位跟踪', ['logistics']],
    ['a stack named after 后端', '后端基于 Node.js + Express，数据存 MongoDB', ['express', 'mongodb', 'nodejs']],
    ['back-end work written', '负责后端接口与 MySQL 表设计', ['backend-development', 'database-design', 'mysql']],
    ['a court', '北京市海淀区人民法院', []],
    ['a ledger’s lines named by their field', '对 2 万余条销售明细进行截止性测试', ['auditing']],
    ['an account’s own ledger', '核对应收账款明细', ['accounting']],
    ['two kinds of data', '用 Excel 每日整理销售与投流数据', ['excel']],
    ['platforms as channels of content', '负责客户 Instagram 与 Facebook 内容排期', []],
    ['a platform’s account run', '负责品牌 Instagram 账号运营', ['instagram']],
    ['a client’s allocation proposed', '协助客户资产配置方案测算', []],
    ['a portfolio allocated', '负责组合的资产配置与再平衡', ['portfolio-management']],
    ['a DSP chip programmed', '在 TI DSP 上实现无感控制', []],
    ['spaced words read across their boundary', '参与 新生 信息 素养 讲座', []],
    ['a training passed, words spaced', '心肺复苏 与 急救 培训 合格', ['basic-life-support']],
    [
      'a welding procedure specification',
      '参与氩弧焊工艺评定（PQR），整理 WPS 文件',
      ['manufacturing-process', 'welding'],
    ],
    ['the office suite', '用 WPS 排版周报', ['wps']],
    ['DSP as the processing', '用 MATLAB 做 DSP 滤波算法仿真', ['matlab', 'signal-processing']],
  ])('%s: %s', (_why, line, want) => {
    expect(inferred(line)).toEqual(want);
  });

  it.each([
    ['a technician’s grade names another trade', '临床医学检验技术（士）', []],
    ['a teacher’s licence', '初级中学数学教师资格证', []],
    ['CPA subjects passed', '注册会计师已通过 3 科：会计、税法、经济法', []],
    ['CPA subjects in brackets', 'CPA（会计、审计已通过）', []],
    ['Excel’s features in brackets', 'Excel（数据透视表、VLOOKUP）、Word', ['excel', 'excel-data-analysis', 'word']],
    ['hand drawing listed', '手绘、水彩插画', ['illustration']],
    ['Adobe abbreviations with ratings', 'PS 90% ｜ AI 75% ｜ Figma 60%', ['figma', 'illustrator', 'photoshop']],
    ['search-engine marketing listed', 'SEM、SEO、信息流投放', ['advertising', 'sem', 'seo']],
    ['a practice licence shows its field', '执业兽医资格证', ['veterinary']],
    ['a licence whose exam is still to come', '执业药师（药学类）考试已报名', []],
    ['an electrician’s licence (a certificate, no upkeep done)', '低压电工作业证', []],
    ['an electrician’s licence in brackets', '电工证（低压电工作业）', []],
    ['a grade’s specialty', '二级建造师（机电）', []],
    ['a grade’s specialty and its year', '二级造价工程师（土木建筑，2025 年取得）', []],
    ['an exam’s subject', '银行从业资格（个人理财）', []],
    ['an employer’s campaign on its form', '美的集团 2026 届校园招聘', []],
    ['a DSP chip listed', 'MATLAB、C 语言、DSP 开发', ['c', 'matlab']],
    ['a form’s pledge', '诚信承诺：本人承诺以上信息真实有效。', []],
    ['disciplines listed', '电气、PLC、光伏', ['electrical-engineering', 'energy-engineering', 'plc']],
  ])('listed: %s: %s', (_why, line, want) => {
    expect(listed(line)).toEqual(want);
  });

  it('keeps the skill where the words name it', () => {
    expect(inferred('用 Excel 数据透视表汇总每月销量')).toContain('excel-data-analysis');
    expect(inferred('负责品牌抖音账号运营，发布短视频 60 条')).toContain('short-video-operations');
    expect(inferred('参与某型无人机机翼结构设计')).toContain('aerospace');
    expect(inferred('负责品牌小红书账号日常运营与推文发布')).toContain('new-media-operations');
    expect(inferred('负责品牌小红书运营，粉丝增长 2 万')).toEqual(['xiaohongshu']);
    // A student teacher's title either way round names the subject taught, its licence does not.
    expect(inferred('2024.03-2024.06 成都七中 实习数学教师')).toEqual(['mathematics-teaching']);
    expect(listed('高中数学教师资格证')).toEqual([]);
    // An English résumé's network is labelled as named (dev2-en-3).
    expect(inferred('Trained a CNN in Keras on 40k images')).toContain('neural-networks');
    // A teacher's 课程设计 is lesson planning.
    expect(ids('实习经历\n2024.03-2024.06 成都七中 实习数学教师\n校本选修课，课程设计')).toContain('lesson-planning');
  });
});

describe('a team worked with and a word read across two words', () => {
  it.each([
    ['the front-end team worked with', '配合前端走查交互还原度', []],
    ['the back-end team worked with', '配合后端联调接口', []],
    ['a DBA worked with', '配合 DBA 完成分表迁移', []],
    ['the back end tested with', '与后端联调登录接口', []],
    ['back-end work done', '负责后端开发', ['backend-development']],
    ['front-end work done', '使用 Vue 完成前端页面开发', ['frontend-development', 'vue']],
    // 合规培训 (compliance training) holds no 规培 (a physician's residency).
    ['compliance training', '协助开展反洗钱合规培训材料的编写', ['anti-money-laundering', 'financial-compliance']],
    ['a residency', '完成住院医师规培，管床 10 张', ['clinical-medicine']],
    // 氧化工艺 (an oxidation process) holds no 化工.
    ['an oxidation process', '厌氧氨氧化工艺处理高氨氮废水', []],
    ['a chemical process designed', '参与化工工艺设计', ['chemical-engineering']],
    // 检测产品 (a product tested) holds no 测产 (a crop's yield measured).
    ['a product tested', '用液相色谱检测产品纯度', ['chromatography']],
    ['a crop’s yield measured', '负责水稻测产与考种', ['agronomy']],
  ])('%s: %s', (_, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});

describe('a skill word shadowed by the words around it', () => {
  it.each([
    ['a school building', '用 SketchUp 推敲图书馆与教学楼体量', ['architectural-design', 'sketchup']],
    ['teaching done', '承担初二物理教学 30 课时', ['science-teaching', 'teaching']],
    [
      'a related-substances assay read across two words',
      '用液相色谱做片剂有关物质检测',
      ['analytical-chemistry', 'chromatography'],
    ],
    ['quality inspection', '负责来料质检与不合格品登记', ['quality-management']],
    ['a needs assessment analysed', '用 Stata 分析社区养老需求评估问卷', ['data-analysis', 'stata']],
    ['a board soldered', '画双层 PCB 并完成焊接与调试', ['pcb-design']],
    ['a welding fixture modelled', '用 CATIA 设计焊接夹具', ['catia', 'mechanical-design']],
    ['metal welded', '完成支架的氩弧焊接与打磨', ['welding']],
    ['news pictures shot', '为校报拍摄活动照片', ['photography']],
    ['X-ray films taken', '协助拍摄并判读胸部 X 光片', ['medical-imaging']],
    ['videos shot', '拍摄探店视频 30 条', ['video-shooting']],
    ['a brand’s short videos cut', '剪辑门店推广短视频 40 条', ['video-editing']],
    ['a paper published', '以第二作者发表 SCI 论文 1 篇', []],
    ['a paper written', '独立撰写 SCI 论文 1 篇', ['scientific-writing']],
    ['patients taught on a ward', '为出院老人做健康宣教', []],
    ['a colleague’s trade', '协助电气工程师核对接线', []],
    ['a proofreader worked with', '配合编辑人员完成三审', []],
  ])('%s: %s', (_why, line, want) => {
    expect(inferred(line)).toEqual(want);
  });

  it.each([
    ['accounting products and their kind', '熟悉浪潮、速达财务软件', []],
    ['the kind alone', '熟悉财务软件操作', ['financial-software']],
    ['an exam’s grade', '报关员水平测试（已通过）', []],
    ['a referee’s grade', '排球二级裁判员', []],
    ['a subject in a teacher’s licence', '初级中学教师资格证（美术）', []],
    ['a course finished, not given', '人力资源管理师培训结业', []],
  ])('listed: %s: %s', (_why, line, want) => {
    expect(listed(line)).toEqual(want);
  });
});

describe('a course list and a title are no evidence', () => {
  it('reads no skill from courses under their label, a transcript row or a thesis title', () => {
    expect(
      ids('教育背景\n2020.09-2024.06 某大学 会计学 本科\n主修：审计学、税法、财务管理、管理会计、Python 基础'),
    ).toEqual([]);
    expect(ids('教育背景\n某大学 工商管理 本科\n主修课程：\n薪酬管理、劳动法、组织行为学、Python 程序设计')).toEqual(
      [],
    );
    expect(ids('某大学就业推荐表\n主要课程及成绩\n机械设计 91 液压传动 85 控制工程 88 电工学 80')).toEqual([]);
    expect(ids('科研经历\n课题：复合材料夹层结构冲击损伤，用 Abaqus 做有限元分析')).toEqual(['abaqus']);
    expect(ids('科研经历\n毕业论文：碳中和背景下的 ESG 信息披露质量')).toEqual([]);
    expect(ids('科研经历\n高熵合金激光熔覆涂层的耐磨性能（硕士课题）')).toEqual([]);
  });
});

describe('a phrase in prose held back as a mention is', () => {
  it.each([
    ['a school building’s facade', '负责教学楼立面深化设计', []],
    ['a needs assessment analysed', '分析老年人需求评估量表结果', []],
    ['requirements analysed', '负责会员积分模块的需求分析', ['requirements-analysis']],
    ['HACCP records kept (quality, not food engineering)', '填写 HACCP 关键控制点记录表', ['quality-management']],
  ])('%s: %s', (_why, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});

describe('an entry header’s description, training given and records filed', () => {
  it('reads what was done after the role on a header line', () => {
    expect(ids('校园经历\n2022.09 — 2023.06　经管学院 学生会 外联部 部长，筹办校园歌手大赛决赛')).toEqual([
      'event-planning',
      'student-leadership',
    ]);
  });
  it.each([
    ['HR induction training', '协助组织新员工入职培训 2 期', ['training-development']],
    ['a tool workshop run', '组织 Python 数据处理培训 3 次', ['python']],
    ['volunteers trained', '招募并培训社区志愿者 20 名', ['volunteering']],
    ['mediation records filed', '协助整理人民调解卷宗', []],
    ['disputes mediated', '参与邻里纠纷调解 12 起', ['mediation']],
  ])('%s: %s', (_why, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});

describe('events planned and quality checked, in Chinese', () => {
  it.each([
    ['a camp planned and run', '策划并举办 Excel 进阶训练营 3 期', ['event-planning', 'excel']],
    ['a forum named in its quotes', '筹办“长江青年环保论坛”', ['event-planning']],
    ['a meeting’s planning', '参与两场行业峰会的策划与现场执行', ['event-planning']],
    ['an event run only', '组织班级春游', []],
    ['a product’s quality inspected', '参与电子元件的来料检验与不良登记', ['quality-management']],
    ['a plant’s quality patrolled', '负责车间质量巡检', ['quality-management']],
    ['a model detecting quality', '训练焊缝质量检测模型', []],
  ])('%s: %s', (_why, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});

describe('software named by what it serves, and a course in a role', () => {
  it.each([
    ['a live room’s service built', '用 Go 开发直播间弹幕推送服务', ['go']],
    ['streaming done', '担任抖音直播场控 30 场', ['live-streaming']],
    ['an equipment system built', '开发医院设备管理系统的报修模块', []],
    ['a course’s assistant', '担任社会学概论课程助教', ['academic-research-assistance']],
  ])('%s: %s', (_why, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});

describe('a post sought, a pastime and a letter grade, in Chinese', () => {
  it.each([
    ['a job target under the experience', '实习经历\n求职：出纳 / 会计助理', []],
    ['a job target among the certificates', '证书\n【求职】企业法务 / 合规专员', []],
    ['a target post labelled', '证书\n目标岗位：内部审计', []],
    ['a project’s target, not a post', '实习经历\n项目目标：提升转化率，用 SQL 做漏斗分析', ['data-analysis', 'sql']],
    ['cash kept', '实习经历\n负责出纳工作，每日登记现金日记账', ['accounting', 'treasury']],
    ['hobbies', '其他\n爱好：书法、太极拳', []],
    ['a pastime', '其他\n平时喜欢画插画', []],
    ['a research interest', '其他\n研究兴趣：时间序列、因果推断', ['time-series']],
    ['a contest’s group letter', '获奖\n2023 蓝桥杯 Java 软件开发 大学C组 省三等奖', ['java', 'software-engineering']],
    ['the C language', '专业技能\nC 语言、Python', ['c', 'python']],
  ])('%s', (_why, text, want) => {
    expect(ids(text)).toEqual(want);
  });
});

describe('Adobe’s abbreviations, spectra and an audited account, in Chinese', () => {
  it.each([
    [
      'Adobe tools parted by a middle dot',
      '专业技能\n软件：Rhino / SketchUp / Adobe PS·AI·ID',
      ['illustrator', 'indesign', 'mcneel-rhinoceros-3d', 'photoshop', 'sketchup'],
    ],
    ['Adobe tools in lower case', '专业技能\nps / ai / id / c4d', ['c4d', 'illustrator', 'indesign', 'photoshop']],
    [
      'Adobe tools as their icons spell them',
      '实习经历\n用 Ps、Ai 做活动海报',
      ['illustrator', 'photoshop', 'poster-design'],
    ],
    ['AI alone', '实习经历\n用 AI 生成文案初稿', ['artificial-intelligence', 'copywriting']],
    ['a spectrometer used', '实习经历\n参与地表水监测，使用原子吸收光谱仪测定重金属', ['spectroscopy']],
    ['a chromatograph operated', '实习经历\n熟练操作高效液相色谱仪', ['chromatography', 'testing-instruments']],
    ['XPS among characterisations', '科研经历\n正极材料包覆改性，XRD、SEM、XPS 表征', ['spectroscopy']],
    ['a structure confirmed by NMR', '科研经历\n合成产物结构由 NMR 确证', ['spectroscopy']],
    ['a licence’s subjects passed', '证书\n银行从业资格（初级：法律法规与综合能力、个人理财）', []],
    ['fixed assets audited', '实习经历\n参与年报审计，负责货币资金、固定资产科目的实质性程序，编制底稿', ['auditing']],
    ['fixed assets kept', '实习经历\n每月计提固定资产折旧，登记固定资产卡片', ['fixed-assets']],
    ['short videos cut', '实习经历\n会用剪映剪短视频', ['capcut', 'video-editing']],
    ['a short video’s text written', '实习经历\n撰写短视频稿件 20 篇', ['journalism']],
    [
      'short videos run for plays',
      '实习经历\n策划并拍摄 20 条短视频，单条最高播放 35 万',
      ['short-video-operations', 'video-shooting'],
    ],
  ])('%s', (_why, text, want) => {
    expect(ids(text)).toEqual(want);
  });
});

describe('a word held back by the work around it, in Chinese', () => {
  it.each([
    ['an immunoassay on samples', '实习经历\n收集临床样本 120 份，使用 ELISA 检测', []],
    ['an immunoassay beside cells cultured', '科研经历\n负责细胞培养与 ELISA 检测', ['cell-culture']],
    ['an algorithm named', '项目经历\nPyTorch 实现 SAC 算法，在仿真中训练', ['deep-learning', 'pytorch']],
    ['data structures and algorithms', '专业技能\n熟悉常用数据结构与算法', ['data-structures']],
    ['a store’s data structures', '专业技能\n熟悉 Redis 常用数据结构', ['redis']],
    ['a nurse’s oral care', '实习经历\n完成静脉采血、口腔护理、压疮护理', ['nursing', 'phlebotomy']],
    ['a device’s data sent to a cloud platform', '项目经历\n用 STM32 采集温湿度，通过 ESP8266 上传至云平台', ['stm32']],
    ['a cloud platform deployed on', '专业技能\n熟悉阿里云云平台部署', ['aliyun', 'cloud-computing']],
    ['a microbial community sequenced', '科研经历\n用 16S rRNA 高通量测序分析微生物群落', ['microbiology']],
    ['a crop’s genomes sequenced', '科研经历\n用高通量测序做水稻群体重测序', ['genetics']],
    ['DFT in another program', '科研经历\n用 Gaussian 做反应机理 DFT 计算', []],
    ['DFT in Materials Studio', '科研经历\n用 Materials Studio 做 DFT 计算', ['materials-studio']],
    ['a study’s survey', '科研经历\n大学生手机依赖研究（问卷调查，N=620）', []],
    ['a consumer survey', '实习经历\n设计消费者问卷调查，回收 800 份', ['market-research']],
    ['office supplies bought', '实习经历\n采购办公用品并登记台账', []],
    ['contracts of several kinds reviewed', '实习经历\n审查采购与股权转让合同 30 余份', ['contract-law']],
    ['a hotel front office’s grade', '证书\n1+X 前厅运营管理（中级）', []],
    ['geology mapped', '实习经历\n野外地质填图 120 天，采集岩石样品', []],
    ['a mine’s geology', '实习经历\n参与露天矿山地质勘查与开采设计', ['mining-engineering']],
    ['a bank’s products recommended', '实习经历\n推荐理财产品、信用卡，完成营销任务', ['sales']],
    ['an allocation advised', '实习经历\n为客户整理理财产品资产配置建议', ['wealth-management']],
    ['personal-data compliance', '实习经历\n参与个人信息保护合规项目，起草隐私政策', ['data-privacy', 'legal-writing']],
    ['a bank’s compliance', '实习经历\n参与银行合规检查，整理监管报送材料', ['financial-compliance']],
  ])('%s', (_why, text, want) => {
    expect(ids(text)).toEqual(want);
  });
});

describe('a building designed, read from its scheme, in Chinese', () => {
  it.each([
    ['a scheme and its massing', '项目经历\n参与住宅方案设计，SketchUp 推敲体量', ['architectural-design', 'sketchup']],
    [
      'an interior designed',
      '实习经历\n跟进住宅室内设计，用 SketchUp 建模',
      ['3d-modeling', 'interior-design', 'sketchup'],
    ],
    [
      'a construction method statement',
      '实习经历\n编制施工方案，用 Revit 做 BIM 翻模',
      ['bim', 'construction-management', 'revit'],
    ],
  ])('%s', (_why, text, want) => {
    expect(ids(text)).toEqual(want);
  });
});

describe('a lawsuit’s papers, in Chinese', () => {
  it.each([
    [
      'a complaint and a statement drafted',
      '实习经历\n起草民事起诉状、代理词初稿，参与庭前准备',
      ['legal-writing', 'litigation'],
    ],
    ['a hearing a clerk recorded', '实习经历\n整理卷宗，旁听庭审并制作庭审笔录', []],
  ])('%s', (_why, text, want) => {
    expect(ids(text)).toEqual(want);
  });
});
