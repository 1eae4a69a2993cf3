import { BUSINESS } from './occupations-zh-business.ts';
import { COMPUTING } from './occupations-zh-computing.ts';
import { ENGINEERING } from './occupations-zh-engineering.ts';
import { PEOPLE } from './occupations-zh-people.ts';
import type { OccupationZh } from './occupation-zh-type.ts';

export type { Industry, OccupationZh } from './occupation-zh-type.ts';
export { INDUSTRIES } from './occupation-zh-type.ts';

/** Chinese titles, descriptions, duties and skill names for every demo occupation, by O*NET-SOC code. */
export const OCCUPATIONS_ZH: ReadonlyMap<string, OccupationZh> = new Map(
  [...COMPUTING, ...BUSINESS, ...ENGINEERING, ...PEOPLE].map((o) => [o.code, o]),
);

/**
 * How postings name O*NET technology examples. O*NET spells products out ("Structured query language
 * SQL"); postings write the short name, and Chinese postings sometimes a Chinese one. Names not listed
 * here are used as O*NET spells them.
 */
const TECH_NAMES: Readonly<Record<string, { en: string; zh?: string }>> = {
  'Structured query language SQL': { en: 'SQL' },
  'Microsoft Excel': { en: 'Excel', zh: '电子表格' },
  'Microsoft Office software': { en: 'Microsoft Office', zh: '办公软件' },
  'Microsoft PowerPoint': { en: 'PowerPoint', zh: 'PPT' },
  'Microsoft Word': { en: 'Word' },
  'Microsoft Access': { en: 'Access' },
  'Microsoft Project': { en: 'Microsoft Project' },
  'Amazon Web Services AWS software': { en: 'AWS', zh: '云计算平台（AWS/阿里云）' },
  'Microsoft Azure software': { en: 'Azure' },
  'Atlassian JIRA': { en: 'Jira' },
  'Atlassian Confluence': { en: 'Confluence' },
  'Cascading style sheets CSS': { en: 'CSS' },
  'Hypertext markup language HTML': { en: 'HTML' },
  'Extensible markup language XML': { en: 'XML' },
  'Oracle Java': { en: 'Java' },
  'Google Angular': { en: 'Angular' },
  'Jenkins CI': { en: 'Jenkins' },
  'Microsoft Power BI': { en: 'Power BI' },
  'The MathWorks MATLAB': { en: 'MATLAB' },
  'IBM SPSS Statistics': { en: 'SPSS' },
  'SAP software': { en: 'SAP' },
  'Salesforce software': { en: 'Salesforce', zh: 'CRM系统' },
  'ESRI ArcGIS software': { en: 'ArcGIS' },
  'Autodesk AutoCAD': { en: 'AutoCAD' },
  'Autodesk AutoCAD Civil 3D': { en: 'Civil 3D' },
  'Autodesk Revit': { en: 'Revit' },
  'Dassault Systemes SolidWorks': { en: 'SolidWorks' },
  'Trimble SketchUp Pro': { en: 'SketchUp' },
  'Microsoft Visual Basic for Applications VBA': { en: 'VBA' },
  'Microsoft Visual Basic': { en: 'Visual Basic' },
  'Adobe Creative Cloud software': { en: 'Adobe Creative Cloud' },
  'Microsoft SQL Server': { en: 'SQL Server' },
  'Microsoft Dynamics': { en: 'Microsoft Dynamics', zh: 'ERP系统' },
  'Microsoft SharePoint': { en: 'SharePoint' },
  'Microsoft Visio': { en: 'Visio' },
  'Microsoft PowerShell': { en: 'PowerShell' },
  'Microsoft Active Directory': { en: 'Active Directory' },
  'Microsoft Windows Server': { en: 'Windows Server' },
  'Red Hat Enterprise Linux': { en: 'Red Hat Linux' },
  'Splunk Enterprise': { en: 'Splunk' },
  'Ansible software': { en: 'Ansible' },
  'Alteryx software': { en: 'Alteryx' },
  'Apache Subversion SVN': { en: 'SVN' },
  'Microsoft .NET Framework': { en: '.NET' },
  'Amazon Elastic Compute Cloud EC2': { en: 'AWS EC2' },
  'Amazon Simple Storage Service S3': { en: 'AWS S3' },
  'JavaScript Object Notation JSON': { en: 'JSON' },
  'Oracle Primavera Enterprise Project Portfolio Management': { en: 'Primavera P6' },
  'Bentley MicroStation': { en: 'MicroStation' },
  'Epic Systems': { en: 'Electronic health records', zh: '电子病历系统' },
  'MEDITECH software': { en: 'Electronic health records', zh: '电子病历系统' },
  'eClinicalWorks EHR software': { en: 'Electronic health records', zh: '电子病历系统' },
  TikTok: { en: 'TikTok', zh: '抖音' },
  'Google Analytics': { en: 'Google Analytics', zh: '网站流量分析' },
  'Adobe Premiere Pro': { en: 'Premiere Pro' },
  'HubSpot software': { en: 'HubSpot', zh: '营销自动化工具' },
};

/**
 * O*NET technology examples that no posting lists as a skill: mail and meeting clients, operating
 * systems, and US-only products a Chinese employer would not name.
 */
const TECH_EXCLUDED: ReadonlySet<string> = new Set([
  'Microsoft Outlook',
  'Microsoft Windows',
  'Apple macOS',
  'Google Docs',
  'Google Sheets',
  'Google Workspace software',
  'Cisco Webex',
  'Zoom',
  'Microsoft Teams',
  'Email software',
  'Facebook',
  'Intuit QuickBooks',
  'Adobe Acrobat',
  'Kronos Workforce Timekeeper',
  'Henry Schein Dentrix',
  'Marketo Marketing Automation',
  'Drupal',
  'AJAX',
]);

/** The name a posting in `lang` gives an O*NET technology example, or undefined when none would list it. */
export const techName = (onetName: string, lang: 'zh' | 'en'): string | undefined => {
  if (TECH_EXCLUDED.has(onetName)) return undefined;
  const mapped = TECH_NAMES[onetName];
  if (mapped === undefined) return onetName;
  return lang === 'zh' ? (mapped.zh ?? mapped.en) : mapped.en;
};
