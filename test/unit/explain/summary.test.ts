import { describe, expect, it } from 'vitest';
import {
  buildExplanation,
  renderSummary,
  summaryTerms,
  termDictionary,
  type Explanation,
} from '../../../src/domain/explain/index.ts';
import { scoreMatch } from '../../../src/domain/matching/score.ts';
import { DEFAULT_WEIGHTS } from '../../../src/domain/matching/weights.ts';
import { LANGS } from '../../../src/domain/model/common.ts';
import { createRng, features, randomCase, similarity, taxonomy } from './gen.ts';

const dictionary = termDictionary(taxonomy.all);

/** Every string the explanation offers as evidence: skill names, places compared, majors compared. */
function evidenceStrings(e: Explanation): string[] {
  const skills = [
    ...e.matchedSkills,
    ...e.nearMatches,
    ...e.nearMatches.map((n) => n.via),
    ...e.missingSkills.required,
    ...e.missingSkills.preferred,
  ];
  const out = skills.flatMap((s) => [s.name.zh, s.name.en]);
  for (const c of e.criteria) {
    if (c.criterion === 'location')
      out.push(...[...c.posting, ...c.preferred, ...c.sameRegion].flatMap((p) => [p.zh, p.en]));
    if (c.criterion === 'major') out.push(...[...c.accepted, ...c.held].flatMap((m) => [m.zh, m.en]));
  }
  return out;
}

/** Terms in the summary that no evidence string contains. */
function outsideEvidence(e: Explanation, summary: string): string[] {
  const allowed = new Set(evidenceStrings(e).flatMap((s) => summaryTerms(s, dictionary).map((t) => t.key)));
  return summaryTerms(summary, dictionary)
    .map((t) => t.key)
    .filter((k) => !allowed.has(k));
}

/** Sentences, counted after blanking the names (a name such as "Node.js" has a dot of its own). */
function sentenceCount(e: Explanation, summary: string): number {
  let text = summary;
  for (const s of [...evidenceStrings(e)].sort((a, b) => b.length - a.length)) text = text.split(s).join('X');
  return (text.match(/。|\.(?=\s|$)/g) ?? []).length;
}

describe('summaryTerms', () => {
  it('finds names leftmost-longest on word boundaries', () => {
    const found = summaryTerms('You have Java and JavaScript; Go, not Gopher; 职位在上海，数据分析', dictionary).map(
      (t) => t.key,
    );
    expect(found).toContain('java');
    expect(found).toContain('javascript');
    expect(found).toContain('go');
    expect(found.filter((k) => k === 'go')).toHaveLength(1);
    expect(found).toContain('上海');
  });

  it('catches a name that the evidence does not contain (the check can fail)', () => {
    const rng = createRng('explain-negative');
    const c = randomCase(rng);
    const f = features(c);
    const e = buildExplanation({
      match: scoreMatch(f.profile, f.posting, c.cosine, DEFAULT_WEIGHTS, similarity),
      posting: c.postingContext,
      graduate: c.graduateContext,
      modelVersion: 'm',
      embedderId: 'x',
      personalized: true,
      lang: 'en',
    });
    const planted = evidenceStrings(e).some((s) => /kubernetes/i.test(s)) ? 'Fortran' : 'Kubernetes';
    expect(outsideEvidence(e, `${e.summary} You should learn ${planted}.`)).toEqual([planted.toLowerCase()]);
    expect(outsideEvidence(e, `${e.summary} 职位在拉萨。`).length).toBeGreaterThanOrEqual(
      evidenceStrings(e).includes('拉萨') ? 0 : 1,
    );
  });
});

describe('renderSummary faithfulness (seeded property test)', () => {
  const rng = createRng('explain-summary-property');
  const cases = Array.from({ length: 240 }, () => randomCase(rng));

  it('names nothing outside the evidence, in 2–4 sentences, in both languages, over 240 cases', () => {
    let named = 0;
    for (const c of cases) {
      const f = features(c);
      const match = scoreMatch(f.profile, f.posting, c.cosine, DEFAULT_WEIGHTS, similarity);
      const e = buildExplanation({
        match,
        posting: c.postingContext,
        graduate: c.graduateContext,
        modelVersion: DEFAULT_WEIGHTS.version,
        embedderId: 'lsa-test',
        personalized: true,
        lang: 'zh',
      });
      expect(e.summary).toBe(renderSummary(e, 'zh'));
      for (const lang of LANGS) {
        const summary = renderSummary(e, lang);
        expect(outsideEvidence(e, summary), summary).toEqual([]);
        const n = sentenceCount(e, summary);
        expect(n, summary).toBeGreaterThanOrEqual(2);
        expect(n, summary).toBeLessThanOrEqual(4);
        named += summaryTerms(summary, dictionary).length;
      }
    }
    // The property is not vacuous: the summaries do name skills and places.
    expect(named).toBeGreaterThan(240);
  });

  it('uses fixed wording that names no skill, place or major', () => {
    const rng2 = createRng('explain-fixed-words');
    for (const c of cases.slice(0, 60)) {
      const f = features(c);
      const match = scoreMatch(f.profile, f.posting, c.cosine, DEFAULT_WEIGHTS, similarity);
      const e = buildExplanation({
        match,
        posting: c.postingContext,
        graduate: c.graduateContext,
        modelVersion: 'm',
        embedderId: 'x',
        personalized: rng2.chance(0.5),
        lang: 'en',
      });
      for (const lang of LANGS) {
        let text = renderSummary(e, lang);
        for (const s of [...evidenceStrings(e)].sort((a, b) => b.length - a.length)) text = text.split(s).join('·');
        expect(
          summaryTerms(text, dictionary).map((t) => t.key),
          text,
        ).toEqual([]);
      }
    }
  });
});
