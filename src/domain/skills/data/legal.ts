import { seeds } from '../seed.ts';

/** Legal practice and compliance. */
export const LEGAL = seeds('legal', [
  ['legal-research', 'Legal research', '法律检索', 'legal-practice', ['法律研究', '案例检索', 'case law research', '北大法宝', 'Westlaw', 'LexisNexis', '威科先行']],
  ['legal-writing', 'Legal writing', '法律文书写作', 'legal-practice', ['法律文书', 'legal drafting', '起诉状', '法律意见书', 'legal opinions', '文书起草']],
  ['contract-law', 'Contract drafting and review', '合同审查', 'legal-practice', ['contract review', 'contract drafting', '合同起草', '合同管理', 'contract management', '合同法', 'contract law']],
  ['litigation', 'Litigation', '诉讼', 'legal-practice', ['诉讼业务', 'dispute resolution', '争议解决', '仲裁', 'arbitration', '出庭', 'court representation', '诉讼代理']],
  ['corporate-law', 'Corporate law', '公司法', 'legal-area', ['公司法务', 'corporate legal', '非诉业务', 'corporate transactions', '法务']],
  ['intellectual-property', 'Intellectual property', '知识产权', 'legal-area', ['IP law', '知识产权法', 'patents', '专利', '专利申请', 'patent drafting', '专利撰写', '商标', 'trademarks', 'copyright', '版权', '著作权']],
  ['criminal-law', 'Criminal law', '刑法', 'legal-area', ['刑事辩护', 'criminal defense', '刑事诉讼']],
  ['civil-law', 'Civil law', '民法', 'legal-area', ['民法典', '民事诉讼', 'civil litigation', '民商法']],
  ['labor-law', 'Labor law', '劳动法', 'legal-area', ['劳动法律', 'employment law', '劳动争议', 'labour law', '劳动仲裁']],
  ['international-law', 'International law', '国际法', 'legal-area', ['国际经济法', 'international trade law', '国际商法', '涉外法律', 'cross-border legal']],
  ['financial-law', 'Financial and securities law', '金融证券法', 'legal-area', ['证券法', 'securities law', '金融法', 'banking law', '资本市场法律']],
  ['administrative-law', 'Administrative law', '行政法', 'legal-area', ['行政诉讼', '行政复议']],
  ['data-privacy', 'Data privacy and protection', '数据合规', 'compliance-law', ['数据保护', 'data protection', 'GDPR', '个人信息保护', 'PIPL', 'privacy law', '隐私保护', '网络安全法']],
  ['compliance-management', 'Corporate compliance', '合规管理', 'compliance-law', ['企业合规', 'corporate compliance', 'compliance review', '合规审查', '反腐败合规', 'anti-bribery']],
  ['legal-due-diligence', 'Legal due diligence', '法律尽职调查', 'legal-practice', ['法律尽调', '法律尽职调查报告']],
  ['mediation', 'Mediation', '调解', 'legal-practice', ['人民调解', 'conflict mediation', '纠纷调解']],
  ['paralegal', 'Paralegal work', '律师助理', 'legal-practice', ['paralegal', '法律助理', 'legal assistant', '卷宗整理', '案卷管理']],
  ['legal-english', 'Legal English', '法律英语', 'legal-practice', ['法律翻译', 'legal translation']],
]);
