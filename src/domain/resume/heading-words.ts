/**
 * Headings that no list names, read by their words: "科研与技能", "学生干部经历", "轮转", "演出与比赛", "CLINICAL
 * CLERKSHIPS", "CO-CURRICULAR ACTIVITIES", "INSTRUMENTATION AND SOFTWARE", "Practical Experience". An unread heading
 * leaves its lines in the section above it (often the education, whose lines are no evidence of a skill), so the
 * skills under it were lost. Education headings are left to the list in sections.ts: only the other kinds are
 * guessed here, and only from short lines that hold no date, number or sentence mark.
 */
/** The section kinds (sections.ts) a heading read by its words may open. */
type Kind = 'experience' | 'skills' | 'languages' | 'certificates' | 'summary' | 'awards' | 'other';

// The last word of a short Chinese heading decides its kind ("科研与技能" → skills, "运动经历" → experience).
const ZH: readonly (readonly [RegExp, Kind])[] = [
  [/^其[他它]$/u, 'summary'],
  [/(?:爱好|兴趣|论文|著作|发表)$/u, 'other'],
  [/(?:证书|资格|执照|证照)$/u, 'certificates'],
  [/(?:奖项?|荣誉|竞赛|比赛|表彰)$/u, 'awards'],
  // "个人优势" (a BOSS直聘 export's self-description), "核心优势", "个人亮点", "附加信息" read as a summary.
  [/(?:优势|亮点|自[传傳])$|^(?:附加|其[他它]|补充)信息$/u, 'summary'],
  [/^(?:外语|英语|语言)(?:水平|能力)$/u, 'languages'],
  [/(?:技能|工具|软件|特长|专长|技术栈|能力)(?:标签|清单)?$|^(?:计算机|电脑)水平$/u, 'skills'],
  [/(?:经历|经验|实践|项目|科研|研究|实习|轮转|临床|工作|活动|干部|教学|任职|服务)$/u, 'experience'],
];
const ZH_HEADING = /^[\u4e00-\u9fff][\u4e00-\u9fff与和及、&/]{1,7}$/u;
// Words of an education heading or of a degree, left to sections.ts.
const ZH_EDUCATION = /教育|学历|学位|课程|本科|硕士|博士|专业/u;
// A line opening with a verb is a sentence ("参与科研项目"), not a heading.
const ZH_VERB = /^(?:负责|参与|协助|完成|主持|组织|担任|独立|开展|从事|进行|用|使用)/u;

// Any word of a short English heading in capitals decides its kind, in this order.
const EN: readonly (readonly [RegExp, Kind])[] = [
  [/\b(?:philosophy|statement)\b/u, 'summary'],
  [
    /\b(?:interests|hobbies|publications?|presentations?|references|referees|plans|posters|conferences|thesis)\b/u,
    'other',
  ],
  [/\b(?:certifications?|certificates?|licen[cs]es?|licensure|credentials)\b/u, 'certificates'],
  [
    /\b(?:awards?|honou?rs|exhibitions?|performances?|grants?|prizes?|scholarships?|achievements|accomplishments)\b/u,
    'awards',
  ],
  [
    new RegExp(
      '\\b(?:skills?|tools|software|technolog(?:y|ies)|instrumentation|competenc(?:e|es|ies)|proficienc(?:y|ies)|' +
        'expertise|literacy|strengths?|techniques|methods|methodologies|tech(?:nology)? stack|programming languages|' +
        'frameworks|libraries|' +
        'databases|platforms|tool(?:kit|box)|skill ?set)\\b',
      'u',
    ),
    'skills',
  ],
  [
    new RegExp(
      '\\b(?:experience|activities|involvement|leadership|research|teaching|clerkships?|rotations?|placements?|jobs|' +
        'externships?|practicum|volunteer(?:ing)?|projects?|training|service|employment|work|positions|' +
        'appointments)\\b',
      'u',
    ),
    'experience',
  ],
  // A chronology mixes jobs and degrees: read as a summary, whose degrees the education reader still takes.
  [/^(?:other|additional|additional information|miscellaneous|chronology|timeline)$/u, 'summary'],
];
const EN_EDUCATION = /\b(?:education|educational|academic|school|degrees?|qualifications?|coursework|courses)\b/u;
// A Title Case line whose last word is one of these is a heading ("Practical Experience", "Research Skills").
const EN_TITLE_LAST = new RegExp(
  '\\b(?:experience|activities|involvement|skills|projects|rotations|clerkships|placements|externships|' +
    'certifications|credentials|licen[cs]es|awards|interests|publications|competencies|expertise|proficiencies|' +
    'highlights|tech(?:nology)? stack|achievements|accomplishments|volunteer work|training|methods|' +
    'programming languages|frameworks|libraries|databases|platforms|tool(?:kit|box)|skill ?set|skills summary|' +
    'jobs|thesis)$',
  'u',
);
const EN_ROLE = /\b(?:assistant|intern|lead|manager|engineer|instructor|fellow|tutor|teacher|researcher|student)\b/u;

/** The kind of a heading no list names, from its words (see the file's comment), or undefined. */
export function headingByWords(cleaned: string, raw: string): Kind | undefined {
  if (/[\d,，.。;；:：()（）@]/u.test(cleaned)) return undefined;
  // A table's header row ("YEAR    AWARD    INSTITUTION") names columns, not a section.
  if (
    raw
      .trim()
      .split(/\s{2,}|\t|\s*[|｜]\s*/u)
      .filter((c) => c !== '').length >= 3
  )
    return undefined;
  if (ZH_HEADING.test(cleaned)) {
    // "专业特长", "专业证书", "专业优势": a major's word before a skills, certificates or summary word; "专业实习",
    // "教育实践": a placement in the major or in teaching.
    const education =
      ZH_EDUCATION.test(cleaned) &&
      !/^(?:专业(?:特长|证书|优势|能力|实习|实践)|教育(?:实习|实践|见习))$/u.test(cleaned);
    if (education || ZH_VERB.test(cleaned)) return undefined;
    return ZH.find(([re]) => re.test(cleaned))?.[1];
  }
  if (!/^[a-z][a-z &/-]*$/u.test(cleaned)) return undefined;
  const words = cleaned.split(/[\s/&-]+/u).filter((w) => w !== '' && w !== 'and' && w !== 'of');
  // "School Placements", "School Experience": a school's word before the kind of work done there.
  const ofWork = /\b(?:placements?|experience|rotations|clerkships|externships|practicum)$/u.test(cleaned);
  if (words.length === 0 || words.length > 4 || (EN_EDUCATION.test(cleaned) && !ofWork) || EN_ROLE.test(cleaned)) {
    return undefined;
  }
  const bare = raw.replace(/[\s_=*#:：-]+$/u, '');
  const letters = bare.replace(/[^A-Za-z]/gu, '');
  const capitals = letters !== '' && letters === letters.toUpperCase();
  // Title Case ("Practical Experience") or, as European CVs write them, sentence case ("Summer jobs", "Master
  // thesis", "Laboratoriokokemus / Laboratory experience").
  const titled = /^[A-Z][a-z]+(?:[\s/-]+(?:[A-Za-z][a-z]*|&))*$/u.test(bare.trim());
  if (!capitals && !(titled && EN_TITLE_LAST.test(cleaned))) return undefined;
  return EN.find(([re]) => re.test(cleaned))?.[1];
}
