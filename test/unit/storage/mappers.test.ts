import { describe, expect, it } from 'vitest';
import { graduateInputHash } from '../../../src/domain/search/derived.ts';
import type { GraduateRow } from '../../../src/storage/schema.ts';
import { toGraduate, toProfileFields } from '../../../src/storage/mappers.ts';

const row = (over: Partial<GraduateRow> = {}): GraduateRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  tenant_id: '00000000-0000-4000-8000-000000000002',
  name: '李华',
  email: 'li@example.com',
  phone: null,
  external_id: null,
  education: [{ school: '南京大学', degree: 'bachelor', major: '软件工程', graduationDate: '2026-06' }],
  skills: [{ name: 'TypeScript' }],
  languages: [{ name: '英语', level: 'CET-6' }],
  certificates: [],
  experiences: [{ title: '实习', description: '测试' }],
  summary: '熟悉 Web 开发',
  preferences: { locations: ['nanjing'] },
  visibility: 'public',
  lang: 'zh',
  personalization_enabled: true,
  suppressed_tags: [],
  created_at: new Date('2026-01-02T03:04:05.678Z'),
  updated_at: new Date('2026-01-03T03:04:05.678Z'),
  ...over,
});

describe('toProfileFields', () => {
  it.each([
    ['parsed jsonb', row()],
    [
      // PGlite may hand jsonb over as text, which both parse.
      'jsonb as text, preferences partly set',
      row({
        skills: '[{"name":"SQL"}]' as unknown as unknown[],
        preferences: '{"remote":"only"}' as unknown as Record<string, unknown>,
      }),
    ],
    ['preferences empty (the column default)', row({ preferences: {} })],
  ])('gives the profile fields of toGraduate, and the input hash reads no other field (%s)', (_, r) => {
    const g = toGraduate(r);
    const p = toProfileFields(r);
    const { education, skills, languages, certificates, experiences, summary, preferences } = g;
    expect(p).toEqual({ education, skills, languages, certificates, experiences, summary, preferences });
    expect(graduateInputHash(p, new Set())).toBe(graduateInputHash(g, new Set()));
  });
});
