/**
 * The third DEV résumé set (16 Chinese, 14 English), written on 2026-12-06 by the helper revising the skill rules,
 * before the rules were changed and without looking at any held-out résumé. Dev data like dev-set.ts and
 * dev-set-2.ts: rules may be changed after looking at its errors, so its figures measure nothing.
 *
 * What it adds: Chinese layouts with 教育背景 / 实习经历 / 项目经历 / 技能证书 / 自我评价 written in several ways
 * (bracketed, numbered, key-value, one line per entry), skills written as Chinese names, abbreviations (PS、PR、AE、
 * k8s), mixed 中英文 without spaces (熟悉Python、会用SQL), inside sentences, with proficiency words (精通、熟练掌握、
 * 了解), lists separated by 、 ／ / ， and spaces; and traps: employers whose names hold a skill word (京东物流、平安保险、
 * 会计师事务所、蓝标广告), job titles in sentences (担任前端开发工程师), training received (参加入职培训), paperwork
 * (整理申报材料), test sets (测试集), counsellors (辅导员), hobbies, courses, wishes and soft skills in prose.
 *
 * Labelling convention: the one of dev-set-2.ts (a skill the résumé says the graduate has or did; not courses,
 * majors, objectives, skills being learned, employers, titles alone, hobbies, soft skills in prose; languages and
 * language certificates apart). Labels were written with the text, before the extractor was run on it.
 *
 * Label corrections after the first run (each a label that broke the convention, never a rule): added
 * chinese-teaching (dev3-zh-7, 语文教学), 3d-modeling and robotics (dev3-zh-12, 三维建模, a robot built),
 * advertising (dev3-zh-15, 站内广告投放); payroll-accounting for compensation-benefits (dev3-zh-5, 核算薪酬, as
 * dev2-zh-13 labels it); human-resources for administration (dev3-en-7, HR administration); removed
 * educational-assessment (dev3-zh-7, grading, which dev2-zh-11 does not label) and teaching (dev3-en-1, office hours
 * of a teaching assistant, which dev2-en-14 does not label).
 */
import type { LabelledResume } from './dev-set.ts';

export const DEV_SET_3: readonly LabelledResume[] = [
  {
    id: 'dev3-zh-1',
    lang: 'zh',
    layout: 'bracketed-ops',
    text: `【个人信息】
姓名：周梦琪    电话：13811112222    邮箱：mengqi.zhou@163.com
【教育背景】
2021.09-2025.06 南京师范大学 新闻学 本科
【实习经历】
2024.06-2024.09 京东物流集团 市场部 运营实习生
负责小红书、抖音账号的日常内容发布，策划 3 场线上活动，粉丝增长 2 万。
用Excel做周报，整理投放数据并向主管汇报。
【技能证书】
办公软件：Word／Excel／PPT
设计：PS、PR 剪辑基础
大学英语六级
【自我评价】
性格开朗，沟通能力强，有较强的责任心和团队合作精神。`,
    labels: {
      name: '周梦琪',
      email: 'mengqi.zhou@163.com',
      phone: '13811112222',
      education: [{ school: '南京师范大学', degree: 'bachelor', major: '新闻学', graduation: '2025-06' }],
      skills: [
        'event-planning',
        'excel',
        'photoshop',
        'powerpoint',
        'premiere-pro',
        'short-video-operations',
        'video-editing',
        'word',
        'xiaohongshu',
      ],
      certificates: ['cet-6'],
    },
  },
  {
    id: 'dev3-zh-2',
    lang: 'zh',
    layout: 'numbered-accounting',
    text: `李佳慧
手机 15900003333 ｜ 邮箱 jiahui_li@qq.com
一、教育背景
2020.09—2024.06  西南财经大学  会计学（ACCA方向）  管理学学士
二、实习经历
2023.07—2023.10  安永华明会计师事务所  审计部实习生
协助完成制造业客户的年报审计，编制固定资产和存货的审计底稿，参与存货监盘。
2023.01—2023.02  中国平安保险（集团）股份有限公司  财务部实习生
负责费用报销单据审核、银行对账和记账凭证录入，使用用友U8完成月末结账。
三、技能证书
初级会计职称、证券从业资格、英语四级
熟练使用Excel（VLOOKUP、数据透视表）、用友、金蝶
四、自我评价
做事细心，抗压能力强，希望在财务分析方向继续发展。`,
    labels: {
      name: '李佳慧',
      email: 'jiahui_li@qq.com',
      phone: '15900003333',
      education: [{ school: '西南财经大学', degree: 'bachelor', major: '会计学', graduation: '2024-06' }],
      skills: [
        'accounting',
        'auditing',
        'excel',
        'excel-data-analysis',
        'fixed-assets',
        'kingdee',
        'yonyou',
      ],
      certificates: ['cet-4'],
    },
  },
  {
    id: 'dev3-zh-3',
    lang: 'zh',
    layout: 'key-value-backend',
    text: `姓名：吴昊
电话：18622224444
邮箱：wuhao.dev@gmail.com
学校：华南理工大学
专业：计算机科学与技术
学历：本科
毕业时间：2025年6月
实习经历
2024年7月-2024年12月  腾讯科技（深圳）有限公司  后台开发实习生
担任后台开发工程师助理，使用Go和gRPC重构订单服务，接口平均耗时降低30%；
用Redis做热点缓存，MySQL分库分表；服务部署在k8s上。
项目经历
分布式键值存储（课程设计） 基于Raft实现多副本一致性，C++编写，用gtest写单元测试。
专业技能
精通C++、Go；熟悉Linux、Shell、Git；了解Docker、Kafka`,
    labels: {
      name: '吴昊',
      email: 'wuhao.dev@gmail.com',
      phone: '18622224444',
      education: [{ school: '华南理工大学', degree: 'bachelor', major: '计算机科学与技术', graduation: '2025-06' }],
      skills: [
        'cpp',
        'distributed-systems',
        'docker',
        'git',
        'go',
        'grpc',
        'kafka',
        'kubernetes',
        'linux',
        'mysql',
        'redis',
        'shell-scripting',
        'unit-testing',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-zh-4',
    lang: 'zh',
    layout: 'one-line-entries-ml',
    text: `陈子墨 | 硕士 | 2026届 | 17700005555 | zimo.chen@pku.edu.cn
教育背景
2023.09-2026.06 北京大学 智能科学与技术 硕士
2019.09-2023.06 山东大学 软件工程 本科
科研经历
基于大模型的医疗问答系统（导师项目） 2024.03-至今
使用PyTorch微调LLaMA，结合RAG检索增强，构建医疗知识问答；在自建测试集上准确率提升12%。
负责数据清洗与标注规范制定，用pandas处理20万条语料。
实习经历
2024.07-2024.10 百度在线网络技术（北京）有限公司 自然语言处理算法实习生
参与搜索query改写，使用BERT模型做意图分类。
专业技能
深度学习框架：PyTorch／TensorFlow
编程：Python、C++、SQL
熟悉NLP常用模型（Transformer、BERT），了解推荐系统`,
    labels: {
      name: '陈子墨',
      email: 'zimo.chen@pku.edu.cn',
      phone: '17700005555',
      education: [
        { school: '北京大学', degree: 'master', major: '智能科学与技术', graduation: '2026-06' },
        { school: '山东大学', degree: 'bachelor', major: '软件工程', graduation: '2023-06' },
      ],
      skills: [
        'cpp',
        'data-cleaning',
        'deep-learning',
        'llm',
        'nlp',
        'pandas',
        'python',
        'pytorch',
        'recommender-systems',
        'sql',
        'tensorflow',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-zh-5',
    lang: 'zh',
    layout: 'hr-mixed-lists',
    text: `个人简历
林晓雨  女  2002年生
联系方式：13500006666，xiaoyu.lin@126.com
教育经历
2020.9-2024.6  暨南大学  人力资源管理  本科
主修课程：组织行为学、薪酬管理、劳动法、招聘与配置
实习经历
2023.9-2023.12  广州某人力资源服务有限公司  招聘助理
负责校园招聘的简历筛选和面试安排，累计邀约候选人200余人；
参加公司入职培训后，协助整理员工入转调离档案，核算月度考勤与薪酬。
校园经历
学生会办公室主任，组织迎新晚会，撰写活动方案和新闻稿。
技能证书
人力资源管理师（四级）；Office（Word、Excel、PPT）；普通话二级甲等
兴趣爱好
羽毛球、摄影、烘焙`,
    labels: {
      name: '林晓雨',
      email: 'xiaoyu.lin@126.com',
      phone: '13500006666',
      education: [{ school: '暨南大学', degree: 'bachelor', major: '人力资源管理', graduation: '2024-06' }],
      skills: [
        'event-planning',
        'excel',
        'ms-office',
        'payroll-accounting',
        'powerpoint',
        'recruiting',
        'word',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-zh-6',
    lang: 'zh',
    layout: 'design-abbrev',
    text: `赵一诺
📱 13722227777   ✉ yinuo.zhao@foxmail.com
求职意向：UI设计师
教育背景
中国美术学院  视觉传达设计  本科  2021.09-2025.06
实习经历
2024.03-2024.08  蓝色光标数字营销机构  设计实习生
为品牌客户完成节日海报、电商详情页和H5页面设计；用AE制作动效，用C4D做产品渲染。
项目经历
“城市记忆”文创品牌  独立完成Logo、VI系统和包装设计，作品获省级大赛银奖。
软件技能
PS／AI／AE／C4D／Figma／Sketch
手绘、插画
兴趣爱好
看展、胶片摄影`,
    labels: {
      name: '赵一诺',
      email: 'yinuo.zhao@foxmail.com',
      phone: '13722227777',
      education: [{ school: '中国美术学院', degree: 'bachelor', major: '视觉传达设计', graduation: '2025-06' }],
      skills: [
        'after-effects',
        'c4d',
        'figma',
        'illustration',
        'illustrator',
        'logo-design',
        'motion-graphics',
        'packaging-design',
        'photoshop',
        'poster-design',
        'rendering',
        'sketch',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-zh-7',
    lang: 'zh',
    layout: 'teacher-normal',
    text: `姓名：孙嘉怡          手机：15811118888
邮箱：jiayi.sun@bnu.edu.cn
教育背景
北京师范大学    汉语言文学（师范）    本科    2020年9月至2024年6月
实践经历
2023年9月-2023年12月  北京市第八中学  语文实习教师
独立完成 12 课时的课堂教学，编写教案和课件，批改作文并进行个别辅导；
协助班主任开展班会，参与家长会的组织。
2022年7月  甘肃某县中学暑期支教  负责初一语文教学。
技能证书
高级中学教师资格证（语文）、普通话一级乙等
熟练使用PPT、希沃白板
自我评价
热爱教育事业，耐心细致，善于与学生沟通。`,
    labels: {
      name: '孙嘉怡',
      email: 'jiayi.sun@bnu.edu.cn',
      phone: '15811118888',
      education: [{ school: '北京师范大学', degree: 'bachelor', major: '汉语言文学（师范）', graduation: '2024-06' }],
      skills: [
        'chinese-teaching',
        'classroom-management',
        'lesson-planning',
        'powerpoint',
        'teaching',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-zh-8',
    lang: 'zh',
    layout: 'embedded-mixed-nospace',
    text: `郑凯文
电话:18933339999 邮箱:kaiwen.zheng@hust.edu.cn
教育背景
华中科技大学 电子信息工程 本科 2021.09~2025.06
项目经历
智能温控风扇（电子设计竞赛省一等奖）2023.07-2023.09
基于STM32F103设计主控板，用Altium Designer画PCB，PID算法调速，串口与上位机通信。
实习经历
2024.07~2024.09 深圳市汇川技术股份有限公司 嵌入式软件实习生
在FreeRTOS上开发电机驱动模块，用示波器和逻辑分析仪调试硬件。
专业技能
熟悉C语言、单片机开发、Keil、Altium Designer；了解Linux驱动开发和Verilog
证书：CET-4、全国计算机二级`,
    labels: {
      name: '郑凯文',
      email: 'kaiwen.zheng@hust.edu.cn',
      phone: '18933339999',
      education: [{ school: '华中科技大学', degree: 'bachelor', major: '电子信息工程', graduation: '2025-06' }],
      skills: [
        'c',
        'control-systems',
        'embedded-development',
        'linux',
        'microcontroller',
        'pcb-design',
        'rtos',
        'stm32',
        'testing-instruments',
        'verilog',
      ],
      certificates: ['cet-4'],
    },
  },
  {
    id: 'dev3-zh-9',
    lang: 'zh',
    layout: 'finance-research',
    text: `钱思源
13622220000  siyuan.qian@sufe.edu.cn
教育背景
2022.09-2025.06  上海财经大学  金融学  硕士
2018.09-2022.06  厦门大学  经济学  本科
实习经历
2024.05-2024.08  中信证券研究部  行业研究实习生
跟踪新能源汽车产业链，撰写 3 篇行业深度报告；搭建DCF估值模型，用Wind提取财务数据。
2023.07-2023.09  招商银行总行  公司金融部实习生
参与授信项目的财务分析，撰写尽调报告初稿。
技能证书
CFA二级候选人；证券从业资格；基金从业资格
熟练：Excel建模、Python（pandas）、Stata
自我评价
逻辑清晰，对宏观经济和资本市场有浓厚兴趣。`,
    labels: {
      name: '钱思源',
      email: 'siyuan.qian@sufe.edu.cn',
      phone: '13622220000',
      education: [
        { school: '上海财经大学', degree: 'master', major: '金融学', graduation: '2025-06' },
        { school: '厦门大学', degree: 'bachelor', major: '经济学', graduation: '2022-06' },
      ],
      skills: [
        'credit-analysis',
        'excel',
        'financial-analysis',
        'financial-due-diligence',
        'financial-modeling',
        'industry-research',
        'pandas',
        'python',
        'stata',
        'valuation',
        'wind',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-zh-10',
    lang: 'zh',
    layout: 'nurse-rotation',
    text: `王静
手机：13200001111｜邮箱：wangjing_nurse@163.com
教育背景
2020.09-2024.06  四川大学华西护理学院  护理学  本科
临床实习
2023.06-2024.04  四川大学华西医院  实习护士
在内科、外科、儿科、急诊科轮转；完成静脉输液、导尿、心电监护等基础护理操作，规范书写护理记录。
参与科室健康宣教，为术后患者制定康复指导。
技能证书
护士执业资格证、BLS证书、英语四级
自我评价
吃苦耐劳，工作认真负责。`,
    labels: {
      name: '王静',
      email: 'wangjing_nurse@163.com',
      phone: '13200001111',
      education: [{ school: '四川大学', degree: 'bachelor', major: '护理学', graduation: '2024-06' }],
      skills: [
        'basic-life-support',
        'health-management',
        'medical-records',
        'nursing',
        'phlebotomy',
        'rehabilitation',
        'vital-signs',
      ],
      certificates: ['cet-4'],
    },
  },
  {
    id: 'dev3-zh-11',
    lang: 'zh',
    layout: 'product-intern',
    text: `黄子轩
求职意向：产品经理 ｜ 期望城市：杭州
电话 15700002222 ｜ 邮箱 zixuan.huang@zju.edu.cn
教育背景
浙江大学 工业设计 本科 2021.09-2025.06
实习经历
网易（杭州）网络有限公司 产品实习生 2024.06-2024.09
负责会员中心的需求分析和竞品分析，用Axure输出原型，撰写PRD 6 份；
设计A/B测试方案，用SQL取数分析转化率，推动改版后付费率提升8%。
校园经历
浙大学生会外联部部长：拉取赞助 5 万元，组织校园招聘宣讲会 4 场。
技能
Axure、墨刀、Visio、SQL、Excel；了解Python
自我评价
用户导向，数据敏感。`,
    labels: {
      name: '黄子轩',
      email: 'zixuan.huang@zju.edu.cn',
      phone: '15700002222',
      education: [{ school: '浙江大学', degree: 'bachelor', major: '工业设计', graduation: '2025-06' }],
      skills: [
        'axure',
        'competitive-analysis',
        'excel',
        'hypothesis-testing',
        'mockplus',
        'prototyping',
        'python',
        'requirements-analysis',
        'sql',
        'visio',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-zh-12',
    lang: 'zh',
    layout: 'mechanical-dotted',
    text: `刘鹏飞
…………………………………………
电话：13100003333    邮箱：pengfei.liu@tju.edu.cn
…………………………………………
教育背景
天津大学　机械设计制造及其自动化　本科　2020.09－2024.06
…………………………………………
实习经历
2023.07－2023.09　中国第一汽车集团有限公司　工艺实习生
使用CATIA完成夹具三维建模，出二维工程图；参与焊装车间的精益生产改善，用FMEA分析失效模式。
…………………………………………
项目经历
小型四足机器人（校创项目）：SolidWorks结构设计，ANSYS做有限元强度校核，3D打印样机。
…………………………………………
技能证书
AutoCAD、SolidWorks、CATIA、ANSYS；CET-6；机械制图员（中级）
…………………………………………
兴趣爱好：篮球、乐高`,
    labels: {
      name: '刘鹏飞',
      email: 'pengfei.liu@tju.edu.cn',
      phone: '13100003333',
      education: [
        { school: '天津大学', degree: 'bachelor', major: '机械设计制造及其自动化', graduation: '2024-06' },
      ],
      skills: [
        '3d-modeling',
        '3d-printing',
        'ansys',
        'autocad',
        'catia',
        'lean',
        'mechanical-design',
        'mechanical-drawing',
        'quality-tools',
        'robotics',
        'solidworks',
      ],
      certificates: ['cet-6'],
    },
  },
  {
    id: 'dev3-zh-13',
    lang: 'zh',
    layout: 'law-clinic',
    text: `杨雪
电话：13911114444  邮箱：xue.yang@ruc.edu.cn
教育背景
中国人民大学  法学  硕士  2022.09-2025.06
中国政法大学  法学  本科  2018.09-2022.06
实习经历
2024.03-2024.07  北京市金杜律师事务所  资本市场部实习生
参与两单IPO项目的法律尽职调查，整理申报材料，起草法律意见书部分章节；
进行法律检索并撰写检索备忘录。
2023.07-2023.08  北京市海淀区人民法院  书记员助理
整理卷宗，记录庭审笔录，协助调解民事纠纷。
证书
法律职业资格证书（A证）、英语六级
自我评价
严谨细致，文字功底扎实。`,
    labels: {
      name: '杨雪',
      email: 'xue.yang@ruc.edu.cn',
      phone: '13911114444',
      education: [
        { school: '中国人民大学', degree: 'master', major: '法学', graduation: '2025-06' },
        { school: '中国政法大学', degree: 'bachelor', major: '法学', graduation: '2022-06' },
      ],
      skills: [
        'legal-due-diligence',
        'legal-research',
        'legal-writing',
        'mediation',
      ],
      certificates: ['cet-6'],
    },
  },
  {
    id: 'dev3-zh-14',
    lang: 'zh',
    layout: 'data-analyst-slash',
    text: `何雨菲 ｜ 数据分析 ｜ 13066665555 ｜ yufei.he@outlook.com
教育背景 ▏对外经济贸易大学 ▏统计学 ▏本科 ▏2021.09-2025.06
实习经历
▍美团 · 到店事业群 · 商业分析实习生（2024.04-2024.09）
- 基于Hive SQL搭建商户经营日报，用Tableau做可视化看板；
- 对优惠券活动做归因分析与回归分析，结论被采纳用于下季度预算。
▍某广告有限公司 · 数据运营实习生（2023.07-2023.09）
- 清洗投放数据，用Python写自动化报表脚本。
项目经历
▍全国大学生统计建模大赛 二等奖：用R语言做时间序列预测。
专业技能
SQL／Python／R／Tableau／Excel；熟悉统计学基础与机器学习常用算法`,
    labels: {
      name: '何雨菲',
      email: 'yufei.he@outlook.com',
      phone: '13066665555',
      education: [{ school: '对外经济贸易大学', degree: 'bachelor', major: '统计学', graduation: '2025-06' }],
      skills: [
        'data-cleaning',
        'data-visualization',
        'excel',
        'hive',
        'machine-learning',
        'python',
        'r',
        'regression-analysis',
        'sql',
        'statistics',
        'tableau',
        'time-series',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-zh-15',
    lang: 'zh',
    layout: 'trade-ecommerce',
    text: `徐曼
电话：18800007777  邮箱：man.xu@163.com
教育背景
2020.09-2024.06  浙江工商大学  国际经济与贸易  本科
实习经历
2023.08-2024.01  义乌某跨境电商有限公司  亚马逊运营助理
负责店铺Listing优化和站内广告投放，月销售额增长25%；处理客户邮件和售后纠纷。
跟进订单与报关单据，对接货代完成发货。
技能证书
英语六级（560）、外贸跟单员证
熟练使用Excel、PS；会用ERP系统管理库存
自我评价
积极主动，英语听说读写流利。`,
    labels: {
      name: '徐曼',
      email: 'man.xu@163.com',
      phone: '18800007777',
      education: [{ school: '浙江工商大学', degree: 'bachelor', major: '国际经济与贸易', graduation: '2024-06' }],
      skills: [
        'advertising',
        'customer-service',
        'ecommerce-operations',
        'erp',
        'excel',
        'international-trade',
        'inventory-management',
        'photoshop',
      ],
      certificates: ['cet-6'],
    },
  },
  {
    id: 'dev3-zh-16',
    lang: 'zh',
    layout: 'test-engineer',
    text: `基本信息
姓名：马天宇   联系电话：17611112222   电子邮件：tianyu.ma@qq.com
教育背景
2021.09-2025.06  西安电子科技大学  计算机科学与技术  本科
实习经历
2024.06-2024.10  华为技术有限公司  测试开发实习生
编写功能测试用例300余条，用Python+Pytest搭建接口自动化测试框架，接入Jenkins每日构建；
用JMeter做性能测试，定位2个内存泄漏问题。
技能证书
Python、Java、Linux、MySQL、Selenium、Postman
CET-6；软件设计师（中级）`,
    labels: {
      name: '马天宇',
      email: 'tianyu.ma@qq.com',
      phone: '17611112222',
      education: [
        { school: '西安电子科技大学', degree: 'bachelor', major: '计算机科学与技术', graduation: '2025-06' },
      ],
      skills: [
        'java',
        'jenkins',
        'linux',
        'mysql',
        'performance-testing',
        'postman',
        'python',
        'software-testing',
        'test-automation',
        'unit-testing',
      ],
      certificates: ['cet-6'],
    },
  },
  {
    id: 'dev3-en-1',
    lang: 'en',
    layout: 'classic-swe',
    text: `DANIEL WU
daniel.wu@gmail.com | +1 (412) 555-0137 | github.com/dwu

EDUCATION
Carnegie Mellon University, Pittsburgh, PA
B.S. in Computer Science, May 2025

EXPERIENCE
Software Engineering Intern, Stripe — San Francisco, CA (Jun 2024 – Aug 2024)
• Built a Kotlin service that reconciles payouts; cut manual review by 40%.
• Wrote integration tests and set up a GitHub Actions pipeline.
Teaching Assistant, 15-213 Computer Systems (Jan 2024 – May 2024)
• Held office hours for 300 students; graded labs written in C.

PROJECTS
Tiny Raft — a Raft consensus library in Rust with property-based tests.

SKILLS
Languages: Kotlin, Java, C, Rust, Python
Tools: Git, Docker, PostgreSQL, AWS (EC2, S3)`,
    labels: {
      name: 'Daniel Wu',
      email: 'daniel.wu@gmail.com',
      phone: '+14125550137',
      education: [
        {
          school: 'Carnegie Mellon University',
          degree: 'bachelor',
          major: 'Computer Science',
          graduation: '2025-05',
        },
      ],
      skills: [
        'aws',
        'c',
        'ci-cd',
        'distributed-systems',
        'docker',
        'git',
        'github',
        'java',
        'kotlin',
        'postgresql',
        'python',
        'rust',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-en-2',
    lang: 'en',
    layout: 'marketing-bullets',
    text: `Chloe Zhang
Shanghai · chloe.zhang@outlook.com · 138 0000 4545

Profile
Marketing graduate who likes turning numbers into campaigns.

Education
Fudan University — Bachelor of Arts in Advertising, 2021–2025

Experience
Brand Intern, L'Oréal China (Mar 2024 – Aug 2024)
- Planned KOL collaborations on Xiaohongshu and Douyin for two product launches.
- Tracked campaign KPIs in Excel and presented weekly reports in PowerPoint.
Marketing Assistant, Ogilvy Advertising Shanghai (Jul 2023 – Sep 2023)
- Wrote copy for social media posts and helped run a consumer survey of 1,200 people.

Skills
Copywriting · Market research · Canva · Photoshop · Excel
Languages: Mandarin (native), English (IELTS 7.5)`,
    labels: {
      name: 'Chloe Zhang',
      email: 'chloe.zhang@outlook.com',
      phone: '13800004545',
      education: [{ school: 'Fudan University', degree: 'bachelor', major: 'Advertising', graduation: '2025' }],
      skills: [
        'canva',
        'copywriting',
        'excel',
        'kol-marketing',
        'market-research',
        'photoshop',
        'powerpoint',
        'short-video-operations',
        'social-media-marketing',
        'xiaohongshu',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-en-3',
    lang: 'en',
    layout: 'finance-compact',
    text: `Ethan Liu | ethan.liu@lse.ac.uk | +44 7700 900123
EDUCATION
London School of Economics — MSc Finance — Sep 2024 – Sep 2025
Nankai University — BA Economics — Sep 2020 – Jun 2024
EXPERIENCE
Investment Banking Summer Analyst, China International Capital Corporation (CICC), Beijing — Jun–Aug 2024
Built three-statement and DCF models for a TMT IPO; ran comparable-company analysis; drafted pitch book pages.
Equity Research Intern, Huatai Securities, Nanjing — Jan–Mar 2024
Covered five consumer stocks; wrote earnings notes using Wind and Bloomberg data.
SKILLS
Financial modelling, valuation, Excel/VBA, Python, Bloomberg, Wind. CFA Level I passed.
Interests: marathon running, chess`,
    labels: {
      name: 'Ethan Liu',
      email: 'ethan.liu@lse.ac.uk',
      phone: '+447700900123',
      education: [
        { school: 'London School of Economics', degree: 'master', major: 'Finance', graduation: '2025-09' },
        { school: 'Nankai University', degree: 'bachelor', major: 'Economics', graduation: '2024-06' },
      ],
      skills: [
        'bloomberg',
        'excel',
        'financial-modeling',
        'investment-analysis',
        'investment-banking',
        'python',
        'valuation',
        'vba',
        'wind',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-en-4',
    lang: 'en',
    layout: 'data-science-sentences',
    text: `Priya Nair
priya.nair@umich.edu · (734) 555-0199

Summary
Data science student comfortable with Python and SQL, who has shipped two models to production.

Education
University of Michigan, Ann Arbor — M.S. Data Science, expected Apr 2026
University of Mumbai — B.E. Information Technology, 2023

Experience
Data Science Intern, Ford Motor Company (May 2025 – Aug 2025)
Forecasted parts demand with gradient boosting (XGBoost) and deployed the model with Docker on Azure.
Cleaned 3M rows of warranty data in PySpark and built a Power BI dashboard for the service team.
Research Assistant, Michigan Medicine (Sep 2024 – Apr 2025)
Fine-tuned a BERT classifier on clinical notes using Hugging Face transformers.

Skills
Python (pandas, scikit-learn), SQL, Spark, Tableau, Git`,
    labels: {
      name: 'Priya Nair',
      email: 'priya.nair@umich.edu',
      phone: '7345550199',
      education: [
        { school: 'University of Michigan', degree: 'master', major: 'Data Science', graduation: '2026-04' },
        { school: 'University of Mumbai', degree: 'bachelor', major: 'Information Technology', graduation: '2023' },
      ],
      skills: [
        'azure',
        'data-cleaning',
        'data-visualization',
        'docker',
        'git',
        'huggingface',
        'nlp',
        'pandas',
        'power-bi',
        'python',
        'scikit-learn',
        'spark',
        'sql',
        'tableau',
        'time-series',
        'xgboost',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-en-5',
    lang: 'en',
    layout: 'nursing-us',
    text: `Grace Kim, BSN
grace.kim@gmail.com | 617-555-0102

EDUCATION
Boston College, Connell School of Nursing — Bachelor of Science in Nursing, May 2024

CLINICAL PLACEMENTS
Massachusetts General Hospital — Medical-Surgical Unit (Jan 2024 – Apr 2024)
Administered medications, started IVs and drew blood for 5 patients per shift; documented care in Epic.
Boston Children's Hospital — Pediatrics rotation (Sep 2023 – Dec 2023)
Taught families about asthma action plans.

LICENSES & CERTIFICATIONS
Registered Nurse (RN), Massachusetts; BLS and ACLS (American Heart Association)

SKILLS
Patient assessment, wound care, medication administration, patient education`,
    labels: {
      name: 'Grace Kim',
      email: 'grace.kim@gmail.com',
      phone: '6175550102',
      education: [{ school: 'Boston College', degree: 'bachelor', major: 'Nursing', graduation: '2024-05' }],
      skills: [
        'basic-life-support',
        'health-management',
        'nursing',
        'phlebotomy',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-en-6',
    lang: 'en',
    layout: 'mechanical-tabs',
    text: `Omar Haddad\tomar.haddad@purdue.edu\t765-555-0144
EDUCATION
Purdue University\tBachelor of Science in Mechanical Engineering\tDec 2024
EXPERIENCE
Manufacturing Engineering Co-op\tCaterpillar Inc.\tJan 2024 – Aug 2024
Designed welding fixtures in SolidWorks and validated them with FEA in ANSYS.
Led a Six Sigma DMAIC project on a paint line that cut rework by 22%.
Wrote work instructions and PFMEAs for a new assembly cell.
PROJECTS
Formula SAE — suspension design; machined uprights on a CNC mill.
SKILLS
SolidWorks, AutoCAD, ANSYS, MATLAB, GD&T, Minitab`,
    labels: {
      name: 'Omar Haddad',
      email: 'omar.haddad@purdue.edu',
      phone: '7655550144',
      education: [
        { school: 'Purdue University', degree: 'bachelor', major: 'Mechanical Engineering', graduation: '2024-12' },
      ],
      skills: [
        'ansys',
        'autocad',
        'cnc',
        'matlab',
        'mechanical-design',
        'mechanical-drawing',
        'minitab',
        'quality-tools',
        'six-sigma',
        'solidworks',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-en-7',
    lang: 'en',
    layout: 'hr-reverse',
    text: `Sophie Martin
sophie.martin@yahoo.com — 07700 900456

Skills
Recruitment, onboarding, HR administration, Workday, Microsoft Office, payroll support

Experience
People Team Intern — Deloitte UK, London (Jun 2024 – Sep 2024)
Screened CVs and scheduled 150 interviews for the graduate scheme; updated employee records in Workday.
Organised two onboarding days and an employer branding event at universities.
Student Ambassador — University of Leeds (2022 – 2024)
Gave campus tours to prospective students.

Education
University of Leeds — BA (Hons) Human Resource Management — 2021–2024`,
    labels: {
      name: 'Sophie Martin',
      email: 'sophie.martin@yahoo.com',
      phone: '07700900456',
      education: [
        {
          school: 'University of Leeds',
          degree: 'bachelor',
          major: 'Human Resource Management',
          graduation: '2024',
        },
      ],
      skills: [
        'event-planning',
        'human-resources',
        'ms-office',
        'payroll-accounting',
        'recruiting',
        'workday-software',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-en-8',
    lang: 'en',
    layout: 'design-portfolio-inline',
    text: `MIA CHEN — Product Designer
mia.chen.design@gmail.com · +86 135 5555 0123 · behance.net/miachen

Education: Tongji University, Bachelor of Arts in Visual Communication Design, 2021 – 2025

Work
UX Design Intern at Meituan, Beijing (2024.06 – 2024.09): ran 8 usability tests, redesigned the checkout flow
in Figma and handed off specs to front-end engineers; built a component library for the design system.
Freelance illustrator (2022 – present): editorial illustrations in Procreate for magazines.

Tools: Figma, Sketch, Adobe XD, Illustrator, Photoshop, After Effects, Procreate
Hobbies: pottery, film photography`,
    labels: {
      name: 'Mia Chen',
      email: 'mia.chen.design@gmail.com',
      phone: '13555550123',
      education: [
        {
          school: 'Tongji University',
          degree: 'bachelor',
          major: 'Visual Communication Design',
          graduation: '2025',
        },
      ],
      skills: [
        'adobe-xd',
        'after-effects',
        'figma',
        'illustration',
        'illustrator',
        'photoshop',
        'procreate',
        'sketch',
        'user-research',
        'ux-design',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-en-9',
    lang: 'en',
    layout: 'teacher-uk',
    text: `Hannah Clarke
hannah.clarke@outlook.com | 07911 123456

PERSONAL STATEMENT
Enthusiastic PGCE graduate hoping to teach secondary mathematics in London.

EDUCATION
University of Bristol — PGCE Secondary Mathematics — 2024–2025
University of Bath — BSc Mathematics — 2021–2024

TEACHING PLACEMENTS
Cotham School, Bristol (Jan–Apr 2025): planned and taught Year 8–11 lessons; marked mock GCSE papers;
used formative assessment to differentiate for mixed-ability classes.
Oasis Academy (Sep–Dec 2024): ran after-school tutoring for Year 11.

SKILLS
Lesson planning, classroom management, behaviour management, Google Classroom, Excel`,
    labels: {
      name: 'Hannah Clarke',
      email: 'hannah.clarke@outlook.com',
      phone: '07911123456',
      education: [
        { school: 'University of Bristol', degree: 'master', major: 'Secondary Mathematics', graduation: '2025' },
        { school: 'University of Bath', degree: 'bachelor', major: 'Mathematics', graduation: '2024' },
      ],
      skills: [
        'classroom-management',
        'educational-assessment',
        'excel',
        'google-classroom',
        'lesson-planning',
        'teaching',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-en-10',
    lang: 'en',
    layout: 'supply-chain-mixed-zh',
    text: `Kevin Zhao 赵凯
kevin.zhao@sjtu.edu.cn | 186 2222 3333

Education
Shanghai Jiao Tong University, Master of Engineering in Industrial Engineering, 2023.09 – 2026.03
Dalian University of Technology, B.Eng. Logistics Engineering, 2019.09 – 2023.06

Internships
Supply Chain Planning Intern | Tesla Gigafactory Shanghai | 2025.01 – 2025.06
Built a safety-stock model in Python that lowered inventory by 9% without new stockouts; maintained MRP data in SAP.
Logistics Intern | JD Logistics | 2024.07 – 2024.09
Mapped warehouse picking routes and simulated them in FlexSim; proposed a slotting change.

Skills
SAP (MM), Python, SQL, Excel, FlexSim, Lean, Power BI`,
    labels: {
      name: 'Kevin Zhao',
      email: 'kevin.zhao@sjtu.edu.cn',
      phone: '18622223333',
      education: [
        {
          school: 'Shanghai Jiao Tong University',
          degree: 'master',
          major: 'Industrial Engineering',
          graduation: '2026-03',
        },
        {
          school: 'Dalian University of Technology',
          degree: 'bachelor',
          major: 'Logistics Engineering',
          graduation: '2023-06',
        },
      ],
      skills: [
        'excel',
        'inventory-management',
        'lean',
        'logistics',
        'power-bi',
        'python',
        'sap',
        'simulation-software',
        'sql',
        'supply-chain',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-en-11',
    lang: 'en',
    layout: 'law-short',
    text: `Aisha Rahman
aisha.rahman@kcl.ac.uk · +44 7700 900777
Education
King's College London, LLB Law, 2021 – 2024
Legal Practice Course, The University of Law, 2024 – 2025
Experience
Vacation Scheme, Clifford Chance LLP (Jun 2024): drafted a research memo on sanctions, reviewed share purchase
agreements and supported a due diligence exercise for a fintech acquisition.
Volunteer Adviser, KCL Legal Clinic (2022 – 2024): advised tenants on housing disputes under supervision.
Skills
Legal research (Westlaw, LexisNexis), contract drafting, Microsoft Word`,
    labels: {
      name: 'Aisha Rahman',
      email: 'aisha.rahman@kcl.ac.uk',
      phone: '+447700900777',
      education: [
        { school: "King's College London", degree: 'bachelor', major: 'Law', graduation: '2024' },
      ],
      skills: [
        'contract-law',
        'legal-due-diligence',
        'legal-research',
        'legal-writing',
        'word',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-en-12',
    lang: 'en',
    layout: 'frontend-skills-first',
    text: `TECHNICAL SKILLS
Frontend: React, Next.js, TypeScript, Tailwind CSS, HTML/CSS
Backend: Node.js, Express, GraphQL, MongoDB
Other: Jest, Cypress, Figma, Vercel

Leo Park — leo.park@hey.com — (206) 555-0111

EXPERIENCE
Frontend Developer Intern, Shopify (Remote) — May 2024 – Aug 2024
Shipped an accessible date picker used by 2M merchants; raised unit test coverage from 60% to 85% with Jest.
Web Developer, UW Student Union (Part-time) — 2022 – 2024
Maintained the WordPress site and wrote a React events calendar.

EDUCATION
University of Washington — B.S. Informatics — June 2024`,
    labels: {
      name: 'Leo Park',
      email: 'leo.park@hey.com',
      phone: '2065550111',
      education: [
        { school: 'University of Washington', degree: 'bachelor', major: 'Informatics', graduation: '2024-06' },
      ],
      skills: [
        'css',
        'express',
        'figma',
        'graphql',
        'html',
        'mongodb',
        'nextjs',
        'nodejs',
        'react',
        'tailwind',
        'test-automation',
        'typescript',
        'unit-testing',
        'wordpress',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-en-13',
    lang: 'en',
    layout: 'biology-research',
    text: `Wei Lin
wei.lin@duke.edu | 919-555-0166
Education
Duke University, Durham NC — Ph.D. Candidate, Molecular Biology (expected 2027)
Wuhan University — B.S. Biological Sciences, 2021
Research Experience
Graduate Researcher, Duke Lab of Cell Signaling (2021 – present)
Cloned and expressed mutant kinases, ran Western blots and qPCR, and imaged cells by confocal microscopy.
Analysed RNA-seq data in R (DESeq2) and wrote scripts in Python for image quantification.
Publications
Lin W. et al. "CRISPR screens reveal kinase dependencies" (2024).
Skills
Cell culture, CRISPR-Cas9, flow cytometry, GraphPad Prism, ImageJ`,
    labels: {
      name: 'Wei Lin',
      email: 'wei.lin@duke.edu',
      phone: '9195550166',
      education: [
        { school: 'Duke University', degree: 'doctorate', major: 'Molecular Biology', graduation: '2027' },
        { school: 'Wuhan University', degree: 'bachelor', major: 'Biological Sciences', graduation: '2021' },
      ],
      skills: [
        'bioinformatics',
        'cell-culture',
        'genetics',
        'graphpad-prism',
        'imagej',
        'molecular-biology',
        'python',
        'r',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev3-en-14',
    lang: 'en',
    layout: 'ops-generalist',
    text: `Jason Ho
jason.ho@connect.hku.hk | +852 5555 1234
Education
The University of Hong Kong — Bachelor of Business Administration (Marketing) — 2020 – 2024
Experience
Operations Analyst, Lalamove (Jul 2024 – present)
Own the driver onboarding funnel; run SQL queries in BigQuery and keep Looker dashboards up to date.
Cut support tickets by 15% by rewriting help-centre articles.
Sales Intern, HSBC Commercial Banking (Summer 2023)
Prepared client pitch decks and tracked leads in Salesforce.
Skills
SQL, BigQuery, Looker, Google Sheets, Salesforce, project management`,
    labels: {
      name: 'Jason Ho',
      email: 'jason.ho@connect.hku.hk',
      phone: '+85255551234',
      education: [
        {
          school: 'The University of Hong Kong',
          degree: 'bachelor',
          major: 'Marketing',
          graduation: '2024',
        },
      ],
      skills: [
        'bigquery',
        'data-visualization',
        'google-workspace',
        'looker',
        'project-management',
        'salesforce',
        'sql',
      ],
      certificates: [],
    },
  },
];
