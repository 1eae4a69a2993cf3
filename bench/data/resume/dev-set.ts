/**
 * The DEV résumé set: the extraction rules in src/domain/resume were written and tuned against these
 * (and only these). Layouts differ from the held-out set's on purpose (tables flattened by a PDF tool,
 * headings in capitals with rules, Chinese-English mixed lines, ranges with 至今/Present). Labels follow
 * the same conventions as the held-out set (see scripts/build-resume-heldout.ts).
 */
export interface LabelledResume {
  id: string;
  lang: 'zh' | 'en';
  layout: string;
  text: string;
  labels: {
    name: string;
    email: string;
    phone: string;
    education: { school: string; degree: string; major: string; graduation: string }[];
    skills: string[];
    certificates: string[];
  };
}

export const DEV_SET: readonly LabelledResume[] = [
  {
    id: 'dev-zh-1',
    lang: 'zh',
    layout: 'table-flattened',
    text: `基本信息
姓    名：陈思远          性    别：男
联系电话：139 1234 5678   电子邮箱：siyuan_chen@163.com
教育背景
2021年09月-2025年06月    武汉大学    信息管理与信息系统    本科
主修课程：数据结构、数据库原理、管理信息系统、统计学
实习经历
2024年07月-2024年10月    湖北楚天数据有限公司    数据分析助理
· 运用 Excel 数据透视表与 SQL 清洗销售数据，编写周报
· 用 Python 爬取竞品价格并可视化
技能证书
熟练使用 Python、SQL、Excel；了解 Power BI
大学英语六级（CET-6 532分），全国计算机二级
自我评价
乐观开朗，具备良好的沟通能力和团队合作精神。`,
    labels: {
      name: '陈思远',
      email: 'siyuan_chen@163.com',
      phone: '13912345678',
      education: [{ school: '武汉大学', degree: 'bachelor', major: '信息管理与信息系统', graduation: '2025-06' }],
      skills: ['data-visualization', 'excel', 'excel-data-analysis', 'power-bi', 'python', 'sql'],
      certificates: ['cet-6'],
    },
  },
  {
    id: 'dev-zh-2',
    lang: 'zh',
    layout: 'two-degrees-dash',
    text: `王雨桐
求职意向：财务分析
手机：+86-186-0000-1234 ｜ 邮箱：yutong.wang@qq.com
━━━━━━━━ 教育经历 ━━━━━━━━
上海财经大学  会计学  硕士研究生  2023.09—2026.06
中南财经政法大学  财务管理  学士  2019.09—2023.06
━━━━━━━━ 实习经历 ━━━━━━━━
普华永道中天会计师事务所  审计实习生  2025.01—2025.04
参与两家上市公司年报审计，负责货币资金和应收账款科目的底稿编制。
━━━━━━━━ 专业技能 ━━━━━━━━
财务分析、财务建模、Excel、SPSS
证书：CPA（已过 4 科）、初级会计职称、英语六级`,
    labels: {
      name: '王雨桐',
      email: 'yutong.wang@qq.com',
      phone: '18600001234',
      education: [
        { school: '上海财经大学', degree: 'master', major: '会计学', graduation: '2026-06' },
        { school: '中南财经政法大学', degree: 'bachelor', major: '财务管理', graduation: '2023-06' },
      ],
      skills: ['auditing', 'excel', 'financial-analysis', 'financial-modeling', 'spss'],
      certificates: ['cet-6', 'cpa'],
    },
  },
  {
    id: 'dev-zh-3',
    lang: 'zh',
    layout: 'mixed-project',
    text: `刘浩然 | 本科 | 2025届
📞 15512345678  ✉ haoran.liu@outlook.com
教育背景
北京邮电大学 计算机学院 软件工程 本科 GPA 3.6/4.0 2021.09 - 2025.06
项目经历
基于深度学习的图像检索系统 2024.03 - 2024.06
使用 PyTorch 实现 ResNet 特征提取，Redis 缓存检索结果，Docker 部署。
实习经历
2024.07 - 至今 智行科技有限公司 后端开发实习生
负责 Go 语言微服务开发，使用 Kubernetes 管理集群。
专业技能
语言：Java / Go / Python；框架：Spring Boot；数据库：MySQL、Redis`,
    labels: {
      name: '刘浩然',
      email: 'haoran.liu@outlook.com',
      phone: '15512345678',
      education: [{ school: '北京邮电大学', degree: 'bachelor', major: '软件工程', graduation: '2025-06' }],
      skills: [
        'deep-learning',
        'docker',
        'go',
        'java',
        'kubernetes',
        'microservices',
        'mysql',
        'python',
        'pytorch',
        'redis',
        'spring-boot',
      ],
      certificates: [],
    },
  },
  {
    id: 'dev-zh-4',
    lang: 'zh',
    layout: 'associate-campus',
    text: `个人简历
姓名：赵佳怡
电话：17788889999
邮箱：jiayi.zhao@stu.example.edu.cn
毕业院校：广州番禺职业技术学院
专业：电子商务
学历：大专
毕业时间：2025年7月
在校经历
2023.03-2024.06 学生会外联部 部长
组织校园招聘会，负责新媒体运营和文案写作。
技能特长
Photoshop、剪映、Office 办公软件
普通话二级甲等`,
    labels: {
      name: '赵佳怡',
      email: 'jiayi.zhao@stu.example.edu.cn',
      phone: '17788889999',
      education: [{ school: '广州番禺职业技术学院', degree: 'associate', major: '电子商务', graduation: '2025-07' }],
      skills: ['capcut', 'copywriting', 'ms-office', 'new-media-operations', 'photoshop'],
      certificates: [],
    },
  },
  {
    id: 'dev-en-1',
    lang: 'en',
    layout: 'caps-rule',
    text: `JAMES ZHOU
Shanghai · +86 138 1111 2222 · james.zhou@gmail.com
________________________________________
EDUCATION
Fudan University, Shanghai
Bachelor of Economics in Finance, Sep 2021 – Jun 2025
Relevant coursework: Econometrics, Corporate Finance
________________________________________
WORK EXPERIENCE
Investment Banking Summer Analyst | CICC | Jun 2024 – Aug 2024
- Built three-statement financial models in Excel and drafted pitch books in PowerPoint.
________________________________________
SKILLS
Financial modeling, Excel, PowerPoint, Python (pandas), Bloomberg Terminal
Languages: English (fluent, IELTS 7.5), Mandarin (native)`,
    labels: {
      name: 'James Zhou',
      email: 'james.zhou@gmail.com',
      phone: '13811112222',
      education: [{ school: 'Fudan University', degree: 'bachelor', major: 'Finance', graduation: '2025-06' }],
      skills: ['bloomberg', 'excel', 'financial-modeling', 'pandas', 'powerpoint', 'python'],
      certificates: ['ielts'],
    },
  },
  {
    id: 'dev-en-2',
    lang: 'en',
    layout: 'masters-abroad',
    text: `Mei Lin
mei.lin@outlook.com | (+44) 7700 900123

Education
University of Manchester — MSc Data Science, 2024 – 2025 (Distinction expected)
Zhejiang University — BEng Computer Science and Technology, 2020 – 2024

Research Experience
Research Assistant, Zhejiang University NLP Lab, Mar 2023 – Jun 2024
Fine-tuned BERT models with PyTorch for Chinese named entity recognition; wrote evaluation scripts in Python.

Skills
Python, PyTorch, scikit-learn, SQL, Git, Linux, LaTeX`,
    labels: {
      name: 'Mei Lin',
      email: 'mei.lin@outlook.com',
      phone: '(+44) 7700 900123',
      education: [
        { school: 'University of Manchester', degree: 'master', major: 'Data Science', graduation: '2025' },
        { school: 'Zhejiang University', degree: 'bachelor', major: 'Computer Science and Technology', graduation: '2024' },
      ],
      skills: ['git', 'latex', 'linux', 'python', 'pytorch', 'scikit-learn', 'sql'],
      certificates: [],
    },
  },
  {
    id: 'dev-en-3',
    lang: 'en',
    layout: 'summary-first',
    text: `Summary
Marketing graduate with agency internships in brand strategy and social media.

Anna Wu — anna.wu@163.com — 13600001111

Experience
Brand Strategy Intern — Lanhai Advertising Agency — Jan 2025 to Present
Planned campaigns and ran market research interviews; reported results with Tableau.

Education
Major: Marketing
Degree: Bachelor of Management
Sun Yat-sen University, graduating July 2025

Skills
SEO, copywriting, Adobe Illustrator, market research`,
    labels: {
      name: 'Anna Wu',
      email: 'anna.wu@163.com',
      phone: '13600001111',
      education: [{ school: 'Sun Yat-sen University', degree: 'bachelor', major: 'Marketing', graduation: '2025-07' }],
      skills: ['copywriting', 'illustrator', 'market-research', 'seo', 'tableau'],
      certificates: [],
    },
  },
  {
    id: 'dev-en-4',
    lang: 'en',
    layout: 'phd',
    text: `Dr. candidate: Wei Zhang
Email wei.zhang@whu.edu.cn  Phone 18900002222

EDUCATION
Ph.D. in Mechanical Engineering — Wuhan University (expected 12/2026)
B.Eng. in Mechanical Engineering — Hefei University of Technology (07/2020)

PROJECTS
Finite element analysis of turbine blades with ANSYS and MATLAB; CAD models in SolidWorks.

TECHNICAL SKILLS
MATLAB • SolidWorks • ANSYS • AutoCAD • C++`,
    labels: {
      name: 'Wei Zhang',
      email: 'wei.zhang@whu.edu.cn',
      phone: '18900002222',
      education: [
        { school: 'Wuhan University', degree: 'doctorate', major: 'Mechanical Engineering', graduation: '2026-12' },
        { school: 'Hefei University of Technology', degree: 'bachelor', major: 'Mechanical Engineering', graduation: '2020-07' },
      ],
      skills: ['ansys', 'autocad', 'cpp', 'matlab', 'solidworks'],
      certificates: [],
    },
  },
];
