/**
 * The convention behind every figure of a report, by key; each metric block in the report names its
 * key, and the HTML page prints the text. Sources: shared/reference/fairness-metrics.md.
 */
export const CONVENTIONS = {
  'selection-rate':
    "Selection rate = selected / considered (NYC LL144, 6 RCNY §5-300). Candidate lists: the unit is one (posting, graduate) decision; selected = the graduate was shown within the top k of that posting's candidate list at least once in the window. Uploads: one row = one decision, selected as given.",
  'impact-ratio':
    'Impact ratio = rate / highest rate among published groups (LL144 §5-300, one-sided); flagged when < 0.8 (UGESP 29 CFR §1607.4(D) four-fifths rule; LL144 sets no threshold). Adverse = flagged and Fisher p < 0.05.',
  significance:
    "Each group vs the reference (highest-rate) group: pooled two-proportion z-test, two-sided, no continuity correction (audit-ai two_tailed_ztest), and Fisher's exact test, two-sided (scipy convention). Decisions of one person are not independent, so p-values on decisions are optimistic.",
  'scoring-rate':
    'Scoring rate = share of decisions with score strictly above the median of the full pooled sample, unknown category included (LL144 §5-300); the median is computed exactly (percentile_cont(0.5) in SQL, mean of the two middle values).',
  'mean-score':
    'Mean score per group with a two-sided 95 % Student t interval, mean ± t(0.975, n−1)·s/√n, s with n − 1 (moments merged exactly, Chan et al. 1979).',
  exposure:
    "Exposure = mean over the group's served candidate impressions of 1/log2(1 + rank); relevance = the impression score; exposure/relevance ratio E/U (Singh & Joachims 2018); disparity = min E/U / max E/U over published groups.",
  'recommendation-quality':
    'Recommendation lists: the unit is one graduate; outcome = mean score of the top-k postings served to them in the window (are some groups sent worse-matched jobs?). Scoring rate = share of graduates above the pooled median of that mean; exposure of postings is per graduate and is not compared across groups.',
  funnel:
    'Funnel over shown (graduate, posting) pairs of any list kind: a pair reached a stage if an interaction of that stage or a later one (apply → interview → offer → hire) was recorded in or after the window start, so counts are nested. Equal-opportunity difference = max − min over groups of P(interview | applied) (fairlearn between_groups).',
  'ranking-skew':
    "Skew@k = ln((count in top k + 1)/(k·desired share + 1)) (Geyik et al. 2019 with LiFT Laplace α = 1); desired = the list's own group shares over items with a known value; MinSkew/MaxSkew/NDKL (natural log, discount 1/log2(i + 1)) averaged over candidate lists.",
  'proxy-strength':
    "Cramér's V (and Bergsma's bias-corrected Ṽ) between each scoring component, binned into five equal-width bins [0, .2), …, [.8, 1], and each attribute, over served impressions with known values (uploads: the score); above 200,000 impressions on a repeatable Bernoulli sample of about that size (sampleFraction). 0 = no association, 1 = perfect proxy.",
  suppression:
    'A group with fewer than the minimum number of people (default 10) or under 2 % of the people with a known value (LL144 §5-301(d)) is excluded from published figures and listed with its n. People with unknown or unconsented demographics are counted as unknown and never placed in a group.',
} as const;

export type ConventionKey = keyof typeof CONVENTIONS;
