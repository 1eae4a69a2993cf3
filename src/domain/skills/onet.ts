/**
 * O*NET 29.2 Technology Skills examples as canonical tool skills.
 * This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor,
 * Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.
 * USDOL/ETA has not approved, endorsed, or tested these modifications. Built by scripts/build-onet-skills.ts.
 */
import onetData from './data/onet-technology.json' with { type: 'json' };
import type { AliasMode, SkillCategory } from './types.ts';
import { aliasKey } from './text.ts';

export interface OnetExample {
  readonly example: string;
  readonly commodityCode: string;
  readonly commodityTitle: string;
  readonly hot: boolean;
  readonly inDemand: boolean;
  readonly occupations: number;
}

export function loadOnetExamples(): OnetExample[] {
  const titles: Record<string, string> = onetData.commodities;
  return onetData.examples.map((row) => {
    const [example, code, hot, inDemand, occupations] = row as unknown as [string, string, number, number, number];
    return {
      example,
      commodityCode: code,
      commodityTitle: titles[code] ?? '',
      hot: hot === 1,
      inDemand: inDemand === 1,
      occupations,
    };
  });
}

/** Commodity titles whose family coincides with a curated family (partial credit across sources). */
const FAMILY_OF_TITLE: Readonly<Record<string, string>> = {
  'Spreadsheet software': 'spreadsheet',
  'Word processing software': 'word-processing',
  'Presentation software': 'presentation',
  'Electronic mail software': 'email',
  'Office suite software': 'office-suite',
  'Accounting software': 'accounting-software',
  'Customer relationship management CRM software': 'crm-software',
  'Enterprise resource planning ERP software': 'erp',
  'Geographic information system': 'gis',
  'Video creation and editing software': 'video-editing',
  'Graphics or photo imaging software': 'image-editing',
  'Project management software': 'project-tool',
  'Business intelligence and data analysis software': 'bi-tool',
  'Development environment software': 'ide',
  'File versioning software': 'version-control',
  'Program testing software': 'testing',
  'Operating system software': 'operating-system',
  'Data base management system software': 'database-sql',
  'Computer aided manufacturing CAM software': 'cam',
  'Music or sound editing software': 'audio',
  'Desktop publishing software': 'desktop-publishing',
};

/** `onet-` + the commodity title as a slug, without the trailing "software". */
export function onetFamily(title: string): string {
  const mapped = FAMILY_OF_TITLE[title];
  if (mapped !== undefined) return mapped;
  return `onet-${slugify(title.replace(/\bsoftware\b/gu, ''))}`;
}

const CATEGORY_RULES: readonly (readonly [RegExp, SkillCategory])[] = [
  [/medical|pharmac/iu, 'healthcare'],
  [/accounting|financial|tax preparation|point of sale|time accounting|audit/iu, 'finance-accounting'],
  [/legal/iu, 'legal'],
  [/sales and marketing|customer relationship/iu, 'marketing'],
  [
    new RegExp(
      String.raw`computer aided|industrial control|manufacturing execution|pattern design|flight control` +
        String.raw`|aviation|bar coding|label making`,
      'iu',
    ),
    'engineering-manufacturing',
  ],
  [
    new RegExp(
      String.raw`analytical or scientific|data base|business intelligence|data mining|data conversion` +
        String.raw`|metadata|clustering|categorization|charting|geographic|map creation`,
      'iu',
    ),
    'data',
  ],
  [/graphics|photo|video creation|music|desktop publishing|computer imaging|web page creation/iu, 'design'],
  [/educational|computer based training|foreign language|dictionary|library/iu, 'education'],
  [
    new RegExp(
      String.raw`spreadsheet|word processing|presentation|office suite|electronic mail|calendar` +
        String.raw`|instant messaging|video conferencing|network conferencing|fax|spell|optical character` +
        String.raw`|document management|content workflow|desktop communications|cloud-based data access`,
      'iu',
    ),
    'office',
  ],
  [
    new RegExp(
      String.raw`development|object or component|compiler|program testing|operating system` +
        String.raw`|configuration management|requirements analysis|application server|web platform` +
        String.raw`|graphical user interface|file versioning|filesystem|device drivers|network|cloud|switch` +
        String.raw`|router|lan |wan |security|authentication|backup|storage|gateway` +
        String.raw`|platform interconnectivity|transaction|portal|internet directory|enterprise application` +
        String.raw`|enterprise system|wireless|internet protocol|license management`,
      'iu',
    ),
    'programming',
  ],
  [
    new RegExp(
      String.raw`project management|human resources|enterprise resource|procurement|inventory|supply chain` +
        String.raw`|helpdesk|contact center|facilities|procedure management|process mapping|risk management` +
        String.raw`|compliance|mailing and shipping|route navigation|expert system|information retrieval`,
      'iu',
    ),
    'business',
  ],
];

const categoryCache = new Map<string, SkillCategory>();

export function onetCategory(title: string): SkillCategory {
  let category = categoryCache.get(title);
  if (category === undefined) {
    category = CATEGORY_RULES.find(([re]) => re.test(title))?.[1] ?? 'software';
    categoryCache.set(title, category);
  }
  return category;
}

/**
 * How an O*NET name is matched in free text. Multi-token names ("Microsoft Visio") are specific
 * enough to match plainly; a single token must keep O*NET's letter case ("MySQL", "Slack"), and a
 * single purely alphabetic token ("Chef", "Square", "Route", "Zoom") must also be in list context.
 */
export function onetAliasMode(name: string): AliasMode {
  if (aliasKey(name).includes(' ')) return 'plain';
  // A word with a capital inside ("WordPress", "QuickBooks") is a product's name, never an ordinary word.
  return /^\p{L}+$/u.test(name) && !/\p{Ll}\p{Lu}/u.test(name) ? 'cased-context' : 'cased';
}

export function slugify(text: string): string {
  const s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\+\+/gu, 'pp')
    .replace(/#/gu, 'sharp')
    .replace(/&/gu, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return s === '' ? 'skill' : s;
}
