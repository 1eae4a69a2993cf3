import {
  EMPLOYMENT_FIELDS,
  outcomeInput,
  type Outcome,
  type OutcomeInput,
  type OutcomeStatus,
} from '../model/outcome.ts';
import type { CellValue } from './cells.ts';
import { type Built, type ColumnSpec, type ImportRecord, missingOnCreate, snake, str, zodFailures } from './columns.ts';
import { JOB_TYPE_SPELLINGS } from './enums.ts';

const text = { kind: 'text' } as const;

/** 毕业去向 as career-office systems write them, beside the canonical codes export writes. */
export const OUTCOME_STATUS_SPELLINGS: Readonly<Record<OutcomeStatus, readonly string[]>> = {
  employed: ['签约就业', '协议和合同就业', '单位就业', '就业'],
  further_study: ['升学', '境内升学', '出国出境', '出国留学', '深造'],
  civil_service: ['考公', '选调', '公务员', '机关事业单位'],
  entrepreneurship: ['自主创业', '创业'],
  flexible: ['灵活就业', '自由职业'],
  not_placed: ['待就业', '未就业', '未落实'],
  not_seeking: ['暂不就业', '不就业'],
};

export const SALARY_BAND_SPELLINGS = {
  lt5k: ['5000以下', '5k以下', '<5k'],
  '5k-8k': ['5000-8000', '5k–8k'],
  '8k-12k': ['8000-12000', '8k–12k'],
  '12k-20k': ['12000-20000', '12k–20k'],
  '20k+': ['20000以上', '2万以上'],
} as const;

/**
 * The outcomes header table. A row is one graduate's outcome as of a date: its identity is the graduate's
 * external id (学号) and the date together, so a graduate may have several dated rows in one file.
 */
export const OUTCOME_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'graduate_external_id',
    en: 'Graduate External ID',
    zh: '学号',
    aliases: ['毕业生学号', '学生编号', 'student id', 'graduate id', 'graduateExternalId'],
    type: text,
    requiredOnCreate: true,
    description: {
      zh: '毕业生的学号（先导入毕业生）；与去向日期一起确定一行',
      en: "The graduate's external id (import graduates first); with the date it identifies the row",
    },
  },
  {
    key: 'as_of',
    en: 'As Of',
    zh: '去向日期',
    aliases: ['落实日期', '统计日期', '截止日期', 'date', 'asOf'],
    type: { kind: 'date' },
    requiredOnCreate: true,
    description: {
      zh: '去向成立的日期，如 2026-09-01；同一毕业生同一日期只有一条',
      en: 'The date the outcome holds from, e.g. 2026-09-01; one record per graduate and date',
    },
  },
  {
    key: 'status',
    en: 'Status',
    zh: '毕业去向',
    aliases: ['去向', '去向类别', '就业状态', 'outcome'],
    type: { kind: 'enum', values: OUTCOME_STATUS_SPELLINGS },
    requiredOnCreate: true,
    description: {
      zh: '签约就业/升学/考公/自主创业/灵活就业/待就业/暂不就业',
      en: 'employed, further_study, civil_service, entrepreneurship, flexible, not_placed or not_seeking',
    },
  },
  {
    key: 'employer_name',
    en: 'Employer',
    zh: '就业单位',
    aliases: ['单位名称', '工作单位', 'employer name'],
    type: text,
    description: { zh: '就业单位（仅签约就业）', en: 'Employer (employed only)' },
  },
  {
    key: 'occupation',
    en: 'Occupation',
    zh: '职位',
    aliases: ['岗位', '职业', 'job title'],
    type: text,
    description: {
      zh: '职位或 O*NET-SOC 代码（仅签约就业）',
      en: 'Occupation: an O*NET-SOC code or a title (employed only)',
    },
  },
  {
    key: 'city',
    en: 'City',
    zh: '工作城市',
    aliases: ['就业城市', '城市', '就业地区'],
    type: text,
    description: { zh: '工作城市（仅签约就业）', en: 'Work city (employed only)' },
  },
  {
    key: 'industry',
    en: 'Industry',
    zh: '行业',
    aliases: ['单位行业', '所属行业'],
    type: text,
    description: { zh: '行业（仅签约就业）', en: 'Industry (employed only)' },
  },
  {
    key: 'salary_band',
    en: 'Salary Band',
    zh: '月薪区间',
    aliases: ['薪资区间', '月薪', 'salary'],
    type: { kind: 'enum', values: SALARY_BAND_SPELLINGS },
    description: {
      zh: '月薪区间：lt5k / 5k-8k / 8k-12k / 12k-20k / 20k+（仅签约就业）',
      en: 'Monthly salary band in CNY: lt5k, 5k-8k, 8k-12k, 12k-20k or 20k+ (employed only)',
    },
  },
  {
    key: 'job_type',
    en: 'Job Type',
    zh: '工作类型',
    aliases: ['用工形式', '就业类型'],
    type: { kind: 'enum', values: JOB_TYPE_SPELLINGS },
    description: { zh: '全职/实习/兼职（仅签约就业）', en: 'full-time, internship or part-time (employed only)' },
  },
];

/** A row's identity: 学号 and the date. */
export const OUTCOME_KEY = ['graduate_external_id', 'as_of'] as const;

/** The fields of an outcome the header table shows (a stored Outcome or an OutcomeInput). */
export type OutcomeFields = Pick<Outcome, 'asOf' | 'status'> & {
  [K in 'employerName' | 'occupation' | 'city' | 'industry' | 'salaryBand' | 'jobType']?: Outcome[K] | undefined;
};

/** An outcome as the header table shows it. */
export function projectOutcome(o: OutcomeFields, graduateExternalId: string | undefined): ImportRecord {
  const entries: Array<[string, CellValue]> = [
    ['graduate_external_id', graduateExternalId],
    ['as_of', o.asOf],
    ['status', o.status],
    ['employer_name', o.employerName ?? undefined],
    ['occupation', o.occupation ?? undefined],
    ['city', o.city ?? undefined],
    ['industry', o.industry ?? undefined],
    ['salary_band', o.salaryBand ?? undefined],
    ['job_type', o.jobType ?? undefined],
  ];
  return new Map(entries);
}

const FIELD_OF = {
  status: 'status',
  employer_name: 'employerName',
  occupation: 'occupation',
  city: 'city',
  industry: 'industry',
  salary_band: 'salaryBand',
  job_type: 'jobType',
} as const;

const columnOf = (path: readonly PropertyKey[]): string => snake(String(path[0] ?? 'status'));

/**
 * The outcome a row writes. The file's columns replace the current record's; a column the file does not have
 * keeps the current value, except the employment fields of a record that is no longer `employed`.
 */
export function outcomeInputFrom(r: ImportRecord, current: ImportRecord | undefined): Built<OutcomeInput> {
  if (!current) {
    const missing = missingOnCreate(OUTCOME_COLUMNS, r);
    if (missing.length > 0) return { ok: false, errors: missing };
  } else if (r.has('status') && r.get('status') === undefined) {
    return {
      ok: false,
      errors: [{ key: 'status', message: { zh: '“毕业去向”不能为空', en: '"Status" cannot be empty' } }],
    };
  }
  const merged: Record<string, unknown> = { asOf: str(r, 'as_of') };
  for (const [column, field] of Object.entries(FIELD_OF)) {
    const v = r.has(column) ? r.get(column) : current?.get(column);
    if (v !== undefined) merged[field] = v;
  }
  if (merged.status !== 'employed')
    for (const field of EMPLOYMENT_FIELDS) if (!r.has(snake(field))) delete merged[field];
  const parsed = outcomeInput.safeParse(merged);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: zodFailures(parsed.error.issues, columnOf) };
}
