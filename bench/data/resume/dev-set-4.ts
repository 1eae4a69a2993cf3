/**
 * The fourth DEV résumé set (25 Chinese, 25 English), written on 2026-12-06 by the helper generalising the
 * education parser and the skill matcher, before those rules were changed and without opening any held-out set.
 * Dev data like the other dev sets: rules may be changed after looking at its errors, so its figures measure little.
 *
 * What it adds: the kinds of layout HELD-OUT-3.md describes publicly, in résumés of its own — emoji, ▌, ┌│, #,
 * ◆ and numbered headings (一、 1.), English headings in Chinese résumés (EDUCATION 教育背景, 教育 | Education),
 * headings no earlier set used (学历教育, 求学经历, ACADEMIC HISTORY, EDUCATION & TRAINING, STUDIES), key–value and
 * semicolon lines, | and tab tables with a header row, two columns flattened, a paragraph résumé, education last or
 * only in a summary sentence; dates as 2021.09, 2021/09, 2021年9月, 二〇二一年九月, 至今（预计2026年6月毕业）,
 * 09/2021, Sep 2021, Expected June 2025, year-only; 专升本, 本硕连读, 双学位, a double major, JD, PharmD, PhD; and
 * non-IT fields (nursing, law, civil, accounting, teaching, design, logistics, pharmacy, hospitality, social work).
 *
 * Labelling convention: HELD-OUT-3.md's (one entry per degree; school without its faculty unless the school
 * written is itself the institution; major without the degree word; graduation YYYY-MM or YYYY as written; a
 * skill the résumé says the graduate has or did, a tool by its own id). Labels were written with the text, before
 * the extractor was run on it.
 */
import type { LabelledResume } from './dev-set.ts';

type Labels = LabelledResume['labels'];
const e = (school: string, degree: string, major: string, graduation: string): Labels['education'][number] => ({
  school,
  degree,
  major,
  graduation,
});
const zh = (id: string, layout: string, text: string, labels: Labels): LabelledResume => ({
  id,
  lang: 'zh',
  layout,
  text,
  labels,
});
const en = (id: string, layout: string, text: string, labels: Labels): LabelledResume => ({
  id,
  lang: 'en',
  layout,
  text,
  labels,
});

export const DEV_SET_4: readonly LabelledResume[] = [
  zh(
    'dev4-zh-1',
    'emoji-nursing',
    `👩‍⚕️ 林晓雯
📞 13700001111 ✉️ xiaowen.lin@163.com
🎓 教育背景
2020.09-2024.06 中山大学 护理学 本科
🏥 临床实习
2023.07-2024.03 中山大学附属第一医院 实习护士
负责病房患者的生命体征监测、静脉采血和输液，协助医生换药；参与院感防控。
📜 证书
护士执业资格证、BLS 证书、大学英语四级`,
    {
      name: '林晓雯',
      email: 'xiaowen.lin@163.com',
      phone: '13700001111',
      education: [e('中山大学', 'bachelor', '护理学', '2024-06')],
      skills: ['basic-life-support', 'infection-control', 'nursing', 'phlebotomy', 'vital-signs'],
      certificates: ['cet-4'],
    },
  ),
  zh(
    'dev4-zh-2',
    'bar-law-two-degrees',
    `▌赵子涵  ｜ 18800002222 ｜ zihan.zhao@pku.edu.cn
▌教育
北京大学 法学院  法律硕士（非法学）  2022年9月—2025年6月
华中师范大学  汉语言文学  文学学士  2018年9月—2022年6月
▌实践
2024.03-2024.08 金杜律师事务所 律师助理
检索案例与法规，起草合同审查意见和法律备忘录，协助准备诉讼材料。
▌资格
法律职业资格证（A证）`,
    {
      name: '赵子涵',
      email: 'zihan.zhao@pku.edu.cn',
      phone: '18800002222',
      education: [
        e('北京大学', 'master', '法律硕士（非法学）', '2025-06'),
        e('华中师范大学', 'bachelor', '汉语言文学', '2022-06'),
      ],
      skills: ['contract-law', 'legal-research', 'legal-writing', 'litigation'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-3',
    'box-civil',
    `┌────────────────────┐
│ 王浩然  土木工程求职
│ 电话 15600003333  邮箱 haoran.wang@126.com
├── 教育经历 ──────────
│ 同济大学 | 土木工程 | 本科 | 2021.09 - 2025.06
├── 实习经历 ──────────
│ 2024.07-2024.09 中建三局 技术员
│ 使用 AutoCAD 绘制施工图，用 Revit 建立 BIM 模型，参与工程量计算和现场测量放线。
├── 技能 ──────────
│ AutoCAD、Revit、广联达、Office
└────────────────────┘`,
    {
      name: '王浩然',
      email: 'haoran.wang@126.com',
      phone: '15600003333',
      education: [e('同济大学', 'bachelor', '土木工程', '2025-06')],
      skills: ['autocad', 'bim', 'cost-estimation', 'ms-office', 'revit', 'surveying'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-4',
    'english-headings-accounting',
    `刘思琪
Tel: 13500004444  Email: siqi.liu@outlook.com
EDUCATION 教育背景
2019.09-2023.06  厦门大学  会计学  学士
WORK EXPERIENCE 实习经历
2022.07-2022.12  毕马威华振会计师事务所  审计实习生
执行银行函证和存货监盘，编制审计底稿，协助完成企业所得税汇算清缴。
SKILLS 技能
熟练使用 Excel、用友 U8；初级会计职称；CET-6`,
    {
      name: '刘思琪',
      email: 'siqi.liu@outlook.com',
      phone: '13500004444',
      education: [e('厦门大学', 'bachelor', '会计学', '2023-06')],
      skills: ['auditing', 'excel', 'tax', 'yonyou'],
      certificates: ['cet-6'],
    },
  ),
  zh(
    'dev4-zh-5',
    'key-value-teaching',
    `姓名：陈雨萱
手机：13900005555
邮箱：yuxuan.chen@qq.com
毕业院校：华东师范大学
所学专业：小学教育（数学方向）
学历：本科
毕业时间：2025年6月
实习经历：
2024.09-2024.12 上海市实验小学 实习教师
独立承担三年级数学课的教学，撰写教案 20 余篇，协助班主任进行班级管理。
证书：教师资格证（小学数学）、普通话二级甲等`,
    {
      name: '陈雨萱',
      email: 'yuxuan.chen@qq.com',
      phone: '13900005555',
      education: [e('华东师范大学', 'bachelor', '小学教育（数学方向）', '2025-06')],
      skills: ['classroom-management', 'lesson-planning', 'mathematics-teaching', 'teaching'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-6',
    'semicolon-preschool',
    `孙佳怡；电话 18600006666；邮箱 jiayi.sun@163.com
教育：南京师范大学；学前教育；本科；2020.09-2024.06
实习：南京市鼓楼幼儿园；配班老师；2023.09-2024.01；设计并组织幼儿游戏活动，开展家园沟通。
技能：钢琴、简笔画、PPT 课件制作`,
    {
      name: '孙佳怡',
      email: 'jiayi.sun@163.com',
      phone: '18600006666',
      education: [e('南京师范大学', 'bachelor', '学前教育', '2024-06')],
      skills: ['early-childhood-education', 'powerpoint'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-7',
    'pipe-table-logistics',
    `周子健 | 电话：15800007777 | 邮箱：zijian.zhou@foxmail.com
教育背景
时间 | 学校 | 专业 | 学历
2021.09-2025.06 | 北京交通大学 | 物流管理 | 本科
实习经历
时间 | 单位 | 岗位
2024.06-2024.09 | 顺丰速运 | 仓储实习生
负责入库出库登记和库存盘点，用 SAP 跟踪订单，优化拣货路线。
技能：Excel、SAP、供应链管理`,
    {
      name: '周子健',
      email: 'zijian.zhou@foxmail.com',
      phone: '15800007777',
      education: [e('北京交通大学', 'bachelor', '物流管理', '2025-06')],
      skills: ['excel', 'inventory-management', 'logistics', 'sap', 'supply-chain'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-8',
    'tab-table-pharmacy',
    `吴梓涵
13600008888	zihan.wu@163.com
教育背景
起止时间	学校	专业	学历
2022.09-2025.06	中国药科大学	药剂学	硕士
2018.09-2022.06	沈阳药科大学	药学	本科
科研经历
2023.03-2025.03 缓释制剂的处方筛选：采用高效液相色谱法测定含量，进行溶出度研究。
技能
HPLC、Origin、ChemDraw；熟悉 GMP 规范`,
    {
      name: '吴梓涵',
      email: 'zihan.wu@163.com',
      phone: '13600008888',
      education: [
        e('中国药科大学', 'master', '药剂学', '2025-06'),
        e('沈阳药科大学', 'bachelor', '药学', '2022-06'),
      ],
      skills: ['chemdraw', 'chromatography', 'gmp', 'origin'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-9',
    'two-columns-design',
    `郑可欣                                   视觉设计
电话：17700009999                         邮箱：kexin.zheng@163.com
教育背景                                  专业技能
2020.09-2024.06                           Photoshop / Illustrator / InDesign
中国美术学院                              C4D 三维建模
视觉传达设计  本科                        手绘插画
实习经历
2023.06-2023.09 杭州某品牌设计公司 设计实习生
负责品牌 Logo 设计、海报和包装设计，输出 VI 手册。`,
    {
      name: '郑可欣',
      email: 'kexin.zheng@163.com',
      phone: '17700009999',
      education: [e('中国美术学院', 'bachelor', '视觉传达设计', '2024-06')],
      skills: [
        '3d-modeling',
        'c4d',
        'illustration',
        'illustrator',
        'indesign',
        'logo-design',
        'packaging-design',
        'photoshop',
        'poster-design',
      ],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-10',
    'paragraph',
    `个人简历
我叫黄俊杰，电话 13300001010，邮箱 junjie.huang@163.com。2019年9月至2023年6月就读于武汉理工大学，专业为机械设计制造及其自动化，获工学学士学位。大学期间在东风汽车实习三个月，使用 SolidWorks 完成夹具的三维建模，并参与零件的工艺改进。熟悉 AutoCAD 制图，通过大学英语六级。`,
    {
      name: '黄俊杰',
      email: 'junjie.huang@163.com',
      phone: '13300001010',
      education: [e('武汉理工大学', 'bachelor', '机械设计制造及其自动化', '2023-06')],
      skills: ['3d-modeling', 'autocad', 'manufacturing-process', 'solidworks'],
      certificates: ['cet-6'],
    },
  ),
  zh(
    'dev4-zh-11',
    'education-last-hr',
    `何静怡
电话：18900001111 · 邮箱：jingyi.he@126.com
实习经历
2024.03-2024.08 字节跳动 人力资源实习生
负责校园招聘简历筛选、面试安排，统计员工考勤并核算薪酬。
技能
Excel（数据透视表）、飞书、PPT
教育经历
2021.09-2025.06 中国人民大学 人力资源管理 本科`,
    {
      name: '何静怡',
      email: 'jingyi.he@126.com',
      phone: '18900001111',
      education: [e('中国人民大学', 'bachelor', '人力资源管理', '2025-06')],
      skills: ['excel', 'feishu', 'payroll-accounting', 'powerpoint', 'recruiting'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-12',
    'chinese-numeral-dates',
    `马一鸣
联系电话：13100001212　电子邮箱：yiming.ma@sina.com
【学习经历】
二〇二一年九月 至 二〇二五年六月　西北农林科技大学　农学　本科
【实践经历】
二〇二四年七月 陕西省农科院 实习：开展小麦田间试验，记录数据并用 SPSS 做方差分析。
【技能】
SPSS、Excel`,
    {
      name: '马一鸣',
      email: 'yiming.ma@sina.com',
      phone: '13100001212',
      education: [e('西北农林科技大学', 'bachelor', '农学', '2025-06')],
      skills: ['agronomy', 'excel', 'spss'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-13',
    'ongoing-expected',
    `许诺
手机 15000001313  邮箱 nuo.xu@zju.edu.cn
一、教育背景
浙江大学  环境工程  硕士  2023年9月至今（预计2026年6月毕业）
浙江工业大学  环境工程  本科  2019年9月-2023年6月
二、科研经历
参与污水处理工艺优化课题，负责水样采集与 COD 测定，用 Origin 作图。
三、技能
Origin、AutoCAD、ArcGIS`,
    {
      name: '许诺',
      email: 'nuo.xu@zju.edu.cn',
      phone: '15000001313',
      education: [
        e('浙江大学', 'master', '环境工程', '2026-06'),
        e('浙江工业大学', 'bachelor', '环境工程', '2023-06'),
      ],
      skills: ['autocad', 'environmental-engineering', 'gis', 'origin'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-14',
    'zhuanshengben',
    `邓佳
电话：18200001414　邮箱：jia.deng@163.com
教育背景
2022.09-2024.06　湖北经济学院　会计学　本科（专升本）
2019.09-2022.06　武汉职业技术学院　会计　大专
实习经历
2023.07-2023.09　武汉某会计师事务所　审计助理：整理凭证、编制科目余额表、协助纳税申报。
技能证书
初级会计职称　金蝶　Excel`,
    {
      name: '邓佳',
      email: 'jia.deng@163.com',
      phone: '18200001414',
      education: [
        e('湖北经济学院', 'bachelor', '会计学', '2024-06'),
        e('武汉职业技术学院', 'associate', '会计', '2022-06'),
      ],
      skills: ['excel', 'kingdee', 'tax'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-15',
    'benshuo-lianddu-medicine',
    `曹宇航
电话：13400001515　邮箱：yuhang.cao@bjmu.edu.cn
1. 教育经历
2017.09-2025.06　北京大学医学部　临床医学（八年制）　本硕连读　硕士
2. 临床轮转
2023.07-2025.05　北京大学第三医院　内科、外科、儿科轮转：问诊、书写病历、参与手术。
3. 证书
执业医师资格`,
    {
      name: '曹宇航',
      email: 'yuhang.cao@bjmu.edu.cn',
      phone: '13400001515',
      education: [e('北京大学医学部', 'master', '临床医学（八年制）', '2025-06')],
      skills: ['medical-records', 'surgery'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-16',
    'double-degree',
    `彭雅琴
电话 13800001616 ｜ 邮箱 yaqin.peng@whu.edu.cn
【教育背景】
2020.09-2024.06　武汉大学　英语　文学学士
2021.09-2024.06　武汉大学　经济学（双学位）　经济学学士
【实习】
2023.07-2023.08　新华社湖北分社　翻译实习：英汉互译新闻稿 3 万字。
【技能】
CATTI 三级笔译、TEM-8、Trados`,
    {
      name: '彭雅琴',
      email: 'yaqin.peng@whu.edu.cn',
      phone: '13800001616',
      education: [
        e('武汉大学', 'bachelor', '英语', '2024-06'),
        e('武汉大学', 'bachelor', '经济学', '2024-06'),
      ],
      skills: ['translation'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-17',
    'year-only',
    `田野　电话 15100001717　邮箱 ye.tian@163.com
◆ 教育背景 ◆
2019–2023　兰州大学　生物科学　理学学士
◆ 科研 ◆
在细胞生物学实验室从事细胞培养和 Western Blot 实验，熟练 PCR 操作。
◆ 技能 ◆
GraphPad Prism、ImageJ`,
    {
      name: '田野',
      email: 'ye.tian@163.com',
      phone: '15100001717',
      education: [e('兰州大学', 'bachelor', '生物科学', '2023')],
      skills: ['cell-culture', 'graphpad-prism', 'imagej', 'molecular-biology'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-18',
    'numbered-industrial-design',
    `罗文博
电话：18700001818　邮箱：wenbo.luo@qq.com
1. 求学经历
江南大学　工业设计　本科　2020/09 - 2024/06
2. 项目
智能音箱外观设计：用 Rhino 建模、KeyShot 渲染，完成手绘草图与用户调研。
3. 软件
Rhino、Photoshop、Sketch`,
    {
      name: '罗文博',
      email: 'wenbo.luo@qq.com',
      phone: '18700001818',
      education: [e('江南大学', 'bachelor', '工业设计', '2024-06')],
      skills: ['3d-modeling', 'industrial-design', 'mcneel-rhinoceros-3d', 'photoshop', 'sketch', 'user-research'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-19',
    'unknown-heading-trade',
    `钱晓东
电话：13200001919　邮箱：xiaodong.qian@163.com
一、学历教育
对外经济贸易大学　国际经济与贸易　本科　2021.09—2025.06
二、实习
2024.07-2024.10　中国外运　单证员：制作报关单据，跟进进出口订单，与海外客户邮件沟通。
三、技能
英语六级；熟练使用 Excel 和 Outlook`,
    {
      name: '钱晓东',
      email: 'xiaodong.qian@163.com',
      phone: '13200001919',
      education: [e('对外经济贸易大学', 'bachelor', '国际经济与贸易', '2025-06')],
      skills: ['customs-compliance', 'excel', 'international-trade', 'outlook'],
      certificates: ['cet-6'],
    },
  ),
  zh(
    'dev4-zh-20',
    'heading-with-english-pipe',
    `宋雨桐
电话：13000002020　邮箱：yutong.song@163.com
教育 | Education
2018.09-2022.06　四川大学　新闻学　本科
2022.09-2025.06　复旦大学　新闻与传播　专业硕士
实习 | Internship
2024.01-2024.06　澎湃新闻　记者实习生：独立采写新闻稿 30 篇，剪辑短视频。
技能 | Skills
Premiere、剪映、新闻写作`,
    {
      name: '宋雨桐',
      email: 'yutong.song@163.com',
      phone: '13000002020',
      education: [
        e('四川大学', 'bachelor', '新闻学', '2022-06'),
        e('复旦大学', 'master', '新闻与传播', '2025-06'),
      ],
      skills: ['capcut', 'journalism', 'premiere-pro', 'video-editing'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-21',
    'slash-dates-mechanical',
    `韩磊
手机：15700002121　邮箱：lei.han@163.com
# 教育经历
2021/09 - 2025/06　哈尔滨工业大学　车辆工程　本科
# 项目经历
大学生方程式赛车：负责悬架设计，用 CATIA 建模、ANSYS 做有限元分析。
# 专业技能
CATIA、ANSYS、MATLAB`,
    {
      name: '韩磊',
      email: 'lei.han@163.com',
      phone: '15700002121',
      education: [e('哈尔滨工业大学', 'bachelor', '车辆工程', '2025-06')],
      skills: ['3d-modeling', 'ansys', 'automotive-engineering', 'catia', 'matlab'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-22',
    'hospitality-associate',
    `蒋欣怡
电话：18500002222　邮箱：xinyi.jiang@163.com
【学习经历】
2021年9月—2024年6月　三亚航空旅游职业学院　酒店管理　大专
【实习经历】
2023年7月—2024年1月　三亚某五星级酒店　前台接待：办理入住退房，处理客人投诉，使用 Opera 系统。
【证书】
普通话二级甲等　英语四级`,
    {
      name: '蒋欣怡',
      email: 'xinyi.jiang@163.com',
      phone: '18500002222',
      education: [e('三亚航空旅游职业学院', 'associate', '酒店管理', '2024-06')],
      skills: ['customer-service', 'hospitality'],
      certificates: ['cet-4'],
    },
  ),
  zh(
    'dev4-zh-23',
    'phd-chemistry-bilingual-bracket',
    `叶子豪
电话：13600002323　邮箱：zihao.ye@ustc.edu.cn
【教育经历 Education】
2020.09-2025.06　中国科学技术大学　有机化学　博士
2016.09-2020.06　山东大学　化学　理学学士
【科研经历 Research】
从事过渡金属催化的有机合成，使用核磁、质谱表征产物，发表 SCI 论文 3 篇。
【技能 Skills】
ChemDraw、MestReNova、Origin`,
    {
      name: '叶子豪',
      email: 'zihao.ye@ustc.edu.cn',
      phone: '13600002323',
      education: [
        e('中国科学技术大学', 'doctorate', '有机化学', '2025-06'),
        e('山东大学', 'bachelor', '化学', '2020-06'),
      ],
      skills: ['chemdraw', 'organic-synthesis', 'origin', 'scientific-writing', 'spectroscopy'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-24',
    'inline-sentence-social-work',
    `杜晓晴　13900002424　xiaoqing.du@163.com
教育背景：2020年9月至2024年6月，就读于华东理工大学社会工作专业，获法学学士学位。
实践经历：在社区服务中心开展老年人个案工作和小组活动，组织志愿者服务 20 余次。
证书：助理社会工作师`,
    {
      name: '杜晓晴',
      email: 'xiaoqing.du@163.com',
      phone: '13900002424',
      education: [e('华东理工大学', 'bachelor', '社会工作', '2024-06')],
      skills: ['elderly-care', 'volunteering'],
      certificates: [],
    },
  ),
  zh(
    'dev4-zh-25',
    'dot-month-marketing-school-first',
    `袁梦
手机：13800002525　邮箱：meng.yuan@163.com
教育背景
暨南大学（2021.9-2025.6）
市场营销 | 管理学学士
实习经历
2024.7-2024.10 宝洁（广州） 市场部实习生：做竞品分析和消费者调研，策划小红书种草投放。
技能
SPSS、Excel、PowerPoint`,
    {
      name: '袁梦',
      email: 'meng.yuan@163.com',
      phone: '13800002525',
      education: [e('暨南大学', 'bachelor', '市场营销', '2025-06')],
      skills: ['competitive-analysis', 'excel', 'market-research', 'powerpoint', 'spss', 'xiaohongshu'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-1',
    'emoji-nursing',
    `Hannah Brooks
📧 hannah.brooks@gmail.com | 📱 (312) 555-0101
🎓 Education
Bachelor of Science in Nursing (BSN), Loyola University Chicago, May 2024
💼 Clinical Rotations
Rush University Medical Center, Student Nurse, Jan 2024 – Apr 2024
- Monitored vital signs and administered medications for 5 patients per shift
- Performed wound care and drew blood samples
🏅 Certifications
BLS (American Heart Association), NCLEX-RN eligible`,
    {
      name: 'Hannah Brooks',
      email: 'hannah.brooks@gmail.com',
      phone: '(312) 555-0101',
      education: [e('Loyola University Chicago', 'bachelor', 'Nursing', '2024-05')],
      skills: ['basic-life-support', 'nursing', 'phlebotomy', 'vital-signs'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-2',
    'bar-jd',
    `▌DANIEL OKAFOR
▌daniel.okafor@law.gwu.edu · 202-555-0102
▌EDUCATION
The George Washington University Law School — Juris Doctor, expected May 2025
University of Maryland — B.A., Government and Politics, 2022
▌EXPERIENCE
Summer Associate, Hogan Lovells, Washington, DC (Jun 2024 – Aug 2024)
Conducted legal research on securities regulation and drafted memoranda; reviewed commercial contracts.`,
    {
      name: 'Daniel Okafor',
      email: 'daniel.okafor@law.gwu.edu',
      phone: '202-555-0102',
      education: [
        e('The George Washington University Law School', 'doctorate', 'Law', '2025-05'),
        e('University of Maryland', 'bachelor', 'Government and Politics', '2022'),
      ],
      skills: ['contract-law', 'legal-research', 'legal-writing'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-3',
    'pharmd-plain',
    `Priya Raman, PharmD
priya.raman@outlook.com  +1 617 555 0103
EDUCATION
Doctor of Pharmacy (PharmD), Northeastern University, Boston, MA, 2019 – 2025
EXPERIENCE
Pharmacy Intern, CVS Health (2023 – 2024): dispensed prescriptions, counselled patients on medication use,
and handled insurance claims.
LICENSES
Massachusetts Pharmacy Intern License; CPR/BLS`,
    {
      name: 'Priya Raman',
      email: 'priya.raman@outlook.com',
      phone: '+1 617 555 0103',
      education: [e('Northeastern University', 'doctorate', 'Pharmacy', '2025')],
      skills: ['basic-life-support', 'pharmacy'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-4',
    'key-value',
    `Name: Lucas Meyer
Email: lucas.meyer@gmx.de
Phone: +49 151 5550104
School: Technical University of Munich
Degree: Master of Science
Major: Mechanical Engineering
Dates: Oct 2022 – Sep 2024
Experience: BMW Group, Working Student (2023 – 2024) — designed brackets in CATIA and ran FEM analyses in ANSYS.
Skills: CATIA V5, ANSYS, MATLAB/Simulink, Python`,
    {
      name: 'Lucas Meyer',
      email: 'lucas.meyer@gmx.de',
      phone: '+49 151 5550104',
      education: [e('Technical University of Munich', 'master', 'Mechanical Engineering', '2024-09')],
      skills: ['ansys', 'catia', 'matlab', 'mechanical-design', 'python', 'simulink'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-5',
    'semicolon-lines',
    `Olivia Grant; olivia.grant@yahoo.co.uk; +44 7700 900105
Education: University of Leeds; BA Accounting and Finance; 2020–2023
Experience: Deloitte; Audit Trainee; Sep 2023 – present; performed substantive testing and prepared audit working papers.
Skills: Excel; Xero; financial reporting; IFRS`,
    {
      name: 'Olivia Grant',
      email: 'olivia.grant@yahoo.co.uk',
      phone: '+44 7700 900105',
      education: [e('University of Leeds', 'bachelor', 'Accounting and Finance', '2023')],
      skills: ['auditing', 'excel', 'financial-accounting', 'ifrs'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-6',
    'pipe-table',
    `Ethan Wallace | ethan.wallace@gmail.com | 415-555-0106
EDUCATION
Degree | Institution | Years
M.S. Civil Engineering (Geotechnical) | University of California, Berkeley | 2023 – 2024
B.S. Civil Engineering | Purdue University | 2019 – 2023
EXPERIENCE
Geotechnical Intern | Arup | Summer 2023 | Logged boreholes, ran slope stability analyses, drafted plans in AutoCAD Civil 3D.
SKILLS
AutoCAD, Civil 3D, GeoStudio, Excel`,
    {
      name: 'Ethan Wallace',
      email: 'ethan.wallace@gmail.com',
      phone: '415-555-0106',
      education: [
        e('University of California, Berkeley', 'master', 'Civil Engineering (Geotechnical)', '2024'),
        e('Purdue University', 'bachelor', 'Civil Engineering', '2023'),
      ],
      skills: ['autocad', 'autodesk-autocad-civil-3d', 'excel', 'geotechnical'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-7',
    'tab-table',
    `Grace Kim
grace.kim@nyu.edu	(646) 555-0107
EDUCATION
New York University	M.A. Teaching English to Speakers of Other Languages	2023–2025
Ewha Womans University	B.A. English Language and Literature	2019–2023
TEACHING
Student Teacher, P.S. 124, Spring 2024: planned lessons for ESL learners and managed a class of 24.
SKILLS
Google Classroom, Canva, lesson planning`,
    {
      name: 'Grace Kim',
      email: 'grace.kim@nyu.edu',
      phone: '(646) 555-0107',
      education: [
        e('New York University', 'master', 'Teaching English to Speakers of Other Languages', '2025'),
        e('Ewha Womans University', 'bachelor', 'English Language and Literature', '2023'),
      ],
      skills: ['canva', 'classroom-management', 'lesson-planning', 'tesol'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-8',
    'two-columns-flattened',
    `MIA RODRIGUEZ                                   GRAPHIC DESIGNER
mia.rodriguez@gmail.com                        (213) 555-0108
EDUCATION                                       SKILLS
ArtCenter College of Design                     Adobe Photoshop, Illustrator, InDesign
BFA Graphic Design, 2024                        Figma, typography, branding
EXPERIENCE
Design Intern, Pentagram (2023): designed posters and packaging for a coffee brand; built a logo system.`,
    {
      name: 'Mia Rodriguez',
      email: 'mia.rodriguez@gmail.com',
      phone: '(213) 555-0108',
      education: [e('ArtCenter College of Design', 'bachelor', 'Graphic Design', '2024')],
      skills: [
        'brand-management',
        'figma',
        'graphic-design',
        'illustrator',
        'indesign',
        'logo-design',
        'packaging-design',
        'photoshop',
        'poster-design',
        'typography',
      ],
      certificates: [],
    },
  ),
  en(
    'dev4-en-9',
    'paragraph',
    `Noah Bennett — noah.bennett@icloud.com — 555-010-9000
I graduated from the University of Texas at Austin in May 2023 with a Bachelor of Business Administration in Supply Chain Management. During an internship at Dell I tracked inbound shipments in SAP, forecast demand in Excel and negotiated with carriers, cutting freight costs by 8%.`,
    {
      name: 'Noah Bennett',
      email: 'noah.bennett@icloud.com',
      phone: '555-010-9000',
      education: [e('University of Texas at Austin', 'bachelor', 'Supply Chain Management', '2023-05')],
      skills: ['business-negotiation', 'excel', 'logistics', 'sap', 'supply-chain'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-10',
    'education-last',
    `Chloe Martin
chloe.martin@gmail.com · 917-555-0110
EXPERIENCE
HR Intern, Unilever, Jun 2024 – Aug 2024
Screened resumes, scheduled interviews and onboarded 15 new hires; maintained records in Workday.
SKILLS
Workday, Excel, PowerPoint
EDUCATION
Cornell University, Ithaca, NY
BS, Industrial and Labor Relations, Expected May 2025`,
    {
      name: 'Chloe Martin',
      email: 'chloe.martin@gmail.com',
      phone: '917-555-0110',
      education: [e('Cornell University', 'bachelor', 'Industrial and Labor Relations', '2025-05')],
      skills: ['excel', 'powerpoint', 'recruiting', 'workday-software'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-11',
    'expected-month',
    `Aiden Park
aiden.park@umich.edu | (734) 555-0111
EDUCATION
University of Michigan, Ann Arbor
Master of Science in Statistics — Expected June 2025
Seoul National University
Bachelor of Science in Mathematics — Feb 2023
PROJECTS
Built logistic regression and random forest models in R and Python to predict loan default.
SKILLS
R, Python (pandas, scikit-learn), SQL, Tableau`,
    {
      name: 'Aiden Park',
      email: 'aiden.park@umich.edu',
      phone: '(734) 555-0111',
      education: [
        e('University of Michigan', 'master', 'Statistics', '2025-06'),
        e('Seoul National University', 'bachelor', 'Mathematics', '2023-02'),
      ],
      skills: ['machine-learning', 'pandas', 'python', 'r', 'regression-analysis', 'scikit-learn', 'sql', 'tableau'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-12',
    'year-only-dash',
    `Samuel Osei
samuel.osei@gmail.com, +233 24 555 0112
Education
2019 – 2023  Kwame Nkrumah University of Science and Technology  BSc Electrical Engineering
Experience
2023 – 2024  Electricity Company of Ghana, National Service: maintained substations and wired PLC control panels.
Skills
AutoCAD Electrical, MATLAB, PLC programming`,
    {
      name: 'Samuel Osei',
      email: 'samuel.osei@gmail.com',
      phone: '+233 24 555 0112',
      education: [
        e('Kwame Nkrumah University of Science and Technology', 'bachelor', 'Electrical Engineering', '2023'),
      ],
      skills: ['autocad', 'equipment-maintenance', 'matlab', 'plc', 'power-systems'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-13',
    'numeric-month-dates',
    `Isabella Rossi
isabella.rossi@polimi.it · +39 333 555 0113
Education
09/2021 – 07/2024   Politecnico di Milano   BSc Architectural Design
09/2024 – present   Politecnico di Milano   MSc Architecture (expected 07/2026)
Experience
06/2023 – 09/2023   Renzo Piano Building Workshop, intern — built 3D models in Rhino and rendered in V-Ray.
Tools
Rhino, AutoCAD, Revit, Adobe Photoshop`,
    {
      name: 'Isabella Rossi',
      email: 'isabella.rossi@polimi.it',
      phone: '+39 333 555 0113',
      education: [
        e('Politecnico di Milano', 'bachelor', 'Architectural Design', '2024-07'),
        e('Politecnico di Milano', 'master', 'Architecture', '2026-07'),
      ],
      skills: ['3d-modeling', 'autocad', 'mcneel-rhinoceros-3d', 'photoshop', 'rendering', 'revit'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-14',
    'month-word-ranges',
    `James O'Connor
james.oconnor@tcd.ie | +353 87 555 0114
EDUCATION
Trinity College Dublin, Sep 2021 – Jun 2025
Bachelor in Business Studies (Marketing)
EXPERIENCE
Marketing Intern, Guinness, Jun 2024 – Sep 2024: ran Instagram campaigns, wrote copy, and analysed survey data.
SKILLS
Google Analytics, Canva, Excel`,
    {
      name: "James O'Connor",
      email: 'james.oconnor@tcd.ie',
      phone: '+353 87 555 0114',
      education: [e('Trinity College Dublin', 'bachelor', 'Business Studies (Marketing)', '2025-06')],
      skills: ['canva', 'copywriting', 'excel', 'marketing-analytics', 'social-media-marketing'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-15',
    'teaching-med',
    `Emily Chen
emily.chen@gmail.com / 604-555-0115
EDUCATION
M.Ed. Special Education, University of British Columbia, 2024
B.A. Psychology, Simon Fraser University, 2021
TEACHING EXPERIENCE
Learning Support Teacher, Vancouver School Board, 2022 – 2024
Wrote individual education plans for students with autism and taught small-group literacy lessons.`,
    {
      name: 'Emily Chen',
      email: 'emily.chen@gmail.com',
      phone: '604-555-0115',
      education: [
        e('University of British Columbia', 'master', 'Special Education', '2024'),
        e('Simon Fraser University', 'bachelor', 'Psychology', '2021'),
      ],
      skills: ['lesson-planning', 'special-education', 'teaching'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-16',
    'academic-history-heading',
    `Fatima Al-Sayed
fatima.alsayed@gmail.com — +971 50 555 0116
ACADEMIC HISTORY
American University of Sharjah
Bachelor of Science in Civil Engineering, 2018 – 2022
Heriot-Watt University, Dubai Campus
MSc Construction Project Management, 2022 – 2023
PROFESSIONAL EXPERIENCE
Site Engineer, ALEC (2023 – present): supervised concrete works, prepared cost estimates and progress reports.
SOFTWARE
Primavera P6, AutoCAD, MS Project`,
    {
      name: 'Fatima Al-Sayed',
      email: 'fatima.alsayed@gmail.com',
      phone: '+971 50 555 0116',
      education: [
        e('American University of Sharjah', 'bachelor', 'Civil Engineering', '2022'),
        e('Heriot-Watt University', 'master', 'Construction Project Management', '2023'),
      ],
      skills: ['autocad', 'construction-management', 'cost-estimation', 'ms-project', 'oracle-primavera-enterprise-project-portfolio-management'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-17',
    'associate-community-college',
    `Marcus Johnson
marcus.j@gmail.com | 480-555-0117
EDUCATION
Associate of Applied Science, Logistics and Supply Chain Management
Mesa Community College, Mesa, AZ — 2022
Bachelor of Science, Supply Chain Management
Arizona State University, Tempe, AZ — 2024
EXPERIENCE
Warehouse Coordinator, Amazon (2022 – 2024): managed inventory counts and scheduled outbound trucks.`,
    {
      name: 'Marcus Johnson',
      email: 'marcus.j@gmail.com',
      phone: '480-555-0117',
      education: [
        e('Mesa Community College', 'associate', 'Logistics and Supply Chain Management', '2022'),
        e('Arizona State University', 'bachelor', 'Supply Chain Management', '2024'),
      ],
      skills: ['inventory-management', 'logistics'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-18',
    'double-major',
    `Sophie Laurent
sophie.laurent@mcgill.ca, 514-555-0118
Education
McGill University — Bachelor of Arts, Economics and Mathematics (double major), 2020–2024
Experience
Research Assistant, McGill Economics Department (2023): cleaned panel data and ran regressions in Stata.
Skills: Stata, R, LaTeX`,
    {
      name: 'Sophie Laurent',
      email: 'sophie.laurent@mcgill.ca',
      phone: '514-555-0118',
      education: [e('McGill University', 'bachelor', 'Economics and Mathematics', '2024')],
      skills: ['academic-research-assistance', 'data-cleaning', 'latex', 'r', 'regression-analysis', 'stata'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-19',
    'education-and-training-heading',
    `Ryan Patel
ryan.patel@gmail.com | 732-555-0119
EDUCATION & TRAINING
Rutgers University, New Brunswick, NJ
Master of Business Administration, Finance — 2025
Bachelor of Science in Accounting — 2021
EXPERIENCE
Staff Accountant, EY (2021 – 2023): prepared tax returns and reconciled accounts in QuickBooks.`,
    {
      name: 'Ryan Patel',
      email: 'ryan.patel@gmail.com',
      phone: '732-555-0119',
      education: [
        e('Rutgers University', 'master', 'Finance', '2025'),
        e('Rutgers University', 'bachelor', 'Accounting', '2021'),
      ],
      skills: ['accounting', 'quickbooks', 'tax'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-20',
    'numbered-headings',
    `Laura Schmidt
laura.schmidt@uni-heidelberg.de · +49 160 5550120
1. Education
2017 – 2024  Heidelberg University  PhD in Molecular Biology
2014 – 2017  University of Freiburg  BSc Biology
2. Research
Established CRISPR knockouts in cell lines, performed Western blots and confocal imaging; analysed images in ImageJ.
3. Skills
Cell culture, qPCR, flow cytometry, ImageJ, GraphPad Prism`,
    {
      name: 'Laura Schmidt',
      email: 'laura.schmidt@uni-heidelberg.de',
      phone: '+49 160 5550120',
      education: [
        e('Heidelberg University', 'doctorate', 'Molecular Biology', '2024'),
        e('University of Freiburg', 'bachelor', 'Biology', '2017'),
      ],
      skills: ['cell-culture', 'graphpad-prism', 'imagej', 'molecular-biology'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-21',
    'box-drawing',
    `┌─ OMAR HASSAN ─────────────
│ omar.hassan@gmail.com  +20 100 555 0121
├─ EDUCATION
│ Cairo University | B.Sc. Pharmacy | 2016 – 2021
│ University of Nottingham | MSc Pharmaceutical Sciences | 2022 – 2023
├─ EXPERIENCE
│ Quality Control Analyst, Pharco (2021 – 2022): ran HPLC assays under GMP and wrote deviation reports.
└───────────────────────────`,
    {
      name: 'Omar Hassan',
      email: 'omar.hassan@gmail.com',
      phone: '+20 100 555 0121',
      education: [
        e('Cairo University', 'bachelor', 'Pharmacy', '2021'),
        e('University of Nottingham', 'master', 'Pharmaceutical Sciences', '2023'),
      ],
      skills: ['chromatography', 'gmp', 'quality-management'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-22',
    'msw-studies-heading',
    `Aaliyah Thompson
aaliyah.thompson@gmail.com · (404) 555-0122
STUDIES
Master of Social Work, Columbia University School of Social Work, 2024
BA Sociology, Spelman College, 2022
FIELD PLACEMENTS
Case Manager Intern, Harlem Family Services (2023 – 2024): carried a caseload of 12 families and ran support groups.
LICENSES
LMSW (New York)`,
    {
      name: 'Aaliyah Thompson',
      email: 'aaliyah.thompson@gmail.com',
      phone: '(404) 555-0122',
      education: [
        e('Columbia University School of Social Work', 'master', 'Social Work', '2024'),
        e('Spelman College', 'bachelor', 'Sociology', '2022'),
      ],
      skills: ['psychological-counseling'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-23',
    'degree-first-comma',
    `Benjamin Wright
ben.wright@gmail.com | 0412 555 123
Qualifications
Bachelor of Engineering (Honours), Mechatronics, University of Sydney, 2020 – 2024
EXPERIENCE
Graduate Engineer, Siemens, 2024 – present
Programmed Siemens PLCs, commissioned conveyor automation lines and wrote test procedures.
SKILLS
SolidWorks · TIA Portal · Python · C++`,
    {
      name: 'Benjamin Wright',
      email: 'ben.wright@gmail.com',
      phone: '0412 555 123',
      education: [e('University of Sydney', 'bachelor', 'Mechatronics', '2024')],
      skills: ['cpp', 'industrial-automation', 'plc', 'python', 'solidworks'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-24',
    'hospitality-diploma',
    `Chiara Bianchi
chiara.bianchi@gmail.com / +41 79 555 0124
EDUCATION
Les Roches International School of Hotel Management
Bachelor of Business Administration in Global Hospitality Management | 2020 – 2024
EXPERIENCE
Front Office Intern, Four Seasons Hotel Geneva (2023): checked guests in and out, resolved guest complaints, upsold rooms.
LANGUAGES
English, Italian, French`,
    {
      name: 'Chiara Bianchi',
      email: 'chiara.bianchi@gmail.com',
      phone: '+41 79 555 0124',
      education: [
        e('Les Roches International School of Hotel Management', 'bachelor', 'Global Hospitality Management', '2024'),
      ],
      skills: ['customer-service', 'hospitality', 'sales'],
      certificates: [],
    },
  ),
  en(
    'dev4-en-25',
    'inline-education-summary',
    `Kevin Nguyen
kevin.nguyen@gmail.com · 206-555-0125
SUMMARY
Accounting graduate (MPAcc, University of Washington, 2024; BA Accounting, Western Washington University, 2023).
EXPERIENCE
Audit Associate, KPMG Seattle, Sep 2024 – present: tested internal controls, performed audit procedures on revenue.
SKILLS
Excel, CaseWare, SQL`,
    {
      name: 'Kevin Nguyen',
      email: 'kevin.nguyen@gmail.com',
      phone: '206-555-0125',
      education: [
        e('University of Washington', 'master', 'Accounting', '2024'),
        e('Western Washington University', 'bachelor', 'Accounting', '2023'),
      ],
      skills: ['auditing', 'excel', 'internal-audit', 'sql'],
      certificates: [],
    },
  ),
];
