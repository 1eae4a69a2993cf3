import type { Posting, PostingCreate, PostingUpdate } from '../model/posting.ts';
import { postingCreate, postingUpdate } from '../model/posting.ts';
import {
  type Built,
  type ColumnSpec,
  type FieldFailure,
  type ImportRecord,
  bool,
  list,
  missingOnCreate,
  num,
  snake,
  str,
  zodFailures,
} from './columns.ts';
import type { CellValue } from './cells.ts';
import { DEGREE_SPELLINGS, JOB_TYPE_SPELLINGS, LANG_SPELLINGS, POSTING_STATUS_SPELLINGS } from './enums.ts';

const text = { kind: 'text' } as const;

/** The postings header table; a posting names its employer by the employer's external id (单位编号). */
export const POSTING_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'external_id',
    en: 'External ID',
    zh: '岗位编号',
    aliases: ['职位编号', '外部编号', 'posting id', 'job id', 'externalId'],
    type: text,
    requiredOnCreate: true,
    description: {
      zh: '学校系统中的岗位编号，租户内唯一',
      en: "The tenant's own id for the posting; rows are matched on it",
    },
  },
  {
    key: 'employer_external_id',
    en: 'Employer External ID',
    zh: '单位编号',
    aliases: ['用人单位编号', '企业编号', 'employer id'],
    type: text,
    requiredOnCreate: true,
    description: { zh: '发布单位的单位编号（先导入单位）', en: "The employer's external id (import employers first)" },
  },
  {
    key: 'title',
    en: 'Title',
    zh: '岗位名称',
    aliases: ['职位名称', '岗位', '职位'],
    type: text,
    requiredOnCreate: true,
    description: { zh: '岗位名称', en: 'Job title' },
  },
  {
    key: 'description',
    en: 'Description',
    zh: '岗位描述',
    aliases: ['职位描述', '岗位职责', '工作内容'],
    type: text,
    requiredOnCreate: true,
    description: { zh: '岗位描述（会做招聘合规检查）', en: 'Job description (checked for discriminatory wording)' },
  },
  {
    key: 'required_skills',
    en: 'Required Skills',
    zh: '必备技能',
    aliases: ['技能要求', '任职要求技能'],
    type: { kind: 'list' },
    description: { zh: '必备技能，分号分隔', en: 'Required skills, separated by ;' },
  },
  {
    key: 'preferred_skills',
    en: 'Preferred Skills',
    zh: '加分技能',
    aliases: ['优先技能'],
    type: { kind: 'list' },
    description: { zh: '加分技能', en: 'Preferred skills' },
  },
  {
    key: 'min_degree',
    en: 'Minimum Degree',
    zh: '最低学历',
    aliases: ['学历要求'],
    type: { kind: 'enum', values: DEGREE_SPELLINGS },
    description: { zh: '大专/本科/硕士/博士/无', en: 'none, associate, bachelor, master or doctorate' },
  },
  {
    key: 'accepted_majors',
    en: 'Accepted Majors',
    zh: '专业要求',
    aliases: ['专业', '招聘专业'],
    type: { kind: 'list' },
    description: { zh: '接受的专业，空表示不限', en: 'Accepted majors; empty means any' },
  },
  {
    key: 'locations',
    en: 'Locations',
    zh: '工作城市',
    aliases: ['工作地点', '城市'],
    type: { kind: 'list' },
    description: { zh: '工作城市', en: 'Work cities' },
  },
  {
    key: 'remote',
    en: 'Remote',
    zh: '可远程',
    aliases: ['远程办公'],
    type: { kind: 'bool' },
    description: { zh: '是/否', en: 'yes or no' },
  },
  {
    key: 'job_type',
    en: 'Job Type',
    zh: '工作类型',
    aliases: ['工作性质', '岗位类型'],
    type: { kind: 'enum', values: JOB_TYPE_SPELLINGS },
    description: { zh: '全职/实习/兼职', en: 'full-time, internship or part-time' },
  },
  {
    key: 'salary_min',
    en: 'Salary Min',
    zh: '最低月薪',
    aliases: ['薪资下限', '月薪下限'],
    type: { kind: 'int' },
    description: { zh: '月薪下限（元）', en: 'Monthly salary from (CNY)' },
  },
  {
    key: 'salary_max',
    en: 'Salary Max',
    zh: '最高月薪',
    aliases: ['薪资上限', '月薪上限'],
    type: { kind: 'int' },
    description: { zh: '月薪上限（元）', en: 'Monthly salary to (CNY)' },
  },
  {
    key: 'headcount',
    en: 'Headcount',
    zh: '招聘人数',
    aliases: ['人数', '需求人数'],
    type: { kind: 'int' },
    description: { zh: '招聘人数', en: 'Number of openings' },
  },
  {
    key: 'opens_at',
    en: 'Opens At',
    zh: '开始日期',
    aliases: ['发布日期', '开始时间'],
    type: { kind: 'date' },
    description: { zh: '开始招聘日期', en: 'Opening date' },
  },
  {
    key: 'closes_at',
    en: 'Closes At',
    zh: '截止日期',
    aliases: ['截止时间'],
    type: { kind: 'date' },
    description: { zh: '截止日期', en: 'Closing date' },
  },
  {
    key: 'status',
    en: 'Status',
    zh: '状态',
    aliases: ['岗位状态'],
    type: { kind: 'enum', values: POSTING_STATUS_SPELLINGS },
    description: { zh: '草稿/招聘中/已关闭', en: 'draft, open or closed' },
  },
  {
    key: 'lang',
    en: 'Language',
    zh: '语言',
    aliases: ['岗位语言'],
    type: { kind: 'enum', values: LANG_SPELLINGS },
    description: { zh: '中文/英文', en: 'zh or en' },
  },
];

const columnOf = (path: readonly PropertyKey[]): string => snake(String(path[0] ?? 'external_id'));

/** A posting as the columns show it; `status` is the one asked for (a compliance hold keeps it a draft meanwhile). */
export function projectPosting(
  p: Posting,
  extra: { externalId?: string | undefined; employerExternalId?: string | undefined; requestedStatus: string },
): ImportRecord {
  const entries: Array<[string, CellValue]> = [
    ['external_id', extra.externalId],
    ['employer_external_id', extra.employerExternalId],
    ['title', p.title],
    ['description', p.description],
    ['required_skills', p.requiredSkills.map((s) => s.name)],
    ['preferred_skills', p.preferredSkills.map((s) => s.name)],
    ['min_degree', p.minDegree],
    ['accepted_majors', p.acceptedMajors],
    ['locations', p.locations],
    ['remote', p.remote],
    ['job_type', p.jobType],
    ['salary_min', p.salaryMin],
    ['salary_max', p.salaryMax],
    ['headcount', p.headcount],
    ['opens_at', p.opensAt],
    ['closes_at', p.closesAt],
    ['status', extra.requestedStatus],
    ['lang', p.lang],
  ];
  return new Map(entries);
}

const LISTS = ['required_skills', 'preferred_skills', 'accepted_majors', 'locations'] as const;
const CAMEL = {
  required_skills: 'requiredSkills',
  preferred_skills: 'preferredSkills',
  accepted_majors: 'acceptedMajors',
  locations: 'locations',
  min_degree: 'minDegree',
  job_type: 'jobType',
  salary_min: 'salaryMin',
  salary_max: 'salaryMax',
  opens_at: 'opensAt',
  closes_at: 'closesAt',
} as const;

function fields(r: ImportRecord, update: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['title', 'description'] as const) if (r.has(key)) out[key] = str(r, key);
  for (const key of LISTS) if (r.has(key)) out[CAMEL[key]] = list(r, key) ?? [];
  for (const key of ['min_degree', 'job_type'] as const) if (r.has(key)) out[CAMEL[key]] = str(r, key);
  for (const key of ['salary_min', 'salary_max', 'opens_at', 'closes_at'] as const) {
    if (r.has(key)) out[CAMEL[key]] = key.startsWith('salary') ? num(r, key) : str(r, key);
  }
  if (r.has('remote')) out.remote = bool(r, 'remote') ?? false;
  if (r.has('headcount')) out.headcount = num(r, 'headcount') ?? (update ? 1 : undefined);
  if (r.has('status')) out.status = str(r, 'status') ?? (update ? 'draft' : undefined);
  if (r.has('lang')) out.lang = str(r, 'lang') ?? (update ? 'zh' : undefined);
  return out;
}

export function postingCreateFrom(r: ImportRecord): Built<Omit<PostingCreate, 'employerId'>> {
  const missing = missingOnCreate(POSTING_COLUMNS, r);
  if (missing.length > 0) return { ok: false, errors: missing };
  const parsed = postingCreate.safeParse(fields(r, false));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: zodFailures(parsed.error.issues, columnOf) };
}

export function postingUpdateFrom(r: ImportRecord): Built<PostingUpdate> {
  const cleared: FieldFailure[] = POSTING_COLUMNS.filter(
    (c) => c.requiredOnCreate && c.key !== 'external_id' && r.has(c.key) && r.get(c.key) === undefined,
  ).map((c) => ({ key: c.key, message: { zh: `“${c.zh}”不能为空`, en: `"${c.en}" cannot be empty` } }));
  if (cleared.length > 0) return { ok: false, errors: cleared };
  const parsed = postingUpdate.safeParse(fields(r, true));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: zodFailures(parsed.error.issues, columnOf) };
}
