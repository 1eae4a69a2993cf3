import { describe, expect, it } from 'vitest';
import { highlightTerms } from '../../../src/domain/search/highlight.ts';
import {
  DEFAULT_BM25F,
  forgetPlainQueries,
  heldPlainQueries,
  LexicalIndex,
  plainQuery,
  type LexicalDocument,
} from '../../../src/domain/search/lexical-index.ts';
import { lexicalTerms } from '../../../src/domain/text/lexical-analyzer.ts';
import { correctTerm, editsOne } from '../../../src/domain/search/spelling.ts';

const doc = (title: string, skills = '', description = ''): LexicalDocument => ({ title, skills, description });

function build(): LexicalIndex {
  const index = new LexicalIndex();
  index.upsert('analyst', doc('Data Analyst', 'SQL', 'Analyse sales data'));
  index.upsert('zh-analyst', doc('数据分析师', 'SQL', '负责销售数据分析'));
  index.upsert('nurse', doc('Registered Nurse', 'Nursing care', 'Care for patients'));
  return index;
}

const scores = (index: LexicalIndex, text: string): Map<string, number> => {
  const out = new Map<string, number>();
  index.scoreEach(index.query(text), (id, value) => out.set(id, value));
  return out;
};

describe('LexicalIndex (BM25F)', () => {
  it('scores one-term queries by hand: idf · t̃f/(k1 + t̃f) ÷ idf', () => {
    const index = build();
    // "nurse": title only, tf 1, title lengths 2, 1 (数据分析师 has 4 bigrams… lengths 2, 4, 2): avg 8/3.
    const avg = 8 / 3;
    const b = DEFAULT_BM25F.b.title;
    const tilde = DEFAULT_BM25F.weight.title / (1 - b + (b * 2) / avg);
    expect(scores(index, 'nurse').get('nurse')).toBeCloseTo(tilde / (DEFAULT_BM25F.k1 + tilde), 14);
    expect(index.idf('nurse')).toBeCloseTo(Math.log(1 + 2.5 / 1.5), 14);
  });

  it('ranks title matches above description matches and gives a value in [0, 1)', () => {
    const index = new LexicalIndex();
    index.upsert('title', doc('Nurse', '', 'hospital work'));
    index.upsert('body', doc('Carer', '', 'work as a nurse in a hospital'));
    const s = scores(index, 'nurse');
    expect(s.get('title')).toBeGreaterThan(s.get('body') ?? 1);
    for (const v of s.values()) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThan(1);
    }
  });

  it('match() is bit-identical to scoreEach and lists the matched terms', () => {
    const index = build();
    const query = index.query('sales data analyst');
    const seen = new Map<string, number>();
    index.scoreEach(query, (id, v) => seen.set(id, v));
    expect(index.match('analyst', query).value).toBe(seen.get('analyst'));
    expect(new Set(index.match('analyst', query).terms)).toEqual(new Set(['sale', 'data', 'analyst']));
    expect(index.match('nurse', query)).toEqual({ value: 0, terms: [] });
  });

  it('matches Chinese queries in traditional or simplified characters, and mixed queries', () => {
    const index = build();
    expect([...scores(index, '數據分析').keys()]).toEqual(['zh-analyst']);
    const mixed = scores(index, 'nurse 数据分析');
    expect(mixed.has('nurse') && mixed.has('zh-analyst')).toBe(true);
  });

  it('stays in step as documents change and close', () => {
    const index = build();
    index.upsert('nurse', doc('Staff Nurse', 'Emergency care', ''));
    expect(index.df('registered')).toBe(0);
    expect(index.df('nurse')).toBe(1);
    index.remove('nurse');
    expect(index.size).toBe(2);
    expect(scores(index, 'nurse').size).toBe(0);
    index.upsert('new', doc('Nurse'));
    expect([...scores(index, 'nurse').keys()]).toEqual(['new']);
  });

  it('scores an outside document as one more document', () => {
    const index = build();
    const query = index.query('registered nurse');
    const outside = index.matchDocument(doc('Registered Nurse', 'Nursing care', 'Care for patients'), query);
    expect(outside.value).toBeGreaterThan(0);
    expect(outside.terms).toEqual(expect.arrayContaining(['registered', 'nurse']));
  });

  it('corrects one-edit typos in English words against the vocabulary, and says so', () => {
    const index = build();
    const query = index.query('analsyt nurse', { correct: true });
    expect(query.terms).toEqual(['analyst', 'nurse']);
    expect(query.corrections).toEqual([{ from: 'analsyt', to: 'analyst' }]);
    expect(index.query('analsyt').terms).toEqual(['analsyt']);
    expect(correctTerm('zzzzzz', (t) => index.df(t))).toBeNull();
    expect(editsOne('ab')).toContain('ba');
  });
});

describe('highlightTerms', () => {
  it('gives merged spans of the matched terms in the original text', () => {
    const text = '高級數據分析師（SQL）';
    const spans = highlightTerms(text, new Set(['数据', '据分', '分析', 'sql']));
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['數據分析', 'SQL']);
  });
});

describe('LexicalIndex cached parts (sumsBySlot)', () => {
  it('gives match() values bit for bit on a seeded index, before and after it changes', () => {
    let seed = 17;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const words = ['data', 'sales', 'nurse', 'python', 'teacher', 'design', 'care', 'analyst', 'sql', 'excel'];
    const text = (n: number): string => Array.from({ length: n }, () => words[Math.floor(random() * 10)]).join(' ');
    const index = new LexicalIndex();
    for (let i = 0; i < 200; i++) index.upsert(`d${i}`, doc(text(1 + (i % 3)), text(i % 4), text(i % 9)));
    // One query object through the changes, as a list holds it: what match() keeps of it must be redone too.
    const query = index.query('data python nurse sql design');
    const check = (): void => {
      const seen = new Map<string, number>();
      index.scoreEach(query, (id, value) => seen.set(id, value));
      // A query object of the same terms that nothing has read yet: what is kept of `query` must match it.
      const fresh = { terms: [...query.terms], corrections: [] };
      let positive = 0;
      for (let i = 0; i < 200; i++) {
        const id = `d${i}`;
        if (!index.has(id)) continue;
        const want = index.match(id, fresh).value;
        expect(index.match(id, query).value).toBe(want);
        expect(seen.get(id) ?? 0).toBe(want);
        expect(index.matchSlot(index.slotOf(id) ?? -1, query)).toEqual(index.match(id, query));
        if (want > 0) positive++;
      }
      expect(seen.size).toBe(positive);
      expect(positive).toBeGreaterThan(50);
    };
    check();
    // Changes move N, df and the mean lengths: every cached part must be redone, not reused.
    for (let i = 0; i < 200; i += 7) index.remove(`d${i}`);
    for (let i = 0; i < 200; i += 11) index.upsert(`d${i}`, doc(text(4), text(2), text(12)));
    check();
    check();
  });
});

describe('LexicalIndex posting lists appended in bulk', () => {
  it('holds the same entries in the same order as lists appended document by document', () => {
    let seed = 5;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const text = (n: number): string =>
      Array.from({ length: n }, () => words[Math.floor(random() * random() * 40)]).join(' ');
    // Reading df after each upsert appends that document alone; the other index appends many at once.
    const oneByOne = new LexicalIndex();
    const bulk = new LexicalIndex();
    const upsert = (id: string, d: LexicalDocument): void => {
      oneByOne.upsert(id, d);
      oneByOne.df('w0');
      bulk.upsert(id, d);
    };
    const same = (): void => {
      for (const term of [...words, 'absent']) {
        const a = oneByOne.termParts(term);
        const b = bulk.termParts(term);
        expect(b === null ? null : { slots: Array.from(b.slots), parts: [...b.parts] }).toEqual(
          a === null ? null : { slots: Array.from(a.slots), parts: [...a.parts] },
        );
        expect(bulk.df(term)).toBe(oneByOne.df(term));
      }
      const query = oneByOne.query('w0 w3 w7 w12 w30');
      expect([...(bulk.sumsBySlot(query)?.sums ?? [])]).toEqual([...(oneByOne.sumsBySlot(query)?.sums ?? [])]);
    };
    for (let i = 0; i < 300; i++) upsert(`d${i}`, doc(text(1 + (i % 3)), text(i % 4), text(i % 15)));
    same();
    // Removed slots are reused and existing lists grow: a second bulk after a first read.
    for (let i = 0; i < 300; i += 3) {
      oneByOne.remove(`d${i}`);
      bulk.remove(`d${i}`);
    }
    for (let i = 0; i < 400; i += 2) upsert(`d${i}`, doc(text(3), text(2), text(20)));
    same();
    // Fewer pending documents than the bulk path takes.
    for (let i = 0; i < 10; i++) upsert(`e${i}`, doc(text(2), text(1), text(5)));
    same();
  });
});

describe('plainQuery', () => {
  it("gives each text's distinct terms in order, one frozen object per text shared by every caller", () => {
    const text = '数据分析 data analyst data SQL 数据分析';
    const query = plainQuery(text);
    expect(query.terms).toEqual([...new Set(lexicalTerms(text))]);
    expect(query.corrections).toEqual([]);
    expect(plainQuery(text)).toBe(query);
    expect(new LexicalIndex().query(text)).toBe(query);
    expect(Object.isFrozen(query) && Object.isFrozen(query.terms)).toBe(true);
    expect(plainQuery(`${text} nurse`).terms).toEqual([...query.terms, 'nurse']);
  });

  it('keeps no text once an erasure empties it, and then gives an equal new object', () => {
    const text = '张伟 熟悉机器学习和数据分析 SQL Python';
    const query = plainQuery(text);
    expect(heldPlainQueries()).toBeGreaterThan(0);
    forgetPlainQueries();
    expect(heldPlainQueries()).toBe(0);
    const again = plainQuery(text);
    expect(again).not.toBe(query);
    expect(again).toEqual(query);
    expect(heldPlainQueries()).toBe(1);
  });
});

describe('LexicalIndex.matcher', () => {
  it("gives match()'s values and terms for many queries against one document, as the index changes", () => {
    let seed = 29;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const words = ['data', 'sales', 'nurse', 'python', 'teacher', 'design', 'care', 'analyst', 'sql', 'zzunseen'];
    const pick = (n: number): string[] => Array.from({ length: n }, () => words[Math.floor(random() * 10)] ?? '');
    const index = new LexicalIndex();
    for (let i = 0; i < 120; i++) index.upsert(`d${i}`, doc(pick(2).join(' '), pick(2).join(' '), pick(8).join(' ')));
    const matchers = new Map(['d3', 'd40', 'd77', 'gone'].map((id) => [id, index.matcher(id)]));
    let positive = 0;
    const check = (): void => {
      for (const [id, matcher] of matchers)
        for (let q = 0; q < 40; q++) {
          // Terms named twice (as a graduate's profile may) count twice in match(): the matcher must agree.
          const query = { terms: pick(1 + (q % 7)), corrections: [] };
          const want = index.match(id, query);
          expect(matcher(query)).toEqual(want);
          expect(Object.is(matcher(query).value, want.value)).toBe(true);
          if (want.value > 0) positive++;
        }
    };
    check();
    for (let i = 0; i < 120; i += 5) index.remove(`d${i}`);
    index.upsert('d40', doc('nurse care', 'python', 'sales data'));
    index.upsert('gone', doc('teacher', '', 'design'));
    check();
    expect(positive).toBeGreaterThan(100);
  });
});
