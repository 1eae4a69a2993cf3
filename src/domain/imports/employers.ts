import type { Employer, EmployerCreate, EmployerUpdate } from '../model/employer.ts';
import { employerCreate, employerUpdate } from '../model/employer.ts';
import { type Built, type ColumnSpec, type ImportRecord, missingOnCreate, snake, str, zodFailures } from './columns.ts';
import type { CellValue } from './cells.ts';
import { EMPLOYER_SIZE_SPELLINGS } from './enums.ts';

const text = { kind: 'text' } as const;

/** The employers header table. */
export const EMPLOYER_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'external_id',
    en: 'External ID',
    zh: '单位编号',
    aliases: ['用人单位编号', '企业编号', '外部编号', 'employer id', 'externalId'],
    type: text,
    requiredOnCreate: true,
    description: {
      zh: '学校系统中的单位编号，租户内唯一',
      en: "The tenant's own id for the employer; rows are matched on it",
    },
  },
  {
    key: 'name',
    en: 'Name',
    zh: '单位名称',
    aliases: ['用人单位', '企业名称', '公司名称', 'employer name', 'company'],
    type: text,
    requiredOnCreate: true,
    description: { zh: '单位名称', en: 'Employer name' },
  },
  {
    key: 'industry',
    en: 'Industry',
    zh: '行业',
    aliases: ['所属行业'],
    type: text,
    description: { zh: '所属行业', en: 'Industry' },
  },
  {
    key: 'city',
    en: 'City',
    zh: '所在城市',
    aliases: ['城市', '单位所在地'],
    type: text,
    description: { zh: '所在城市', en: 'City' },
  },
  {
    key: 'size',
    en: 'Size',
    zh: '单位规模',
    aliases: ['规模', '人员规模'],
    type: { kind: 'enum', values: EMPLOYER_SIZE_SPELLINGS },
    description: { zh: '1-49 / 50-249 / 250-999 / 1000+', en: 'Head count band: 1-49, 50-249, 250-999 or 1000+' },
  },
  {
    key: 'website',
    en: 'Website',
    zh: '网址',
    aliases: ['官网', '单位网址', 'url'],
    type: text,
    description: { zh: '网址（https://…）', en: 'Web site (https://…)' },
  },
  {
    key: 'description',
    en: 'Description',
    zh: '单位简介',
    aliases: ['简介', '企业简介'],
    type: text,
    description: { zh: '单位简介', en: 'About the employer' },
  },
];

const columnOf = (path: readonly PropertyKey[]): string => snake(String(path[0] ?? 'external_id'));

export function projectEmployer(e: Employer & { externalId?: string | undefined }): ImportRecord {
  const entries: Array<[string, CellValue]> = [
    ['external_id', e.externalId],
    ['name', e.name],
    ['industry', e.industry],
    ['city', e.city],
    ['size', e.size],
    ['website', e.website],
    ['description', e.description === '' ? undefined : e.description],
  ];
  return new Map(entries);
}

const fields = (r: ImportRecord): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const key of ['name', 'industry', 'city', 'size', 'website'] as const) if (r.has(key)) out[key] = str(r, key);
  if (r.has('description')) out.description = str(r, 'description') ?? '';
  return out;
};

export function employerCreateFrom(r: ImportRecord): Built<EmployerCreate> {
  const missing = missingOnCreate(EMPLOYER_COLUMNS, r);
  if (missing.length > 0) return { ok: false, errors: missing };
  const parsed = employerCreate.safeParse(fields(r));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: zodFailures(parsed.error.issues, columnOf) };
}

export function employerUpdateFrom(r: ImportRecord): Built<EmployerUpdate> {
  if (r.has('name') && r.get('name') === undefined)
    return {
      ok: false,
      errors: [{ key: 'name', message: { zh: '“单位名称”不能为空', en: '"Name" cannot be empty' } }],
    };
  const parsed = employerUpdate.safeParse(fields(r));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: zodFailures(parsed.error.issues, columnOf) };
}
