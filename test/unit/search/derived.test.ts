import { describe, expect, it } from 'vitest';
import { postingLexicalText, profileFeatures, type MatchablePosting } from '../../../src/domain/matching/extract.ts';
import { graduateCreate } from '../../../src/domain/model/graduate.ts';
import { postingCreate } from '../../../src/domain/model/posting.ts';
import {
  ANALYZER_VERSION,
  analyzerId,
  decodeGraduateDerivation,
  decodePostingDerivation,
  deriveGraduate,
  derivePosting,
  encodeGraduateDerivation,
  encodePostingDerivation,
  graduateInputHash,
  postingInputHash,
  readableAnalyzerIds,
  SAME_ANALYSIS,
  textHash,
} from '../../../src/domain/search/derived.ts';
import { LexicalIndex } from '../../../src/domain/search/lexical-index.ts';
import { PostingIndex } from '../../../src/domain/search/posting-index.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();
const skills = (names: string[]) => names.map((name) => ({ name }));
const posting = (over: Record<string, unknown> = {}): MatchablePosting =>
  postingCreate.parse({
    employerId: '00000000-0000-4000-8000-000000000001',
    title: '数据分析师 Data Analyst',
    description: '负责用户增长数据分析，使用 SQL 和 Python 搭建指标体系。Build dashboards in Tableau.',
    requiredSkills: skills(['SQL', 'Python', 'Excel']),
    preferredSkills: skills(['Tableau']),
    minDegree: 'bachelor',
    acceptedMajors: ['统计学'],
    locations: ['武汉'],
    jobType: 'full-time',
    salaryMin: 8000,
    salaryMax: 12000,
    ...over,
  }) as unknown as MatchablePosting;
const parsed = graduateCreate.parse({
  name: '张伟',
  education: [
    { school: '武汉大学', degree: 'bachelor', major: '统计学', graduationDate: '2026-06-30' },
    { school: '武汉大学', degree: 'master', major: '软件工程', graduationDate: '2028-06-30' },
  ],
  skills: [{ name: 'Python' }, { name: 'SQL' }, { name: '沙盘推演' }],
  summary: '熟悉机器学习和数据分析，做过用户留存分析。Built churn models in R.',
  preferences: { locations: ['武汉', '上海'], jobTypes: ['full-time'], salaryFloor: 7000 },
});
// A row stored before dates were checked: its year reads as NaN, which JSON cannot hold.
const graduate = {
  ...parsed,
  education: [parsed.education[0], { ...parsed.education[1], graduationDate: '?' }],
} as typeof parsed;

describe('stored derivations (what a start-up reads instead of analysing again)', () => {
  it('pins the analyzer: a change to what tokenizing or feature extraction returns must bump ANALYZER_VERSION', () => {
    // If this fails after a change to text analysis, skills, majors or cities: bump ANALYZER_VERSION in
    // src/domain/search/derived.ts (so stored derivations are recomputed) and update these digests.
    expect(ANALYZER_VERSION).toBe('a2');
    const p = derivePosting(posting(), postingLexicalText(posting()), taxonomy);
    const g = deriveGraduate(graduate, new Set(['tag:沙盘推演']), taxonomy);
    expect(p.features.requiredSkills.length).toBeGreaterThan(0);
    expect(g.queryTerms.length).toBeGreaterThan(0);
    expect([textHash(encodePostingDerivation(p)), textHash(encodeGraduateDerivation(g))]).toEqual([
      '3a864223',
      'b3de7188',
    ]);
  });

  it('round-trips through its stored text, skill evidence and unreadable years included', () => {
    const suppressed = new Set(['tag:沙盘推演']);
    const g = deriveGraduate(graduate, suppressed, taxonomy);
    expect(g.years[1]).toBeNaN();
    expect([...g.features.skills.keys()]).not.toContain('tag:沙盘推演');
    const back = decodeGraduateDerivation(encodeGraduateDerivation(g));
    expect(back).toEqual(g);
    expect(back.features.skills).toBeInstanceOf(Map);
    expect(back.features).toEqual(profileFeatures(graduate, taxonomy, suppressed));
    const p = derivePosting(posting(), postingLexicalText(posting()), taxonomy);
    expect(decodePostingDerivation(encodePostingDerivation(p))).toEqual(p);
  });

  it('reads a posting stored by a1 (an array per BM25F term), whose analysis a2 keeps, as a2 derives it', () => {
    expect(SAME_ANALYSIS).toEqual(['a1']);
    expect(readableAnalyzerIds(taxonomy)).toEqual([analyzerId(taxonomy), analyzerId(taxonomy, 'a1')]);
    const p = derivePosting(posting(), postingLexicalText(posting()), taxonomy);
    const { terms, tf } = p.lexical;
    const a1 = JSON.stringify({
      ...p,
      lexical: { lengths: p.lexical.lengths, terms: terms.map((t, i) => [t, tf[3 * i], tf[3 * i + 1], tf[3 * i + 2]]) },
    });
    expect(a1).toContain('"terms":[["');
    // a1's pinned digest of this fixture: the analysis is a1's to the byte, only its stored form changed.
    expect(textHash(a1)).toBe('49c109e2');
    expect(decodePostingDerivation(a1)).toEqual(p);
  });

  it('keys on every input it reads: an edit, a deleted tag or another taxonomy changes the key', () => {
    const base = postingInputHash(posting());
    expect(postingInputHash(posting())).toBe(base);
    for (const over of [{ title: '数据分析' }, { salaryMax: 12001 }, { locations: ['上海'] }, { remote: true }])
      expect(postingInputHash(posting(over))).not.toBe(base);
    const g = graduateInputHash(graduate, new Set());
    expect(graduateInputHash(graduate, new Set(['tag:沙盘推演']))).not.toBe(g);
    expect(graduateInputHash({ ...graduate, summary: `${graduate.summary} ` }, new Set())).not.toBe(g);
    expect(analyzerId(taxonomy)).toMatch(new RegExp(`^${ANALYZER_VERSION}:\\d+\\.\\d+\\.\\d+\\.\\d+$`));
  });

  it('an index built from stored analyses scores and ranks bit-identically to one that analysed the text', () => {
    const docs = [
      posting(),
      posting({ title: 'Registered Nurse', description: 'Care for patients on a surgical ward.', requiredSkills: [] }),
      posting({ title: '数据工程师', description: 'Spark 和 SQL 数据管道。', preferredSkills: skills(['Spark']) }),
    ];
    const analysed = new PostingIndex(4);
    const stored = new PostingIndex(4);
    const plain = new LexicalIndex();
    docs.forEach((p, i) => {
      const text = postingLexicalText(p);
      const d = decodePostingDerivation(encodePostingDerivation(derivePosting(p, text, taxonomy)));
      const indexed = { id: `p${i}`, features: d.features, createdAt: i, closesAt: null, text };
      const vector = [1, i, 0, 0];
      analysed.upsert(indexed, vector);
      stored.upsert(indexed, vector, d.lexical);
      plain.upsertAnalyzed(`p${i}`, d.lexical);
    });
    for (const q of ['数据分析 sql', 'nurse patients', 'spark 数据']) {
      const query = analysed.lexical.query(q);
      for (const id of ['p0', 'p1', 'p2']) {
        expect(stored.lexical.match(id, query)).toEqual(analysed.lexical.match(id, query));
        expect(plain.match(id, query)).toEqual(analysed.lexical.match(id, query));
      }
      expect(stored.lexical.documentSide('p0')?.parts).toEqual(analysed.lexical.documentSide('p0')?.parts);
    }
  });
});
