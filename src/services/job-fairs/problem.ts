import type { AssignmentProblem } from '../../domain/assignment/index.ts';
import { slotsOf, type Interval } from '../../domain/assignment/schedule.ts';
import { postingFeatures, profileFeatures, profileText, taxonomySimilarity } from '../../domain/matching/extract.ts';
import type { LexicalMatch } from '../../domain/matching/features.ts';
import type { ProfileFeatures } from '../../domain/matching/features.ts';
import { scoreMatch, type MatchScore } from '../../domain/matching/score.ts';
import type { WeightSet } from '../../domain/matching/weights.ts';
import type { AssignmentRequest } from '../../domain/model/job-fair.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import { dot } from '../../domain/text/embedder.ts';
import type { Database } from '../../storage/db.ts';
import * as repo from '../../storage/job-fairs.repo.ts';
import type { BoothRow, JobFairRow } from '../../storage/job-fairs.schema.ts';
import { suppressedTagsOf, toGraduate, toPosting } from '../../storage/mappers.ts';
import { lexicalFor, type MatchingEngine } from '../matching/engine.ts';
import { consentedGroups } from '../mitigation/consented-groups.ts';

export interface ScoringDeps {
  engine: MatchingEngine;
  weights: WeightSet;
}

export interface FairProblem {
  fair: JobFairRow;
  booths: BoothRow[];
  graduateIds: string[];
  slots: Interval[];
  interviewers: number[];
  problem: AssignmentProblem;
  /** The graduate's hybrid match at a booth (its best open posting there), recomputed on demand. */
  match(g: number, b: number): { postingId: string; match: MatchScore } | null;
  /** Per floor: its attribute, groups and the minimum in interviews. */
  floors: { attribute: string; groups: string[]; minShare: number; minimum: number }[];
  /** Consented group of each graduate per reported attribute (null: unknown or no consent). */
  groups: Map<string, (string | null)[]>;
}

export const slotsOfFair = (fair: JobFairRow): Interval[] =>
  slotsOf({
    window: { from: fair.starts_minute, to: fair.ends_minute },
    slotMinutes: fair.slot_minutes,
    breaks: fair.breaks,
  });

/** Interviews a booth can hold: its capacity when set, never more than interviewers × usable slots. */
export const boothCapacity = (booth: BoothRow, slots: number): number =>
  Math.min(booth.capacity ?? Infinity, booth.interviewers * slots);

/** The attributes every plan reports (central/western origin and rural hukou), plus those floors use. */
const REPORTED = ['regionOfOrigin', 'hukouType'] as const;

/**
 * The fair as an assignment problem: active booths and registrations, each graduate's hybrid score at
 * each booth (the best of its open postings, by the production scorer on the production vectors),
 * rankings as booth indices, floors from consented demographics only. `progress` sees [0, 1].
 */
export async function loadFairProblem(
  database: Database,
  deps: ScoringDeps,
  fair: JobFairRow,
  request: AssignmentRequest,
  progress: (fraction: number) => Promise<void>,
): Promise<FairProblem> {
  const { db } = database;
  const tenantId = fair.tenant_id;
  const booths = (await repo.listBooths(db, tenantId, fair.id)).filter((b) => b.cancelled_at === null);
  const registrations = (await repo.listRegistrations(db, tenantId, fair.id)).filter((r) => r.cancelled_at === null);
  const graduateRows = new Map(
    (
      await repo.graduatesByIds(
        db,
        tenantId,
        registrations.map((r) => r.graduate_id),
      )
    ).map((r) => [r.id, r]),
  );
  const present = registrations.filter((r) => graduateRows.has(r.graduate_id));
  const graduateIds = present.map((r) => r.graduate_id);
  const slots = slotsOfFair(fair);
  const boothIndex = new Map(booths.map((b, i) => [b.id, i]));
  const postingRows = (
    await repo.postingsByIds(
      db,
      tenantId,
      booths.flatMap((b) => b.posting_ids),
    )
  ).filter((p) => p.status === 'open');
  const postings = postingRows.map(toPosting);
  const taxonomy = getTaxonomy();
  const similarity = taxonomySimilarity(taxonomy);
  const postingVectors = await deps.engine.embedPostings(postings);
  const postingFeats = postings.map((p) => postingFeatures(p, taxonomy));
  const postingAt = new Map(postings.map((p, i) => [p.id, i]));
  const boothPostings = booths.map((b) =>
    b.posting_ids.flatMap((id) => {
      const i = postingAt.get(id);
      return i === undefined ? [] : [i];
    }),
  );
  const n = graduateIds.length;
  const m = booths.length;
  const score = new Float64Array(n * m);
  const best = new Int32Array(n * m).fill(-1);
  // Keywords are scored against the tenant's index, as recommendations and candidate lists score them.
  const index = await deps.engine.postings(database, tenantId);
  const profiles: { features: ProfileFeatures; vector: Float32Array; lexical: LexicalMatch[] }[] = [];
  for (let g = 0; g < n; g++) {
    const row = graduateRows.get(graduateIds[g] ?? '');
    if (!row) continue;
    const graduate = toGraduate(row);
    const suppressed = suppressedTagsOf(row.suppressed_tags);
    const text = profileText(graduate, suppressed, taxonomy);
    const profile = {
      features: profileFeatures(graduate, taxonomy, suppressed),
      vector: await deps.engine.profileVector(graduate.id, graduate, suppressed),
      lexical: postings.map((p) => lexicalFor(index, p, text)),
    };
    profiles.push(profile);
    for (let b = 0; b < m; b++) {
      let top = 0;
      for (const p of boothPostings[b] ?? []) {
        const pf = postingFeats[p];
        if (!pf) continue;
        const cosine = dot(profile.vector, postingVectors[p] ?? new Float32Array(0));
        const s = scoreMatch(profile.features, pf, cosine, deps.weights, similarity, profile.lexical[p]).score;
        if (s > top || best[g * m + b] === -1) {
          top = s;
          best[g * m + b] = p;
        }
      }
      score[g * m + b] = top;
    }
    if (g % 200 === 199) await progress((g + 1) / n);
  }
  const slotCount = slots.length;
  const capacity = booths.map((b) => boothCapacity(b, slotCount));
  const demand = graduateIds.map(() => Math.min(fair.max_interviews, slotCount));
  const planned = Math.min(
    capacity.reduce((a, c) => a + c, 0),
    demand.reduce((a, d) => a + d, 0),
  );
  const attributes = [...new Set([...REPORTED, ...request.floors.map((f) => f.attribute)])];
  const groups = new Map<string, (string | null)[]>();
  for (const attribute of attributes) {
    const values = await consentedGroups(database, tenantId, attribute, graduateIds);
    groups.set(
      attribute,
      graduateIds.map((id) => values.get(id) ?? null),
    );
  }
  const floorGroup = graduateIds.map((_, g) =>
    request.floors.findIndex((f) => f.groups.includes(groups.get(f.attribute)?.[g] ?? '')),
  );
  const floors = request.floors.map((f) => ({ ...f, minimum: Math.ceil(f.minShare * planned) }));
  const problem: AssignmentProblem = {
    graduates: n,
    booths: m,
    score,
    demand,
    capacity,
    floorGroup,
    floors: floors.map((f) => f.minimum),
    rankings: present.map((r) =>
      r.rankings.flatMap((id) => {
        const b = boothIndex.get(id);
        return b === undefined ? [] : [b];
      }),
    ),
    preferenceWeight: fair.preference_weight,
    maxRankings: fair.max_rankings,
  };
  return {
    fair,
    booths,
    graduateIds,
    slots,
    interviewers: booths.map((b) => b.interviewers),
    problem,
    floors,
    groups,
    match(g, b) {
      const p = best[g * m + b] ?? -1;
      const profile = profiles[g];
      const posting = postings[p];
      const pf = postingFeats[p];
      if (p < 0 || !profile || !posting || !pf) return null;
      const cosine = dot(profile.vector, postingVectors[p] ?? new Float32Array(0));
      return {
        postingId: posting.id,
        match: scoreMatch(profile.features, pf, cosine, deps.weights, similarity, profile.lexical[p]),
      };
    },
  };
}
