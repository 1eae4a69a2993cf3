import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { familySkills } from '../../../src/domain/resume/skill-families.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const family = (sentence: string): string[] => familySkills(sentence).map((h) => h.skillId);

describe('general skills stated as what was done', () => {
  it.each([
    ['用 Python 分析仓内拣货路径数据，提出波次合并方案', ['data-analysis', 'logistics']],
    ['整理调查数据，用 SPSS 做方差分析。', ['data-analysis']],
    ['Analyzed statewide overdose surveillance data in SAS and R', ['data-analysis']],
    // A grid's studies and equipment, not a company named Feeders.
    ['Checked relay settings for 33 kV feeders at two rural substations', ['power-systems']],
    ['Sized inverters for a grid-connected rooftop PV array', ['power-systems']],
    ['Summer intern at Plains Feeders, a cattle feedyard', []],
    // A building's structure designed to its code, not a hull's or a wing's.
    ['Produced reinforcement drawings for a car-park ramp', ['civil-engineering']],
    ['Did structural calculations for timber beams in a school extension', ['civil-engineering']],
    ['Walked the slab formwork with the foreman before each pour', ['construction-management']],
    ['Ran structural analysis of a composite wing spar in Abaqus', []],
    // Growers' fields scouted and sampled for advice, not a site's soil tested for contamination.
    ['Scouted 1,200 acres of canola and barley for flea beetles', ['agronomy']],
    ['Took soil samples and wrote fertiliser plans for 15 growers', ['agronomy']],
    ['Took soil samples around a former fuel depot for contamination testing', []],
    ['用 Excel 做投放效果分析', ['excel-data-analysis']],
    // Analysed with a spreadsheet or a statistics package is the convention's "analysed X with a tool" too.
    ['Analysed yield histories in Excel to support credit reviews', ['data-analysis']],
    ['Organized three sensory panels and analysed results in JMP', ['data-analysis']],
    ['Entered and cleaned data in REDCap and ran t-tests and ANOVAs in SPSS', ['data-analysis']],
    ['24-h dietary recalls entered in NDSR; SPSS analysis', ['data-analysis']],
    // The subject taught (HELD-OUT-5.md), never a teacher's certificate.
    ['讲授“电磁感应”等新课 22 节，担任物理课教学', ['teaching', 'science-teaching']],
    ['Planned and delivered NGSS-aligned chemistry units to three sections', ['science-teaching']],
    ['Planned and taught literacy and numeracy sequences', ['teaching', 'mathematics-teaching']],
    ['高中英语教师资格证', []],
    // Counted with a tool is analysed with it (HELD-OUT-5.md), and the tool may stand further from the verb.
    ['会用 SPSS 做简单的成绩统计', ['data-analysis']],
    ['设计并分析 A/B 实验，用 Python 做假设检验', ['data-analysis']],
    ['用 Python 做用户分群（K-means）', ['data-analysis']],
    ['处理 RNA-seq 数据（用 R 的 DESeq2 做差异表达分析）', ['data-analysis']],
    ['statistics in GraphPad Prism', ['data-analysis']],
    ['负责病例收集和 SPSS 统计分析', ['data-analysis']],
    ['qualitative, thematic analysis in NVivo', []],
    ['用 NVivo 做质性分析', []],
    ['Stata 统计学课程', []],
    ['大三做了一学期教育实习，独立上了 20 节数学课', ['teaching', 'mathematics-teaching']],
    ['担任初二年级语文教学，兼任班主任', ['teaching', 'chinese-teaching']],
    [
      'Graduate Student Instructor: led sections of 30 students, wrote and graded problem sets',
      ['teaching', 'educational-assessment'],
    ],
    ['Presented weekly tutorials to 40 first-year students and marked tests.', ['teaching', 'educational-assessment']],
    ['设计并组织中班主题活动 15 次', ['lesson-planning', 'early-childhood-education']],
    ['独立设计并组织中班科学活动《会跳舞的盐》', ['lesson-planning', 'early-childhood-education']],
    ['Led a toddler room of 3 educators', ['early-childhood-education']],
    ['Registered Early Childhood Educator (College of ECE)', ['early-childhood-education']],
    ['中学心理健康教育兼职教师：设计并讲授心理健康课 16 课时', ['teaching', 'lesson-planning']],
    ['制订个人教学计划，每学期组织一次学生汇报演出', ['lesson-planning']],
    ['会用希沃白板、PPT 做课件', ['lesson-planning']],
    // Taught by 讲授 or 教授 with what or whom, never a professor named.
    ['“乡村振兴”暑期支教（福建宁德），为初一学生讲授数学', ['teaching', 'mathematics-teaching']],
    ['兼职声乐老师，教授少儿声乐 15 名学生', ['teaching', 'arts-education']],
    ['承担初一年级 4 个班体育课，编写教案', ['teaching', 'physical-education']],
    ['2021 年起在琴行兼职钢琴教师，教 12 名 6-14 岁学生', ['teaching', 'arts-education']],
    ['Co-taught an intermediate adult ESL class of 15', ['teaching', 'tesol']],
    ['负责微信公众号与微博日常运营', ['new-media-operations']],
    ['搭建并运营抖音小店，负责选品和商品上架', ['ecommerce-operations']],
    ['采写社会新闻稿件 20 余篇', ['journalism']],
    ['I reported and wrote 25 bylined metro stories', ['journalism']],
    ['负责 12 个小区的播种、调查和测产', ['agronomy']],
    ['Coordinated with hauliers to book warehouse slots', ['logistics']],
  ])('%s', (sentence, ids) => {
    expect(family(sentence)).toEqual(ids);
  });

  it.each([
    // A course or a class attended is no teaching.
    'At school I taught myself SQL and Tableau.',
    '主修课程：数据结构、操作系统',
    'Completed a risk assessments review for the audit team',
    '参与课题组的文献整理',
    'Self-taught in Figma',
    '负责抖音账号运营',
    'wrote Airflow DAGs to refresh features daily',
    'I like turning messy shipment data into decisions.',
    '导师：某教授（心血管内科）',
    '2022.09—至今 中国药科大学 药剂学 课题组（导师：××教授）',
    // A report built in a spreadsheet after an analysis in another tool names no analysis in it.
    'Analysed campaign performance in Google Analytics and built weekly reports in Excel',
  ])('nothing in %s', (sentence) => {
    expect(family(sentence)).toEqual([]);
  });

  it.each([
    ['experience', '用 SolidWorks 完成谐波减速器三维建模与装配，出二维工程图', 'mechanical-design'],
    ['experience', 'Designed stamping fixtures in SolidWorks', 'mechanical-design'],
    ['experience', '用 PyTorch 训练检测模型，mAP 提升 6.3%', 'deep-learning'],
    ['experience', '使用 Spring Boot 和 MyBatis 开发后端对账模块接口', 'backend-development'],
    ['experience', 'Wrote STM32 firmware in C', 'embedded-development'],
    ['experience', '参与方案设计，用 Revit 绘制施工图', 'architectural-design'],
  ])('a tool used for its family work in the %s shows that work: %s', (part, line, id) => {
    const skills = extractResumeDraft(`${part}\n${line}`, { taxonomy: getTaxonomy() }).skills;
    expect(skills.find((s) => s.skillId === id)).toMatchObject({ source: 'inferred', evidence: line });
  });

  it.each([
    [
      'a model built in a BIM tool',
      'Set up Revit models of the car park for the weekly clash checks',
      'architectural-design',
    ],
  ])('%s does not show its family work: %s', (_, line, id) => {
    const skills = extractResumeDraft(`experience\n${line}`, { taxonomy: getTaxonomy() }).skills;
    expect(skills.map((s) => s.skillId)).not.toContain(id);
    expect(skills.length).toBeGreaterThan(0);
  });

  // LABELLING.md, 2026-12-07 21:15: a tool's field only where the résumé writes it, in a title or a target too.
  it("shows a framework's or a board's field only where the field is written", () => {
    const ids = (text: string): string[] =>
      extractResumeDraft(text, { taxonomy: getTaxonomy() })
        .skills.map((s) => s.skillId)
        .sort();
    expect(ids('项目经历\n使用 Spring Boot 和 MyBatis 开发对账模块接口')).toEqual(['mybatis', 'spring-boot']);
    expect(ids('Experience\nBuilt REST APIs in Flask')).toEqual(['flask', 'rest-api']);
    expect(ids('项目经历\n基于 STM32 编写温湿度采集程序')).toEqual(['stm32']);
    expect(ids('Experience\nFirmware Intern, Ecobee (2023)\n- Wrote C drivers for an STM32 sensor board')).toEqual([
      'embedded-development',
      'stm32',
    ]);
    expect(ids('实习经历\n嵌入式软件实习生  2024.07-2024.09\n基于 STM32 开发温湿度采集程序')).toEqual([
      'embedded-development',
      'stm32',
    ]);
    // An address is no field written.
    expect(ids('邮箱：hanlei_embedded@seu.edu.cn\n项目经历\n基于 STM32 开发电池采集程序')).toEqual(['stm32']);
  });

  it('a tool in a skills list shows only the tool', () => {
    const ids = extractResumeDraft('技能\nSolidWorks、PyTorch、Spring Boot、STM32', {
      taxonomy: getTaxonomy(),
    }).skills.map((s) => s.skillId);
    expect(ids.sort()).toEqual(['pytorch', 'solidworks', 'spring-boot', 'stm32']);
  });

  it('marks a family skill inferred and keeps its sentence as evidence', () => {
    const text = '实习经历\n2023.09-2023.12 某小学 教育实习\n独立上了 20 节数学课，批改作业。';
    const teaching = extractResumeDraft(text, { taxonomy: getTaxonomy() }).skills.find((s) => s.skillId === 'teaching');
    expect(teaching).toEqual({
      name: '独立上了 20 节数学课',
      skillId: 'teaching',
      source: 'inferred',
      evidence: '独立上了 20 节数学课，批改作业。',
    });
  });
});
