/**
 * The convention behind every figure of a report, by key, in English and Chinese; each metric block in
 * the report names its key, and the HTML page prints the text. Sources: shared/reference/fairness-metrics.md.
 * Changing a text changes the report format: bump the schema in report-types.ts (old reports keep theirs).
 */
export const CONVENTIONS = {
  'selection-rate':
    'Selection rate = selected / considered (NYC LL144, 6 RCNY §5-300). Candidate lists: the ' +
    'unit is one (posting, graduate) decision; selected = the graduate was shown within the ' +
    "top k of that posting's candidate list at least once in the window. Uploads: one row = " +
    'one decision, selected as given. Every row shows people and decisions: one person may ' +
    'make many decisions.',
  'impact-ratio':
    'Impact ratio = rate / highest rate among published groups (LL144 §5-300, one-sided); ' +
    'flagged when < 0.8 (UGESP 29 CFR §1607.4(D) four-fifths rule; LL144 sets no threshold). ' +
    'Adverse = flagged and the person-clustered p, Holm-adjusted over every test in the ' +
    'report, < 0.05.',
  significance:
    'Each group vs the reference (highest-rate) group. The flag uses the person-clustered ' +
    'test: the difference of decision-level rates p_g − p_ref with a cluster-robust (sandwich) ' +
    'variance clustered by person, CR1 small-sample factor G/(G−1)·(N−1)/(N−2) (statsmodels ' +
    "OLS cov_type='cluster'), z = (p_g − p_ref)/SE on the standard normal, two-sided; z < 0 " +
    'means the group is selected less often. Shown for comparison with audit-ai/scipy, ' +
    "decision level (they treat one person's decisions as independent, so they are " +
    "optimistic): pooled two-proportion z (same sign), Fisher's exact test, two-sided, with " +
    "the odds ratio of scipy's fisher_exact on the table as printed, [[selected_g, not_g], " +
    "[selected_ref, not_ref]] (odds of the group / odds of the reference); and Pearson's " +
    "chi-square of independence over all published groups (scipy chi2_contingency, Yates' " +
    'correction on 1 degree of freedom).',
  'multiple-comparisons':
    'A report holds many tests (attributes × intersections × metrics). The adverse flag uses ' +
    'Holm step-down adjusted p-values over every clustered test in the report (family-wise ' +
    'error ≤ 0.05; statsmodels multipletests "holm"); Benjamini–Hochberg q-values over the ' +
    'same family are shown beside them (false discovery rate; "fdr_bh"). Tests that cannot be ' +
    'computed do not count.',
  'scoring-rate':
    'Scoring rate = share of decisions with score strictly above the median of the full pooled ' +
    'sample, unknown category included (LL144 §5-300); the median is computed exactly ' +
    '(percentile_cont(0.5) in SQL, mean of the two middle values). With scoreThreshold set ' +
    '(binary scores, where "above the median" is degenerate) it is the share with score ≥ the ' +
    'threshold (audit-ai compare_groups, inclusive).',
  'mean-score':
    'Mean score per group with a two-sided 95 % Student t interval, mean ± t(0.975, n−1)·s/√n, ' +
    's with n − 1 (moments merged exactly, Chan et al. 1979).',
  exposure:
    "Exposure = mean over the group's served candidate impressions of 1/log2(1 + rank); " +
    'relevance = the impression score; exposure/relevance ratio E/U (Singh & Joachims 2018); ' +
    'disparity = min E/U / max E/U over published groups.',
  'recommendation-quality':
    'Recommendation lists: the unit is one graduate; outcome = mean score of the top-k ' +
    'postings served to them in the window (are some groups sent worse-matched jobs?). Scoring ' +
    'rate = share of graduates above the pooled median of that mean; exposure of postings is ' +
    'per graduate and is not compared across groups.',
  funnel:
    'Funnel over shown (graduate, posting) pairs of any list kind: a pair reached a stage if ' +
    'an interaction of that stage or a later one (apply → interview → offer → hire) was ' +
    'recorded in or after the window start, so counts are nested. Equal-opportunity difference ' +
    '= max − min over groups of P(interview | applied) (fairlearn between_groups).',
  'outcome-metrics':
    'Outcome metrics against a label. Label (impressions): a (posting, graduate) decision is ' +
    'positive when the pair reached interview or a later stage (interview, offer, hire) in or ' +
    'after the window start; the prediction is "selected" (shown in the top k). Uploads: the ' +
    'label column, positive when equal to pos_label (default 1), rows weighted by the weight ' +
    'column (fairlearn sample_weight; the LL144 tables stay unweighted counts). TPR = ' +
    'TP/(TP+FN), FPR = FP/(FP+TN), precision = TP/(TP+FP), per group. Equal opportunity ' +
    'difference/ratio = max − min / min ÷ max of TPR over groups; equalized odds (fairlearn ' +
    'agg="worst_case") = max of the TPR and FPR differences / min of their ratios; predictive ' +
    'parity = the same on precision. With a reference group: group − reference and group ÷ ' +
    'reference (AIF360 unprivileged − privileged orientation). A group whose rate has a zero ' +
    'denominator is listed as undefined, never counted as 0.',
  'mantel-haenszel':
    'Uploads with a stratum column (a period, a region, a posting): each group against the ' +
    'reference group, Cochran–Mantel–Haenszel χ² = (|Σ a − Σ E[a]|)² / Σ Var(a) over the ' +
    "strata's 2×2 tables [[selected_g, not_g], [selected_ref, not_ref]], 1 degree of freedom, " +
    'no continuity correction (statsmodels StratifiedTable.test_null_odds(correction=False), ' +
    'as audit-ai); pooled odds ratio Σ(ad/n)/Σ(bc/n). Decision level.',
  'mantel-haenszel-posting':
    "Audits of recorded lists: the strata are the postings (each candidate list ranks one posting's pool, so " +
    'a group is compared with the reference only among candidates for the same posting). Each group against ' +
    "the reference group, Cochran–Mantel–Haenszel χ² = (|Σ a − Σ E[a]|)² / Σ Var(a) over the postings' 2×2 " +
    'tables [[selected_g, not_g], [selected_ref, not_ref]] of (posting, graduate) decisions, selected = shown ' +
    'in the top k; 1 degree of freedom, no continuity correction (statsmodels ' +
    'StratifiedTable.test_null_odds(correction=False), as audit-ai); pooled odds ratio Σ(ad/n)/Σ(bc/n). ' +
    "Decision level: it treats a person's decisions in different postings as independent, so the adverse " +
    'flag stays with the person-clustered test.',
  'score-inequality':
    'Generalized entropy of the decision scores (Shorrocks 1980; AIF360/LiFT): GE(2) = ' +
    '½·variance/mean² (population variance), Theil T = GE(1) = mean of (s/μ)·ln(s/μ), Theil L ' +
    '= GE(0) = −mean of ln(s/μ), natural log; 0 = equal scores. Theil indices need the raw ' +
    'scores (uploads) and scores ≥ 0 (Theil L: > 0).',
  'ranking-skew':
    'Skew@k = ln((count in top k + 1)/(k·desired share + 1)) (Geyik et al. 2019 with LiFT ' +
    "Laplace α = 1; with skewEpsilon set instead ln(max(p, ε)/max(q, ε)), FairRankTune's " +
    "choice, so a group absent from the top k gets ln(ε/q)); desired = the list's own group " +
    'shares over items with a known value; MinSkew/MaxSkew/NDKL (natural log, discount ' +
    '1/log2(i + 1)) averaged over candidate lists; beside them the mean over lists of KL(top-k ' +
    '‖ desired) (natural log, unsmoothed on the observed side), Jensen–Shannon divergence and ' +
    "total variation distance (LiFT's divergence measures). Groups are those published in the " +
    "attribute's own table.",
  'proxy-strength':
    "Cramér's V (and Bergsma's bias-corrected Ṽ) between each scoring component, binned into " +
    'five equal-width bins [0, .2), …, [.8, 1], and each attribute, over served impressions ' +
    "with values in the attribute's published groups (uploads: the score); above 200,000 " +
    'impressions on a repeatable Bernoulli sample of about that size (sampleFraction). 0 = no ' +
    'association, 1 = perfect proxy.',
  suppression:
    'A group with fewer than the minimum number of people (default 10) is suppressed: listed ' +
    'with its number of people and marked, its rates not shown, and it is left out of every ' +
    'other section of the report (exposure by rank, ranking skew, proxy strength, funnel, ' +
    'recommendation quality). A group under 2 % of the people with a known value but above the ' +
    'floor is excluded from the impact ratios (LL144 §5-301(d)) and still shown with its ' +
    'people, decisions and selection or scoring rate. Every category of an attribute is ' +
    'listed, with n = 0 when nobody falls in it. People with unknown or unconsented ' +
    'demographics are counted per attribute (people and decisions) and never placed in a group.',
} as const;

export type ConventionKey = keyof typeof CONVENTIONS;
