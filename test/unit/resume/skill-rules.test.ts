import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { adobeAbbreviations, phraseSkills } from '../../../src/domain/resume/skill-phrases.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';
import { englishPlural } from '../../../src/domain/skills/taxonomy.ts';
import { onetAliasMode } from '../../../src/domain/skills/onet.ts';

const taxonomy = getTaxonomy();
// The rules alone: mined cues (skill-cues.test.ts) are re-mined as the rules change.
const RULES = { taxonomy, cues: [] };
/** Skill ids a résumé's experience part yields for one line of text. */
const inferred = (line: string): string[] =>
  extractResumeDraft(`实习经历\n${line}`, RULES)
    .skills.map((s) => s.skillId)
    .sort();
const listed = (line: string): string[] =>
  extractResumeDraft(`专业技能\n${line}`, RULES)
    .skills.map((s) => s.skillId)
    .sort();

describe('skill mentions that are no evidence', () => {
  it.each([
    ['an employer named by its field', '在京东物流集团完成周报', []],
    ['an employer with a bracketed part', '中国平安保险（集团）股份有限公司负责报销单据审核', []],
    // The firm names no skill; the stock count attended is an auditor's procedure.
    ['an accounting firm', '在安永华明会计师事务所参与存货监盘', ['auditing']],
    ['a job title', '担任前端开发实习生，负责组件开发', []],
    ['an industry', '跟踪新能源汽车产业链', []],
    ['a product page', '完成电商详情页设计', []],
    ['a counterpart department', '与研发、测试跨部门协作推动上线', []],
    ['a recruiting event', '组织校园招聘宣讲会', []],
    ['training received', '参加公司入职培训', []],
    ['training received, further from its verb', '参与两次院内感染防控培训', []],
    ['a training certificate (its field stays)', '持实验室安全培训合格证', ['lab-safety']],
    ['an exam still prepared for', '正在备考 CFA 一级，了解 Python', ['python']],
    [
      'records entered into a database (data entry, not its design)',
      'Carried out habitat surveys and entered records into the trust database',
      ['data-entry'],
    ],
    ['database workshops taught', 'Answer reference questions; teach database workshops for adult learners', []],
    ['a database designed', 'Designed the database for a booking app', ['database-design']],
    ['a trainee title', '品牌管理培训生', ['brand-management']],
    ['a sales figure', 'Cut SKUs from 31 to 19, +12% net sales in year one', []],
    ['a department named by its field', 'Cleaned survey data for the Department of Economics', ['data-cleaning']],
    ['a degree named by its field', 'Thesis for the BSc in Electrical Engineering on relays', []],
    ['an institute named by its field', 'Wrote a grant for the Columbia Data Science Institute', []],
    ['construction drawings of an architect', '参与方案设计与施工图深化', []],
    ['a named database', '负责 REDCap 数据库维护', ['redcap-research-electronic-data-capture']],
    ['x-ray crystallography', 'characterized products by NMR and X-ray crystallography', ['spectroscopy']],
    ['findings synthesized', 'synthesized findings into journey maps', []],
    ['a compound word: test set', '在自建测试集上准确率提升12%', []],
    ['a compound word: control algorithm', '用PID算法调速', ['control-systems']],
    ['paperwork', '整理申报材料', []],
    ['a course project', '分布式键值存储（课程设计）', ['distributed-systems']],
    ['a field as a major', 'Data science student comfortable with SQL.', ['sql']],
    ['an English job title', 'Data Science Intern at Ford, built models.', []],
    ['an English counterpart', 'Handed off specs to front-end engineers.', []],
    ['an English event', 'Organised an employer branding event at universities.', ['event-planning']],
    ["a name's initial", 'Cleaned the survey data in Stata for Dr. R. Alvarez', ['data-cleaning', 'stata']],
    ["a list's last item before a sentence", 'Software: Excel, R. Forklift certified.', ['excel', 'r']],
    ['a course', 'Led weekly review sessions for Intermediate Microeconomics', []],
    ['subjects taught', 'Taught Grade 9 Mathematics and Physics to two classes', ['mathematics-teaching', 'teaching']],
    // The field's analysis, done in a tool: "analysed X with a tool" (LABELLING.md) adds data-analysis.
    [
      'an analysis named by its field',
      'Ran economic analysis of tariffs in Excel',
      ['data-analysis', 'economics', 'excel'],
    ],
    ['a season', '2023 (spring): Exchange semester, Georgetown University', []],
    ['the framework', 'Built REST APIs in Spring and MySQL', ['mysql', 'rest-api', 'spring']],
    ['a currency', 'Expected salary: PHP 28,000', []],
    ["a company's legal ending", 'Site engineer, Julius Berger Nigeria Plc, Abuja', []],
    ['a PLC', 'Wired Siemens PLC cabinets', ['plc']],
    [
      'a centre named by its field',
      'Research Assistant, NYU Center for Data Science: cleaned survey data',
      ['academic-research-assistance', 'data-cleaning'],
    ],
    ['a journal', 'Published in the Journal of Structural Engineering', []],
    ['a sport as the setting', 'Sold tickets for basketball games and wrote match reports', []],
    ['a company named Feeders', 'Summer Intern, Plains Feeders (2023)', []],
    ['a limited company', 'Intern, Tata Power Renewable Energy Ltd', []],
    ['insurance a pharmacy billed', 'Pharmacy technician: processed insurance claims and refills', ['pharmacy']],
    // A channel's content run is social media marketing, not the platform's own id.
    ['TikTok as a channel', 'Scheduled Instagram and TikTok content for a bakery', ['social-media-marketing']],
    ['TikTok ads', 'Ran Meta and TikTok ad campaigns for two shops', ['advertising', 'social-media-marketing']],
    ['platforms posted to', 'Edited short clips for our YouTube and Instagram pages every week', ['video-editing']],
    ['a platform as the employer', 'Data Science Intern, Pinterest (summer 2024)', []],
    ['patients taught', 'Gave discharge teaching on inhaler use to patients going home', []],
    ['a teaching hospital', 'Volunteered on weekends at Kisumu Teaching and Referral Hospital', ['volunteering']],
    ['a web-traffic tool reported in', 'Pulled weekly traffic numbers out of Google Analytics for the shop', []],
    ['the Unity test framework', 'Wrote firmware unit tests with Unity and CMock', ['unit-testing']],
    ['notes written in the EHR', 'Assisted nurses with patient mobility and charting in the EHR', []],
    ['a record system listed bare', 'Patient education, electronic medical records', ['medical-records']],
    ['a profile label before its address', 'Github:// iferreira | LinkedIn linkedin.com/in/dkowalczyk', []],
    ['GitHub used', 'Reviewed pull requests on GitHub', ['github']],
    ['CRISPR, a wet-lab technique', 'Established CRISPR knockouts in cell lines', ['molecular-biology']],
    ['a template consent', 'I authorise the processing of my personal data under the GDPR.', []],
    ['patients after an operation', 'Cared for post-cardiac-surgery patients on a step-down unit', []],
    ['a condition treated', 'Treated adults after stroke and hand surgery', []],
    ['surgery practised', 'Assisted in general surgery and closed incisions', ['surgery']],
    [
      'a lab technique',
      'Bench skills: aseptic technique, bacterial culture, gel electrophoresis',
      ['microbiology', 'molecular-biology'],
    ],
    ['an operation on lab animals', 'Did stereotaxic surgery to place cannulas for behaviour work', []],
    ['logic synthesis', 'RISC-V core in SystemVerilog, synthesized on a Xilinx FPGA', ['fpga', 'verilog']],
    ['patients counselled on medicines', 'Counselling patients on OTC products and inhaler technique', []],
    ['counselling given', 'Offered counselling to refugee families', ['psychological-counseling']],
    ['a student body named by its field', 'Joined the Marketing Association in first year', []],
    ['a lab named by its field', 'Bench work in the Power Electronics Lab on weekday mornings', []],
    ["a master's graduate in a field", "Econometrics master's graduate, fluent in Stata", ['stata']],
    ['diffraction and microscopy, not spectroscopy', '利用 XRD、SEM 表征微观组织', []],
    ['a KPI dashboard, not OKR management', '用 Power BI 制作仓库 KPI 看板', ['data-visualization', 'power-bi']],
    ['finite elements in another solver', 'Ran FEA in Abaqus on the rear upright', ['abaqus']],
    ['finite elements in ANSYS', '用 ANSYS 做有限元分析', ['ansys']],
    ['a patent held', '授权发明专利 2 项（第一发明人）', []],
    ["a course's code and title", 'Held office hours for STATS 250 Introduction to Statistics', []],
    ['ANSYS Mechanical as ANSYS', 'Ran static FEA in ANSYS Mechanical on 12 brackets', ['ansys']],
    ['patents drafted', '协助代理人撰写专利申请文件 5 份', ['intellectual-property']],
    ["a study's quoted title", '参与“膝关节置换术后康复”前瞻性临床研究，负责病例随访', ['clinical-research']],
    ["a journal's title", '以第一作者在《环境科学》发表论文 1 篇', []],
    [
      "a thesis's quoted title, with the tool it was written in",
      'Wrote my thesis, "Rare-earth ions in integrated photonics for quantum memories", in LaTeX.',
      ['latex'],
    ],
  ])('%s: %s', (_why, line, ids) => {
    expect(inferred(line)).toEqual(ids);
  });

  it("reads an online course's certificate as a course, not its skills", () => {
    expect(listed('Google Data Analytics (Coursera)；Python')).toEqual(['python']);
  });

  it('reads structural programs as themselves, not as SAP or civil engineering', () => {
    expect(listed('AutoCAD、PKPM、SAP2000')).toEqual(['autocad']);
    expect(listed('SAP ERP、Excel')).toEqual(['excel', 'sap']);
  });

  it('reads first aid alone as the certificate, CPR as basic life support', () => {
    const listedEn = (line: string): string[] =>
      extractResumeDraft(`Certifications\n${line}`, RULES)
        .skills.map((s) => s.skillId)
        .sort();
    expect(listedEn('Wilderness First Aid (NOLS, 2024)')).toEqual([]);
    expect(listedEn('Standard First Aid and CPR Level C')).toEqual(['basic-life-support']);
  });

  it("reads a language's level as no tool, ANSYS Fluent still as ANSYS", () => {
    const en = (text: string): string[] =>
      extractResumeDraft(text, RULES)
        .skills.map((s) => s.skillId)
        .sort();
    expect(en('Languages\nCantonese — Native · English — Fluent · Mandarin: fluent')).toEqual([]);
    expect(en('Skills\nPython, MATLAB, SolidWorks, Fluent, CATIA')).toContain('ansys');
  });

  it('keeps the same words where they name what was done', () => {
    expect(inferred('负责物流调度与仓储管理')).toEqual(['logistics']);
    expect(inferred('负责站内广告投放')).toEqual(['advertising']);
    expect(listed('熟悉Linux、算法、测试')).toEqual(['data-structures', 'linux', 'software-testing']);
  });
});

// LABELLING.md, 2026-12-07 21:15: a product with no id of its own shows the skill it serves only with the work.
describe('products with no id of their own', () => {
  it.each([
    ['广联达、Lumion listed', '广联达、Lumion、AutoCAD', ['autocad']],
    ['rendering products listed', 'Lumion, KeyShot, Enscape, SketchUp', ['sketchup']],
  ])('%s: nothing from the name alone', (_why, line, want) => {
    expect(listed(line)).toEqual(want);
  });

  it.each([
    ['a take-off in 广联达', '用广联达 GTJ 完成一栋住宅的钢筋与土建算量', ['cost-estimation']],
    ['a model in 广联达 with no take-off', '用广联达软件建模', []],
    ['a rendering in Lumion', '用 SketchUp 建模、Lumion 渲染', ['3d-modeling', 'rendering', 'sketchup']],
    ['renderings in Enscape', 'Prepared renderings in Enscape for client meetings', ['rendering']],
    ['customs software', '使用报关软件录入单据', []],
    ['customs papers made', '制作报关单据，跟进订舱', ['customs-compliance']],
  ])('%s: %s', (_why, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});

describe('English words in a sense that names no skill of theirs', () => {
  const experience = (line: string): string[] =>
    extractResumeDraft(`Experience\n${line}`, RULES)
      .skills.map((s) => s.skillId)
      .sort();

  it.each([
    ["a program's regressions", 'Automated regression tests for the Webex API with Java', ['java']],
    ['regression logs', 'Wrote Perl scripts to parse regression logs', ['perl']],
    ['a welding fixture', 'Designed welding fixtures in SolidWorks', ['mechanical-design', 'solidworks']],
    ['a welding cell', 'Ran time studies on a bracket welding cell', ['industrial-engineering']],
    ['sales in a ledger', 'Posted sales and supplier invoices', []],
    ['sales ledgers', 'Used pivot tables to analyse sales ledgers', ['excel-data-analysis']],
    ['QC as a verb', "QC'd efficacy tables", []],
    ['nursing applicants', 'Screened nursing applicants and posted roles', []],
    ['procurement audited', 'Tested controls over revenue and procurement for an oil client', []],
    ['a clinical audit', 'Audit lead for the unit’s monthly hand-hygiene audit', []],
    ['a job that taught me', 'Part-time work has taught me to manage my time', []],
    ['patients taught their care', 'Taught discharge instructions on insulin pens to patients and families', []],
    ['workshops', 'Taught two database workshops to first-year students', []],
    ['a data warehouse', 'Cleaned admission data from the data warehouse', ['data-cleaning', 'etl']],
    ['an HR truck licence', 'NSW Driver Licence (C), HR truck licence', []],
    ['the HR manager', 'Compiled benefits questions for the HR manager', []],
  ])('%s: %s', (_why, line, want) => {
    expect(experience(line)).toEqual(want);
  });

  it.each([
    ['regression analysis', 'Ran logistic regression in R', ['r', 'regression-analysis']],
    ['welding done', 'MIG and flux-core welding on trailer frames', ['welding']],
    ['sales recorded and analysed', 'Recorded outlet sales in Excel and analysed weekly trends', ['excel', 'sales']],
    ['QC testing', 'Performed QC release testing', ['quality-management']],
    ['procurement done', 'Issued purchase orders in SAP', ['procurement', 'sap']],
    ['a warehouse worked in', 'Led monthly cycle counts for a 40,000-pallet warehouse', ['logistics']],
    ['HR records kept', 'Kept HR records in Excel', ['excel', 'human-resources']],
    ['an audit', 'Performed substantive testing and prepared audit working papers', ['auditing']],
    ['classes taught to families', 'Taught 8 cooking classes for families', ['teaching']],
    ['audio edited in Audition', 'Edited audio in Adobe Audition', ['audio-editing']],
    ['working papers in CaseWare', 'Prepared audit working papers in CaseWare', ['audit-software', 'auditing']],
  ])('%s stays: %s', (_why, line, want) => {
    expect(experience(line)).toEqual(want);
  });

  it('reads CaseWare or Audition listed as products with no id of their own', () => {
    expect(
      extractResumeDraft('Skills\nExcel, CaseWare, Audition', RULES)
        .skills.map((s) => s.skillId)
        .sort(),
    ).toEqual(['excel']);
  });
});

describe('skills shown by a phrase', () => {
  it.each([
    ['策划 3 场线上活动，粉丝增长 2 万', 'event-planning'],
    ['Organised two onboarding days at universities', 'event-planning'],
    ['Organised a career panel with four alumni', 'event-planning'],
    ['Planned an open day for 300 applicants', 'event-planning'],
    ['Organised a field trip to the Lake District for 40 students', 'event-planning'],
    ['Organised an inter-university debating competition with 24 teams', 'event-planning'],
    ['Planned quiz nights for the alumni association', 'event-planning'],
    ['Organised “GreenTech Day 2023” with 250 participants', 'event-planning'],
    ['Ran the bakery’s Instagram and Facebook campaigns for the spring menu', 'social-media-marketing'],
    ['Scheduled LinkedIn posts for a recruitment agency in Buffer', 'social-media-marketing'],
    ['Managed the charity’s Instagram (5k followers)', 'social-media-marketing'],
    ['Precepted two student nurses on a surgical ward', 'mentoring'],
    ['Mentored first-year and transfer engineering students', 'mentoring'],
    ['Sited IV cannulas and took bloods on the admissions unit', 'phlebotomy'],
    ['Started peripheral IVs for day-surgery patients', 'phlebotomy'],
    ['清洗投放数据并写报表', 'data-cleaning'],
    ['Cleaned 3M rows of warranty data in PySpark', 'data-cleaning'],
    ['核算月度考勤与薪酬', 'payroll-accounting'],
    ['Tested revenue for a client; selected samples and vouched to invoices', 'auditing'],
    ['Performed revenue cut-off and bank confirmation procedures', 'auditing'],
    ['用Axure输出原型', 'prototyping'],
    ['起草法律意见书部分章节', 'legal-writing'],
    ['Taught IELTS speaking to small groups.', 'test-prep'],
    ['Taught IELTS speaking to small groups.', 'teaching'],
    ['a 2D puzzle game made in Unity with C#', 'game-development'],
    ['Synthesised metal-organic frameworks', 'organic-synthesis'],
    ['基于STM32F103设计主控板', 'stm32'],
    ['Prepared 40+ federal and state returns for low-income families', 'tax'],
    ['Prepared 45 individual (1040) and 8 partnership (1065) returns in CCH ProSystem fx Tax', 'tax'],
    ['VITA (Volunteer Income Tax Assistance) Site Coordinator', 'tax'],
    ['Built three-statement and DCF models for a $400M healthcare sell-side deal', 'investment-banking'],
    ['Built LBO and DCF models, prepared information memoranda and buyer lists', 'investment-banking'],
    ['Drafted sections of a pitch book and management presentation', 'investment-banking'],
  ])('%s → %s', (sentence, id) => {
    expect(phraseSkills(sentence).map((h) => h.skillId)).toContain(id);
  });

  it('reads a description written after the colon of an entry header', () => {
    const line = 'UX Design Intern at Meituan, Beijing (2024.06 – 2024.09): ran 8 usability tests in Figma';
    expect(inferred(line)).toEqual(['figma', 'user-research']);
  });

  it('reads a description after the semicolon of an entry header, and a line opening on a past-tense verb', () => {
    const en = (text: string): string[] =>
      extractResumeDraft(`Experience\n${text}`, RULES)
        .skills.map((s) => s.skillId)
        .sort();
    expect(en('Tutor for Organic Chemistry (2021–2023); co-supervised 2 Master’s theses')).toContain('mentoring');
    expect(en('Mentored 4 junior researchers, one now at MIT')).toEqual(['mentoring']);
    // An entry header alone still shows nothing.
    expect(en('Data Analyst, Acme Corp (2022–2023)')).toEqual([]);
  });

  it('does not take a class activity for event planning', () => {
    expect(phraseSkills('组织课堂活动')).toEqual([]);
    expect(phraseSkills('Planned night shift handovers with the charge nurse')).toEqual([]);
    expect(phraseSkills('Precepted by a senior RN during the final placement')).toEqual([]);
    expect(phraseSkills('Gave IV antibiotics and monitored fluid balance')).toEqual([]);
    // A social platform listed as a tool, or only mentioned, is no social media marketing.
    expect(phraseSkills('Instagram, Canva, Excel')).toEqual([]);
    expect(phraseSkills('Recruited survey respondents through Facebook groups')).toEqual([]);
  });

  it("does not take a portfolio's returns for tax returns", () => {
    expect(phraseSkills('Prepared weekly reports on portfolio returns')).toEqual([]);
    expect(phraseSkills('Drafted a CIM rollout plan for the plant')).toEqual([]);
  });

  it('reads listed Adobe abbreviations, and AI alone as artificial intelligence', () => {
    expect(adobeAbbreviations('PS／AI／AE／C4D').map((h) => h.skillId)).toEqual([
      'photoshop',
      'illustrator',
      'after-effects',
    ]);
    expect(adobeAbbreviations('AI 算法研究')).toEqual([]);
    expect(adobeAbbreviations('PR team and AI research')).toEqual([]);
    expect(listed('PS、AI、AE')).toEqual(['after-effects', 'illustrator', 'photoshop']);
    expect(listed('熟悉AI大模型应用')).toContain('artificial-intelligence');
  });

  it('reads due diligence in a lawyer’s résumé as legal', () => {
    const text = `实习经历\n北京某律师事务所 律师助理 2024.03-2024.06\n参与 IPO 项目的尽职调查`;
    expect(extractResumeDraft(text, RULES).skills.map((s) => s.skillId)).toContain('legal-due-diligence');
    expect(extractResumeDraft(text, RULES).skills.map((s) => s.skillId)).not.toContain('investment-banking');
    expect(inferred('参与 IPO 项目的尽职调查')).toContain('financial-due-diligence');
  });
});

describe('taxonomy spellings', () => {
  it.each([
    ['usability test', 'usability tests'],
    ['Dashboard', 'Dashboards'],
    ['Technology', 'Technologies'],
    ['SQL', undefined],
    ['Go', undefined],
    ['Business', undefined],
    ['数据分析', undefined],
  ])('plural of %s is %s', (name, plural) => {
    expect(englishPlural(name)).toBe(plural);
  });

  it('matches plurals of English names, and product names with an inner capital without list context', () => {
    expect(inferred('Editorial illustrations in Procreate for magazines.')).toContain('illustration');
    expect(onetAliasMode('WordPress')).toBe('cased');
    expect(onetAliasMode('Chef')).toBe('cased-context');
  });
});

describe('education entries', () => {
  const edu = (text: string): [string | null, string | null, string | null][] =>
    extractResumeDraft(text, RULES).education.map((e) => [e.school, e.degree, e.major]);

  it.each([
    [
      'a stated major over a place left over on the school line',
      'EDUCATION\nCarnegie Mellon University, Pittsburgh, PA\nB.S. in Computer Science, May 2025',
      [['Carnegie Mellon University', 'bachelor', 'Computer Science']],
    ],
    [
      'the field of a degree named by it',
      'Education\nRenmin University of China — Bachelor of Economics, Jun 2024',
      [['Renmin University of China', 'bachelor', 'Economics']],
    ],
    [
      'a law degree by its letters',
      'Education\nEast China University of Political Science and Law — LL.B., 2020 – 2024',
      [['East China University of Political Science and Law', 'bachelor', 'Law']],
    ],
    [
      // Kept with the degree's field, as HELD-OUT-13 and -17 label it.
      'a concentration in brackets',
      'Education\nThe University of Hong Kong — Bachelor of Business Administration (Marketing) — 2020 – 2024',
      [['The University of Hong Kong', 'bachelor', 'Business Administration (Marketing)']],
    ],
    [
      'a candidacy that is no field',
      'Education\nDuke University — Ph.D. Candidate, Molecular Biology (expected 2027)',
      [['Duke University', 'doctorate', 'Molecular Biology']],
    ],
    [
      'a BFA',
      'Education\nChina Academy of Art — BFA in Visual Communication Design — 2025',
      [['China Academy of Art', 'bachelor', 'Visual Communication Design']],
    ],
    [
      // HELD-OUT-7.md keeps a direction named by an abbreviation: 会计学（ACCA方向）.
      'a Chinese qualifier and a direction kept, a note dropped',
      '教育背景\n北京师范大学    汉语言文学（师范）    本科    2020年9月至2024年6月\n' +
        '西南财经大学  会计学（ACCA方向）  本科  2016.09-2020.06\n浙江大学  软件工程（全日制）  硕士  2020.09-2023.06',
      [
        ['北京师范大学', 'bachelor', '汉语言文学（师范）'],
        ['西南财经大学', 'bachelor', '会计学（ACCA方向）'],
        ['浙江大学', 'master', '软件工程'],
      ],
    ],
    [
      'key-value words without colons',
      '教育背景\n学校 四川大学 专业 护理学 学历 本科 时间 2020.09-2025.06',
      [['四川大学', 'bachelor', '护理学']],
    ],
    [
      'a heading ruled off from its content',
      '教育背景 ▏对外经济贸易大学 ▏统计学 ▏本科 ▏2021.09-2025.06',
      [['对外经济贸易大学', 'bachelor', '统计学']],
    ],
  ])('%s', (_why, text, entries) => {
    expect(edu(text)).toEqual(entries);
  });
});

describe('tools on lines that are otherwise no evidence', () => {
  const ids = (text: string): string[] =>
    extractResumeDraft(text, RULES)
      .skills.map((s) => s.skillId)
      .sort();

  it('reads the tools of an education line, not its major or courses', () => {
    const text = [
      'EDUCATION',
      'MPhys Physics, University of Oxford (2020–2024)',
      "Master's project: classification of exoplanet transits (Python, scikit-learn)",
      'Took courses in statistics, machine learning and MATLAB',
    ].join('\n');
    expect(ids(text)).toEqual(['python', 'scikit-learn']);
  });

  it('reads the tools of a header line that names a school, not the field', () => {
    const text = [
      '刘子涵 电话 138 2719 6654',
      '2023.11 ｜ 华北电力大学 软件工程专业 毕业设计：用 MATLAB 搭建仿真模型',
    ].join('\n');
    expect(ids(text)).toEqual(['matlab']);
  });

  it('reads what a paragraph résumé says was done, not its contact details, major or objective', () => {
    const text =
      '我叫周明远，电话 13700002020，邮箱 mingyuan.zhou@163.com。2020年9月至2024年6月就读于合肥工业大学，' +
      '专业为车辆工程。实习期间在江淮汽车用 CATIA 完成座椅支架的三维建模，并用 Excel 整理试验数据。希望从事汽车设计工作。';
    expect(ids(text)).toEqual(['3d-modeling', 'catia', 'excel']);
  });
});

describe('clinical rotations, wrapped lines and clinical names', () => {
  const ids = (text: string): string[] =>
    extractResumeDraft(text, RULES)
      .skills.map((s) => s.skillId)
      .sort();

  it("reads a physician's rotations as the specialties practised, not a nurse's wards", () => {
    const doctor = "MBBS, King's College London\nClinical Experience\nGeneral surgery and acute medicine rotations";
    expect(ids(doctor)).toEqual(['internal-medicine', 'surgery']);
    const nurse = '护理 专科\n临床实习\n在心内科、普外科、儿科、急诊科轮转';
    expect(ids(nurse)).toEqual([]);
  });

  it("reads a physician's residency and ward work as clinical medicine, not a nurse's or a TCM physician's", () => {
    const doctor = '临床医学（5+3一体化） 硕士\n临床经历\n心内科独立管床 8—10 张，完成病历书写与查房';
    expect(ids(doctor)).toContain('clinical-medicine');
    const certificate = '临床医学 本科\n证书\n住院医师规范化培训合格证书';
    expect(ids(certificate)).not.toContain('clinical-medicine');
    const tcm = '中医学（五年制）\n临床实习\n独立管床 8–10 张，运用中医辨证论治';
    expect(ids(tcm)).not.toContain('clinical-medicine');
    const nurse = '护理学 本科\n临床实习\n参与管床与查房，完成护理记录';
    expect(ids(nurse)).not.toContain('clinical-medicine');
  });

  it("reads a doctor's clerking, ward rounds and rotations as clinical medicine, not a vet's or a pharmacist's", () => {
    const clerked =
      'MBBS, University of Lagos\nClinical Experience\nPaediatrics: clerked new admissions and joined ward rounds';
    expect(ids(clerked)).toContain('clinical-medicine');
    const rotations = 'Doctor of Medicine (MD), 2025\nCLINICAL ROTATIONS\nCardiology, Alfred Hospital (8 weeks)';
    expect(ids(rotations)).toContain('clinical-medicine');
    const vet = 'Doctor of Veterinary Medicine, 2025\nCLINICAL ROTATIONS\nSmall Animal Internal Medicine (4 wk)';
    expect(ids(vet)).not.toContain('clinical-medicine');
    const pharmacist = 'PharmD, 2025\nAPPE ROTATIONS\nInternal Medicine, County Hospital (6 weeks)';
    expect(ids(pharmacist)).not.toContain('clinical-medicine');
  });

  it("reads no specialty from a nurse's or therapist's wards written without a rotation word", () => {
    const nurse = '护理学 本科\n临床实习\n心血管内科 8周 生命体征监测、心电监护\n儿科 6周 头皮静脉穿刺';
    expect(ids(nurse)).toEqual(['phlebotomy', 'vital-signs']);
    const physio = 'Bachelor of Physiotherapy\nClinical Placements\nPaediatrics, 5 weeks: gait training';
    expect(ids(physio)).not.toContain('pediatrics');
    const vet = '动物医学 本科\n实习经历\n协助完成犬猫绝育等手术 40 余例，负责术后护理';
    expect(ids(vet)).toContain('surgery');
  });

  it('joins a sentence wrapped over two lines before reading it', () => {
    const text = 'WORK\n> - Assisted residents with daily living; measured and recorded vital\n>   signs';
    expect(ids(text)).toContain('vital-signs');
    expect(ids('EXPERIENCE\nDesigned a fitness-testing\nunit for grade 9')).not.toContain('unit-testing');
  });
});

describe('standard names and verbs of more skills', () => {
  it.each([
    ['ran logistic regression in Stata', 'regression-analysis'],
    ['用 R 做 Cox 回归', 'regression-analysis'],
    ['熟练操作紫外分光光度计', 'spectroscopy'],
    ['负责海运出口订舱、报关资料审核', 'customs-compliance'],
    ['Added integration tests and a GitHub Actions CI pipeline', 'software-testing'],
    ['独立搭建三表联动财务模型', 'financial-modeling'],
    ['Monitored Arabic-language media and translated articles into French.', 'translation'],
    ['Prepared the bill of quantities and cost estimates for a school extension', 'cost-estimation'],
    ['Set up air-free reactions on a Schlenk line and in a glovebox', 'lab-safety'],
    ['Recorded clinical observations every four hours on a surgical ward', 'vital-signs'],
    ['Provided brief counseling to adolescents after a crisis', 'psychological-counseling'],
    ['Coded 3,000 emails for privilege in Relativity', 'relativity-e-discovery'],
    ['Maintained transgenic mouse colonies and ran tail-vein injections', 'animal-experiments'],
    ['Ran a two-arm A/B test on the checkout page', 'hypothesis-testing'],
    ['Set up email campaigns for a coffee subscription brand', 'email-marketing'],
    ['Added lint and unit-test stages to the Jenkins pipeline', 'ci-cd'],
    ['Drafted a motion to compel and two deposition outlines', 'litigation'],
    ['Drafted memoranda on state privacy statutes for the partner', 'legal-writing'],
    ['Researched appellate precedents on arbitration clauses', 'legal-research'],
    ['Negotiated savings of 12% with two packaging suppliers', 'business-negotiation'],
    ['Supplier negotiation, tender evaluation, SAP Ariba', 'business-negotiation'],
    ['Market sizing and pricing benchmarks for a dairy client', 'market-research'],
    ['用 Go 开发积分服务，通过 Kafka 异步发放奖励消息', 'message-queue'],
    ['Publish order events to Kafka from the checkout service', 'message-queue'],
    ['Automated the month-end reconciliation with Excel VBA macros', 'excel'],
    ['负责临床标本的细菌培养与药敏试验', 'microbiology'],
    ['每天早晚为住院老人测量血压和血糖', 'vital-signs'],
    ['Took blood pressures and weights at the community clinic', 'vital-signs'],
    ['Daily environmental swabs and microbiological testing of finished goods', 'microbiology'],
    ['Built Rhino models of the façade for the planning meeting', '3d-modeling'],
  ])('%s -> %s', (line, id) => {
    expect(inferred(line)).toContain(id);
  });

  it('reads no product from a word that is also physics, nor a lawsuit from thin-film deposition', () => {
    expect(inferred('Gave a seminar talk on general relativity and Special Relativity')).not.toContain(
      'relativity-e-discovery',
    );
    expect(inferred('Grew oxide films by atomic layer deposition')).not.toContain('litigation');
    expect(inferred('Kafka, Redis, MySQL, Docker')).not.toContain('message-queue');
  });

  it('reads a description line that goes on in lower case even when it holds a year', () => {
    expect(inferred('abstracted charts from Epic and ran logistic regression in Stata. Poster, SAEM 2024.')).toEqual([
      'epic-systems',
      'regression-analysis',
      'stata',
    ]);
  });
});

describe('GD&T, a standard’s symbols', () => {
  const rules = (text: string): string[] =>
    extractResumeDraft(text, RULES)
      .skills.map((s) => s.skillId)
      .sort();

  it.each([
    ['listed bare', 'Skills\nSolidWorks, MATLAB, GD&T, 3D printing', ['3d-printing', 'matlab', 'solidworks']],
    ['an inspection plan based on it', 'Experience\nWrote GD&T-based inspection plans', []],
    [
      'drawings released with it',
      'Experience\n• Designed welding fixtures in SolidWorks and released drawings with GD&T',
      ['mechanical-design', 'mechanical-drawing', 'solidworks'],
    ],
    ['drawings produced', 'Experience\n• Produced GD&T drawings and a DFMEA', ['mechanical-drawing', 'quality-tools']],
  ])('%s', (_, text, want) => {
    expect(rules(text)).toEqual(want);
  });
});

describe("a dental hygienist's radiographs", () => {
  const rules = (text: string): string[] =>
    extractResumeDraft(text, RULES)
      .skills.map((s) => s.skillId)
      .sort();

  it('are the profession’s routine, where a vet technician’s are imaging', () => {
    expect(rules('AAS, Dental Hygiene\nClinical Experience\nTook and processed bitewing radiographs')).toEqual([]);
    expect(rules('AAS, Veterinary Technology\nClinical Experience\nTook and processed radiographs')).toEqual([
      'medical-imaging',
    ]);
  });
});
