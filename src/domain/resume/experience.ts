import { dateRange, findDates, monthEnd, monthStart, withoutDates } from './dates.ts';
import type { Line } from './sections.ts';

export interface ExperienceDraft {
  title: string | null;
  organization: string | null;
  start: string | null;
  /** null while ongoing (至今 / present) or not stated. */
  end: string | null;
  description: string;
  evidence: string;
}

const ORG = new RegExp(
  '(?:有限公司|有限责任公司|股份公司|公司|集团|事务所|银行|研究院|研究所|实验室|中心|医院|大学|学院|协会|基金会|工作室|' +
    '\\b(?:Co\\.?,?\\s*Ltd\\.?|Ltd\\.?|Inc\\.?|LLC|LLP|Corp(?:oration)?\\.?|Group|Bank|Consulting|Technologies|' +
    'Technology|Partners|Labs?|Laboratory|Foundation|Institute|University|Studio|Systems|Agency|Hospital))$',
  'u',
);
const TITLE = new RegExp(
  '(?:实习生|实习|助理|工程师|经理|专员|主管|干事|部长|主席|会长|负责人|组长|成员|顾问|分析师|设计师|研究员|开发|运营|编辑|教师|' +
    '\\b(?:Intern|Internship|Assistant|Engineer|Analyst|Manager|Developer|Designer|Researcher|Consultant|Associate|' +
    'Coordinator|Specialist|Lead|President|Member|Officer|Editor|Tutor|Teacher|Volunteer)\\b)',
  'u',
);
// A numbered bullet has one or two digits: "2024.07-2024.09 …" opens with a date, not the 2024th item.
const BULLET = /^\s*(?:[-–—*•·▪◦●■]|\d{1,2}[.、)](?!\d)|[（(]\d+[)）])\s*/u;

const parts = (s: string): string[] =>
  s
    .split(/[|｜▏丨│\t,，；·•/]|\s{2,}|\s[-–—]\s|\s(?:at|@)\s|[（(]|[)）]/u)
    .map((p) =>
      p
        .trim()
        .replace(/^[-–—:：]+|[-–—:：]+$/gu, '')
        .trim(),
    )
    .filter((p) => p !== '' && !/^(?:to|至|到)$/iu.test(p));

/** Title and organization of an entry's header line, by their usual words; the leftover takes the free slot. */
function readHeader(text: string): { title: string | null; organization: string | null } {
  const ps = parts(withoutDates(text)).filter((p) => !/[A-Z][a-z]+,\s*China$|^(?:China|Remote|远程)$/u.test(p));
  let organization = ps.find((p) => ORG.test(p)) ?? null;
  let title = ps.find((p) => p !== organization && TITLE.test(p)) ?? null;
  const rest = ps.filter((p) => p !== organization && p !== title);
  if (organization === null && rest[0] !== undefined) organization = rest.shift() ?? null;
  if (title === null && rest[0] !== undefined) title = rest.shift() ?? null;
  // "某公司合作项目": a project named after an organization is the organization's.
  if (organization !== null && organization.length > 120) organization = organization.slice(0, 120);
  if (title !== null && title.length > 120) title = title.slice(0, 120);
  return { title, organization };
}

// Words of a project's name ("基于深度学习的图像检索系统", "Traffic sign classifier"): a header part holding one
// is the project, kept as evidence, not an employer.
const PROJECT =
  /基于|系统|平台|项目|设计|研究|分析|小程序|应用|模型|\b(?:project|system|platform|app|analysis|study)\b/iu;

// English parts of a header that name a role, a unit or an employer in words readHeader leaves ("Audit assistant
// (summer)", "BMS Hardware Team", "Emergency department", "KUKA AG", "Tallink Grupp"): no project's name.
const EN_ROLE = /\b(?:assistant|working student|apprentice|trainee)\b/iu;
const EN_UNIT = new RegExp(
  '\\b(?:Team|Department|Division|Unit|Ward|Industries|Athletics|Limited|Company|[Tt]eam|department)$|' +
    '\\s(?:AG|GmbH|SE|SA|S\\.A\\.|SpA|S\\.p\\.A\\.|BV|B\\.V\\.|NV|N\\.V\\.|Oy|AB|ASA|A/S|plc|PLC|' +
    'Pty|Pte|Grupp|KK|Sdn Bhd)$',
  'u',
);

// A part opening on what was done, after the role on the header's line ("…学生会 文艺部 部长，筹办迎新晚会与毕业晚会",
// "研究生科协 主席（2023—2024），策划并举办学术沙龙 8 期"): a description, never the employer's or the role's name.
const DOING = new RegExp(
  '^(?:负责|参与|策划|筹办|筹划|组织|主持|带领|协助|完成|开展|举办|撰写|编写|搭建|使用|运营|统筹|指导|拉取|发起|独立|' +
    // "白云机场 地面服务 实习 2024.07-2024.12，办理旅客值机、处理投诉", "质量部 QC 实习生，按 GMP 要求…".
    '执行|办理|处理|回复|引导|维护|跟进|跟踪|整理|制作|编制|起草|利用|用(?=\\s|[A-Za-z])|承担|讲授|设计并|为|按)',
  'u',
);

/**
 * A header line without its dates, role and employer: what is left names a project ("基于深度学习的…系统").
 * The employer is the part with an organization's word, or else the part readHeader takes for it ("腾讯云",
 * "Oracle"), unless that part reads as a project's name.
 */
export const headerRest = (text: string): string => {
  const { organization } = readHeader(text);
  // "中国平安保险（集团）股份有限公司" is one name: its bracketed part does not cut it.
  return parts(
    withoutDates(text).replace(/([\u4e00-\u9fff])[（(]([\u4e00-\u9fff]{1,4})[)）](?=[\u4e00-\u9fff])/gu, '$1$2'),
  )
    .filter((p) => DOING.test(p) || (!ORG.test(p) && !TITLE.test(p) && (p !== organization || PROJECT.test(p))))
    .filter((p) => !EN_ROLE.test(p) && !EN_UNIT.test(p))
    .join('，');
};

/** Whether a line opens an entry (dates, or an organization with a role) rather than describing one. */
export const isHeader = (text: string): boolean => {
  if (BULLET.test(text)) return false;
  if (findDates(text).length > 0 && text.length <= 120) return true;
  const ps = parts(text);
  return text.length <= 60 && ps.length >= 2 && ps.some((p) => ORG.test(p)) && !/[。；;]$/u.test(text);
};

/**
 * Experience entries (internships, jobs, projects, campus roles) from experience sections: a header
 * line (dates, or an organization with a role) opens an entry; the lines after it are its description.
 */
export function extractExperiences(lines: readonly Line[]): ExperienceDraft[] {
  const out: (ExperienceDraft & { lines: string[] })[] = [];
  let cur: (ExperienceDraft & { lines: string[] }) | undefined;
  for (const l of lines) {
    const text = l.text.trim();
    if (isHeader(text)) {
      const range = dateRange(findDates(text));
      const { title, organization } = readHeader(text);
      // Dates alone on the line after a header belong to that header.
      if (cur !== undefined && title === null && organization === null && cur.lines.length === 1) {
        cur.start ??= range.start ? monthStart(range.start) : null;
        cur.end ??= range.end && range.end !== 'present' ? monthEnd(range.end) : null;
        cur.lines.push(text);
        continue;
      }
      cur = {
        title,
        organization,
        start: range.start ? monthStart(range.start) : null,
        end: range.end && range.end !== 'present' ? monthEnd(range.end) : null,
        description: '',
        evidence: '',
        lines: [text],
      };
      out.push(cur);
      continue;
    }
    if (cur === undefined) continue;
    cur.lines.push(text);
    const item = text.replace(BULLET, '').trim();
    cur.description = cur.description === '' ? item : `${cur.description}\n${item}`;
  }
  return out.map(({ lines, ...e }) => ({
    ...e,
    description: e.description.slice(0, 4000),
    evidence: lines.join('\n'),
  }));
}
