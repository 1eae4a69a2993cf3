import type { Graduate, GraduateCreate, GraduateUpdate } from '../model/graduate.ts';
import { graduateCreate, graduateUpdate } from '../model/graduate.ts';
import {
  type Built,
  type ColumnSpec,
  type FieldFailure,
  type ImportRecord,
  list,
  missingOnCreate,
  snake,
  str,
  zodFailures,
} from './columns.ts';
import type { CellValue } from './cells.ts';
import { DEGREE_SPELLINGS, JOB_TYPE_SPELLINGS, LANG_SPELLINGS, VISIBILITY_SPELLINGS } from './enums.ts';

const text = { kind: 'text' } as const;

/**
 * The graduates header table. The education columns describe the graduate's latest education entry (the last
 * in the profile); earlier entries are kept. The skills column holds the declared skills; skills Bole inferred
 * from the profile text are kept as they are.
 */
export const GRADUATE_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'external_id',
    en: 'External ID',
    zh: '学号',
    aliases: ['外部编号', '学生编号', 'student id', 'student number', 'externalId'],
    type: text,
    requiredOnCreate: true,
    description: {
      zh: '学校系统中的学号，租户内唯一；导入按它新建或更新',
      en: "The tenant's own id for the graduate; rows are matched on it",
    },
  },
  {
    key: 'name',
    en: 'Name',
    zh: '姓名',
    aliases: ['学生姓名', 'full name'],
    type: text,
    requiredOnCreate: true,
    description: { zh: '姓名（不参与匹配）', en: 'Full name (never used for matching)' },
  },
  {
    key: 'email',
    en: 'Email',
    zh: '邮箱',
    aliases: ['电子邮箱', '电子邮件', 'e-mail'],
    type: text,
    description: { zh: '电子邮箱', en: 'E-mail' },
  },
  {
    key: 'phone',
    en: 'Phone',
    zh: '手机',
    aliases: ['手机号', '手机号码', '联系电话', '电话', 'mobile'],
    type: text,
    description: { zh: '联系电话', en: 'Phone' },
  },
  {
    key: 'school',
    en: 'School',
    zh: '学校',
    aliases: ['院校', '毕业院校', '学校名称', 'university'],
    type: text,
    description: { zh: '最近一段教育经历的学校', en: 'School of the latest education entry' },
  },
  {
    key: 'degree',
    en: 'Degree',
    zh: '学历',
    aliases: ['学位', '最高学历', '学历层次'],
    type: { kind: 'enum', values: DEGREE_SPELLINGS },
    description: {
      zh: '大专/本科/硕士/博士（或 associate/bachelor/master/doctorate）',
      en: 'associate, bachelor, master or doctorate (大专/本科/硕士/博士)',
    },
  },
  {
    key: 'major',
    en: 'Major',
    zh: '专业',
    aliases: ['所学专业', '专业名称'],
    type: text,
    description: { zh: '专业', en: 'Major' },
  },
  {
    key: 'graduation_date',
    en: 'Graduation Date',
    zh: '毕业日期',
    aliases: ['毕业时间', '预计毕业时间', 'graduationDate'],
    type: { kind: 'date' },
    description: {
      zh: '毕业（或预计毕业）日期，如 2026-06-30',
      en: 'Graduation date (expected or actual), e.g. 2026-06-30',
    },
  },
  {
    key: 'skills',
    en: 'Skills',
    zh: '技能',
    aliases: ['专业技能', '技能标签', '掌握技能'],
    type: { kind: 'list' },
    description: { zh: '技能，用分号、顿号或逗号分隔', en: 'Skills, separated by ; 、 or ,' },
  },
  {
    key: 'summary',
    en: 'Summary',
    zh: '个人简介',
    aliases: ['自我评价', '简介', '个人总结'],
    type: text,
    description: { zh: '个人简介', en: 'Free-text summary' },
  },
  {
    key: 'preferred_cities',
    en: 'Preferred Cities',
    zh: '意向城市',
    aliases: ['期望城市', '求职意向城市', '意向地区'],
    type: { kind: 'list' },
    description: { zh: '意向工作城市', en: 'Preferred cities' },
  },
  {
    key: 'preferred_industries',
    en: 'Preferred Industries',
    zh: '意向行业',
    aliases: ['期望行业'],
    type: { kind: 'list' },
    description: { zh: '意向行业', en: 'Preferred industries' },
  },
  {
    key: 'preferred_job_types',
    en: 'Preferred Job Types',
    zh: '意向工作类型',
    aliases: ['期望工作类型', '工作性质'],
    type: { kind: 'list', of: JOB_TYPE_SPELLINGS },
    description: { zh: '全职/实习/兼职', en: 'full-time, internship or part-time' },
  },
  {
    key: 'salary_floor',
    en: 'Salary Floor',
    zh: '期望最低月薪',
    aliases: ['期望月薪', '期望薪资'],
    type: { kind: 'int' },
    description: { zh: '可接受的最低月薪（元）', en: 'Lowest acceptable monthly salary (CNY)' },
  },
  {
    key: 'visibility',
    en: 'Visibility',
    zh: '可见范围',
    aliases: ['简历可见范围'],
    type: { kind: 'enum', values: VISIBILITY_SPELLINGS },
    description: { zh: '用人单位可见/仅就业指导中心可见/不公开', en: 'employers, career_office or private' },
  },
  {
    key: 'profile_lang',
    en: 'Profile Language',
    zh: '简历语言',
    aliases: ['语言'],
    type: { kind: 'enum', values: LANG_SPELLINGS },
    description: { zh: '简历主要语言：中文/英文', en: 'Main language of the profile: zh or en' },
  },
];

const EDUCATION = { school: 'school', degree: 'degree', major: 'major', graduationDate: 'graduation_date' } as const;
const PREFERENCES = {
  locations: 'preferred_cities',
  industries: 'preferred_industries',
  jobTypes: 'preferred_job_types',
  salaryFloor: 'salary_floor',
} as const;

/** The column a zod issue path of GraduateCreate/Update came from. */
function columnOf(path: readonly PropertyKey[]): string {
  const [head, second, third] = path.map(String);
  if (head === 'education') return EDUCATION[third as keyof typeof EDUCATION] ?? 'school';
  if (head === 'preferences') return PREFERENCES[second as keyof typeof PREFERENCES] ?? 'preferred_cities';
  if (head === 'lang') return 'profile_lang';
  return snake(head ?? 'external_id');
}

/** A graduate as the columns show it: what export writes and what "unchanged" compares. */
export function projectGraduate(g: Graduate): ImportRecord {
  const last = g.education.at(-1);
  const entries: Array<[string, CellValue]> = [
    ['external_id', g.externalId],
    ['name', g.name],
    ['email', g.email],
    ['phone', g.phone],
    ['school', last?.school],
    ['degree', last?.degree],
    ['major', last?.major],
    ['graduation_date', last?.graduationDate],
    ['skills', g.skills.filter((s) => s.source === 'declared').map((s) => s.name)],
    ['summary', g.summary === '' ? undefined : g.summary],
    ['preferred_cities', g.preferences.locations],
    ['preferred_industries', g.preferences.industries],
    ['preferred_job_types', g.preferences.jobTypes],
    ['salary_floor', g.preferences.salaryFloor],
    ['visibility', g.visibility],
    ['profile_lang', g.lang],
  ];
  return new Map(entries);
}

const declared = (names: readonly string[]) => names.map((name) => ({ name, source: 'declared' as const }));

function educationOf(r: ImportRecord, last: Graduate['education'][number] | undefined) {
  const has = Object.values(EDUCATION).some((k) => r.has(k));
  if (!has) return undefined;
  const pick = <K extends keyof typeof EDUCATION>(field: K) =>
    r.has(EDUCATION[field]) ? r.get(EDUCATION[field]) : last?.[field];
  const entry = {
    school: pick('school'),
    degree: pick('degree'),
    major: pick('major'),
    graduationDate: pick('graduationDate'),
  };
  return Object.values(entry).every((v) => v === undefined) ? null : entry;
}

function preferencesOf(r: ImportRecord, current: Graduate['preferences'] | undefined) {
  if (!Object.values(PREFERENCES).some((k) => r.has(k))) return undefined;
  const base = current ?? { locations: [], industries: [], jobTypes: [], remote: 'any' as const };
  const pick = (field: keyof typeof PREFERENCES, fallback: unknown) =>
    r.has(PREFERENCES[field]) ? (r.get(PREFERENCES[field]) ?? (field === 'salaryFloor' ? undefined : [])) : fallback;
  return {
    ...base,
    locations: pick('locations', base.locations),
    industries: pick('industries', base.industries),
    jobTypes: pick('jobTypes', base.jobTypes),
    salaryFloor: pick('salaryFloor', base.salaryFloor),
  };
}

/** An education entry needs all four of its columns; name each one that is empty. */
function incompleteEducation(entry: Record<string, unknown> | null | undefined): FieldFailure[] {
  if (!entry) return [];
  return (Object.keys(EDUCATION) as Array<keyof typeof EDUCATION>)
    .filter((field) => entry[field] === undefined)
    .map((field) => {
      const column = GRADUATE_COLUMNS.find((c) => c.key === EDUCATION[field]);
      return {
        key: EDUCATION[field],
        message: {
          zh: `教育经历需要学校、学历、专业和毕业日期四项；“${column?.zh ?? field}”为空`,
          en: `an education entry needs school, degree, major and graduation date; "${column?.en ?? field}" is empty`,
        },
      };
    });
}

/** A new graduate from a row: the same schema POST /v1/graduates validates. */
export function graduateCreateFrom(r: ImportRecord): Built<GraduateCreate> {
  const missing = missingOnCreate(GRADUATE_COLUMNS, r);
  if (missing.length > 0) return { ok: false, errors: missing };
  const education = educationOf(r, undefined);
  const incomplete = incompleteEducation(education);
  if (incomplete.length > 0) return { ok: false, errors: incomplete };
  const parsed = graduateCreate.safeParse({
    externalId: str(r, 'external_id'),
    name: str(r, 'name'),
    email: str(r, 'email'),
    phone: str(r, 'phone'),
    education: education ? [education] : [],
    skills: declared(list(r, 'skills') ?? []),
    summary: str(r, 'summary') ?? '',
    preferences: preferencesOf(r, undefined),
    visibility: str(r, 'visibility'),
    lang: str(r, 'profile_lang'),
  });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: zodFailures(parsed.error.issues, columnOf) };
}

/** The change a row makes to an existing graduate: only the columns the file has; an empty cell clears. */
export function graduateUpdateFrom(r: ImportRecord, current: Graduate): Built<GraduateUpdate> {
  const cleared: FieldFailure[] = GRADUATE_COLUMNS.filter(
    (c) => c.requiredOnCreate && r.has(c.key) && r.get(c.key) === undefined,
  ).map((c) => ({ key: c.key, message: { zh: `“${c.zh}”不能为空`, en: `"${c.en}" cannot be empty` } }));
  if (cleared.length > 0) return { ok: false, errors: cleared };
  const patch: Record<string, unknown> = {};
  if (r.has('name')) patch.name = str(r, 'name');
  if (r.has('email')) patch.email = str(r, 'email');
  if (r.has('phone')) patch.phone = str(r, 'phone');
  const education = educationOf(r, current.education.at(-1));
  const incomplete = incompleteEducation(education);
  if (incomplete.length > 0) return { ok: false, errors: incomplete };
  if (education !== undefined) {
    const earlier = current.education.slice(0, -1);
    patch.education = education === null ? earlier : [...earlier, education];
  }
  if (r.has('skills'))
    patch.skills = [...declared(list(r, 'skills') ?? []), ...current.skills.filter((s) => s.source === 'inferred')];
  if (r.has('summary')) patch.summary = str(r, 'summary') ?? '';
  const preferences = preferencesOf(r, current.preferences);
  if (preferences !== undefined) patch.preferences = preferences;
  if (r.has('visibility')) patch.visibility = str(r, 'visibility') ?? 'employers';
  if (r.has('profile_lang')) patch.lang = str(r, 'profile_lang') ?? 'zh';
  const parsed = graduateUpdate.safeParse(patch);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: zodFailures(parsed.error.issues, columnOf) };
}
