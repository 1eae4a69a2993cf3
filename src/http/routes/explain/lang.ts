import { z } from 'zod';
import type { Lang } from '../../../domain/model/common.ts';
import { acceptedLang } from '../../lang.ts';

export const langQuery = z
  .enum(['zh', 'en'])
  .optional()
  .meta({ description: 'Language of the summary and texts; else Accept-Language; else zh.', example: 'en' });

/** ?lang= first, then the preferred of zh and en in Accept-Language, then zh. */
export function pickLang(query: Lang | undefined, acceptLanguage: string | undefined): Lang {
  return query ?? acceptedLang(acceptLanguage) ?? 'zh';
}
