import { findCity } from '../geo/cities.ts';
import { hasSurname } from './surnames.ts';

// "姓名：", "Name 姓名：", "姓名 Name：", "【姓名】", "| 姓名 |", "姓名\t…", "Applicant name:", "Applicant:".
const LABEL = new RegExp(
  "(?:^|[\\s|｜【○•·-])(?:(?:name\\s*)?姓\\s*名(?:\\s*name)?|(?:applicant|candidate)(?:['’]s)?(?: name)?|(?:full )?name)" +
    '\\s*(?:[:：】|｜\\t]|\\s(?=\\S))\\s*',
  'iu',
);
const ZH_NAME = /^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,2}·[\u4e00-\u9fff]{1,6}$/u;
// One character a word (赵 晨 阳), as some templates space a name out.
const ZH_SPACED = /^[\u4e00-\u9fff](?: [\u4e00-\u9fff]){1,3}$/u;
// Words of a title, a major or a heading, never of a person's name.
const ZH_NOT_A_NAME = new RegExp(
  '简历|履历|求职|意向|应聘|应届|个人|电话|手机|邮箱|地址|大学|学院|学校|学历|学位|学士|硕士|博士|本科|专科|研究|工程|设计|' +
    '管理|经理|专业|方向|教师|老师|医师|护士|岗位|实习|技术|科技|分析|运营|市场|销售|汉族|党员|团员|籍贯|性别|民族|目录|' +
    '首页|关于|作品|联系|[男女]$|岁',
  'u',
);
const EN_WORD =
  "(?:\\p{Lu}[\\p{L}'’-]*\\.?|\\p{Lu}\\.|\\(\\p{Lu}[\\p{L}'’-]*\\)|" +
  '(?:de|da|van|von|der|bin|binti|al|el|la|le)(?=\\s))';
const EN_NAME = new RegExp(`^${EN_WORD}(?:\\s+${EN_WORD}){1,4}$`, 'u');
// Credentials after a name: "Sofia Martínez-Reyes, Ph.D.", "MA. KRISTINE JOY B. VILLANUEVA, LPT", "Jo Kim, SPT".
const CREDENTIALS = new RegExp(
  ',\\s*(?:Ph\\.?\\s?D\\.?|M\\.?D\\.?|RN|BSN|MSN|LPT|DDS|DMD|PharmD|SPT|DPT|CPA|PE|EIT|MBA|MSW|LCSW|LMSW|RECE|OTR/L|' +
    'CSCS|M\\.?A\\.?|M\\.?S\\.?|MSc|BSc|B\\.?A\\.?|B\\.?S\\.?|MPH|RD|CFA|PMP|Esq\\.?|Jr\\.?|Sr\\.?|II|III)' +
    '(?:\\s*,\\s*[A-Z][\\w./]*)*\\s*$',
  'u',
);
const EN_NOT_A_NAME = new RegExp(
  '\\b(?:resume|résumé|curriculum|vitae|cv|profile|summary|objective|contact|personal|data|details|information|page|' +
    'university|college|school|institute|street|road|avenue|drive|lane|email|phone|mobile|tel|address|designer|' +
    'engineer|planner|manager|analyst|assistant|developer|teacher|nurse|reporter|scientist|consultant|specialist|' +
    'officer|intern|graduate|student|candidate|technician|therapist|pharmacist|accountant|editor|coordinator|unit|' +
    'department|education|experience|skills|china|usa|india|canada|australia|vic|nsw|qld|naukri|linkedin|' +
    'updated|bachelor|master|doctor|science|arts|engineering|medicine|hi|dear|hello|regards|citizen|resident|' +
    'york|francisco|angeles|hong kong|united|zealand|singapore|london|toronto|sydney|melbourne)\\b',
  'iu',
);

const titleCase = (s: string): string =>
  s === s.toUpperCase() && /[A-Z]{2}/u.test(s)
    ? s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase())
    : s;

/** Pieces of a header line that may be a name: split on bars, tabs, bullets, commas of a list and wide gaps. */
const pieces = (line: string): string[] =>
  line
    .split(/[|｜\t·•;；/／]|\s{2,}|\s[-–—~]\s|[【】]/u)
    .map((p) => p.replace(/^[^\p{L}]+|[^\p{L}.)]+$/gu, '').trim())
    .flatMap((p) => (/[\u4e00-\u9fff]/u.test(p) && !ZH_SPACED.test(p) ? p.split(/[\s，,]+/u) : [p]))
    .map((p) => p.replace(/^(?:简历|个人简历|我叫|我是|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)\s*[-–—:：]?\s*/u, '').trim())
    .filter((p) => p !== '');

/** A piece read as a person's name, as written (a name in capitals in title case), or undefined. */
export function nameOf(piece: string): string | undefined {
  const p = piece.replace(CREDENTIALS, '').trim();
  // "Sophia Wang, PhD candidate", "Brianna Scott, RDH": a name, then what the person is.
  const comma = p.indexOf(',');
  if (comma > 0) return nameOf(p.slice(0, comma));
  if (/\d|@/u.test(p)) return undefined;
  if (ZH_NAME.test(p) || ZH_SPACED.test(p)) {
    const closed = p.replace(/\s/gu, '');
    if (!hasSurname(closed) || ZH_NOT_A_NAME.test(closed) || findCity(closed) !== undefined) return undefined;
    return p;
  }
  if (!EN_NAME.test(p) || EN_NOT_A_NAME.test(p) || findCity(p) !== undefined) return undefined;
  return titleCase(p);
}

/** The labelled name of a line ("姓名：林书瑶", "Applicant name: Chloe Bennett-Osei"), or undefined. */
export function labelledName(line: string): string | undefined {
  const m = LABEL.exec(line);
  if (m === null) return undefined;
  const rest = line.slice(m.index + m[0].length);
  const first = pieces(rest)[0];
  return first === undefined ? undefined : nameOf(first);
}

/** The first piece of the given lines that reads as a name. */
export function nameIn(lines: readonly string[]): { name: string; line: string } | undefined {
  for (const line of lines) {
    const labelled = labelledName(line);
    if (labelled !== undefined) return { name: labelled, line };
  }
  for (const line of lines) {
    for (const piece of pieces(line)) {
      const name = nameOf(piece);
      if (name !== undefined) return { name, line };
    }
  }
  return undefined;
}
