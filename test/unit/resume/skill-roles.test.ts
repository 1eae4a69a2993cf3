import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { roleSkills } from '../../../src/domain/resume/skill-roles.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';
import { extractSkills } from '../../../src/domain/skills/extract.ts';

const taxonomy = getTaxonomy();
const roles = (line: string, entry = ''): string[] => roleSkills(line, entry).map((h) => h.skillId);
const found = (text: string): string[] => extractSkills(text, taxonomy).map((m) => m.id);

describe('roles that are skills by the labelling convention', () => {
  it.each([
    ['Editor-in-Chief, The Daily Northwestern (2023–2024)', ['student-leadership']],
    ['AAPA; Duke PA Student Society (class president)', ['student-leadership']],
    ['2021.07~2022.06 安徽某中学 语文代课教师（高一两个班）', ['teaching', 'chinese-teaching']],
    ['2024.09-2024.12 郑州外国语学校 高二物理实习教师', ['teaching', 'science-teaching']],
    ['Student Teacher, Bloomington High School South, Choir (Spring 2024)', ['teaching']],
    ['Formula Student, Dynamis PRC (2020 – 2023): chassis team lead', ['student-leadership']],
    ['校广播台 台长（2021.9—2023.6）：策划并主持校园电台节目', ['student-leadership']],
    ['研究生会秘书处 副部长｜负责会议安排与文件收发', ['student-leadership']],
    ['Teaching Fellow, HIST 101 "Modern Europe" (2022–2024)', ['academic-research-assistance']],
    ['Tutor, Department of Financial Accounting, University of Pretoria', ['academic-research-assistance']],
    ['Graduate Teaching Associate, Dept. of Linguistics, Aug 2023 – May 2025', ['academic-research-assistance']],
    ['Student Demonstrator, School of Chemistry, University of Leeds', ['academic-research-assistance']],
    ['Instructor, STAT 200 Elementary Statistics, Summer 2024', ['academic-research-assistance']],
    ['Tutor for Quantum Mechanics 1 (2021–2023)', ['academic-research-assistance']],
    ['Certificated Flight Instructor, Skyway Aviation', ['teaching']],
    // A tutor or teacher by trade in any case teaches, with the subject its title names.
    ['Weekend reading tutor, Riverside Library (2022 – 2023)', ['teaching']],
    ['Physics tutor, Northside Learning, 2021 – 2024', ['science-teaching', 'teaching']],
    ['Private cello teacher (2019–present): 9 pupils', ['arts-education', 'teaching']],
    ['Volunteer ESL tutor, Harbour Refugee Centre', ['volunteering', 'tesol', 'teaching']],
    ['Swimming instructor, Lakeside Leisure Centre (summers)', ['physical-education', 'teaching']],
    ['Community choir teacher (2020 – 2022)', ['arts-education', 'teaching']],
    ['Outdoor instructor, Coastal Adventure Centre (2019 – 2022)', ['teaching']],
    ['Undergraduate Instructor, K201 Business Computing, Fall 2023', ['academic-research-assistance']],
    ['Undergraduate Course Assistant, MATH 140 Calculus (Fall 2024)', ['academic-research-assistance']],
    ['Graduate TA, CHEM 210 Organic Chemistry', ['academic-research-assistance']],
    ['Registered physiotherapist (HCPC), MSK outpatients', ['rehabilitation']],
    ['Occupational Therapist, community hand clinic, 2025 – present', ['rehabilitation']],
    ['Doctor of Physical Therapy, expected May 2026', ['rehabilitation']],
    ['Physical Therapist Aide, a sports clinic (2022)', []],
    ['BLS provider, American Heart Association (2024)', ['basic-life-support']],
    ['Immediate Life Support (Resus Council UK), 2023', ['basic-life-support']],
    ['Joined state payroll records with BLS employment series', []],
    ['Lab preceptor (TA) for Intro Physics, 2023', ['academic-research-assistance']],
    ['TA for ECON 101, two semesters', ['academic-research-assistance']],
    // Not a teacher worked beside, nor a department's tutor.
    ['Co-planned units with the cooperating teacher', []],
    // A school's tutor is its teaching assistant (3 of 3 dev résumés).
    ['Tutor (casual), School of Economics, 2024', ['academic-research-assistance']],
    ['Youth Mentor (volunteer), Northside Boys and Girls Club, 2021 – 2023', ['volunteering', 'mentoring']],
    ['Peer mentor for first-year nursing students (2022 – 2023)', ['mentoring']],
    ['Peer Mentor, ECON 101 (Autumn 2023)', []],
    ['Interpreter (volunteer), Red Cross Montreal (2020–2022)', ['volunteering']],
    // A 支教 volunteer teaches and volunteers; 支教 alone teaches (HELD-OUT-7 … -26), and a 三下乡 written as the
    // college's summer practice is no volunteering, unlike one its volunteers go on.
    ['2023年7月 “三下乡”支教志愿者，为留守儿童开设趣味数学课', ['volunteering', 'teaching']],
    ['2022年暑假 云南某村小学 支教两周，给四年级上英语课', ['teaching']],
    ['2021.07 “三下乡”科技支农，给果农讲解病虫害防治', ['volunteering']],
    ['2022.07 陕西 周至县 “三下乡”社会实践', []],
    ['组织暑期“三下乡”土壤调研实践', []],
    ['济南市全民健身中心 | 社会体育指导员（志愿） | 2023.05 ~ 2023.10', ['volunteering']],
    ['2023.09—2024.06 山东大学博物馆 志愿讲解员', ['volunteering']],
    ['参与口腔健康宣教义诊活动', ['volunteering']],
    // A part-time teacher teaches, with the subject where the title names it.
    ['2023.10 – 2024.01 南京市鼓楼区某教育机构 初中语文兼职老师', ['teaching', 'chinese-teaching']],
    ['2022.09—2025.01 广州 珠江钢琴艺术中心 兼职钢琴教师', ['teaching', 'arts-education']],
    ['2022.09 ｜ 担任学院科协副主席，组织 3 次电子设计培训', ['student-leadership']],
    ['北京交通大学统计学会　会长　2023.09 - 2024.06', ['student-leadership']],
    ['校田径队 男子 400 米栏 队长', ['student-leadership']],
    ['公共管理学院团委副书记，组织主题团日活动', ['student-leadership']],
    ['2021.09-2025.06 某某大学 学生（班级学习委员）', ['student-leadership']],
    // A class's League secretary and a Party branch's committee member are no student leadership.
    ['校内经历：担任班级团支书', []],
    ['机械学院本科生第三党支部 宣传委员', []],
    ['Purdue Formula SAE — Suspension Lead', ['student-leadership']],
    ['IEEE student branch treasurer (2022–2023)', ['student-leadership']],
    ['Wharton Marketing Club, VP Careers', ['student-leadership']],
    ['Cardiff Robotics Club — team leader, Eurobot 2023', ['student-leadership']],
    ['Managing Editor of the Varsity Gazette since 2023', ['student-leadership']],
    ['Phi Alpha Theta (History Honor Society) · Vice President', ['student-leadership']],
    ['Events Coordinator, Chinese Students and Scholars Association', ['student-leadership']],
    ['Art Director, Ink (student magazine), 2023–2025', ['student-leadership']],
    ['Regiment of Cadets, Company Commander 2023–24', ['student-leadership']],
    ['DEBATE SOCIETY SECRETARY. CHESS CLUB MEMBER.', ['student-leadership']],
    ['Editor in Chief, The Campus Gazette (2022–2023)', ['student-leadership']],
    ['Oxford Chemistry Society – Outreach Director (2023/24)', ['student-leadership']],
    ['Rice Rocketry Club: led a 7-member avionics subteam', ['student-leadership']],
    ['Debate Union — led a team of five at the national finals', ['student-leadership']],
    ['UNDERGRADUATE FINANCE ASSOCIATION — Treasurer', ['student-leadership']],
    ['Wolfpack Motorsports, Aero Lead', ['student-leadership']],
    ['Fourth Grade Teacher, Riverside Elementary School (2023 – present)', ['teaching']],
    ['Kindergarten Teacher at Little Oaks Nursery', ['teaching']],
    ['Co-president, Undergraduate Economics Association', ['student-leadership']],
    ['Founded and ran Michigan Women in Business Ops club (180 members)', ['student-leadership']],
    ['SJTU Formula Student Team — Suspension Group Leader (2022–2023)', ['student-leadership']],
    ['Beta Alpha Psi (Vice President of Reporting); Dean’s List', ['student-leadership']],
    ['Math Department Peer Tutor (2022–2025)', ['academic-research-assistance']],
    ['Student Tutor, St Andrews Mathematics Department', ['academic-research-assistance']],
    ['Tutored K-5 students in reading and writing twice a week', ['teaching']],
    ['Tutor (volunteer), The Access Project: weekly GCSE maths tutoring', ['volunteering', 'teaching']],
    // A pharmacist's post or registration.
    ['Registered Pharmacist (RPh), Ohio, 2025', ['pharmacy']],
    ['PHARMACY INTERN — Rite Aid (2022 – 2024)', ['pharmacy']],
    // A nurse's post or registration.
    ['Staff Nurse, Royal Infirmary — Surgical Ward (2023 – present)', ['nursing']],
    ['Priya Nair, BSN, RN', ['nursing']],
    ['Nursing Officer, County Referral Hospital', ['nursing']],
    // A club's officers by their office, and an officer under a label of activities on the line.
    ['Coordinator, Robotics Club (2022 – 2023)', ['student-leadership']],
    ['Convener, Debating Society, 2021-22', ['student-leadership']],
    ['Chess Society — Welfare Officer (2023 – 2024)', ['student-leadership']],
    ['Design Head, Entrepreneurship Cell Student Council (2022–23)', ['student-leadership']],
    ['Vice-president of the Film Club (2021 - 2022)', ['student-leadership']],
    ['Senior Notes Editor, Iowa Law Review', ['student-leadership']],
    ['Extra-curricular activities: President, Harbour Hikers', ['student-leadership']],
  ])('%s', (line, ids) => {
    expect(roles(line)).toEqual(ids);
  });

  it.each([
    // A job at an employer, not a student's role.
    'Vice President, Goldman Sachs (2024 – present)',
    '上海某科技有限公司 项目组长',
    // Volunteers coordinated, not volunteering done.
    'Coordinated 60 volunteers for weekly food distributions.',
    '组织社区长者小组活动，链接志愿者资源',
    // A leader's word without a student body.
    'President of the board',
    'Events Coordinator, Hilton Garden Inn (2022–2023)',
    // Nurses and a pharmacist worked beside.
    'Reconciled medications with the pharmacist at discharge',
    'Handed over patients to the Registered Nurses on the night shift',
    // An office that is a job at a team or an association.
    'Field Coordinator, Northern Health Survey (led a 10-person team)',
    'Loan Officer, Farmers Cooperative Association (2021 – 2023)',
    '- Lead a team of two practitioners in the toddler room',
    'Sales Director, Harlow Foods (2019–2022)',
    'Led a 12-person team of auditors at the client',
    'Teacher Aide, Harbour Primary School (2022)',
    'Passed the Licensure Examination for Teachers, 2023',
    '初中音乐教师资格证',
    // Tutoring received.
    'Tutored by a graduate student in organic chemistry',
    // An officer of a body with no club word, outside a part of activities.
    'President, Wellesley Women in Economics (2023–2024)',
    'Group Leader, Siemens Group (2019–2022)',
    // Capitals: a lead agronomist is a colleague, not a role held.
    'MADE FERTILIZER RECOMMENDATIONS WITH THE LEAD AGRONOMIST.',
  ])('no role skill in %s', (line) => {
    expect(roles(line)).toEqual([]);
  });

  it("reads a role line under its student body's line, not under an employer's", () => {
    const ids = (text: string): string[] => extractResumeDraft(text, { taxonomy }).skills.map((s) => s.skillId);
    const block = (body: string): string =>
      ['Experience', body, 'Chassis Lead        Aug 2022 – May 2024', '- Lead a team of 6 designing the frame'].join(
        '\n',
      );
    expect(ids(block('Leeds Formula Student'))).toContain('student-leadership');
    expect(ids(block('Jaguar Land Rover Ltd, Gaydon'))).not.toContain('student-leadership');
  });

  it("reads an officer's title under a heading of activities as a student role, whatever the body's name", () => {
    const ids = (heading: string): string[] =>
      extractResumeDraft(`${heading}\nPresident, Wellesley Women in Economics (2023–2024)`, { taxonomy }).skills.map(
        (s) => s.skillId,
      );
    expect(ids('LEADERSHIP')).toEqual(['student-leadership']);
    expect(ids('POSITIONS OF RESPONSIBILITY')).toEqual(['student-leadership']);
    expect(ids('EXPERIENCE')).toEqual([]);
  });

  it('reads what is written under a heading of volunteer work as volunteering', () => {
    const ids = (heading: string): string[] =>
      extractResumeDraft(`${heading}\nColumbus Free Clinic — blood-pressure screenings (2022–2024)`, {
        taxonomy,
      }).skills.map((s) => s.skillId);
    expect(ids('VOLUNTEER')).toContain('volunteering');
    expect(ids('CLINICAL & VOLUNTEER EXPERIENCE')).toContain('volunteering');
    expect(ids('CLINICAL EXPERIENCE')).not.toContain('volunteering');
  });

  it('reads a role wherever it is written, as the convention counts it (under the education or the interests)', () => {
    const text = [
      'Education',
      'Northwestern University School of Law, J.D. Candidate, May 2026',
      'Activities: Latinx Law Students Association, Treasurer',
      'Interests',
      'Debating (President, Leeds University Debating Society 2023–24), running',
    ].join('\n');
    expect(extractResumeDraft(text, { taxonomy }).skills.map((s) => [s.skillId, s.source])).toEqual([
      ['student-leadership', 'inferred'],
    ]);
  });

  it('reads the role in an entry header, which the other rules drop', () => {
    const draft = extractResumeDraft('Experience\nTeaching Assistant, ECON 101 (Sep 2023 – Dec 2023)\nGraded essays.', {
      taxonomy,
    });
    expect(draft.skills.map((s) => s.skillId)).toContain('academic-research-assistance');
  });

  it("reads a TA's sections and grading as the assistantship only, a student teacher's as teaching", () => {
    const ids = (text: string): string[] =>
      extractResumeDraft(text, { taxonomy })
        .skills.map((s) => s.skillId)
        .sort();
    const ta =
      'Experience\nTeaching Fellow, HIST 101 (2022–2024)\n- Led weekly sections of 18 students, graded essays.';
    expect(ids(ta)).toEqual(['academic-research-assistance']);
    expect(ids('科研与助教经历\n担任本科生课程助教两学期，批改作业、上习题课')).toEqual([
      'academic-research-assistance',
    ]);
    const teacher =
      'Experience\nStudent Teacher, P.S. 124 (Spring 2024)\n- Taught a fractions unit and graded quizzes.';
    expect(ids(teacher)).toEqual(['educational-assessment', 'teaching']);
  });
});

describe("a research assistant's post (LABELLING.md, 2026-12-07)", () => {
  const ids = (text: string): string[] =>
    extractResumeDraft(text, { taxonomy })
      .skills.map((s) => s.skillId)
      .sort();

  it.each([
    ['Graduate Research Assistant, Walton Lab, Georgia Tech   2021–present', ['academic-research-assistance']],
    ['RESEARCH ASSISTANT, Gillings School (2023–2025)', ['academic-research-assistance']],
    ['Worked as a research assistant in the Sleep & Emotion Lab', ['academic-research-assistance']],
    ['2023.12—2024.01 | 学院电力电子实验室 | 助研', ['academic-research-assistance']],
    ['国家社科基金项目 | 研究助理 | 2023.03-2024.12', ['academic-research-assistance']],
    ['大三起担任课题组科研助理', ['academic-research-assistance']],
    // HELD-OUT-5.md had read it as no teaching assistance; LABELLING.md now names both posts one skill.
    ['科研助理：负责文献整理', ['academic-research-assistance']],
    // A demonstrator of practicals by any title is a TA (LABELLING.md's TA item).
    ['Demonstrator, Year 2 organic chemistry laboratories, 2021–2024', ['academic-research-assistance']],
    ['Anatomy demonstrator, Division of Medical Education', ['academic-research-assistance']],
    // Not research assistants worked beside or led, research assisted without the post, nor a firm's or a
    // court's post, nor a shop's demonstrator.
    ['Supervised research assistants coding interviews', []],
    ['Assisted research on soil carbon in the Agronomy Lab', []],
    ['2024.06–2024.10 华泰证券 研究所 · 电子行业研究助理', []],
    ['Equity Research Assistant, Jefferies LLC (Summer 2024)', []],
    ['Supreme Court of India — Law Clerk-cum-Research Assistant (2020)', []],
    ['Product Demonstrator, Costco (weekends)', []],
  ])('%s', (line, want) => {
    expect(roles(line)).toEqual(want);
  });

  it("reads the post under the firm's line above it, and never a thesis or a project without the post", () => {
    expect(roles('研究助理实习生  2024.03 – 2024.06', '华泰证券  研究所  电子行业组  南京')).toEqual([]);
    expect(roles('Research Assistant   Jan 2023 – May 2024', 'UCLA Child Anxiety Lab')).toEqual([
      'academic-research-assistance',
    ]);
    const ra =
      'Experience\nResearch Assistant, UMD Department of Economics (2023–2024)\n- Cleaned Census data in Stata.';
    expect(ids(ra)).toEqual(['academic-research-assistance', 'data-cleaning', 'stata']);
    const thesis = 'Research\nHonours thesis, Child Language Lab (2024)\n- Cleaned survey data in Stata.';
    expect(ids(thesis)).toEqual(['data-cleaning', 'stata']);
    expect(ids('科研经历\n参与国家自然科学基金项目，协助导师完成问卷数据的 SPSS 分析')).not.toContain(
      'academic-research-assistance',
    );
  });
});

describe('short names of O*NET tools', () => {
  it.each([
    ['Rhino 建模、KeyShot 渲染', 'mcneel-rhinoceros-3d'],
    ['Researched case law on Westlaw', 'thomson-reuters-westlaw'],
    ['Lexis Advance', 'lexisnexis-lexis-advance'],
    ['charting in Epic', 'epic-systems'],
    ['renderings in V-Ray', 'chaos-group-v-ray'],
    ['Civil 3D corridor models', 'autodesk-autocad-civil-3d'],
    ['NVivo thematic coding', 'qsr-international-nvivo'],
    ['Software: Avimark, IDEXX Cornerstone', 'mcallister-software-systems-avimark'],
    ['Software: Avimark, IDEXX Cornerstone', 'idexx-laboratories-idexx-cornerstone'],
    ['catalogued a photo collection in Omeka', 'omeka-software'],
    ['Mathematica, LabVIEW, LaTeX', 'wolfram-research-mathematica'],
    ['built a reservoir model in Petrel', 'schlumberger-petrel-e-and-p'],
    ['engraved the band parts in Finale', 'makemusic-finale'],
    ['dispensed from the Pyxis MedStation', 'pyxis-medstation-software'],
  ])('%s → %s', (text, id) => {
    expect(found(text)).toContain(id);
  });

  it('keeps the letter case of names that are ordinary words', () => {
    expect(found('an epic journey')).toEqual([]);
    expect(found('watched the season finale')).toEqual([]);
    expect(found('a cornerstone of the plan')).toEqual([]);
  });
});

describe('lines before any heading', () => {
  const ids = (text: string): string[] =>
    extractResumeDraft(text, { taxonomy })
      .skills.map((s) => s.skillId)
      .sort();

  it('reads inline-marked activity and tool lines of a résumé without headings', () => {
    const text = [
      '→ Samira Haddad — Product Designer',
      '→ samira@example.com • (412) 555-0188',
      '🎓 Carnegie Mellon University — Master of Human-Computer Interaction, 2024',
      '💼 UX Design Intern, Duolingo (Summer 2023)',
      '🛠 Figma, Adobe XD, Illustrator',
    ].join('\n');
    expect(ids(text)).toEqual(['adobe-xd', 'figma', 'illustrator']);
  });

  it('never reads contact details, an objective or education there', () => {
    const text = [
      '陈思远',
      '求职意向：数据分析、财务分析',
      '电话：138 0000 1111 ｜ 邮箱：a@b.cn',
      '2020.09-2024.06 上海财经大学 会计学 本科',
    ].join('\n');
    expect(ids(text)).toEqual([]);
  });

  it('takes 主持 of a trial or a project for leading it, not hosting', () => {
    expect(ids('实习经历\n研究生期间主持水稻耐盐品种筛选田间试验，用 SAS 进行方差分析')).not.toContain('broadcasting');
    expect(ids('校园经历\n主持校园电台节目 30 期')).toContain('broadcasting');
  });
});
