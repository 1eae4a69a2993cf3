import { z } from 'zod';
import type { Lang } from '../../../domain/model/common.ts';

export const langQuery = z.enum(['zh', 'en']).optional().meta({ description: 'Language of the summary and texts; else Accept-Language; else zh.', example: 'en' });

/**
 * ?lang= first, then the Accept-Language entry with the highest q that is zh or en, then zh.
 * Malformed entries are skipped, not refused: the header is advisory.
 */
export function pickLang(query: Lang | undefined, acceptLanguage: string | undefined): Lang {
  if (query) return query;
  const ranked = (acceptLanguage ?? '').split(',').map((part, i) => {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return { base: tag.split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), i };
  }).filter((e) => (e.base === 'zh' || e.base === 'en') && Number.isFinite(e.q) && e.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.base === 'en' ? 'en' : 'zh';
}
