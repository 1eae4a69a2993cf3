import type { Label } from './labels.ts';

/**
 * Why fairness re-ranking served a candidate at another rank than its score gave: a floor of the tenant's
 * policy lifted it (the list's share floors, or the cross-list catch-up of a group whose selection over the
 * audit window lagged), the method's own minimum counts lifted it, or it moved down to make room. No group
 * is ever named: the cause is the policy, not the person.
 */
export const MOVE_CAUSES = ['catch_up_floor', 'share_floor', 'constraint', 'made_room'] as const;
export type MoveCause = (typeof MOVE_CAUSES)[number];

export interface FairnessMove {
  /** Rank by score (1-based); null when the candidate came from beyond the served length. */
  scoreRank: number | null;
  /** Rank as served (the impression's rank). */
  servedRank: number;
  cause: MoveCause;
  /** Rendered from the numbers above and the policy, never invented. */
  text: Label;
}

export interface CrossListPolicy {
  windowDays: number;
  selectedTop: number;
  ratio: number;
}

const fmt = (x: number, digits: number) => x.toFixed(digits);

/**
 * The explanation of one moved position. `score` is the served (unchanged) score; `policy` the cross-list
 * settings the list was served under (for catch_up_floor). The text states the two ranks and the score as
 * they were served, so it always equals the list's numbers.
 */
export function explainMove(input: {
  scoreRank: number | null;
  servedRank: number;
  score: number;
  cause: MoveCause;
  policy?: CrossListPolicy | null;
}): FairnessMove {
  const { scoreRank, servedRank, score, cause, policy } = input;
  const byScore = {
    zh: scoreRank === null ? `按分数排在第 ${servedRank} 名之后` : `按分数排第 ${scoreRank} 名`,
    en: scoreRank === null ? `below rank ${servedRank} by score` : `rank ${scoreRank} by score`,
  };
  const head = {
    zh: `展示排名第 ${servedRank} 名，${byScore.zh}（分数 ${fmt(score, 4)}，未改动）。`,
    en: `Served at rank ${servedRank}, ${byScore.en} (score ${fmt(score, 4)}, unchanged).`,
  };
  const why: Label =
    cause === 'catch_up_floor' && policy
      ? {
          zh:
            `公平性重排将其上移：本单位对近 ${policy.windowDays} 天前 ${policy.selectedTop} 名入选率落后于最高组 ` +
            `${fmt(policy.ratio, 2)} 倍的群体提高了前 ${policy.selectedTop} 名的最低人数，该候选人属于这样的群体。`,
          en:
            `Moved up by fairness re-ranking: the tenant raises the minimum count in the top ${policy.selectedTop} ` +
            `for groups whose top-${policy.selectedTop} selection rate over the last ${policy.windowDays} days ` +
            `is below ${fmt(policy.ratio, 2)} × the best group's, and this candidate belongs to such a group.`,
        }
      : cause === 'made_room'
        ? {
            zh: '公平性重排将其下移，为满足最低比例要求的候选人让出位置。',
            en: 'Moved down by fairness re-ranking to make room for candidates the minimum shares required.',
          }
        : cause === 'share_floor'
          ? {
              zh: '公平性重排将其上移：名单的每个前缀须保留各群体在前列候选人中的最低比例，该候选人所在群体需要此位置。',
              en:
                "Moved up by fairness re-ranking: every prefix of the list keeps each group's minimum share " +
                "of the first candidates, and this candidate's group needed the place.",
            }
          : {
              zh: '公平性重排将其上移，以满足本单位所选方法的最低人数要求。',
              en: "Moved up by fairness re-ranking to meet the minimum counts of the tenant's chosen method.",
            };
  return { scoreRank, servedRank, cause, text: { zh: `${head.zh}${why.zh}`, en: `${head.en} ${why.en}` } };
}
