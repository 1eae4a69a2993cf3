import {
  buildExplanation,
  JOB_TYPE_LABELS,
  renderSummary,
  type ExplainedCriterion,
  type Explanation,
  type Label,
  type LocationCriterion,
} from '../../domain/explain/index.ts';
import { profileFeatures, profileText } from '../../domain/matching/extract.ts';
import { lexicalTerms } from '../../domain/text/lexical-analyzer.ts';
import { candidateSide } from '../matching/candidate-side.ts';
import { scoreMatch } from '../../domain/matching/score.ts';
import type { Lang } from '../../domain/model/common.ts';
import { notFound } from '../../domain/errors.ts';
import { assertApprovedEmployer } from '../employer-signup.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import { dot } from '../../domain/text/embedder.ts';
import { findCandidateGraduate } from '../../storage/graduates.repo.ts';
import { toMatchableGraduate } from '../../storage/mappers.ts';
import { postingListInputs } from '../../storage/list-inputs.repo.ts';
import type { ServiceContext } from '../context.ts';
import { aiNotice, type MatchingDeps } from '../matching/deps.ts';
import { graduateContext, postingContext, postingOf } from './contexts.ts';
import {
  givenImpression,
  latestImpression,
  logExplanationRead,
  fairnessMoveOf,
  servedImpression,
  servedMatchOf,
  type ServedImpression,
} from './served.ts';

/** A criterion as an employer sees it: the status the candidate list shows, and the posting's side only. */
interface EmployerCriterion {
  criterion: ExplainedCriterion['criterion'];
  status: ExplainedCriterion['status'];
  label: Label;
  text: Label;
}

type CandidateExplanationBody = Omit<Explanation, 'criteria'> & {
  criteria: Array<ExplainedCriterion | EmployerCriterion>;
};

export interface CandidateExplanation {
  postingId: string;
  graduateId: string;
  /** 'employer': the candidate's preferences (places, salary floor, job types) are left out, as in the list. */
  view: 'employer' | 'career_office';
  explanation: CandidateExplanationBody;
  impression: ServedImpression | null;
  automated: true;
  ai: ReturnType<typeof aiNotice>;
}

const HIDDEN: Label = {
  zh: '（求职者的偏好不向用人单位展示）',
  en: "(the candidate's preferences are not shown to employers)",
};

function pay(min: number | null, max: number | null, lang: Lang): string {
  if (min === null && max === null) return lang === 'zh' ? '未标明' : 'not stated';
  const range = min !== null && max !== null && min !== max ? `${min}–${max}` : String(max ?? min);
  return lang === 'zh' ? `${range} 元/月` : `CNY ${range}/month`;
}

/** Degree and majors are on the candidate list; preferences are not, so their values are dropped. */
function forEmployer(c: ExplainedCriterion): ExplainedCriterion | EmployerCriterion {
  if (c.criterion === 'degree' || c.criterion === 'major') return c;
  const posting: Label =
    c.criterion === 'location'
      ? {
          zh: `职位地点：${c.posting.map((p) => p.zh).join('、') || '未标明'}${c.postingRemote ? '，可远程' : ''}`,
          en:
            `Posting: ${c.posting.map((p) => p.en).join(', ') || 'not stated'}` +
            `${c.postingRemote ? ', remote possible' : ''}`,
        }
      : c.criterion === 'salary'
        ? {
            zh: `职位薪资：${pay(c.postingMin, c.postingMax, 'zh')}`,
            en: `Posting pays: ${pay(c.postingMin, c.postingMax, 'en')}`,
          }
        : { zh: `职位类型：${JOB_TYPE_LABELS[c.posting].zh}`, en: `Job type: ${JOB_TYPE_LABELS[c.posting].en}` };
  return {
    criterion: c.criterion,
    status: c.status,
    label: c.label,
    text: { zh: `${posting.zh}${HIDDEN.zh}`, en: `${posting.en} ${HIDDEN.en}` },
  };
}

/**
 * The explanation of one candidate for one posting, scored exactly as candidatesForPosting scores its
 * list (candidateSide: the graduate index's features, stored vector and terms; scoreMatch), and only
 * that one graduate: nothing is re-ranked. Only a graduate that list would
 * show: for an employer, its own posting and a graduate visible to employers with consent; for the
 * career office, visible to employers or to it. Every such read is logged.
 */
export async function explainCandidate({
  ctx,
  deps,
  postingId,
  graduateId,
  lang,
  impressionId,
}: {
  ctx: ServiceContext;
  deps: MatchingDeps;
  postingId: string;
  graduateId: string;
  lang: Lang;
  impressionId?: string | undefined;
}): Promise<CandidateExplanation> {
  const { role } = ctx.principal;
  if (role !== 'employer' && role !== 'career_office' && role !== 'admin') throw notFound('Job posting');
  // One round trip for the posting and both indexes' versions (candidateSide syncs to them), as the list reads them.
  const inputs = await postingListInputs(ctx.database.db, ctx.principal.tenantId, postingId);
  const row = inputs.posting;
  const employer = role === 'employer';
  if (employer && row.employer_id !== ctx.principal.employerId) throw notFound('Job posting');
  await assertApprovedEmployer(ctx);
  const found = await findCandidateGraduate(
    ctx.database.db,
    ctx.principal.tenantId,
    graduateId,
    employer ? 'employer' : 'career_office',
  );
  if (!found) throw notFound('Graduate');
  const { graduate, suppressed } = toMatchableGraduate(found);
  const lookup = {
    graduateId,
    postingId,
    listKind: 'candidates' as const,
    ...(employer && ctx.principal.employerId ? { viewerId: ctx.principal.employerId } : {}),
  };
  const given = impressionId === undefined ? null : await givenImpression(ctx, deps, { ...lookup, impressionId });
  const posting = postingOf(row);

  const taxonomy = getTaxonomy();
  const side = await candidateSide(ctx, deps, posting, inputs);
  const query = side.query();
  // The list's own numbers: the indexed features, stored vector and query terms of this graduate.
  const features = side.graduates.featuresOf(graduateId) ?? profileFeatures(graduate, taxonomy, suppressed);
  const cosine =
    side.graduates.cosineOf(graduateId, query.vector) ??
    dot(query.vector, await deps.engine.profileVector(graduate.id, graduate, suppressed));
  const terms = side.graduates.queryOf(graduateId) ?? lexicalTerms(profileText(graduate, suppressed, taxonomy));
  const match = scoreMatch(features, query.posting, cosine, deps.weights, query.similarity, side.lexical(terms));
  // The read's log row and the latest impression in parallel: two independent statements, one round trip to wait.
  const [, latest] = await Promise.all([
    logExplanationRead(ctx, graduateId, postingId),
    given ? null : latestImpression(ctx, deps, lookup),
  ]);
  const served = given ?? latest;
  // From a given impression: the match as served (candidate lists are always scored, so it has one).
  const servedMatch = given && servedMatchOf(given);

  const full = buildExplanation({
    match: servedMatch ?? match,
    posting: postingContext(posting),
    graduate: graduateContext(graduate, features),
    modelVersion: given?.modelVersion ?? deps.weights.version,
    embedderId: given?.embedderId ?? deps.engine.embedder.id,
    personalized: true,
    lang,
  });
  let explanation: CandidateExplanationBody = full;
  if (employer) {
    // The summary is re-rendered from criteria without the preferred places, so it cannot name them.
    const core = {
      ...full,
      criteria: full.criteria.map((c): ExplainedCriterion =>
        c.criterion === 'location'
          ? ({ ...c, preferred: [], sameCity: [], sameRegion: [] } satisfies LocationCriterion)
          : c,
      ),
    };
    explanation = { ...full, criteria: full.criteria.map(forEmployer), summary: renderSummary(core, lang) };
  }
  const impression = served && servedImpression(deps, served, match, await fairnessMoveOf(ctx, served, graduateId));
  return {
    postingId,
    graduateId,
    view: employer ? 'employer' : 'career_office',
    explanation,
    impression,
    automated: true,
    ai: aiNotice(deps, true, null),
  };
}
