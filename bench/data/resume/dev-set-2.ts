/**
 * The second DEV résumé set (20 Chinese, 20 English), written on 2026-12-06 after the first extraction rules, to
 * tune the skill extraction on more than the 8 résumés of dev-set.ts. Like them, these are dev data: rules may be
 * changed after looking at their errors, so their figures measure nothing. Held-out sets are apart
 * (held-out.json, held-out-2.json) and were never used to tune.
 *
 * Layouts on purpose unlike the held-out builder's: hobbies and awards sections, coursework under its own
 * heading, employers whose names contain skills (阿里云, Oracle), objectives naming a field, skills being
 * learned or wished for, self-evaluations that name tools, tables flattened into one line, English résumés
 * with "Tools:" lines and publication lists.
 *
 * Labelling convention (the same for held-out-2.json): a skill of the taxonomy is labelled when the résumé says
 * the graduate has it or did it (a skills list, a sentence of an internship, project, award or self-evaluation).
 * Not labelled: courses taken, the major and thesis (education part), a wish or objective ("希望从事数据分析"),
 * a skill only being learned ("正在学习 Rust"), employers' and products' names, job titles alone, hobbies and
 * interests, soft skills claimed in prose (only listed ones count), languages and language certificates (apart).
 *
 * Label corrections after looking at the extractor's output on the dev sets (11, each a label that broke the
 * convention above, never a rule): added rest-api (dev2-zh-2, 接口开发), basic-life-support (dev2-zh-5, 心肺复苏证),
 * investment-banking (dev2-zh-10, IPO 项目), control-systems (dev2-zh-17, PID 控制), civil-engineering (dev2-zh-19,
 * PKPM), financial-accounting (dev2-en-7, financial reporting); removed academic-research-assistance (dev2-en-14, a
 * title alone); in dev-set.ts added data-visualization (dev-zh-1), microservices (dev-zh-3), capcut and ms-office
 * (dev-zh-4, both listed under 技能特长).
 */
import type { LabelledResume } from './dev-set.ts';

export const DEV_SET_2: readonly LabelledResume[] = [
  {
    id: 'dev2-zh-1',
    lang: 'zh',
    layout: 'hobbies-awards',
    text: `孙晓彤
电话：13600002222 | 邮箱：xiaotong.sun@126.com
求职意向：新媒体运营
教育背景
2021.09-2025.06  华中师范大学  汉语言文学  本科
实习经历
2024.07-2024.09  武汉长江传媒有限公司  新媒体编辑实习生
· 负责公众号推文撰写，单篇阅读量最高 3 万+
· 使用秀米完成推文排版，用剪映剪辑短视频
获奖情况
2023 年校级优秀学生干部；全国大学生广告艺术大赛省级三等奖
技能
文案写作、Photoshop、Office
兴趣爱好
摄影、羽毛球、书法`,
    labels: {
      name: '孙晓彤',
      email: 'xiaotong.sun@126.com',
      phone: '13600002222',
      education: [{ school: '华中师范大学', degree: 'bachelor', major: '汉语言文学', graduation: '2025-06' }],
      skills: ['capcut', 'copywriting', 'ms-office', 'photoshop', 'video-editing'],
      certificates: [],
    },
  },
  {
    id: 'dev2-zh-2',
    lang: 'zh',
    layout: 'employer-has-skill-name',
    text: `姓名：马骏
手机：18812340000    邮箱：ma.jun@foxmail.com
教育经历
西安电子科技大学 | 计算机科学与技术 | 硕士 | 2023.09-2026.06
西安电子科技大学 | 计算机科学与技术 | 本科 | 2019.09-2023.06
实习经历
阿里云计算有限公司 | 后端开发实习生 | 2025.06-2025.09
参与弹性计算控制台的接口开发，使用 Java 和 Spring Boot，编写单元测试。
腾讯云 | 运维实习生 | 2024.07-2024.08
编写 Shell 脚本完成日志巡检。
专业技能
Java、Spring Boot、MySQL、Linux；正在学习 Rust`,
    labels: {
      name: '马骏',
      email: 'ma.jun@foxmail.com',
      phone: '18812340000',
      education: [
        { school: '西安电子科技大学', degree: 'master', major: '计算机科学与技术', graduation: '2026-06' },
        { school: '西安电子科技大学', degree: 'bachelor', major: '计算机科学与技术', graduation: '2023-06' },
      ],
      skills: ['java', 'linux', 'mysql', 'rest-api', 'shell-scripting', 'spring-boot', 'unit-testing'],
      certificates: [],
    },
  },
  {
    id: 'dev2-zh-3',
    lang: 'zh',
    layout: 'coursework-heading',
    text: `李梦琪
15899990000 / mengqi.li@qq.com
教育背景
南京审计大学 审计学 本科 2021年9月—2025年6月
主修课程
审计学原理、财务会计、税法、经济法、计量经济学
实习经历
2024年7月—2024年9月 立信会计师事务所 审计助理
协助完成存货监盘与函证，整理审计底稿。
专业技能
熟练使用 Excel（VLOOKUP、数据透视表）、用友 U8
证书：初级会计职称、CET-6`,
    labels: {
      name: '李梦琪',
      email: 'mengqi.li@qq.com',
      phone: '15899990000',
      education: [{ school: '南京审计大学', degree: 'bachelor', major: '审计学', graduation: '2025-06' }],
      skills: ['auditing', 'excel', 'excel-data-analysis', 'yonyou'],
      certificates: ['cet-6', 'junior-accountant'],
    },
  },
  {
    id: 'dev2-zh-4',
    lang: 'zh',
    layout: 'self-evaluation-tools',
    text: `【个人信息】
姓名：周子豪   电话：17600001111   邮箱：zihao.zhou@163.com
【教育背景】
2022.09-2025.06 东北大学 控制科学与工程 硕士
2018.09-2022.06 东北大学 自动化 本科
【科研经历】
2023.03-2024.12 基于强化学习的机械臂抓取
在 ROS 中搭建仿真环境，用 PyTorch 训练策略网络。
【自我评价】
熟练掌握 Python 与 MATLAB，具有较强的学习能力与抗压能力，希望从事机器人算法工作。`,
    labels: {
      name: '周子豪',
      email: 'zihao.zhou@163.com',
      phone: '17600001111',
      education: [
        { school: '东北大学', degree: 'master', major: '控制科学与工程', graduation: '2025-06' },
        { school: '东北大学', degree: 'bachelor', major: '自动化', graduation: '2022-06' },
      ],
      skills: ['matlab', 'python', 'pytorch', 'reinforcement-learning', 'ros'],
      certificates: [],
    },
  },
  {
    id: 'dev2-zh-5',
    lang: 'zh',
    layout: 'one-line-table',
    text: `个人简历
姓名 黄思琪 性别 女 电话 13500003333 邮箱 siqi.huang@sina.com
教育背景
学校 四川大学 专业 护理学 学历 本科 时间 2020.09-2025.06
实习经历
2024.01-2024.12 四川大学华西医院 临床护理实习
完成内科、外科、儿科轮转，熟练进行静脉输液与生命体征监测。
证书
护士执业资格证、心肺复苏证、英语四级`,
    labels: {
      name: '黄思琪',
      email: 'siqi.huang@sina.com',
      phone: '13500003333',
      education: [{ school: '四川大学', degree: 'bachelor', major: '护理学', graduation: '2025-06' }],
      skills: ['basic-life-support', 'nursing', 'phlebotomy', 'vital-signs'],
      certificates: ['cet-4', 'first-aid-certificate', 'nurse-license'],
    },
  },
  {
    id: 'dev2-zh-6',
    lang: 'zh',
    layout: 'objective-names-field',
    text: `吴昊
求职意向：数据分析师 / 商业分析
电话：13300004444  邮箱：hao.wu@gmail.com
教育背景
中央财经大学 统计学 硕士 2023.09 - 2025.06
项目经历
某连锁超市销售预测 2024.03 - 2024.06
用 Python 建立时间序列模型预测门店销量，结果用 Tableau 展示。
技能
Python（pandas、scikit-learn）、SQL、Tableau、Stata`,
    labels: {
      name: '吴昊',
      email: 'hao.wu@gmail.com',
      phone: '13300004444',
      education: [{ school: '中央财经大学', degree: 'master', major: '统计学', graduation: '2025-06' }],
      skills: ['pandas', 'python', 'scikit-learn', 'sql', 'stata', 'tableau', 'time-series'],
      certificates: [],
    },
  },
  {
    id: 'dev2-zh-7',
    lang: 'zh',
    layout: 'campus-roles',
    text: `郑雅文
邮箱 yawen.zheng@qq.com  手机 15000005555
教育背景
2021.09-2025.07 浙江传媒学院 广告学 本科
校园经历
2022.09-2024.06 校学生会宣传部 部长
带领 8 人团队策划校园文化节，负责活动海报设计。
实习经历
2024.07-2024.10 杭州某广告公司 策划实习生
撰写品牌提案，协助完成抖音投放数据复盘。
技能特长
活动策划、海报设计、PR、AE、Illustrator`,
    labels: {
      name: '郑雅文',
      email: 'yawen.zheng@qq.com',
      phone: '15000005555',
      education: [{ school: '浙江传媒学院', degree: 'bachelor', major: '广告学', graduation: '2025-07' }],
      skills: ['advertising', 'after-effects', 'event-planning', 'illustrator', 'poster-design', 'premiere-pro'],
      certificates: [],
    },
  },
  {
    id: 'dev2-zh-8',
    lang: 'zh',
    layout: 'associate-mechanical',
    text: `刘强
电话：13911116666
邮箱：qiang.liu@163.com
教育背景
2022.09-2025.06 无锡职业技术学院 数控技术 大专
实习经历
2024.09-2025.03 江苏某精密机械有限公司 数控操作工
按图纸操作加工中心，使用 Mastercam 编程，参与首件检验。
专业技能
AutoCAD 制图、UG 三维建模、数控编程
证书：数控车工中级工、电工证`,
    labels: {
      name: '刘强',
      email: 'qiang.liu@163.com',
      phone: '13911116666',
      education: [{ school: '无锡职业技术学院', degree: 'associate', major: '数控技术', graduation: '2025-06' }],
      skills: ['3d-modeling', 'autocad', 'cnc', 'mastercam', 'ug-nx'],
      certificates: ['electrician-license'],
    },
  },
  {
    id: 'dev2-zh-9',
    lang: 'zh',
    layout: 'research-publications',
    text: `陈嘉怡
jiayi.chen@pku.edu.cn | 18600007777
教育背景
北京大学 分子生物学 博士 2021.09-2026.07
武汉大学 生物科学 学士 2017.09-2021.06
科研经历
2022.01-至今 北京大学生命科学学院 博士研究生
构建基因敲除小鼠模型，开展细胞培养与 Western Blot 实验，用 GraphPad Prism 作图。
发表论文
Chen J, et al. Deep learning identifies cell states. Nature Methods, 2025.
技能
分子克隆、细胞培养、动物实验、R 语言`,
    labels: {
      name: '陈嘉怡',
      email: 'jiayi.chen@pku.edu.cn',
      phone: '18600007777',
      education: [
        { school: '北京大学', degree: 'doctorate', major: '分子生物学', graduation: '2026-07' },
        { school: '武汉大学', degree: 'bachelor', major: '生物科学', graduation: '2021-06' },
      ],
      skills: ['animal-experiments', 'cell-culture', 'graphpad-prism', 'molecular-biology', 'r'],
      certificates: [],
    },
  },
  {
    id: 'dev2-zh-10',
    lang: 'zh',
    layout: 'finance-intern-bullets',
    text: `■ 个人信息
姓名：王浩宇 | 电话：13700008888 | 邮箱：haoyu.wang@outlook.com
■ 教育背景
2022.09 - 2024.06  香港中文大学  金融学  硕士（MSc）
2018.09 - 2022.06  厦门大学  金融学  本科
■ 实习经历
2023.06 - 2023.09  中信证券 投资银行部 实习生
• 参与 IPO 项目尽职调查，撰写招股书行业章节
• 搭建可比公司估值模型（Excel），使用 Wind 提取财务数据
■ 技能证书
CFA 一级、证券从业资格；熟练使用 Excel、Wind、Python`,
    labels: {
      name: '王浩宇',
      email: 'haoyu.wang@outlook.com',
      phone: '13700008888',
      education: [
        { school: '香港中文大学', degree: 'master', major: '金融学', graduation: '2024-06' },
        { school: '厦门大学', degree: 'bachelor', major: '金融学', graduation: '2022-06' },
      ],
      skills: ['excel', 'financial-due-diligence', 'investment-banking', 'python', 'valuation', 'wind'],
      certificates: ['cfa', 'securities-qualification'],
    },
  },
  {
    id: 'dev2-zh-11',
    lang: 'zh',
    layout: 'teacher',
    text: `杨雪
电话 13811119999 ｜ 邮箱 xue.yang@163.com
教育背景
陕西师范大学  数学与应用数学（师范）  本科  2021.09-2025.06
实践经历
2024.09-2024.12  西安市第八十三中学  实习数学教师
独立完成高一数学 20 课时教学，撰写教案并组织课堂活动，批改作业。
技能与证书
高中数学教师资格证、普通话二级甲等、希沃白板、PPT 课件制作`,
    labels: {
      name: '杨雪',
      email: 'xue.yang@163.com',
      phone: '13811119999',
      education: [{ school: '陕西师范大学', degree: 'bachelor', major: '数学与应用数学（师范）', graduation: '2025-06' }],
      skills: ['lesson-planning', 'mathematics-teaching', 'powerpoint', 'teaching'],
      certificates: ['teacher-qualification'],
    },
  },
  {
    id: 'dev2-zh-12',
    lang: 'zh',
    layout: 'frontend-mixed',
    text: `Zhang Yifan 张一帆
Tel: 13012340000  Email: yifan.zhang@bupt.edu.cn
教育背景
北京邮电大学 · 数字媒体技术 · 本科 · 2021.09–2025.06
项目经历
校园二手交易小程序（2024.02–2024.05）
使用 uni-app 开发微信小程序前端，后端基于 Node.js + Express，数据存 MongoDB。
实习经历
字节跳动 · 前端开发实习生 · 2024.07–2024.12
参与抖音电商后台的组件开发（React + TypeScript），优化首屏加载。
专业技能
JavaScript / TypeScript / React / Vue；了解 Docker`,
    labels: {
      name: '张一帆',
      email: 'yifan.zhang@bupt.edu.cn',
      phone: '13012340000',
      education: [{ school: '北京邮电大学', degree: 'bachelor', major: '数字媒体技术', graduation: '2025-06' }],
      skills: [
        'docker',
        'express',
        'javascript',
        'mongodb',
        'nodejs',
        'react',
        'typescript',
        'uniapp',
        'vue',
        'wechat-mini-program',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev2-zh-13',
    lang: 'zh',
    layout: 'hr-intern',
    text: `何佳琪
手机：15600001234    邮箱：jiaqi.he@qq.com
教育背景
2021.09-2025.06  华东师范大学  人力资源管理  本科
实习经历
2024.06-2024.09  某互联网公司  招聘实习生
筛选简历 800 余份，安排面试 120 场；协助校园招聘宣讲会。
2023.07-2023.08  某制造企业  人事行政实习生
整理员工档案，协助核算月度考勤与薪资。
专业技能
熟悉招聘流程；熟练使用 Excel、PPT；人力资源管理师（四级）
个人评价
认真负责，沟通能力强，具有团队合作精神。`,
    labels: {
      name: '何佳琪',
      email: 'jiaqi.he@qq.com',
      phone: '15600001234',
      education: [{ school: '华东师范大学', degree: 'bachelor', major: '人力资源管理', graduation: '2025-06' }],
      skills: ['excel', 'payroll-accounting', 'powerpoint', 'recruiting'],
      certificates: ['hr-qualification'],
    },
  },
  {
    id: 'dev2-zh-14',
    lang: 'zh',
    layout: 'architecture-portfolio',
    text: `林子涵 | 建筑学 | 2025届
linzihan@tongji.edu.cn · 18900001111
教育背景
同济大学  建筑学  本科（五年制）  2020.09—2025.06
设计实践
2024.03—2024.08  某建筑设计研究院  建筑设计实习
参与住宅方案设计，用 Revit 建立 BIM 模型，SketchUp 推敲体量，Lumion 渲染效果图。
软件技能
AutoCAD、Revit、SketchUp、Rhino、Photoshop
获奖
2023 年 UIA 国际大学生建筑设计竞赛 优秀奖`,
    labels: {
      name: '林子涵',
      email: 'linzihan@tongji.edu.cn',
      phone: '18900001111',
      education: [{ school: '同济大学', degree: 'bachelor', major: '建筑学', graduation: '2025-06' }],
      skills: ['architectural-design', 'autocad', 'bim', 'photoshop', 'rendering', 'revit', 'sketchup'],
      certificates: [],
    },
  },
  {
    id: 'dev2-zh-15',
    lang: 'zh',
    layout: 'ecommerce',
    text: `赵敏
求职方向：电商运营
13788880000 · zhaomin@163.com
教育经历
义乌工商职业技术学院 · 电子商务 · 大专 · 2022.09—2025.06
实习经历
2024.03—2024.08 · 某家居品牌天猫店 · 运营助理
负责直通车投放与商品详情页优化，店铺月销售额提升 20%。
参与双十一直播带货选品与脚本撰写。
技能
Excel、生意参谋、Photoshop 修图`,
    labels: {
      name: '赵敏',
      email: 'zhaomin@163.com',
      phone: '13788880000',
      education: [{ school: '义乌工商职业技术学院', degree: 'associate', major: '电子商务', graduation: '2025-06' }],
      skills: ['advertising', 'ecommerce-operations', 'excel', 'live-streaming', 'photoshop'],
      certificates: [],
    },
  },
  {
    id: 'dev2-zh-16',
    lang: 'zh',
    layout: 'law-student',
    text: `法学硕士 · 宋文博
电话：13122223333 邮箱：wenbo.song@ruc.edu.cn
教育背景
中国人民大学 法律（非法学） 硕士 2023.09-2026.06
山东大学 英语 学士 2019.09-2023.06
实习经历
2025.03-2025.06 北京某律师事务所 律师助理
检索类案并撰写法律研究备忘录，参与起草股权转让合同与尽职调查报告。
资格证书
法律职业资格证书（A证）、英语专业八级`,
    labels: {
      name: '宋文博',
      email: 'wenbo.song@ruc.edu.cn',
      phone: '13122223333',
      education: [
        { school: '中国人民大学', degree: 'master', major: '法律（非法学）', graduation: '2026-06' },
        { school: '山东大学', degree: 'bachelor', major: '英语', graduation: '2023-06' },
      ],
      skills: ['legal-due-diligence', 'legal-research', 'legal-writing'],
      certificates: ['legal-qualification', 'tem-8'],
    },
  },
  {
    id: 'dev2-zh-17',
    lang: 'zh',
    layout: 'embedded',
    text: `黄俊杰
手机 13211112222 | 邮箱 junjie.huang@hust.edu.cn
教育背景
华中科技大学 电子信息工程 本科 2021.09-2025.06
项目经历
智能小车（2023.09-2023.12）：基于 STM32 单片机，用 C 语言编写电机 PID 控制，Altium Designer 画 PCB。
竞赛
全国大学生电子设计竞赛 湖北赛区一等奖
技能
C、C++、Keil、Verilog 基础；示波器等仪器使用`,
    labels: {
      name: '黄俊杰',
      email: 'junjie.huang@hust.edu.cn',
      phone: '13211112222',
      education: [{ school: '华中科技大学', degree: 'bachelor', major: '电子信息工程', graduation: '2025-06' }],
      skills: ['c', 'control-systems', 'cpp', 'microcontroller', 'pcb-design', 'stm32', 'testing-instruments', 'verilog'],
      certificates: [],
    },
  },
  {
    id: 'dev2-zh-18',
    lang: 'zh',
    layout: 'product-manager',
    text: `个人简历
钱雨萱 / 产品经理方向 / yuxuan.qian@qq.com / 13900002323
教育背景
2021.09-2025.06 南开大学 信息管理与信息系统 本科
实习经历
2024.06-2024.10 美团 产品实习生
负责骑手端两个需求的需求分析与 PRD 撰写，用 Axure 画原型，与研发、测试跨部门协作推动上线。
做了 3 次用户访谈与竞品分析，输出调研报告。
技能
Axure、墨刀、SQL、Visio`,
    labels: {
      name: '钱雨萱',
      email: 'yuxuan.qian@qq.com',
      phone: '13900002323',
      education: [{ school: '南开大学', degree: 'bachelor', major: '信息管理与信息系统', graduation: '2025-06' }],
      skills: [
        'axure',
        'competitive-analysis',
        'mockplus',
        'prototyping',
        'requirements-analysis',
        'sql',
        'user-research',
        'visio',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev2-zh-19',
    lang: 'zh',
    layout: 'civil-engineering',
    text: `基本信息
姓名：冯凯  联系电话：15112345678  电子邮箱：kai.feng@csu.edu.cn
教育背景
中南大学  土木工程  本科  2021年9月至2025年6月
主修课程：结构力学、混凝土结构、土力学、工程测量
实习经历
2024年7月至2024年9月  中建三局  施工员实习
参与主体结构施工现场管理，复核测量放线，整理施工日志。
专业技能
AutoCAD、广联达（工程造价）、PKPM、全站仪`,
    labels: {
      name: '冯凯',
      email: 'kai.feng@csu.edu.cn',
      phone: '15112345678',
      education: [{ school: '中南大学', degree: 'bachelor', major: '土木工程', graduation: '2025-06' }],
      skills: ['autocad', 'civil-engineering', 'construction-management', 'cost-estimation', 'surveying'],
      certificates: [],
    },
  },
  {
    id: 'dev2-zh-20',
    lang: 'zh',
    layout: 'translation-major',
    text: `刘诗涵
邮箱：shihan.liu@bfsu.edu.cn   电话：18011112222
教育背景
北京外国语大学 翻译 硕士（MTI） 2023.09-2025.06
天津外国语大学 日语 本科 2019.09-2023.06
实践经历
2024.03-2024.09 某翻译公司 笔译实习
完成 15 万字中日技术文档翻译，使用 Trados 管理术语库；为展会提供交替传译。
语言能力
日语 N1，英语六级，CATTI 二级笔译
爱好
看电影、旅行、做字幕`,
    labels: {
      name: '刘诗涵',
      email: 'shihan.liu@bfsu.edu.cn',
      phone: '18011112222',
      education: [
        { school: '北京外国语大学', degree: 'master', major: '翻译', graduation: '2025-06' },
        { school: '天津外国语大学', degree: 'bachelor', major: '日语', graduation: '2023-06' },
      ],
      skills: ['interpreting', 'translation'],
      certificates: ['catti', 'cet-6', 'jlpt'],
    },
  },
  {
    id: 'dev2-en-1',
    lang: 'en',
    layout: 'hobbies-interests',
    text: `Olivia Chen
olivia.chen@gmail.com | +86 139 0000 1212 | Shanghai

EDUCATION
Shanghai Jiao Tong University — B.S. in Computer Science, Sep 2021 – Jun 2025

EXPERIENCE
Software Engineering Intern, Microsoft, Suzhou — Jul 2024 – Sep 2024
- Built an internal dashboard in TypeScript and React; wrote unit tests with Jest.
- Migrated two services from Python 2 to Python 3.

SKILLS
Languages: TypeScript, Python, Java
Tools: Git, Docker, Linux

INTERESTS
Photography, rock climbing, playing the piano`,
    labels: {
      name: 'Olivia Chen',
      email: 'olivia.chen@gmail.com',
      phone: '13900001212',
      education: [
        { school: 'Shanghai Jiao Tong University', degree: 'bachelor', major: 'Computer Science', graduation: '2025-06' },
      ],
      skills: ['docker', 'git', 'java', 'linux', 'python', 'react', 'typescript', 'unit-testing'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-2',
    lang: 'en',
    layout: 'coursework-section',
    text: `DANIEL LIU
daniel.liu@outlook.com · (+86) 186 1234 0000

EDUCATION
Peking University, Beijing
Master of Science in Statistics, expected Jun 2026
Renmin University of China — Bachelor of Economics, Jun 2024

RELEVANT COURSEWORK
Machine Learning, Bayesian Statistics, Time Series Analysis, Econometrics

EXPERIENCE
Data Analyst Intern, JD.com — Jun 2025 – Sep 2025
- Wrote SQL queries against Hive to build weekly sales reports.
- Ran A/B tests and reported results to product managers.

SKILLS
R, Python, SQL, Hive, Excel`,
    labels: {
      name: 'Daniel Liu',
      email: 'daniel.liu@outlook.com',
      phone: '18612340000',
      education: [
        { school: 'Peking University', degree: 'master', major: 'Statistics', graduation: '2026-06' },
        { school: 'Renmin University of China', degree: 'bachelor', major: 'Economics', graduation: '2024-06' },
      ],
      skills: ['excel', 'hive', 'hypothesis-testing', 'python', 'r', 'sql'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-3',
    lang: 'en',
    layout: 'objective-wish',
    text: `Grace Huang
Email: grace.huang@163.com  Phone: 138-0000-3434

OBJECTIVE
An entry-level role in machine learning engineering where I can grow into deep learning research.

EDUCATION
Beijing Institute of Technology | B.Eng. Automation | 2021 – 2025

PROJECTS
Traffic sign classifier (2024): trained a CNN in Keras on 40k images; 97% test accuracy.
Course scheduler (2023): a small Flask app backed by SQLite.

SKILLS
Python, Keras, NumPy, Flask; currently learning Rust and Go`,
    labels: {
      name: 'Grace Huang',
      email: 'grace.huang@163.com',
      phone: '13800003434',
      education: [{ school: 'Beijing Institute of Technology', degree: 'bachelor', major: 'Automation', graduation: '2025' }],
      skills: ['flask', 'keras', 'neural-networks', 'numpy', 'python', 'sqlite'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-4',
    lang: 'en',
    layout: 'employer-named-oracle',
    text: `Kevin Zhao
kevin.zhao@gmail.com | 131 2222 4545

Education
Harbin Institute of Technology, MEng in Software Engineering, 2023 – 2025
Harbin Institute of Technology, BEng in Software Engineering, 2019 – 2023

Experience
Oracle (China) R&D Center — Backend Intern, Jan 2025 – Jun 2025
Wrote Go services and gRPC interfaces; added Prometheus metrics.
Amazon Web Services — Support Intern, Jul 2024 – Sep 2024
Answered customer tickets about EC2 and S3 networking.

Technical Skills
Go, Java, gRPC, PostgreSQL, Kubernetes`,
    labels: {
      name: 'Kevin Zhao',
      email: 'kevin.zhao@gmail.com',
      phone: '13122224545',
      education: [
        { school: 'Harbin Institute of Technology', degree: 'master', major: 'Software Engineering', graduation: '2025' },
        { school: 'Harbin Institute of Technology', degree: 'bachelor', major: 'Software Engineering', graduation: '2023' },
      ],
      skills: ['aws', 'customer-service', 'go', 'grpc', 'java', 'kubernetes', 'postgresql'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-5',
    lang: 'en',
    layout: 'publications-list',
    text: `Sophia Wang, PhD candidate
sophia.wang@nus.edu.sg · +65 8123 4567

EDUCATION
National University of Singapore — Ph.D. in Chemical Engineering, expected Dec 2025
Tianjin University — B.Eng. in Chemical Engineering, Jun 2020

RESEARCH EXPERIENCE
Graduate Researcher, NUS Catalysis Lab, Aug 2020 – present
Synthesised metal-organic frameworks and characterised them by XRD and FTIR spectroscopy; ran DFT calculations in Materials Studio.

PUBLICATIONS
Wang S. et al. "Machine learning guided catalyst discovery", ACS Catalysis (2024).

SKILLS
Origin, ChemDraw, Materials Studio, Python (basic)`,
    labels: {
      name: 'Sophia Wang',
      email: 'sophia.wang@nus.edu.sg',
      phone: '+65 8123 4567',
      education: [
        { school: 'National University of Singapore', degree: 'doctorate', major: 'Chemical Engineering', graduation: '2025-12' },
        { school: 'Tianjin University', degree: 'bachelor', major: 'Chemical Engineering', graduation: '2020-06' },
      ],
      skills: ['chemdraw', 'materials-studio', 'organic-synthesis', 'origin', 'python', 'spectroscopy'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-6',
    lang: 'en',
    layout: 'marketing-summary',
    text: `Chloe Xu
chloe.xu@outlook.com — 135 6666 7878

PROFILE
Creative marketing graduate with a passion for storytelling and strong communication skills.

EXPERIENCE
Social Media Intern — L'Oréal China — Mar 2024 to Aug 2024
Planned Xiaohongshu posts, worked with KOLs, and tracked engagement in Excel.

Marketing Assistant (part-time) — campus café — 2022 to 2023
Designed posters in Canva and ran a WeChat mini program coupon campaign.

EDUCATION
Shanghai International Studies University, BA in Marketing, 2025

SKILLS
Canva, Excel, copywriting, social media marketing`,
    labels: {
      name: 'Chloe Xu',
      email: 'chloe.xu@outlook.com',
      phone: '13566667878',
      education: [
        { school: 'Shanghai International Studies University', degree: 'bachelor', major: 'Marketing', graduation: '2025' },
      ],
      skills: ['canva', 'copywriting', 'excel', 'kol-marketing', 'poster-design', 'social-media-marketing', 'xiaohongshu'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-7',
    lang: 'en',
    layout: 'accounting-certs',
    text: `Ethan Sun
ethan.sun@qq.com | 152 0000 9090

EDUCATION
University of International Business and Economics
Bachelor of Management in Accounting (ACCA direction), Sep 2021 – Jun 2025

WORK EXPERIENCE
Audit Intern | KPMG Huazhen | Jan 2025 – Apr 2025
• Performed substantive testing of revenue and receivables; prepared working papers.
• Reconciled bank statements and fixed asset registers.

CERTIFICATIONS
ACCA (9 papers passed), CET-6

SKILLS
Excel, Kingdee, financial reporting under IFRS`,
    labels: {
      name: 'Ethan Sun',
      email: 'ethan.sun@qq.com',
      phone: '15200009090',
      education: [
        {
          school: 'University of International Business and Economics',
          degree: 'bachelor',
          major: 'Accounting',
          graduation: '2025-06',
        },
      ],
      skills: ['auditing', 'excel', 'financial-accounting', 'fixed-assets', 'ifrs', 'kingdee'],
      certificates: ['acca', 'cet-6'],
    },
  },
  {
    id: 'dev2-en-8',
    lang: 'en',
    layout: 'two-column-flattened',
    text: `Ryan Li                                   ryan.li@gmail.com   +86 177 1234 5678
EDUCATION                                 SKILLS
Tongji University                          AutoCAD, SolidWorks, ANSYS
B.Eng. Mechanical Engineering              MATLAB, Python
Sep 2021 – Jun 2025

EXPERIENCE
Manufacturing Engineering Intern, Bosch Automotive, Suzhou, Jul 2024 – Dec 2024
Ran time studies on an assembly line and proposed a lean layout that cut walking distance by 18%.
Drew fixtures in SolidWorks and checked them with finite element analysis in ANSYS.`,
    labels: {
      name: 'Ryan Li',
      email: 'ryan.li@gmail.com',
      phone: '17712345678',
      education: [
        { school: 'Tongji University', degree: 'bachelor', major: 'Mechanical Engineering', graduation: '2025-06' },
      ],
      skills: ['ansys', 'autocad', 'industrial-engineering', 'lean', 'matlab', 'python', 'solidworks'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-9',
    lang: 'en',
    layout: 'awards-honors',
    text: `Lucas Gao
lucas.gao@zju.edu.cn | 139 8888 0101

Education
Zhejiang University, B.S. in Mathematics and Applied Mathematics, 2021–2025

Honors & Awards
Meritorious Winner, Mathematical Contest in Modeling (MCM), 2024
First Prize, China Undergraduate Mathematical Contest in Modeling, 2023
National Scholarship, 2022

Experience
Quant Research Intern, a Hangzhou hedge fund, Jul 2024 – Oct 2024
Backtested momentum factors in Python with pandas; cleaned tick data.

Skills
Python, pandas, C++, LaTeX`,
    labels: {
      name: 'Lucas Gao',
      email: 'lucas.gao@zju.edu.cn',
      phone: '13988880101',
      education: [
        {
          school: 'Zhejiang University',
          degree: 'bachelor',
          major: 'Mathematics and Applied Mathematics',
          graduation: '2025',
        },
      ],
      skills: ['cpp', 'data-cleaning', 'latex', 'mathematical-modeling', 'pandas', 'python', 'quantitative-finance'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-10',
    lang: 'en',
    layout: 'uk-style-short',
    text: `Hannah Zhou
hannah.zhou@ed.ac.uk · +44 7700 900456

Education
University of Edinburgh — MSc Marketing, 2024–2025
Xiamen University — BA English Language and Literature, 2020–2024

Experience
Research Assistant, University of Edinburgh Business School, Jan 2025 – May 2025
Coded 300 interview transcripts in NVivo and wrote literature reviews.
Teaching Assistant (English), New Oriental, Summer 2023
Taught IELTS speaking to small groups.

Skills
NVivo, SPSS, survey design, Microsoft Office`,
    labels: {
      name: 'Hannah Zhou',
      email: 'hannah.zhou@ed.ac.uk',
      phone: '+44 7700 900456',
      education: [
        { school: 'University of Edinburgh', degree: 'master', major: 'Marketing', graduation: '2025' },
        { school: 'Xiamen University', degree: 'bachelor', major: 'English Language and Literature', graduation: '2024' },
      ],
      skills: ['ms-office', 'research-methods', 'spss', 'teaching', 'test-prep'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-11',
    lang: 'en',
    layout: 'nursing-en',
    text: `Amy Tang, BSN
amy.tang@163.com | 158 1111 3434

EDUCATION
Peking Union Medical College — Bachelor of Science in Nursing, Jul 2025

CLINICAL PLACEMENTS
Peking Union Medical College Hospital, Sep 2024 – May 2025
Rotated through ICU, pediatrics and emergency; monitored vital signs and administered IV infusions.

CERTIFICATIONS
Registered Nurse license (pending), BLS certified

SKILLS
Patient education, infection control, electronic medical records`,
    labels: {
      name: 'Amy Tang',
      email: 'amy.tang@163.com',
      phone: '15811113434',
      education: [
        { school: 'Peking Union Medical College', degree: 'bachelor', major: 'Nursing', graduation: '2025-07' },
      ],
      skills: ['basic-life-support', 'infection-control', 'medical-records', 'phlebotomy', 'vital-signs'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-12',
    lang: 'en',
    layout: 'design-portfolio',
    text: `MIA ZHANG — UI/UX DESIGNER
Portfolio: behance.net/miazhang · mia.zhang@qq.com · 186 2222 5656

EDUCATION
China Academy of Art, BFA in Visual Communication Design, 2021 – 2025

EXPERIENCE
UX Design Intern, NetEase Games, Hangzhou (Jun 2024 – Sep 2024)
• Redesigned the in-game store flow in Figma; ran five usability tests with players.
• Made motion prototypes in After Effects.

TOOLS
Figma, Sketch, Adobe Illustrator, After Effects, Blender`,
    labels: {
      name: 'Mia Zhang',
      email: 'mia.zhang@qq.com',
      phone: '18622225656',
      education: [
        { school: 'China Academy of Art', degree: 'bachelor', major: 'Visual Communication Design', graduation: '2025' },
      ],
      skills: ['after-effects', 'blender', 'figma', 'illustrator', 'prototyping', 'sketch', 'user-research'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-13',
    lang: 'en',
    layout: 'supply-chain',
    text: `Jason Wu
jason.wu@gmail.com / +86 135 0000 5656

Education
Beijing Jiaotong University, Bachelor of Management, Logistics Management, June 2025

Internship
Supply Chain Intern — Haier Group — Qingdao — Jan 2025 – May 2025
Tracked purchase orders in SAP and forecast demand for spare parts; reduced stock-outs through weekly inventory reviews.

Campus
Vice President, Student Union (2023–2024): organised a 2,000-person career fair.

Skills
SAP, Excel (pivot tables), Power BI`,
    labels: {
      name: 'Jason Wu',
      email: 'jason.wu@gmail.com',
      phone: '13500005656',
      education: [
        { school: 'Beijing Jiaotong University', degree: 'bachelor', major: 'Logistics Management', graduation: '2025-06' },
      ],
      skills: ['event-planning', 'excel', 'excel-data-analysis', 'inventory-management', 'power-bi', 'procurement', 'sap'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-14',
    lang: 'en',
    layout: 'data-engineer',
    text: `Henry Ma
henry.ma@outlook.com | 133 4444 6767 | github.com/henryma

Education
Sun Yat-sen University — M.S. Computer Technology — 2023-09 to 2025-06

Experience
Data Engineering Intern | Tencent | 2024-06 to 2024-12
Built Airflow DAGs that load Kafka topics into ClickHouse; wrote Spark jobs in Scala.
Teaching Assistant | Sun Yat-sen University | 2023-09 to 2024-01
Held office hours for the Database Systems course.

Skills
Python, Scala, SQL, Spark, Kafka, Airflow, ClickHouse`,
    labels: {
      name: 'Henry Ma',
      email: 'henry.ma@outlook.com',
      phone: '13344446767',
      education: [
        { school: 'Sun Yat-sen University', degree: 'master', major: 'Computer Technology', graduation: '2025-06' },
      ],
      skills: ['airflow', 'clickhouse', 'kafka', 'python', 'scala', 'spark', 'sql'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-15',
    lang: 'en',
    layout: 'law-en',
    text: `Isabella Lin
isabella.lin@cupl.edu.cn | 138 7777 2121

EDUCATION
China University of Political Science and Law — LL.M. in International Law, 2024 – 2026
East China University of Political Science and Law — LL.B., 2020 – 2024

EXPERIENCE
Legal Intern, King & Wood Mallesons, Beijing, Jul 2025 – Sep 2025
Reviewed share purchase agreements and drafted due diligence memos for an M&A deal.

QUALIFICATIONS
PRC Legal Professional Qualification (2024)`,
    labels: {
      name: 'Isabella Lin',
      email: 'isabella.lin@cupl.edu.cn',
      phone: '13877772121',
      education: [
        {
          school: 'China University of Political Science and Law',
          degree: 'master',
          major: 'International Law',
          graduation: '2026',
        },
        {
          school: 'East China University of Political Science and Law',
          degree: 'bachelor',
          major: 'Law',
          graduation: '2024',
        },
      ],
      skills: ['contract-law', 'legal-due-diligence', 'legal-writing'],
      certificates: ['legal-qualification'],
    },
  },
  {
    id: 'dev2-en-16',
    lang: 'en',
    layout: 'skills-first',
    text: `SKILLS
Java • Spring Boot • MySQL • Redis • RabbitMQ • Git

Nathan Xie | nathan.xie@163.com | 150 3333 8989

EDUCATION
Wuhan University of Technology
B.Eng. in Computer Science and Technology, Jun 2025

PROJECTS
Online bookstore (2024) — a Spring Boot back end with MySQL and Redis caching; deployed on Alibaba Cloud ECS with Nginx.
Hobbies: basketball, chess, blogging about Java.`,
    labels: {
      name: 'Nathan Xie',
      email: 'nathan.xie@163.com',
      phone: '15033338989',
      education: [
        {
          school: 'Wuhan University of Technology',
          degree: 'bachelor',
          major: 'Computer Science and Technology',
          graduation: '2025-06',
        },
      ],
      skills: ['aliyun', 'git', 'java', 'message-queue', 'mysql', 'nginx', 'redis', 'spring-boot'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-17',
    lang: 'en',
    layout: 'environmental',
    text: `Zoe Feng
zoe.feng@hhu.edu.cn — 181 0000 4343

Education
Hohai University, Master of Engineering in Environmental Engineering, 2023–2026
Hohai University, Bachelor of Engineering in Water Supply and Drainage, 2019–2023

Research
Modelled nitrogen removal in constructed wetlands; sampled water weekly and analysed it by HPLC.
Mapped sampling sites in ArcGIS.

Skills
ArcGIS, Origin, AutoCAD, R`,
    labels: {
      name: 'Zoe Feng',
      email: 'zoe.feng@hhu.edu.cn',
      phone: '18100004343',
      education: [
        { school: 'Hohai University', degree: 'master', major: 'Environmental Engineering', graduation: '2026' },
        { school: 'Hohai University', degree: 'bachelor', major: 'Water Supply and Drainage', graduation: '2023' },
      ],
      skills: ['autocad', 'chromatography', 'gis', 'origin', 'r'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-18',
    lang: 'en',
    layout: 'sales-bd',
    text: `Leo Qin
leo.qin@gmail.com | +86 139 5555 0000

Summary
Business graduate who likes talking to customers; three internships in B2B sales.

Experience
Sales Intern, Siemens Healthineers, Shanghai — Jan 2025 – Jun 2025
Qualified leads in Salesforce and prepared quotes for hospital clients.
Business Development Intern, a SaaS start-up — Jul 2024 – Sep 2024
Cold-called 40 schools a week and booked demos.

Education
Shanghai University of Finance and Economics — BBA, International Business, Jun 2025

Skills
Salesforce, CRM, negotiation, PowerPoint`,
    labels: {
      name: 'Leo Qin',
      email: 'leo.qin@gmail.com',
      phone: '13955550000',
      education: [
        {
          school: 'Shanghai University of Finance and Economics',
          degree: 'bachelor',
          major: 'International Business',
          graduation: '2025-06',
        },
      ],
      skills: ['crm', 'negotiation', 'powerpoint', 'sales', 'salesforce'],
      certificates: [],
    },
  },
  {
    id: 'dev2-en-19',
    lang: 'en',
    layout: 'associate-hnd',
    text: `Tina He
tina.he@qq.com · 176 0000 1818

EDUCATION
Shenzhen Institute of Information Technology — Associate Degree in Computer Network Technology, 2022 – 2025

EXPERIENCE
IT Support Intern, Foxconn, Shenzhen — Sep 2024 – Feb 2025
Set up Windows laptops, configured Cisco switches and kept the help desk ticket queue below 20.

CERTIFICATES
Huawei HCIA-Datacom; CET-4

SKILLS
Linux, Windows Server, Cisco IOS, Python scripting`,
    labels: {
      name: 'Tina He',
      email: 'tina.he@qq.com',
      phone: '17600001818',
      education: [
        {
          school: 'Shenzhen Institute of Information Technology',
          degree: 'associate',
          major: 'Computer Network Technology',
          graduation: '2025',
        },
      ],
      skills: ['cisco', 'linux', 'python', 'windows-server'],
      certificates: ['cet-4', 'huawei-certification'],
    },
  },
  {
    id: 'dev2-en-20',
    lang: 'en',
    layout: 'game-dev',
    text: `Andy Luo
andy.luo@gmail.com | 187 2323 4545 | itch.io/andyluo

Education
Communication University of China — B.Eng. Digital Media Technology — 2021 – 2025

Projects
"Lantern" (2024), a 2D puzzle game made in Unity with C#; 3,000 downloads.
Shader experiments in OpenGL and GLSL.

Experience
Gameplay Programmer Intern, Lilith Games — Jul 2024 – Oct 2024
Implemented combat skills in Unity and profiled frame drops.

Skills
C#, Unity, C++, Blender (basic)

Interests
Game jams, pixel art, Go (the board game)`,
    labels: {
      name: 'Andy Luo',
      email: 'andy.luo@gmail.com',
      phone: '18723234545',
      education: [
        {
          school: 'Communication University of China',
          degree: 'bachelor',
          major: 'Digital Media Technology',
          graduation: '2025',
        },
      ],
      skills: ['blender', 'cpp', 'csharp', 'game-development', 'opengl', 'unity'],
      certificates: [],
    },
  },
];
