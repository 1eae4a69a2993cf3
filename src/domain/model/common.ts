import { z } from 'zod';

export const DEGREES = ['none', 'associate', 'bachelor', 'master', 'doctorate'] as const;
export type Degree = (typeof DEGREES)[number];
/** Order of degrees for "at least" comparisons. */
export const degreeRank = (degree: Degree): number => DEGREES.indexOf(degree);

export const JOB_TYPES = ['full-time', 'internship', 'part-time'] as const;
export type JobType = (typeof JOB_TYPES)[number];

export const ROLES = ['graduate', 'employer', 'career_office', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const id = z.uuid().meta({ description: 'Identifier (UUID).', example: '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f' });
export const degree = z
  .enum(DEGREES)
  .meta({ description: 'Degree level: none, associate (大专), bachelor, master or doctorate.', example: 'bachelor' });
export const jobType = z.enum(JOB_TYPES).meta({ description: 'Kind of job.', example: 'full-time' });
export const lang = z.enum(LANGS).meta({ description: 'Main language of the text (zh or en).', example: 'zh' });
export const isoDate = z.iso.date().meta({ description: 'Calendar date, YYYY-MM-DD.', example: '2026-06-30' });
export const shortText = (max: number, description: string, example: string) =>
  z.string().trim().min(1).max(max).meta({ description, example });
/** A city name as people write it, in Chinese or English (上海 or Shanghai). */
export const city = shortText(60, 'City, in Chinese or English.', '上海');
/** Monthly salary in CNY. */
export const salary = z
  .number()
  .int()
  .min(0)
  .max(1_000_000)
  .meta({ description: 'Monthly salary in CNY.', example: 12000 });

/**
 * The same fields without their defaults, for PATCH schemas: zod keeps a field's default under
 * .partial(), which would silently reset every field a PATCH does not send.
 */
export function withoutDefaults<T extends Record<string, z.ZodType>>(
  shape: T,
): { [K in keyof T]: z.ZodType<z.output<T[K]>, z.input<T[K]>> } {
  const out: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(shape)) {
    if (!(schema instanceof z.ZodDefault)) {
      out[key] = schema;
      continue;
    }
    // The description and example sit on the default wrapper; carry them over for the API docs.
    const inner = schema.unwrap() as z.ZodType;
    const meta = schema.meta();
    out[key] = meta ? inner.meta(meta) : inner;
  }
  return out as { [K in keyof T]: z.ZodType<z.output<T[K]>, z.input<T[K]>> };
}
