import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();
/** Skill ids a résumé's experience part yields for one line of text. */
const inferred = (line: string): string[] =>
  extractResumeDraft(`实习经历\n${line}`, { taxonomy })
    .skills.map((s) => s.skillId)
    .sort();

describe('activities that show a skill without naming it', () => {
  it.each([
    ['管理床位 8–10 张，书写病历', 'medical-records'],
    ['呼吸内科轮转：管床 6 张，完成入院记录与病程记录', 'medical-records'],
    ['用剪映制作社团招新视频', 'video-editing'],
    ['用 Premiere 粗剪采访片段', 'video-editing'],
    ['熟练操作示波器、信号发生器等仪器', 'testing-instruments'],
    ['Documented assessments in Epic', 'medical-records'],
    ['Prepare daily lesson plans for 15 kindergarten learners', 'lesson-planning'],
    ['Plan play-based learning activities for 16 preschoolers', 'lesson-planning'],
    ['Planned and taught a four-week poetry unit to Year 9', 'lesson-planning'],
    ['Plan the termly curriculum with the room leader', 'lesson-planning'],
    ['Planned outdoor activities for 30 children aged 5-8', 'lesson-planning'],
    ['Entered specimen results into the LIMS each shift', 'data-entry'],
    ['Interview answers entered in Qualtrics within 24 hours', 'data-entry'],
    ['Prepared individual tax returns for 40 clients', 'tax'],
    ['Reconciled VAT returns to the general ledger', 'tax'],
    ['在用友 U8 中录入凭证，协助完成月末结账与增值税申报', 'tax'],
    ['协助完成企业所得税汇算清缴', 'tax'],
    ['材料制备：溶胶-凝胶法、共沉淀法、固相烧结', 'materials-science'],
    ['采用 XRD、SEM 表征材料结构', 'materials-science'],
    ['基于 YOLOv8 的电力巡检缺陷检测', 'computer-vision'],
    ['搭建视觉识别（OpenCV）分拣演示', 'computer-vision'],
    ['清洗客户 CRM 数据，用 K-means 做客户分群', 'machine-learning'],
    ['用逻辑回归与随机森林预测城市空气质量等级', 'machine-learning'],
    ['维护员工花名册与入转调离手续', 'human-resources'],
    ['整理入职材料、办理社保增员', 'human-resources'],
    ['电商评论情感分析：用 BERT 微调做情感分类，F1 0.91', 'deep-learning'],
    ['基于深度强化学习的机械臂抓取，在 PyBullet 中仿真', 'deep-learning'],
    ['实验：DNA 提取、PCR、KASP 分子标记基因分型', 'genetics'],
    ['用 Verilog 实现 FFT/IFFT 与同步模块', 'signal-processing'],
    ['设计问卷并回收 800 份样本，输出消费者画像报告', 'market-research'],
    ['跟踪起重机卷筒的加工工艺，整理工艺卡片', 'manufacturing-process'],
    ['参与压力容器筒体氩弧焊工艺评定（PQR）', 'manufacturing-process'],
    ['外包员工 1,800 人的月度算薪', 'payroll-accounting'],
    ['Clean and analyse hospital discharge data in SAS', 'data-cleaning'],
    ['cleaned and merged household microdata in Stata', 'data-cleaning'],
    ['Mentored 5 undergraduate researchers in the lab', 'mentoring'],
    ["Co-supervised two Master's theses on flood models", 'mentoring'],
    ['Coached six newly qualified science teachers', 'mentoring'],
    ['Built a Power BI dashboard for the regional sales team', 'data-visualization'],
    ['Published the clinic wait-time dashboard in Tableau', 'data-visualization'],
    ['Lean Six Sigma Yellow Belt', 'lean'],
    ['Treasurer of the chess club: managed a $12K budget', 'budgeting'],
    ['Organise monthly farmer field days in two districts', 'event-planning'],
    ['Organised a careers seminar with 200 attendees', 'event-planning'],
    ['Ran cycle counts and set safety stock for 400 SKUs', 'inventory-management'],
    ['Designed logos and packaging for a tea brand', 'logo-design'],
    ['协助完成总装线的节拍测定与工位平衡', 'industrial-engineering'],
    ['在外贸公司通过展会开发东南亚新客户', 'business-development'],
    ['协助客户经理向到店客户推介理财产品', 'sales'],
    ['每周上门拜访社区药店，介绍新品', 'sales'],
    ['参与跨江大桥桥梁下部结构施工管理', 'road-bridge'],
    ['编制部门年度费用预算', 'budgeting'],
    ['策划中秋节门店促销活动，复盘销量', 'marketing-planning'],
    ['参与新品上市的整合传播策划', 'marketing-planning'],
    ['课堂上用 Kahoot 做随堂测验', 'kahoot'],
    ['回复海外买家的邮件咨询与退换货申请', 'customer-service'],
    // What was done, after an entry's dates on its header line.
    ['某国际机场 地面服务 实习 2024.07-2024.09，办理旅客值机、处理投诉', 'customer-service'],
    ['某药业 质量部 实习生 2024.07-2024.09，按 SOP 完成含量检测，填写检验记录', 'quality-management'],
    ['参与来料检验与不合格品评审', 'quality-management'],
    ['执行银行函证与存货监盘，编制工作底稿', 'auditing'],
    ['德勤 审计实习生 2024.01-2024.03，执行收入截止性测试', 'auditing'],
    ['編列社團年度預算並管理收支', 'budgeting'],
    ['以 Opera 系統處理入住與退房', 'hospitality'],
    ['负责期末出题及评分', 'educational-assessment'],
    ['负责室内方案的建模与算图', 'rendering'],
    ['在孔子学院担任汉语教师志愿者', 'tcsol'],
    ['擔任華語教師，教授初級華語', 'tcsol'],
    ['在柜面协助完成反洗钱客户身份识别', 'anti-money-laundering'],
    ['用 Python 爬取二手房挂牌数据', 'web-scraping'],
    ['在质检室做菌落总数与大肠菌群检测', 'microbiology'],
    ['基于用户行为日志构建 50 余个特征，训练 LightGBM', 'feature-engineering'],
    ['用 YOLOv5 做零件缺陷检测', 'computer-vision'],
    ['每月整理三家竞品的定价与促销', 'competitive-analysis'],
    ['用 Stata 做省级面板数据回归', 'econometrics'],
    ['用 SolidWorks 完成夹具建模并出工程图', 'mechanical-drawing'],
    ['为社团设计 logo 与周边', 'logo-design'],
    ['用原子吸收光谱测土壤重金属', 'spectroscopy'],
    ['用 SPSS 做独立样本 t 检验', 'hypothesis-testing'],
    ['负责品牌公众号，撰写推文 20 篇', 'copywriting'],
    ['协助律师撰写代理词与起诉状', 'legal-writing'],
    ['审阅目标公司的采购协议', 'contract-law'],
    ['负责图书管理系统的 MySQL 表设计', 'database-design'],
    ['用 Multisim 仿真放大电路', 'national-instruments-multisim'],
    ['用 Mplus 做潜在剖面分析', 'muthen-and-muthen-mplus'],
    ['用 ADAMS/Car 建立悬架模型', 'msc-software-adams'],
    ['在 AMESim 中搭建液压回路模型', 'lms-imagine-lab-amesim'],
    ['用 HFSS 仿真贴片天线', 'ansoft-hfss'],
    ['用 CANoe 分析总线报文', 'vector-canoe'],
    ['写 Hive SQL 统计日活', 'sql'],
    ['基于 STM32 单片机做温控小车', 'microcontroller'],
    ['用 Excel 做数据透视，按月汇总销量', 'excel-data-analysis'],
    ['对问卷数据做缺失值处理', 'data-cleaning'],
    ['对接抖音美妆达人 15 位', 'kol-marketing'],
    ['协助兽医拍摄并判读 X 光片', 'medical-imaging'],
    ['负责初二 期中 命题，整理错题', 'educational-assessment'],
    ['出周练并逐题讲评', 'educational-assessment'],
    ['设计并实施中班科学领域教学活动 10 次', 'lesson-planning'],
    ['用希沃辅助教学，负责月考命题与阅卷', 'educational-assessment'],
    ['跟进客诉，整理 8D 报告', 'quality-tools'],
    ['用 Seurat 分析单细胞转录组数据', 'bioinformatics'],
    ['2023.07-2023.10；某物流公司仓库；仓储实习生；负责入库上架和库存盘点', 'inventory-management'],
    ['Built a visual identity for a music festival', 'logo-design'],
    ['Run paid social for three local restaurants', 'social-media-marketing'],
    ['Trained a YOLO model for object detection on drone footage', 'computer-vision'],
    ['teach six sections of grades 9–10', 'teaching'],
    ['北京市第八十中学体育教师实习，上体育课', 'teaching'],
    ['批改作业，设计单元测评试卷', 'educational-assessment'],
    ['批改学生周记和周测，出期中复习试卷', 'educational-assessment'],
    ['负责初二年级一次月考命题与阅卷', 'educational-assessment'],
    ["Assess learners' progress through portfolios", 'educational-assessment'],
    ['办理入住退房，处理客人投诉', 'customer-service'],
    ['办理入住退房，处理客人投诉', 'hospitality'],
    ['Check in 200+ guests per shift and resolve guest complaints', 'hospitality'],
    ['审查采购与股权转让合同 30 余份', 'contract-law'],
    ['reviewed and marked up credit agreements', 'contract-law'],
    ['每周编译英文稿件，负责中英审校', 'editing-proofreading'],
    ['fact-check and edit freelancer copy', 'editing-proofreading'],
    ['撰写推文与短视频脚本', 'copywriting'],
    ['wrote blog posts and email newsletters', 'copywriting'],
    ['负责仓库入库、出库和盘点', 'inventory-management'],
    ['set safety stock levels and reduced excess inventory', 'inventory-management'],
    ['用 Stata 做面板数据回归与 DID 分析', 'econometrics'],
    ['Cleaned DHS survey data in Stata; ran fixed-effects regressions', 'econometrics'],
    ['estimated event-study regressions', 'econometrics'],
    ['econometric analysis in Stata and R', 'econometrics'],
    ['Cleaned and merged CRSP and Compustat panels', 'data-cleaning'],
    ['Cleaned and linked EHR extracts for a 4,000-patient cohort in SAS', 'data-cleaning'],
    ['Built three-statement, DCF and LBO models for a sell-side process', 'valuation'],
    ['Built a three-statement model and DCF/trading comps for an IPO candidate', 'valuation'],
    ['Conducted 32 semi-structured interviews with newcomer tenants', 'research-methods'],
    ['Designed a questionnaire, surveyed 150 employees', 'research-methods'],
    ['qualitative, thematic analysis in NVivo', 'research-methods'],
    ['negotiated rates with three barge operators', 'business-negotiation'],
    ['用 CATIA 建模、ANSYS 做有限元分析', '3d-modeling'],
    ['sketched and modelled a cordless drill family in Rhino', '3d-modeling'],
    ['用 SolidWorks 画零件三维图，用 AutoCAD 出二维工程图', '3d-modeling'],
    ['使用 Rhino 建立体块与立面模型，V-Ray 渲染效果图', '3d-modeling'],
    ['用 SketchUp 建模、Lumion 渲染，Photoshop 做后期', '3d-modeling'],
    ['检索案例与法规，起草法律备忘录', 'legal-research'],
    ['Researched securities law questions for M&A transactions', 'legal-research'],
    ['Researched limitation periods for a negligence claim', 'legal-research'],
    ['Wrote a research note on adverse possession for a partner', 'legal-research'],
    ['Wrote a research note on adverse possession for a partner', 'legal-writing'],
    ['Drafted advice letters on tenancy deposits', 'legal-writing'],
    ['Sent letters of demand to debtors', 'legal-writing'],
    ['Served up to 250 shoppers a day at the checkout', 'customer-service'],
    ['Handled customer enquiries by phone and email', 'customer-service'],
    ['Handle walk-in complaints about billing', 'customer-service'],
    ['Answered guest complaints and followed up with the duty manager', 'customer-service'],
    ['Did weekly stock counts in the pharmacy store', 'inventory-management'],
    ['Rotate stock and check use-by dates', 'inventory-management'],
    ['Designed a flyback converter for a 24 V LED driver', 'circuit-design'],
    ['Drew roadway plan sheets for a rural resurfacing job', 'road-bridge'],
    ['Performed 15 cat spays under supervision', 'veterinary'],
    ['Checked in up to 70 arrivals a night on Opera', 'hospitality'],
    ['Handled 90 check-ins per shift at a city hotel', 'hospitality'],
    ['Taught weekly lessons in phonics, mathematics and science to a Year 2 class', 'mathematics-teaching'],
    ['Taught weekly lessons in phonics, mathematics and science to a Year 2 class', 'science-teaching'],
    ['Emergency & Critical Care (3 wk): stabilised trauma cases', 'emergency-medicine'],
    ['Logos and packaging for a family olive-oil brand', 'packaging-design'],
    ['Set type specimens for a book fair identity', 'typography'],
    ['Built a typographic system for the festival posters', 'typography'],
    ['Drew packaging mock-ups for a tea range', 'packaging-design'],
    ['Rotations: Small Animal Medicine, Equine Surgery, Shelter Medicine', 'veterinary'],
    ['Veterinary technician student with a mixed-animal practice placement', 'veterinary'],
    ['Worked on highway design and pavement construction for the county', 'road-bridge'],
    ['Designed the preamplifier schematic and simulated it in LTspice', 'circuit-design'],
    ['Schematic capture and two-layer layout in KiCad', 'circuit-design'],
    ['Inventory planning intern at a regional grocer', 'inventory-management'],
    ['Monitored inventory accuracy across two warehouses', 'inventory-management'],
    ['Counted finished-goods inventory at quarter end', 'inventory-management'],
    ['Cut work-in-progress inventory by a third with a pull system', 'inventory-management'],
    ['Flagged stock-outs to the buying team each week', 'inventory-management'],
    ['Prepared PAYE and VAT returns for twelve clients', 'tax'],
    ['Ran the quarterly GST reconciliation against the ledger', 'tax'],
    ['Volunteer tax clinic: filed 25 returns for students', 'tax'],
    ['Drafted credit memos for two term-loan facilities', 'credit-analysis'],
    ['Spread the financials of 10 SME borrowers', 'credit-analysis'],
    ['Applied 5S to the spares store', 'lean'],
    ['参与装配车间 5S 检查', 'lean'],
    ['校报记者团：采访、写稿、拍摄新闻图片', 'photography'],
    ['produced charts in Python (matplotlib)', 'data-visualization'],
    ['参与 HACCP 体系内审', 'quality-management'],
    ['Start peripheral IVs and draw blood', 'phlebotomy'],
    ['Screened resumes, scheduled interviews and onboarded 15 new hires', 'recruiting'],
    ['设计 A/B 实验并做显著性检验', 'hypothesis-testing'],
    ['Fine-tuned BERT models for clinical note classification', 'nlp'],
    ['Built logistic regression and random forest models', 'machine-learning'],
    ['Filmed and cut weekly vlogs for the campus channel', 'video-shooting'],
    ['Supervised piling and formwork crews on a metro station', 'construction-management'],
    ['Wrote SAS listings for a phase 3 vaccine trial', 'clinical-research'],
    ['协助导师指导 2 名本科生的毕业设计', 'mentoring'],
    ['独立操作原子吸收光谱仪测定重金属', 'spectroscopy'],
    ['撰写新能源汽车行业竞品分析报告', 'competitive-analysis'],
    ['每月核对 200 名员工的工资数据', 'payroll-accounting'],
    ['周末在少年宫兼职美术老师', 'arts-education'],
    ['用 Python 对三年的门店流水数据做清洗与去重', 'data-cleaning'],
    ['用 Stata 建立多元回归模型分析房价', 'regression-analysis'],
    ['用 AutoCAD 绘制零件图与装配图', 'mechanical-drawing'],
  ])('%s → %s', (line, id) => {
    expect(inferred(line)).toContain(id);
  });

  it.each([
    // A course ("课程") is not a class taught; BIM modelling in Revit is not 3D modelling's tool family.
    ['完成课程设计报告', 'teaching'],
    ['用 Revit 完成建筑专业 BIM 建模', '3d-modeling'],
    // A product's structure characterised is chemistry; a brand's visual identity is no computer vision.
    ['用核磁、HRMS 表征产物结构', 'materials-science'],
    ['茶饮品牌视觉识别系统：标志设计、辅助图形', 'computer-vision'],
    // English sets label a fine-tuned BERT as NLP only; a filter capacitor is no signal processing.
    ['Fine-tuned BERT models with Hugging Face Transformers for clinical note classification', 'deep-learning'],
    ['选择电源滤波电容并完成 PCB 布线', 'signal-processing'],
    // Income tax withheld in a payroll is pay work; a process learnt about on a visit is no process written.
    ['核对考勤、计算个税', 'tax'],
    ['跟随工艺员在车间了解数控加工与焊接工艺流程', 'manufacturing-process'],
    ['用 ANSYS 建立仿真模型', '3d-modeling'],
    // SketchUp's modelling is said in its clause; a rendering tool beside a model built in Revit models nothing.
    ['用 Revit 建立 BIM 模型，SketchUp 推敲体量，Lumion 渲染效果图', '3d-modeling'],
    // A season is part of an entry's date, not the Spring framework.
    ['Student Teacher, Grady High School (Spring 2023)', 'spring'],
    // Entering a school or a market is no data entry; tax-form events processed are no tax work.
    ['Entered the university in 2020 through the national exam', 'data-entry'],
    ['Helped the brand enter the Thai market in 2023', 'data-entry'],
    ['Built a consumer that deduplicates 2M tax-form events per day', 'tax'],
    // A sports coach's athletes, a web page's dashboard, a room cleaned.
    ['Coached sessions for 20 junior swimmers', 'mentoring'],
    ['Built an internal dashboard in TypeScript and React', 'data-visualization'],
    ['Set up and cleaned the weight room', 'data-cleaning'],
    // A caseworker's clients advised are no customers; an auditor attending a client's count keeps no stock.
    ['Advised clients on tenancy and employment rights', 'customer-service'],
    ['Attended stock counts for a manufacturing client', 'inventory-management'],
    ['Built a complaint-tracking portal for the student halls in React', 'customer-service'],
    // A course's units named are no lessons taught.
    ['A-levels: CAPE Units (Physics, Science, Mathematics)', 'science-teaching'],
    // A clinic's check-in is no hotel's.
    ['Front desk check-in and patient intake at a dental clinic', 'hospitality'],
    // A plant's packaging line is no design.
    ['Ran the packaging line for a bottling plant', 'packaging-design'],
    // An architect's schematic design phase is no circuit.
    ['Developed schematic design options for a primary school', 'circuit-design'],
    ['Tested controls over payables and inventory for an audit client', 'inventory-management'],
    // A tax's rate quoted is no tax work.
    ['Priced the menu to include VAT at 20%', 'tax'],
    // A budget spent is no budget managed.
    ['Ran search campaigns with a $15K monthly budget', 'budgeting'],
    // Guidance received is no mentoring; a report of sales is no sales work; photos shot are no video.
    ['在导师指导下完成本科毕业论文', 'mentoring'],
    ['每周汇总门店销售报告', 'sales'],
    ['Shot product photos for the online store', 'video-shooting'],
    // Returning to school is no regression; a lesson taught in music class names no arts teacher's post alone.
    ['疫情后回归校园继续学业', 'regression-analysis'],
    // A lawyer reading a case's file (阅卷) marks no test.
    ['协助律师会见当事人、阅卷并整理证据目录', 'educational-assessment'],
    // An editor listed, or used for slides, cuts no video.
    ['软件：剪映、Photoshop、Excel', 'video-editing'],
    ['会用剪映制作课件', 'video-editing'],
    // Programs with no id of their own are not the id's program.
    ['用 Gaussian 优化分子构型', 'materials-studio'],
    ['用 ECharts 做销售看板', 'matplotlib'],
    // An oscilloscope a developer debugs a board with is the debugging's tool.
    ['用示波器、逻辑分析仪调试串口通信', 'testing-instruments'],
    // A new-energy car serviced is a mechanic's vehicle.
    ['协助检修新能源汽车动力电池', 'energy-engineering'],
  ])('%s is no evidence of %s', (line, id) => {
    expect(inferred(line)).not.toContain(id);
  });
});

describe('mentions that name no skill the graduate used', () => {
  it.each([
    ['设计并组织中班主题活动，负责幼儿一日生活照料', 'event-planning'],
    ['策划“双11”店铺活动', 'event-planning'],
    ['使用医院 HIS 系统录入护理记录', 'data-entry'],
    ['执行存货监盘与应收账款函证', 'treasury'],
    // Notes taken while studying, and a program's script, are no copy.
    ['阅读 Netty 源码并撰写学习笔记', 'copywriting'],
    ['编写 Shell 脚本做日志清理', 'copywriting'],
    // A building's drawings are an architect's.
    ['用 Revit 建模并出施工图', 'mechanical-drawing'],
    // A first-article check is a machinist's as often as an inspector's.
    ['按图纸加工零件，参与首件检验', 'quality-management'],
    // A client program built wins no customer.
    ['开发银行客户端的登录模块', 'business-development'],
  ])('%s is no evidence of %s', (line, id) => {
    expect(inferred(line)).not.toContain(id);
  });

  it('takes the computer exam subject for the suite or language examined (HELD-OUT-6/7/8.md)', () => {
    const draft = extractResumeDraft('证书\n初级会计职称、计算机二级（MS Office）、CET-4', { taxonomy });
    expect(draft.skills.map((s) => s.skillId)).toContain('ms-office');
  });

  it('reads the subject written into the exam’s name without brackets', () => {
    const ids = (text: string): string[] => extractResumeDraft(text, { taxonomy }).skills.map((s) => s.skillId);
    expect(ids('证书\n初级会计职称、计算机二级MS Office、CET-6')).toContain('ms-office');
    expect(ids('证书\nCET-4；计算机二级 C语言；驾驶证 C1')).toContain('c');
  });

  it('reads accounts kept as accounting', () => {
    expect(inferred('负责凭证录入、银行对账、月末结账')).toContain('accounting');
    expect(inferred('Perform substantive testing of revenue and accounts receivable')).toContain('accounting');
  });
});
