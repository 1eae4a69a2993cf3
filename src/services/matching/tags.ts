import { findCity } from '../../domain/geo/cities.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { profileSkills, tagId } from '../../domain/matching/extract.ts';
import type { SkillEvidence } from '../../domain/matching/features.ts';
import { DEFAULT_WEIGHTS, type ComponentName, type WeightSet } from '../../domain/matching/weights.ts';
import type { Graduate } from '../../domain/model/graduate.ts';
import { getTaxonomy, normalizeSkillList } from '../../domain/skills/index.ts';
import { deleteGraduateEmbeddings } from '../../storage/graduate-data.repo.ts';
import { getGraduateOr404, setGraduateTags } from '../../storage/graduates.repo.ts';
import { suppressedTagsOf, toGraduate } from '../../storage/mappers.ts';
import { assertCanSeeGraduate } from '../access.ts';
import { type ServiceContext, withTransaction } from '../context.ts';
import { skillRef } from './present.ts';

export interface ProfileTag {
  /**
   * Stable id to delete it by: a skill id, tag:<label>, location:<city>, jobType:<type>, industry:<name>, salaryFloor,
   * remote.
   */
  tagId: string;
  kind: 'skill' | 'preference';
  label: { en: string; zh: string };
  source: 'declared' | 'inferred';
  evidence: SkillEvidence | null;
  /** The score components this tag feeds, and their total weight in the current model. */
  components: ComponentName[];
  weight: number;
}

const weightOf = (weights: WeightSet, names: ComponentName[]): number =>
  Math.round(names.reduce((s, n) => s + weights.weights[n], 0) * 1e6) / 1e6;

/**
 * Every tag Bole uses about a graduate (Algorithmic Recommendation Provisions art. 17 ¶2): skills declared
 * or inferred from their text, and their stated preferences, each with its source and weight.
 */
export function listTags(
  graduate: Graduate,
  suppressed: ReadonlySet<string>,
  weights: WeightSet = DEFAULT_WEIGHTS,
): ProfileTag[] {
  const skillComponents: ComponentName[] = ['requiredSkills', 'preferredSkills', 'semantic'];
  const tags: ProfileTag[] = [...profileSkills(graduate, getTaxonomy(), suppressed)].map(([id, evidence]) => {
    const ref = skillRef(id);
    return {
      tagId: id,
      kind: 'skill',
      label: { en: ref.name, zh: ref.nameZh },
      source: evidence.source,
      evidence,
      components: skillComponents,
      weight: weightOf(weights, skillComponents),
    };
  });
  const pref = (tagIdValue: string, en: string, zh: string, components: ComponentName[]) =>
    tags.push({
      tagId: tagIdValue,
      kind: 'preference',
      label: { en, zh },
      source: 'declared',
      evidence: null,
      components,
      weight: weightOf(weights, components),
    });
  const p = graduate.preferences;
  for (const l of p.locations) {
    const city = findCity(l);
    pref(`location:${l}`, city?.en ?? l, city?.zh ?? l, ['locationFit']);
  }
  for (const t of p.jobTypes) pref(`jobType:${t}`, t, t, ['jobTypeFit']);
  if (p.salaryFloor !== undefined)
    pref('salaryFloor', `salary floor ${p.salaryFloor} CNY`, `期望月薪不低于 ${p.salaryFloor} 元`, ['salaryFit']);
  if (p.remote !== 'any') pref('remote', `remote: ${p.remote}`, `远程：${p.remote}`, ['locationFit']);
  for (const i of p.industries) pref(`industry:${i}`, i, i, []);
  return tags;
}

export async function getTags({ ctx, graduateId }: { ctx: ServiceContext; graduateId: string }) {
  assertCanSeeGraduate(ctx.principal, graduateId);
  const row = await getGraduateOr404(ctx.database.db, ctx.principal.tenantId, graduateId);
  const suppressed = suppressedTagsOf(row.suppressed_tags);
  return {
    graduateId,
    tags: listTags(toGraduate(row), suppressed),
    deleted: [...suppressed].map((id) => ({ tagId: id, label: skillRef(id) })),
  };
}

/**
 * Deletes a tag: a skill is removed from the declared list and suppressed, so it is neither scored nor
 * inferred again (and is redacted from the embedded text); a preference is removed from the profile.
 * Both hold from the next request. A deleted skill also deletes the graduate's stored vectors, which were
 * embedded from text that still named it: the profile is embedded again from the redacted text the next
 * time it is used (`reembed: 'on_next_use'`). Only the graduate themself may delete their tags.
 */
export async function deleteTag({ ctx, graduateId, tag }: { ctx: ServiceContext; graduateId: string; tag: string }) {
  if (ctx.principal.role !== 'graduate' || ctx.principal.graduateId !== graduateId) {
    assertCanSeeGraduate(ctx.principal, graduateId);
    throw invalid('path.id', 'only the graduate themself may delete their tags.');
  }
  return withTransaction(ctx, async ({ database: { db: trx } }) => {
    const row = await getGraduateOr404(trx, ctx.principal.tenantId, graduateId, { forUpdate: true });
    const graduate = toGraduate(row);
    const suppressed = suppressedTagsOf(row.suppressed_tags);
    const current = listTags(graduate, suppressed);
    const found = current.find((t) => t.tagId === tag);
    if (!found) throw notFound('Tag');
    const prefs = { ...graduate.preferences };
    let skills = graduate.skills;
    if (found.kind === 'skill') {
      suppressed.add(tag);
      const ids = normalizeSkillList(
        skills.map((s) => s.name),
        getTaxonomy(),
      ).map((i) => i.id ?? tagId(i.label));
      skills = skills.filter((_, i) => ids[i] !== tag);
    } else if (tag.startsWith('location:')) prefs.locations = prefs.locations.filter((l) => `location:${l}` !== tag);
    else if (tag.startsWith('jobType:')) prefs.jobTypes = prefs.jobTypes.filter((t) => `jobType:${t}` !== tag);
    else if (tag.startsWith('industry:')) prefs.industries = prefs.industries.filter((i) => `industry:${i}` !== tag);
    else if (tag === 'salaryFloor') delete prefs.salaryFloor;
    else if (tag === 'remote') prefs.remote = 'any';
    await setGraduateTags(trx, ctx.principal.tenantId, graduateId, {
      skills,
      preferences: prefs,
      suppressed: [...suppressed],
      now: ctx.clock.now(),
    });
    if (found.kind !== 'skill') return { deleted: found, reembed: 'not_needed' as const };
    await deleteGraduateEmbeddings(trx, ctx.principal.tenantId, graduateId);
    return { deleted: found, reembed: 'on_next_use' as const };
  });
}
