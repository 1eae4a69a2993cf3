import { z } from 'zod';
import { degree, id, jobType } from './common.ts';

/** How many saved searches one graduate may keep: each runs on every alert pass. */
export const MAX_SAVED_SEARCHES = 20;
/** At most this many alerts per saved search per pass (the best by search score); the rest are not raised. */
export const MAX_ALERTS_PER_RUN = 50;

/**
 * How often the graduate's app gets a digest of a search's alerts: daily (at most one digest a day, the
 * default), weekly, or feed_only (alerts appear in the in-app feed only, no digest).
 */
export const ALERT_FREQUENCIES = ['daily', 'weekly', 'feed_only'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];
export const FREQUENCY_DAYS: Readonly<Record<Exclude<AlertFrequency, 'feed_only'>, number>> = { daily: 1, weekly: 7 };

/** The search a saved search repeats: q and the filters of GET /v1/jobs/search. */
export const savedSearchQuery = z
  .object({
    q: z.string().trim().min(1).max(200).meta({
      description: 'What to look for, in Chinese, English or both (1–200 characters after trimming).',
      example: '数据分析 Python',
    }),
    location: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .optional()
      .meta({ description: 'Only postings in this city (remote postings too).', example: '武汉' }),
    jobType: jobType.optional(),
    minDegree: degree.optional().meta({ description: 'Only postings whose minimum degree is exactly this.' }),
    eligibleDegree: degree.optional().meta({ description: 'Only postings a holder of this degree may apply to.' }),
    employerId: z.uuid().optional().meta({ description: "Only this employer's postings." }),
  })
  .strict()
  .meta({ id: 'SavedSearchQuery' });
export type SavedSearchQuery = z.infer<typeof savedSearchQuery>;

const name = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .meta({ description: "The search's name, unique for the graduate (1–80 characters).", example: '武汉的数据分析岗' });
const frequency = z.enum(ALERT_FREQUENCIES).meta({
  description: 'How often the app gets a webhook digest of the alerts: daily (default), weekly, or feed_only (none).',
  example: 'daily',
});

const profileMatch = z
  .object({
    minScore: z.number().min(0).max(1).meta({
      description: 'Alert a new posting when the graduate’s own match score with it (0–1) is at least this.',
      example: 0.6,
    }),
  })
  .strict()
  .meta({
    id: 'ProfileMatchAlert',
    description:
      '"New postings that fit my profile": scored like the recommendations, only while personalization is on ' +
      'and AI ranking is not suspended.',
  });

export const savedSearchCreate = z
  .object({
    name,
    query: savedSearchQuery.optional(),
    profileMatch: profileMatch.optional(),
    frequency: frequency.default('daily'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.query === undefined) === (v.profileMatch === undefined))
      ctx.addIssue({ code: 'custom', path: ['query'], message: 'give either query or profileMatch (one of them)' });
  })
  .meta({ id: 'SavedSearchCreate' });
export type SavedSearchCreate = z.infer<typeof savedSearchCreate>;

export const savedSearchUpdate = z
  .object({
    name: name.optional(),
    query: savedSearchQuery.optional().meta({
      description: 'A new query replaces the old one; alerts then start from postings changed after now.',
    }),
    profileMatch: profileMatch.optional().meta({ description: 'A new threshold for a profile-fit search.' }),
    frequency: frequency.optional(),
  })
  .strict()
  .meta({ id: 'SavedSearchUpdate' });
export type SavedSearchUpdate = z.infer<typeof savedSearchUpdate>;

export const savedSearch = z
  .object({
    id,
    graduateId: id,
    name: z.string(),
    kind: z.enum(['query', 'profile']).meta({ description: 'A search by query, or new postings fitting the profile.' }),
    query: savedSearchQuery.nullable(),
    profileMatch: profileMatch.nullable(),
    frequency,
    checkedThrough: z.iso.datetime().meta({
      description: 'Postings opened or changed up to this time have been looked at for alerts.',
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'SavedSearch' });
export type SavedSearch = z.infer<typeof savedSearch>;

export const graduateAlert = z
  .object({
    id,
    savedSearch: z.object({ id, name: z.string() }),
    posting: z.object({
      id,
      title: z.string(),
      employerName: z.string().nullable(),
      locations: z.array(z.string()),
      jobType: z.string(),
    }),
    impressionId: id.meta({ description: 'The impression recorded when the alert was raised (for why and appeals).' }),
    score: z.number().meta({ description: 'Search score in [0, 1] when the alert was raised.', example: 0.58 }),
    explanation: z.string().meta({
      description: 'One line on why the posting matched, rendered from the search score components.',
      example: '匹配“数据分析”：数据、分析、python（得分 0.58）',
    }),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
    dismissedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'GraduateAlert' });
export type GraduateAlert = z.infer<typeof graduateAlert>;

export const graduateAlertPatch = z
  .object({
    read: z.boolean().optional().meta({ description: 'true marks the alert read, false unread.' }),
    dismissed: z.boolean().optional().meta({ description: 'true hides it from the feed, false brings it back.' }),
  })
  .strict()
  .refine((p) => p.read !== undefined || p.dismissed !== undefined, 'give read, dismissed or both')
  .meta({ id: 'GraduateAlertPatch' });
export type GraduateAlertPatch = z.infer<typeof graduateAlertPatch>;

/**
 * The one line an alert carries, from the search's own numbers: the query terms the posting contains and
 * the score. In the graduate's language.
 */
export function alertExplanation(
  lang: 'zh' | 'en',
  searchName: string,
  matchedTerms: readonly string[],
  score: number,
): string {
  const terms = matchedTerms.slice(0, 5);
  if (lang === 'zh') return `匹配“${searchName}”：${terms.join('、')}（得分 ${score.toFixed(2)}）`;
  return `Matches "${searchName}": ${terms.join(', ')} (score ${score.toFixed(2)})`;
}
