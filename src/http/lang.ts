import type { Context } from 'hono';
import type { Lang } from '../domain/model/common.ts';

/**
 * The Accept-Language entry with the highest q that is zh or en, or undefined when there is none.
 * Malformed entries are skipped, not refused: the header is advisory.
 */
export function acceptedLang(acceptLanguage: string | undefined): Lang | undefined {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { base: tag.split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), i };
    })
    .filter((e) => (e.base === 'zh' || e.base === 'en') && Number.isFinite(e.q) && e.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const best = ranked[0]?.base;
  return best === 'zh' || best === 'en' ? best : undefined;
}

/** Problem details speak Chinese only when asked to; English stays the default a client without the header sees. */
export const problemLang = (c: Context): Lang => acceptedLang(c.req.header('accept-language')) ?? 'en';
