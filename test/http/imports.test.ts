import iconv from 'iconv-lite';
import { sql } from 'kysely';
import writeXlsxFile from 'write-excel-file/universal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graduate } from '../../src/domain/model/graduate.ts';
import type { Outcome } from '../../src/domain/model/outcome.ts';
import type { Posting } from '../../src/domain/model/posting.ts';
import { silentLogger } from '../../src/logger.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import { runImportJob } from '../../src/services/imports/index.ts';
import { importFile } from '../../src/services/imports/engine.ts';
import { bytesSource } from '../../src/services/imports/read.ts';
import type { ImportReport } from '../../src/services/imports/engine.ts';
import type { ImportRunView } from '../../src/services/imports/index.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import type { Page, ValidationProblem } from '../support/bodies.ts';
import { backends, pgliteDatabase } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const jobCtx = { jobId: 'test', attempt: 1, finalAttempt: true, progress: async () => {} };

const GRADUATES_ZH = [
  '学号,姓名,邮箱,学校,学历,专业,毕业日期,技能,意向城市,期望最低月薪',
  's-001,李明,liming@example.edu.cn,华中科技大学,本科,计算机科学与技术,2026/6/30,Python；SQL、机器学习,武汉；上海,8000',
  's-002,王芳,,武汉大学,硕士,统计学,2026-06-30,R;统计建模,北京,',
].join('\r\n');

describe.each(backends)('imports and exports on $name', ({ open }) => {
  let database: Database;
  let api: ReturnType<typeof testApp>;
  let t: TestTenant;

  beforeAll(async () => {
    database = await open();
    api = testApp(database);
    t = await newTenant(database);
  });
  afterAll(async () => database.close());

  /** Sends a file as the raw body, as `curl --data-binary @file` does. */
  async function upload<T>(
    path: string,
    body: Uint8Array | string,
    type = 'text/csv',
    key = t.staff.career_office,
    lang = 'en',
  ) {
    const res = await api.app.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': type, 'accept-language': lang },
      body: typeof body === 'string' ? body : body.slice().buffer,
    });
    return { status: res.status, json: (await res.json()) as T };
  }

  it('reads a GBK file with Chinese headers: a dry run writes nothing, the import creates every row', async () => {
    const gbk = new Uint8Array(iconv.encode(GRADUATES_ZH, 'gbk'));
    const dry = await upload<ImportReport>('/v1/imports/graduates?dryRun=true', gbk);
    expect(dry.status).toBe(200);
    expect(dry.json.status).toBe('validated');
    expect(dry.json.file).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: 'comma' });
    expect(dry.json.summary).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 });
    const none = await api.call<Page<Graduate>>('GET', '/v1/graduates?limit=10', t.staff.career_office);
    expect(none.json.items).toHaveLength(0);

    const real = await upload<ImportReport>('/v1/imports/graduates', gbk);
    expect(real.status).toBe(200);
    expect(real.json.status).toBe('completed');
    expect(real.json.summary).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 });
    const list = await api.call<Page<Graduate>>('GET', '/v1/graduates?limit=10', t.staff.career_office);
    const li = list.json.items.find((g) => g.externalId === 's-001');
    expect(li).toMatchObject({
      name: '李明',
      email: 'liming@example.edu.cn',
      education: [
        { school: '华中科技大学', degree: 'bachelor', major: '计算机科学与技术', graduationDate: '2026-06-30' },
      ],
      preferences: { locations: ['武汉', '上海'], salaryFloor: 8000 },
    });
    expect(li?.skills.map((s) => [s.name, s.source])).toEqual([
      ['Python', 'declared'],
      ['SQL', 'declared'],
      ['机器学习', 'declared'],
    ]);
  });

  it('reads UTF-8 with a BOM and English headers, and tab-separated text; the delimiter is detected', async () => {
    const bom =
      `\ufeffExternal ID,Name,Degree,Major,School,Graduation Date\r\ne-1,Ann ` +
      `Lee,Bachelor,Statistics,Wuhan University,2026-06-30\r\n`;
    const a = await upload<ImportReport>('/v1/imports/graduates', new TextEncoder().encode(bom));
    expect(a.json.file).toMatchObject({ encoding: 'utf-8', delimiter: 'comma' });
    expect(a.json.summary).toEqual({ rows: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 });
    const tsv = 'external_id\tname\tskills\r\ne-2\tBo Chen\tGo, Rust\r\n';
    const b = await upload<ImportReport>('/v1/imports/graduates', tsv, 'text/tab-separated-values');
    expect(b.json.file).toMatchObject({ encoding: 'utf-8', delimiter: 'tab' });
    expect(b.json.summary.created).toBe(1);
    const list = await api.call<Page<Graduate>>('GET', '/v1/graduates?limit=50', t.staff.career_office);
    expect(list.json.items.find((g) => g.externalId === 'e-1')?.education[0]?.degree).toBe('bachelor');
    expect(list.json.items.find((g) => g.externalId === 'e-2')?.skills.map((s) => s.name)).toEqual(['Go', 'Rust']);
  });

  it('reads an XLSX workbook (dates and numbers as cells)', async () => {
    const blob = await writeXlsxFile([
      [{ value: '学号' }, { value: '姓名' }, { value: '毕业日期' }, { value: '期望最低月薪' }],
      [
        { value: 'x-1' },
        { value: '赵雷' },
        { value: new Date(Date.UTC(2027, 5, 30)), format: 'yyyy-mm-dd' },
        { value: 9000 },
      ],
    ]).toBlob();
    const res = await upload<ImportReport>(
      '/v1/imports/graduates?dryRun=true',
      new Uint8Array(await blob.arrayBuffer()),
      XLSX,
    );
    expect(res.status).toBe(200);
    expect(res.json.file).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null });
    expect(res.json.summary).toEqual({ rows: 1, created: 0, updated: 0, unchanged: 0, rejected: 1 });
    // A graduation date without school, degree and major is not an education entry: the row says which fields.
    expect(res.json.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'school'],
      [2, 'degree'],
      [2, 'major'],
    ]);
    const ok = await writeXlsxFile([
      [{ value: '学号' }, { value: '姓名' }, { value: '期望最低月薪' }],
      [{ value: 'x-1' }, { value: '赵雷' }, { value: 9000 }],
    ]).toBlob();
    const good = await upload<ImportReport>('/v1/imports/graduates', new Uint8Array(await ok.arrayBuffer()), XLSX);
    expect(good.json.summary).toEqual({ rows: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 });
  });

  it(
    'reports each failing row and column in a dry run, and a real run of that file is a 422 ' + 'that writes nothing',
    async () => {
      const own = await newTenant(database);
      const file = [
        '学号,姓名,邮箱,可见范围,期望最低月薪',
        'b-1,甲,a@example.com,不公开,8000',
        'b-2,乙,not-an-email,全校,八千',
        'b-1,丙,,,',
        'b-3,,,,',
      ].join('\n');
      const dry = await upload<ImportReport>(
        '/v1/imports/graduates?dryRun=true',
        file,
        'text/csv',
        own.staff.career_office,
      );
      expect(dry.status).toBe(200);
      expect(dry.json.status).toBe('rejected');
      expect(dry.json.summary).toEqual({ rows: 4, created: 1, updated: 0, unchanged: 0, rejected: 3 });
      expect(dry.json.errors.map((e) => [e.row, e.column, e.field])).toEqual([
        [3, '可见范围', 'visibility'],
        [3, '期望最低月薪', 'salary_floor'],
        [4, '学号', 'external_id'],
        [5, '姓名', 'name'],
      ]);
      expect(dry.json.errors[2]?.message).toEqual({
        zh: '编号“b-1”与第 2 行重复',
        en: 'external id "b-1" repeats row 2',
      });

      const real = await upload<ValidationProblem & { report: ImportReport }>(
        '/v1/imports/graduates',
        file,
        'text/csv',
        own.staff.career_office,
        'zh',
      );
      expect(real.status).toBe(422);
      expect(real.json.errors[0]).toEqual({ path: '第 3 行，可见范围 列', message: expect.stringContaining('“全校”') });
      expect(real.json.report.summary.rejected).toBe(3);
      const list = await api.call<Page<Graduate>>('GET', '/v1/graduates?limit=10', own.staff.career_office);
      expect(list.json.items).toHaveLength(0);

      // The email fails only once the row's cells parse: zod's check names the column too.
      const email = await upload<ImportReport>(
        '/v1/imports/graduates?dryRun=true',
        '学号,姓名,邮箱\nc-1,丁,nope\n',
        'text/csv',
        own.staff.career_office,
      );
      expect(email.json.errors.map((e) => [e.row, e.column])).toEqual([[2, '邮箱']]);
    },
  );

  it('a file without the id column is a 400 naming it; a graduate key may not import', async () => {
    const res = await upload<ValidationProblem>('/v1/imports/graduates', '姓名,邮箱\n李明,a@b.cn\n');
    expect(res.status).toBe(400);
    expect(res.json.detail).toContain('External ID');
    const g = await t.graduate();
    const forbidden = await upload<ValidationProblem>('/v1/imports/graduates', GRADUATES_ZH, 'text/csv', g.key);
    expect(forbidden.status).toBe(403);
  });

  it('re-importing the same file changes nothing; a changed cell updates only its row', async () => {
    const own = await newTenant(database);
    const key = own.staff.career_office;
    expect(
      (await upload<ImportReport>('/v1/imports/graduates', GRADUATES_ZH, 'text/csv', key)).json.summary.created,
    ).toBe(2);
    const again = await upload<ImportReport>('/v1/imports/graduates', GRADUATES_ZH, 'text/csv', key);
    expect(again.json.summary).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2, rejected: 0 });
    const changed = GRADUATES_ZH.replace('liming@example.edu.cn', 'li.ming@example.edu.cn');
    const third = await upload<ImportReport>('/v1/imports/graduates', changed, 'text/csv', key);
    expect(third.json.summary).toEqual({ rows: 2, created: 0, updated: 1, unchanged: 1, rejected: 0 });
    const list = await api.call<Page<Graduate>>('GET', '/v1/graduates?limit=10', key);
    expect(list.json.items.find((g) => g.externalId === 's-001')?.email).toBe('li.ming@example.edu.cn');
  });

  it(
    'imports employers, then their postings (compliance checked per row), and exports ' + 'round-trip as unchanged',
    async () => {
      const own = await newTenant(database);
      const key = own.staff.career_office;
      const employers =
        '单位编号,单位名称,行业,所在城市,单位规模\nemp-1,楚天智能,互联网,武汉,50-249\nemp-2,江城数据,金融,武汉,1000+\n';
      expect(
        (await upload<ImportReport>('/v1/imports/employers', employers, 'text/csv', key)).json.summary.created,
      ).toBe(2);
      const postings = [
        '岗位编号,单位编号,岗位名称,岗位描述,必备技能,最低学历,工作城市,最低月薪,最高月薪,招聘人数,状态',
        'job-1,emp-1,数据分析师,负责用户增长数据分析,SQL;Python,本科,武汉,8000,12000,2,招聘中',
        'job-2,emp-2,后端工程师,"负责交易系统, 高并发",Go,硕士,武汉;上海,15000,25000,1,草稿',
        'job-3,emp-9,测试,测试岗位,,本科,武汉,,,1,草稿',
        'job-4,emp-1,销售,限男性，年龄25岁以下,,本科,武汉,,,1,招聘中',
      ].join('\n');
      const dry = await upload<ImportReport>('/v1/imports/postings?dryRun=true', postings, 'text/csv', key);
      expect(dry.json.errors.map((e) => [e.row, e.field])).toEqual([[4, 'employer_external_id']]);
      expect(dry.json.summary).toMatchObject({ rows: 4, created: 3, rejected: 1 });
      const ok = postings
        .split('\n')
        .filter((l) => !l.startsWith('job-3'))
        .join('\n');
      const real = await upload<ImportReport>('/v1/imports/postings', ok, 'text/csv', key);
      expect(real.json.summary).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0, rejected: 0 });
      const list = await api.call<Page<Posting>>('GET', '/v1/jobs?limit=10', key);
      const held = list.json.items.find((p) => p.externalId === 'job-4');
      // The tenant holds discriminatory postings for review (the default): a draft until the career office decides.
      expect(held?.status).toBe('draft');
      expect(held?.compliance?.status).toBe('held_for_review');
      expect(list.json.items.find((p) => p.externalId === 'job-2')?.description).toBe('负责交易系统, 高并发');

      for (const kind of ['employers', 'postings'] as const) {
        for (const variant of ['', '?encoding=gb18030', '?format=xlsx&headers=en']) {
          const res = await api.app.request(`/v1/exports/${kind}${variant}`, {
            headers: { authorization: `Bearer ${key}` },
          });
          expect(res.status).toBe(200);
          const bytes = new Uint8Array(await res.arrayBuffer());
          const back = await upload<ImportReport>(
            `/v1/imports/${kind}`,
            bytes,
            res.headers.get('content-type') ?? '',
            key,
          );
          expect(back.json.summary, `${kind}${variant}`).toEqual({
            rows: kind === 'employers' ? 2 : 3,
            created: 0,
            updated: 0,
            unchanged: kind === 'employers' ? 2 : 3,
            rejected: 0,
          });
        }
      }
    },
  );

  it(
    'exports graduates as UTF-8 with a BOM by default and round-trips every row as unchanged ' + 'in each format',
    async () => {
      const own = await newTenant(database);
      const key = own.staff.career_office;
      await upload<ImportReport>('/v1/imports/graduates', GRADUATES_ZH, 'text/csv', key);
      // A graduate created through the API, with several education entries and an inferred skill, round-trips too.
      await api.call('POST', '/v1/graduates', key, {
        name: 'Chen Jie',
        externalId: 'api-1',
        education: [
          { school: 'HUST', degree: 'bachelor', major: 'Physics', graduationDate: '2024-06-30' },
          { school: 'WHU', degree: 'master', major: 'Data Science', graduationDate: '2026-06-30' },
        ],
        skills: [{ name: 'Python' }, { name: 'Spark', source: 'inferred' }],
        summary: 'Line one,\n"quoted" line two',
        preferences: { locations: ['Wuhan'], jobTypes: ['internship', 'full-time'], remote: 'prefer' },
        visibility: 'career_office',
        lang: 'en',
      });
      const csv = await api.app.request('/v1/exports/graduates', { headers: { authorization: `Bearer ${key}` } });
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).split('\r\n')[0]).toBe(
        '\ufeff学号,姓名,邮箱,手机,学校,学历,专业,毕业日期,技能,个人简介,意向城市,意向行业,意向工作类型,期望最低月薪,可见范围,简历语言',
      );
      for (const variant of ['', '?encoding=gb18030', '?format=xlsx', '?headers=en']) {
        const res = await api.app.request(`/v1/exports/graduates${variant}`, {
          headers: { authorization: `Bearer ${key}` },
        });
        const file = new Uint8Array(await res.arrayBuffer());
        const back = await upload<ImportReport>(
          '/v1/imports/graduates',
          file,
          res.headers.get('content-type') ?? '',
          key,
        );
        expect(back.json.summary, variant).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3, rejected: 0 });
      }
      const list = await api.call<Page<Graduate>>('GET', '/v1/graduates?limit=10', key);
      const chen = list.json.items.find((g) => g.externalId === 'api-1');
      expect(chen?.education).toHaveLength(2);
      expect(chen?.skills.map((s) => s.source)).toEqual(['declared', 'inferred']);
    },
  );

  it(
    'imports outcomes keyed by 学号 and date: dry run, row errors, idempotent upsert and a round ' +
      'trip in every format',
    async () => {
      const own = await newTenant(database);
      const key = own.staff.career_office;
      await upload<ImportReport>('/v1/imports/graduates', GRADUATES_ZH, 'text/csv', key);
      const file = [
        '学号,去向日期,毕业去向,就业单位,工作城市,月薪区间,工作类型',
        's-001,2026/7/1,待就业,,,,',
        's-001,2026-09-01,签约就业,楚天智能科技有限公司,武汉,8000-12000,全职',
        's-002,2026-09-01,升学,,,,',
      ].join('\r\n');
      const gbk = new Uint8Array(iconv.encode(file, 'gbk'));
      const dry = await upload<ImportReport>('/v1/imports/outcomes?dryRun=true', gbk, 'text/csv', key);
      expect(dry.json.status).toBe('validated');
      expect(dry.json.summary).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0, rejected: 0 });
      const s1 = (await api.call<Page<Graduate>>('GET', '/v1/graduates?limit=10', key)).json.items.find(
        (g) => g.externalId === 's-001',
      );
      const history = async () =>
        (await api.call<{ items: Outcome[] }>('GET', `/v1/graduates/${s1?.id}/outcomes`, key)).json.items;
      expect(await history()).toHaveLength(0);

      const real = await upload<ImportReport>('/v1/imports/outcomes', gbk, 'text/csv', key);
      expect(real.json.summary).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0, rejected: 0 });
      expect(
        (await history()).map((o) => [o.asOf, o.status, o.employerName, o.salaryBand, o.jobType, o.source]),
      ).toEqual([
        ['2026-09-01', 'employed', '楚天智能科技有限公司', '8k-12k', 'full-time', 'import'],
        ['2026-07-01', 'not_placed', null, null, null, 'import'],
      ]);
      const again = await upload<ImportReport>('/v1/imports/outcomes', file, 'text/csv', key);
      expect(again.json.summary).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3, rejected: 0 });
      const changed = await upload<ImportReport>(
        '/v1/imports/outcomes',
        '学号,去向日期,工作城市\ns-001,2026-09-01,上海\n',
        'text/csv',
        key,
      );
      expect(changed.json.summary).toEqual({ rows: 1, created: 0, updated: 1, unchanged: 0, rejected: 0 });
      // Only the column the file has changed: the rest of that date's record stays.
      expect((await history())[0]).toMatchObject({
        city: '上海',
        employerName: '楚天智能科技有限公司',
        salaryBand: '8k-12k',
      });

      const bad = [
        'Graduate External ID,As Of,Status,Employer',
        's-001,2026-10-01,employed,A',
        's-001,2026/10/1,employed,B',
        's-404,2026-10-01,flexible,',
        's-002,,flexible,',
        's-002,2026-10-01,毕业了,',
        's-002,2026-11-01,further_study,Some Employer',
      ].join('\n');
      const rejected = await upload<ImportReport>('/v1/imports/outcomes?dryRun=true', bad, 'text/csv', key);
      expect(rejected.json.status).toBe('rejected');
      expect(rejected.json.summary).toEqual({ rows: 6, created: 1, updated: 0, unchanged: 0, rejected: 5 });
      expect(rejected.json.errors.map((e) => [e.row, e.column, e.field])).toEqual([
        [3, 'Graduate External ID', 'graduate_external_id'],
        [4, 'Graduate External ID', 'graduate_external_id'],
        [5, 'As Of', 'as_of'],
        [6, 'Status', 'status'],
        [7, 'Employer', 'employer_name'],
      ]);
      expect(rejected.json.errors[0]?.message).toEqual({
        zh: '学号“s-001”、去向日期“2026-10-01”与第 2 行重复',
        en: 'Graduate External ID "s-001", As Of "2026-10-01" repeats row 2',
      });
      const refused = await upload<ValidationProblem>('/v1/imports/outcomes', bad, 'text/csv', key);
      expect(refused.status).toBe(422);
      expect(await history()).toHaveLength(2);
      const noDate = await upload<ValidationProblem>(
        '/v1/imports/outcomes',
        '学号,毕业去向\ns-001,升学\n',
        'text/csv',
        key,
      );
      expect(noDate.status).toBe(400);
      expect(noDate.json.detail).toContain('As Of');

      for (const variant of ['', '?encoding=gb18030', '?format=xlsx', '?headers=en']) {
        const res = await api.app.request(`/v1/exports/outcomes${variant}`, {
          headers: { authorization: `Bearer ${key}` },
        });
        expect(res.status).toBe(200);
        const bytes = new Uint8Array(await res.arrayBuffer());
        const back = await upload<ImportReport>(
          '/v1/imports/outcomes',
          bytes,
          res.headers.get('content-type') ?? '',
          key,
        );
        expect(back.json.summary, variant).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3, rejected: 0 });
      }
    },
  );

  it('runs a file as an import job: 202, then progress and the report at GET /v1/imports/runs/{id}', async () => {
    const own = await newTenant(database);
    const key = own.staff.career_office;
    const queued = await upload<ImportRunView>('/v1/imports/graduates?background=true', GRADUATES_ZH, 'text/csv', key);
    expect(queued.status).toBe(202);
    expect(queued.json).toMatchObject({ status: 'queued', progress: 0, report: null, kind: 'graduates' });
    const outbox = await database.db
      .selectFrom('audit_outbox')
      .select(['job_name', 'job_id', 'payload'])
      .where('tenant_id', '=', own.tenantId)
      .execute();
    expect(outbox.map((r) => [r.job_name, r.job_id])).toEqual([['import', `import-${queued.json.id}`]]);
    const ctx = systemContext({ database, clock: systemClock, logger: silentLogger }, 'test-import');
    const done = await runImportJob(ctx, { runId: queued.json.id, tenantId: own.tenantId }, jobCtx);
    expect(done.status).toBe('completed');
    // A second delivery of the same job finds the run taken and does nothing.
    expect((await runImportJob(ctx, { runId: queued.json.id, tenantId: own.tenantId }, jobCtx)).status).toBe(
      'skipped (already completed)',
    );
    const run = await api.call<ImportRunView>('GET', `/v1/imports/runs/${queued.json.id}`, key);
    expect(run.json).toMatchObject({ status: 'completed', progress: 100 });
    expect(run.json.report?.summary).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 });
    const stored = await database.db
      .selectFrom('import_runs')
      .select('file')
      .where('id', '=', queued.json.id)
      .executeTakeFirstOrThrow();
    expect(stored.file).toBeNull();
    // Another tenant's staff do not see the run.
    expect((await api.call('GET', `/v1/imports/runs/${queued.json.id}`, t.staff.career_office)).status).toBe(404);
  });
});

describe('a batch that fails to write', () => {
  let database: Database;
  afterAll(async () => database.close());

  it(
    'rolls back whole: the batches before it stay, nothing of it is stored, and a rerun ' + 'completes the rest',
    async () => {
      // A fresh PGlite of this test's own, where a trigger refuses one name: a real failure inside the third batch.
      database = await pgliteDatabase();
      const t = await newTenant(database);
      await sql`create function refuse_boom() returns trigger language plpgsql as $$
      begin if new.name = 'boom' then raise exception 'refused by test trigger'; end if; return new; end $$`.execute(
        database.db,
      );
      await sql`create trigger refuse_boom before insert on graduates for each row execute function
      refuse_boom()`.execute(database.db);
      const principal = {
        keyId: 'test',
        tenantId: t.tenantId,
        role: 'career_office' as const,
        graduateId: null,
        employerId: null,
      };
      const ctx = {
        ...systemContext({ database, clock: systemClock, logger: silentLogger }),
        principal,
        requestId: 'test',
      };
      const rows = ['a', 'b', 'c', 'd', 'boom', 'f', 'g'].map((name, i) => `g-${i + 1},${name}`);
      const file = (names: string[]) => new TextEncoder().encode(['学号,姓名', ...names].join('\n'));
      const report = await importFile(ctx, bytesSource(file(rows)), { kind: 'graduates', dryRun: false, batchSize: 2 });
      expect(report.status).toBe('failed');
      expect(report.batches).toEqual({ size: 2, committed: 2 });
      expect(report.failure).toMatchObject({ fromRow: 6, toRow: 7 });
      expect(report.summary).toEqual({ rows: 4, created: 4, updated: 0, unchanged: 0, rejected: 0 });
      const names = async () =>
        (
          await database.db
            .selectFrom('graduates')
            .select('name')
            .where('tenant_id', '=', t.tenantId)
            .orderBy('name')
            .execute()
        ).map((r) => r.name);
      // 'f' was in the failing batch with 'boom': it is not stored either.
      expect(await names()).toEqual(['a', 'b', 'c', 'd']);

      const fixed = rows.map((r) => r.replace('boom', 'e'));
      const rerun = await importFile(ctx, bytesSource(file(fixed)), { kind: 'graduates', dryRun: false, batchSize: 2 });
      expect(rerun.status).toBe('completed');
      expect(rerun.summary).toEqual({ rows: 7, created: 3, updated: 0, unchanged: 4, rejected: 0 });
      expect(await names()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    },
  );
});
