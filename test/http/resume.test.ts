import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_SET } from '../../bench/data/resume/dev-set.ts';
import type { ResumeDraftView } from '../../src/services/resume/index.ts';
import type { Database } from '../../src/storage/db.ts';
import { openHttpTest, type TestApi } from '../support/app.ts';
import type { Graduate, Problem } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import type { TestTenant } from '../support/factories.ts';
import { writeDocx, writeImageOnlyPdf, writePdf } from '../support/resume-files.ts';
import { rowsMentioning } from './people-fixtures.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
type Uploaded = ResumeDraftView & { fileKept: boolean };

describe.each(backends)('résumé upload, draft and confirmation on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(open));
  });
  afterAll(async () => database.close());

  async function upload(graduateId: string, key: string, bytes: Uint8Array, type: string, query = '') {
    const res = await api.app.request(`/v1/graduates/${graduateId}/resume${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': type },
      body: bytes,
    });
    const text = await res.text();
    return { status: res.status, json: JSON.parse(text) as Uploaded & Omit<Problem, 'status'> };
  }

  it('reads a Chinese PDF into a draft and changes nothing until the graduate confirms', async () => {
    const g = await t.graduate({ name: '待定' });
    const before = await api.call<Graduate>('GET', `/v1/graduates/${g.id}`, g.key);
    const up = await upload(g.id, g.key, writePdf(DEV_SET[1]?.text ?? ''), 'application/pdf', '?fileName=cv.pdf');
    expect(up.status).toBe(201);
    expect(up.json.status).toBe('pending');
    expect(up.json.fileKept).toBe(false);
    expect(up.json.draft.education.map((e) => [e.school, e.degree, e.major])).toEqual([
      ['上海财经大学', 'master', '会计学'],
      ['中南财经政法大学', 'bachelor', '财务管理'],
    ]);
    expect(up.json.draft.skills.find((s) => s.skillId === 'auditing')).toMatchObject({ source: 'inferred' });
    const unchanged = await api.call<Graduate>('GET', `/v1/graduates/${g.id}`, g.key);
    expect(unchanged.json).toEqual(before.json);

    const d = up.json.draft;
    const education = d.education.map((e) => ({
      school: e.school ?? '',
      degree: e.degree ?? 'bachelor',
      major: e.major ?? '',
      graduationDate: e.graduationDate ?? '2026-06-30',
    }));
    const skills = d.skills.map((s) => ({ name: s.name, source: s.source }));
    const confirmed = await api.call<{ draft: ResumeDraftView; profile: Graduate }>(
      'PUT',
      `/v1/graduates/${g.id}/resume/drafts/${up.json.id}`,
      g.key,
      { name: d.name, education, skills },
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.draft).toMatchObject({ status: 'confirmed', appliedFields: ['name', 'education', 'skills'] });
    expect(confirmed.json.profile.name).toBe('王雨桐');
    expect(confirmed.json.profile.education).toHaveLength(2);
    expect(confirmed.json.profile.skills.find((s) => s.skillId === 'auditing')?.source).toBe('inferred');

    const again = await api.call<Problem>('PUT', `/v1/graduates/${g.id}/resume/drafts/${up.json.id}`, g.key, {
      summary: 'x',
    });
    expect(again.status).toBe(400);
  });

  it('reads DOCX and text uploads by the career office for a graduate; only the graduate confirms', async () => {
    const g = await t.graduate();
    const office = t.staff.career_office;
    const docx = await upload(g.id, office, writeDocx(DEV_SET[4]?.text ?? ''), DOCX);
    expect(docx.status).toBe(201);
    expect(docx.json.uploadedByRole).toBe('career_office');
    expect(docx.json.draft.education[0]).toMatchObject({ school: 'Fudan University', major: 'Finance' });
    const text = await upload(g.id, office, new TextEncoder().encode(DEV_SET[0]?.text ?? ''), 'text/plain');
    expect(text.json.draft.name).toBe('陈思远');
    const byOffice = await api.call<Problem>('PUT', `/v1/graduates/${g.id}/resume/drafts/${text.json.id}`, office, {
      summary: 'x',
    });
    // A role refusal, answered before the body is read (403 before 400).
    expect(byOffice.status).toBe(403);
    const kept = await upload(g.id, office, new TextEncoder().encode('x'.repeat(50)), 'text/plain', '?keepFile=true');
    expect(kept.status).toBe(400);
    expect(kept.json.errors?.[0]?.path).toBe('query.keepFile');
    const list = await api.call<{ items: ResumeDraftView[] }>('GET', `/v1/graduates/${g.id}/resume/drafts`, g.key);
    expect(list.json.items.map((i) => i.id)).toEqual([text.json.id, docx.json.id]);
    expect((await api.call('DELETE', `/v1/graduates/${g.id}/resume/drafts/${docx.json.id}`, g.key)).status).toBe(204);
    expect((await api.call('GET', `/v1/graduates/${g.id}/resume/drafts/${docx.json.id}`, g.key)).status).toBe(404);
  });

  it('answers bad files with a 4xx naming the field and leaves nothing behind', async () => {
    const g = await t.graduate();
    const scan = await upload(g.id, g.key, writeImageOnlyPdf(), 'application/pdf');
    expect(scan.status).toBe(422);
    expect(scan.json.detail).toContain('no text was found');
    const png = await upload(g.id, g.key, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), 'image/png');
    expect(png.status).toBe(400);
    expect(png.json.errors?.[0]?.path).toBe('header.content-type');
    const lying = await upload(g.id, g.key, writePdf('张三\n教育背景\n武汉大学'), 'text/plain');
    expect(lying.json.errors?.[0]?.path).toBe('header.content-type');
    const big = await upload(g.id, g.key, new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41), 'text/plain');
    expect(big.status).toBe(413);
    const empty = await upload(g.id, g.key, new Uint8Array(0), 'text/plain');
    expect(empty.status).toBe(400);
    const other = await t.graduate();
    expect((await upload(other.id, g.key, writePdf('x'), 'application/pdf')).status).toBe(404);
    const list = await api.call<{ items: unknown[] }>('GET', `/v1/graduates/${g.id}/resume/drafts`, g.key);
    expect(list.json.items).toEqual([]);
  });

  it('refuses a bad confirmation naming the field, and inferred skills the graduate deleted as tags', async () => {
    const g = await t.graduate();
    // As DELETE /v1/graduates/{id}/tags/docker leaves it (that route is served with the matching engine).
    await database.db
      .updateTable('graduates')
      .set({ suppressed_tags: JSON.stringify(['docker']) })
      .where('id', '=', g.id)
      .execute();
    const up = await upload(g.id, g.key, new TextEncoder().encode(DEV_SET[2]?.text ?? ''), 'text/plain');
    expect(up.json.draft.skills.map((s) => s.skillId)).not.toContain('docker');
    expect(up.json.draft.suppressedSkills).toContain('docker');
    const path = `/v1/graduates/${g.id}/resume/drafts/${up.json.id}`;
    const refused = await api.call<Problem>('PUT', path, g.key, { skills: [{ name: 'Docker', source: 'inferred' }] });
    expect(refused.status).toBe(400);
    expect(refused.json.errors?.[0]?.path).toBe('body.skills.0');
    const badDate = await api.call<Problem>('PUT', path, g.key, {
      education: [{ school: '北京邮电大学', degree: 'bachelor', major: '软件工程', graduationDate: '2025-13-40' }],
    });
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.json.errors)).toContain('education');
    const empty = await api.call<Problem>('PUT', path, g.key, {});
    expect(empty.status).toBe(400);
    const draft = await api.call<ResumeDraftView>('GET', path, g.key);
    expect(draft.json.status).toBe('pending');
  });

  it('keeps the file only when asked, exports it and erases it with the graduate', async () => {
    const g = await t.graduate();
    const pdf = writePdf(DEV_SET[3]?.text ?? '');
    const up = await upload(g.id, g.key, pdf, 'application/pdf', '?keepFile=true&fileName=%E7%AE%80%E5%8E%86.pdf');
    expect(up.json.fileKept).toBe(true);
    const file = await api.app.request(`/v1/graduates/${g.id}/resume/file`, {
      headers: { authorization: `Bearer ${g.key}` },
    });
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
    const employer = await t.employer();
    expect((await api.call('GET', `/v1/graduates/${g.id}/resume/file`, employer.key)).status).toBe(404);
    const exported = await api.call<{ resume: { drafts: unknown[]; file: { contentBase64: string } | null } }>(
      'GET',
      `/v1/graduates/${g.id}/export`,
      g.key,
    );
    expect(exported.json.resume.drafts).toHaveLength(1);
    expect(exported.json.resume.file?.contentBase64).toBe(Buffer.from(pdf).toString('base64'));
    expect((await api.call('DELETE', `/v1/graduates/${g.id}`, g.key)).status).toBe(204);
    expect(await rowsMentioning(database, g.id)).not.toHaveProperty('resume_drafts');
    expect(await rowsMentioning(database, g.id)).not.toHaveProperty('resume_files');
  });
});
