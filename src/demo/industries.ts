import type { Industry } from './data/occupations-zh.ts';

/** How a demo industry is labelled and how its (fictional) employers are named and described. */
export interface IndustryInfo {
  readonly zh: string;
  readonly en: string;
  /** Legal-form endings for employer names, [Chinese, English]. */
  readonly suffixes: ReadonlyArray<readonly [zh: string, en: string]>;
  readonly aboutZh: string;
  readonly aboutEn: string;
  /** Relative number of employers in this industry. */
  readonly weight: number;
}

export const INDUSTRY_INFO: Readonly<Record<Industry, IndustryInfo>> = {
  internet: {
    zh: '互联网',
    en: 'Internet',
    weight: 10,
    suffixes: [
      ['网络科技有限公司', 'Network Technology Co., Ltd.'],
      ['信息技术有限公司', 'Information Technology Co., Ltd.'],
    ],
    aboutZh: '面向消费者和企业提供在线产品与平台服务',
    aboutEn: 'builds online products and platforms for consumers and businesses',
  },
  software: {
    zh: '软件和信息技术服务',
    en: 'Software and IT services',
    weight: 9,
    suffixes: [
      ['软件股份有限公司', 'Software Co., Ltd.'],
      ['数字科技有限公司', 'Digital Technology Co., Ltd.'],
    ],
    aboutZh: '为政府和企业客户提供软件产品与信息化解决方案',
    aboutEn: 'delivers software and IT solutions to enterprise and public-sector clients',
  },
  electronics: {
    zh: '电子与半导体',
    en: 'Electronics and semiconductors',
    weight: 6,
    suffixes: [
      ['微电子有限公司', 'Microelectronics Co., Ltd.'],
      ['电子科技有限公司', 'Electronics Co., Ltd.'],
    ],
    aboutZh: '研发和生产芯片、电子元器件与智能硬件',
    aboutEn: 'designs and makes chips, electronic components and smart devices',
  },
  finance: {
    zh: '金融',
    en: 'Financial services',
    weight: 8,
    suffixes: [
      ['证券股份有限公司', 'Securities Co., Ltd.'],
      ['保险股份有限公司', 'Insurance Co., Ltd.'],
      ['基金管理有限公司', 'Fund Management Co., Ltd.'],
      ['农村商业银行', 'Rural Commercial Bank'],
    ],
    aboutZh: '提供证券、保险、银行和资产管理等金融服务',
    aboutEn: 'provides brokerage, insurance, banking and asset-management services',
  },
  accounting: {
    zh: '会计与审计',
    en: 'Accounting and audit',
    weight: 3,
    suffixes: [
      ['会计师事务所', 'Certified Public Accountants'],
      ['财务咨询有限公司', 'Financial Advisory Co., Ltd.'],
    ],
    aboutZh: '为企业提供审计、税务和财务咨询服务',
    aboutEn: 'offers audit, tax and financial advisory services to companies',
  },
  consulting: {
    zh: '咨询服务',
    en: 'Consulting',
    weight: 3,
    suffixes: [['管理咨询有限公司', 'Management Consulting Co., Ltd.']],
    aboutZh: '为企业提供战略、组织和运营咨询',
    aboutEn: 'advises companies on strategy, organisation and operations',
  },
  manufacturing: {
    zh: '装备制造',
    en: 'Manufacturing',
    weight: 8,
    suffixes: [
      ['机械股份有限公司', 'Machinery Co., Ltd.'],
      ['智能装备有限公司', 'Intelligent Equipment Co., Ltd.'],
    ],
    aboutZh: '研发制造工业装备和自动化产线',
    aboutEn: 'builds industrial equipment and automated production lines',
  },
  automotive: {
    zh: '汽车',
    en: 'Automotive',
    weight: 5,
    suffixes: [
      ['汽车有限公司', 'Automobile Co., Ltd.'],
      ['新能源汽车科技有限公司', 'New Energy Vehicle Technology Co., Ltd.'],
    ],
    aboutZh: '研发制造整车和汽车零部件，重点布局新能源汽车',
    aboutEn: 'develops vehicles and auto parts, with a focus on electric vehicles',
  },
  energy: {
    zh: '电力与能源',
    en: 'Energy and utilities',
    weight: 4,
    suffixes: [
      ['电力工程有限公司', 'Power Engineering Co., Ltd.'],
      ['新能源股份有限公司', 'New Energy Co., Ltd.'],
    ],
    aboutZh: '从事电力工程、光伏和储能项目的建设与运营',
    aboutEn: 'builds and runs power, solar and energy-storage projects',
  },
  construction: {
    zh: '建筑与工程',
    en: 'Construction and engineering',
    weight: 5,
    suffixes: [
      ['建设集团有限公司', 'Construction Group Co., Ltd.'],
      ['建筑设计研究院有限公司', 'Architectural Design Institute Co., Ltd.'],
    ],
    aboutZh: '承接建筑、道路和桥梁工程的设计与施工',
    aboutEn: 'designs and builds buildings, roads and bridges',
  },
  chemicals: {
    zh: '化工与新材料',
    en: 'Chemicals and materials',
    weight: 4,
    suffixes: [
      ['化工股份有限公司', 'Chemical Co., Ltd.'],
      ['新材料科技有限公司', 'Advanced Materials Co., Ltd.'],
    ],
    aboutZh: '研发生产精细化学品和新型材料',
    aboutEn: 'develops and produces fine chemicals and advanced materials',
  },
  pharma: {
    zh: '医药健康',
    en: 'Pharmaceuticals and medical devices',
    weight: 5,
    suffixes: [
      ['生物医药有限公司', 'Biopharma Co., Ltd.'],
      ['医疗器械有限公司', 'Medical Devices Co., Ltd.'],
    ],
    aboutZh: '研发生产药品和医疗器械',
    aboutEn: 'develops and manufactures medicines and medical devices',
  },
  hospital: {
    zh: '医疗机构',
    en: 'Hospitals',
    weight: 4,
    suffixes: [
      ['医院', 'Hospital'],
      ['康复医院', 'Rehabilitation Hospital'],
    ],
    aboutZh: '提供门诊、住院和康复等医疗服务',
    aboutEn: 'provides outpatient, inpatient and rehabilitation care',
  },
  education: {
    zh: '教育',
    en: 'Education',
    weight: 5,
    suffixes: [
      ['实验学校', 'Experimental School'],
      ['教育科技有限公司', 'Education Technology Co., Ltd.'],
      ['幼儿园', 'Kindergarten'],
    ],
    aboutZh: '提供基础教育和课程服务',
    aboutEn: 'provides schooling and learning programmes',
  },
  media: {
    zh: '文化传媒',
    en: 'Media and culture',
    weight: 4,
    suffixes: [
      ['文化传媒有限公司', 'Culture & Media Co., Ltd.'],
      ['出版社', 'Publishing House'],
    ],
    aboutZh: '从事内容创作、出版和品牌传播',
    aboutEn: 'creates content, publishes and runs brand communication',
  },
  logistics: {
    zh: '物流与供应链',
    en: 'Logistics and supply chain',
    weight: 4,
    suffixes: [
      ['供应链管理有限公司', 'Supply Chain Management Co., Ltd.'],
      ['物流股份有限公司', 'Logistics Co., Ltd.'],
    ],
    aboutZh: '提供仓储、运输和供应链管理服务',
    aboutEn: 'provides warehousing, transport and supply-chain services',
  },
  retail: {
    zh: '零售与电商',
    en: 'Retail and e-commerce',
    weight: 5,
    suffixes: [
      ['电子商务有限公司', 'E-commerce Co., Ltd.'],
      ['商贸有限公司', 'Trading Co., Ltd.'],
    ],
    aboutZh: '经营线上线下零售和跨境电商业务',
    aboutEn: 'runs online, offline and cross-border retail',
  },
  law: {
    zh: '法律服务',
    en: 'Legal services',
    weight: 3,
    suffixes: [['律师事务所', 'Law Firm']],
    aboutZh: '提供公司、争议解决和知识产权法律服务',
    aboutEn: 'advises on corporate, dispute-resolution and IP matters',
  },
  public: {
    zh: '公共服务与社会组织',
    en: 'Public services and non-profits',
    weight: 3,
    suffixes: [
      ['社会工作服务中心', 'Social Work Service Centre'],
      ['规划研究院', 'Planning Research Institute'],
    ],
    aboutZh: '承担公共服务、社会服务和规划研究工作',
    aboutEn: 'delivers public and social services and planning research',
  },
  food: {
    zh: '食品饮料',
    en: 'Food and beverages',
    weight: 3,
    suffixes: [['食品股份有限公司', 'Food Co., Ltd.']],
    aboutZh: '研发生产食品和饮料',
    aboutEn: 'develops and produces food and drinks',
  },
};
