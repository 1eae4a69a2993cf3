import type { CounterfactualSummary } from '../counterfactual/summary.ts';

/**
 * The counterfactual check of an audit: a seeded sample of the tenant's graduates
 * re-scored against a sample of its open postings after one family of protected cues in their free text
 * was swapped. `skipped` says why it could not run (no embedder fitted, no graduates, no open postings).
 */
export type CounterfactualSection =
  | { status: 'skipped'; reason: string }
  | {
      status: 'completed';
      convention: string;
      seed: string;
      sample: {
        /** Graduates re-scored, of the tenant's total. */
        graduates: number;
        graduatesInTenant: number;
        postings: number;
        /** Open postings served in the window's candidate lists come first; the rest of the sample is seeded. */
        postingsShownInWindow: number;
        /** (graduate, posting) pairs per cue kind. */
        pairsPerKind: number;
      };
      embedder: string;
      modelVersion: string;
      summary: CounterfactualSummary;
    };

export const COUNTERFACTUAL_CONVENTION =
  "Sample: up to 200 of the tenant's graduates and up to 20 of its open postings, each " +
  "ordered by md5(id || seed) (postings served in the window's candidate lists first), so " +
  'the same seed gives the same sample. ' +
  'Each cue family (gender, ethnicity, rural-urban, region) is swapped alone (its "flip") in ' +
  'the summary and every experience description; the copy is scored by the production path ' +
  "(profileFeatures, the active embedder's profile vector, the keyword (BM25F) match of the " +
  "profile text with the tenant index's statistics, scoreMatch with the weights in force) " +
  "against each sampled posting. Rank = the graduate's place among the sampled graduates for " +
  'that posting, ' +
  'others keeping their original scores. Deltas average over pairs whose text changed; a ' +
  'family is flagged when the mean |Δrank| exceeds the threshold.';
