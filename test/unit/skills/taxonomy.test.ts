import { describe, expect, it } from 'vitest';
import {
  SKILL_CATEGORIES,
  createTaxonomy,
  extractSkillIds,
  getTaxonomy,
  aliasKey,
} from '../../../src/domain/skills/index.ts';
import { ONET_NAMES_ZH } from '../../../src/domain/skills/data/onet-names-zh.ts';
import { CURATED_SEEDS } from '../../../src/domain/skills/curated.ts';
import { parseAlias } from '../../../src/domain/skills/alias.ts';
import { loadOnetExamples } from '../../../src/domain/skills/onet.ts';
import { splitAtCapitals } from '../../../src/domain/skills/taxonomy.ts';
import { normalizeText, tokenize } from '../../../src/domain/skills/text.ts';

const taxonomy = getTaxonomy();

describe('curated data', () => {
  it('has at least 600 skills with slug ids, names in both languages and a known category', () => {
    expect(CURATED_SEEDS.length).toBeGreaterThanOrEqual(600);
    expect(new Set(CURATED_SEEDS.map((s) => s.id)).size).toBe(CURATED_SEEDS.length);
    for (const s of CURATED_SEEDS) {
      expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/u);
      expect(s.name.length).toBeGreaterThan(0);
      expect(s.nameZh.length).toBeGreaterThan(0);
      expect(s.family).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/u);
      expect(SKILL_CATEGORIES).toContain(s.category);
    }
    // Brand tools (Python, Figma) keep their Latin name in Chinese; everything else has a Chinese name.
    expect(CURATED_SEEDS.filter((s) => /\p{Script=Han}/u.test(s.nameZh)).length).toBeGreaterThanOrEqual(450);
  });

  it('gives no alias to two curated skills', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const s of CURATED_SEEDS) {
      for (const a of [s.name, s.nameZh, ...s.aliases.map((x) => parseAlias(x).surface)]) {
        const k = aliasKey(a);
        const o = owner.get(k);
        if (o !== undefined && o !== s.id) clashes.push(`${k}: ${o} / ${s.id}`);
        else owner.set(k, s.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('covers the certificates graduates list', () => {
    for (const [name, id] of [
      ['CET-4', 'cet-4'],
      ['大学英语六级', 'cet-6'],
      ['普通话等级证书', 'putonghua-certificate'],
      ['专八', 'tem-8'],
      ['注册会计师', 'cpa'],
      ['教师资格证', 'teacher-qualification'],
      ['法律职业资格', 'legal-qualification'],
      ['计算机二级', 'ncre-2'],
      ['IELTS', 'ielts'],
      ['托福', 'toefl'],
      ['驾驶证', 'driving-license'],
    ] as const)
      expect(taxonomy.lookup(name)?.id, name).toBe(id);
  });

  it('rejects a duplicate id', () => {
    const row = { id: 'x', name: 'X', nameZh: '叉', category: 'business', family: 'f', aliases: [] } as const;
    expect(() => createTaxonomy({ includeOnet: false, seeds: [row, row] })).toThrow('duplicate curated skill id x');
  });
});

describe('aliases', () => {
  it.each([
    ['React', 'react'],
    ['React.js', 'react'],
    ['ReactJS', 'react'],
    ['机器学习', 'machine-learning'],
    ['machine learning', 'machine-learning'],
    ['ML', 'machine-learning'],
    ['Excel', 'excel'],
    ['电子表格', 'excel'],
    ['Microsoft Excel', 'excel'],
    ['MACHINE-LEARNING', 'machine-learning'],
    ['Ｎｏｄｅ．ｊｓ', 'nodejs'],
    ['C#', 'csharp'],
  ])('%s → %s', (name, id) => {
    expect(taxonomy.lookup(name)?.id).toBe(id);
  });

  it('ASCII fast path of aliasKey equals the general tokenizer', () => {
    for (const s of ['C++', 'Node.js', 'CET-4', "Driver's license", 'ASP.NET Core', 'R&D', 'a_b  c', 'PL/SQL']) {
      expect(aliasKey(s)).toBe(
        tokenize(normalizeText(s))
          .map((t) => t.key)
          .join(' '),
      );
    }
    expect(aliasKey('CET-4')).toBe(aliasKey('cet 4'));
  });
});

describe('O*NET tools', () => {
  it('resolves every one of the 8,768 examples to a skill', () => {
    const examples = loadOnetExamples();
    expect(examples).toHaveLength(8768);
    expect(examples.filter((e) => taxonomy.lookup(e.example) === undefined).map((e) => e.example)).toEqual([]);
    expect(taxonomy.stats.curated + taxonomy.stats.onet).toBe(taxonomy.all.length);
  });

  it('merges a tool into its curated skill and keeps the flags', () => {
    expect(taxonomy.get('excel')?.onet).toEqual({
      example: 'Microsoft Excel',
      commodityCode: '43232110',
      commodityTitle: 'Spreadsheet software',
      hot: true,
      inDemand: true,
      occupations: 859,
    });
    expect(taxonomy.get('microsoft-excel')).toBeUndefined();
    const slack = taxonomy.get('slack');
    expect(slack?.source).toBe('onet');
    expect(slack?.category).toBe('office');
    expect(slack?.onet?.hot).toBe(true);
  });

  it('gives every tool in the curated Chinese table its Chinese name, which also finds it in Chinese text', () => {
    const onetByName = new Map(taxonomy.all.filter((s) => s.source === 'onet').map((s) => [s.name, s]));
    const entries = Object.entries(ONET_NAMES_ZH);
    expect(entries.length).toBeGreaterThan(100);
    // No dead rows: each key is an O*NET example the taxonomy keeps as its own skill, each value Chinese.
    expect(entries.filter(([en, zh]) => onetByName.get(en)?.nameZh !== zh || !/\p{Script=Han}/u.test(zh))).toEqual([]);
    const word = onetByName.get('Word processing software');
    expect(word?.nameZh).toBe('文字处理软件');
    expect(extractSkillIds('熟练使用文字处理软件和领英。', taxonomy)).toEqual(
      expect.arrayContaining([word?.id, onetByName.get('LinkedIn')?.id]),
    );
    // A tool with no common Chinese name keeps its own name (texts in Chinese mark it as untranslated).
    expect(onetByName.get('Adobe Acrobat')?.nameZh).toBe('Adobe Acrobat');
  });

  it('can be left out', () => {
    const small = createTaxonomy({ includeOnet: false });
    expect(small.all.length).toBe(CURATED_SEEDS.length);
    expect(small.get('slack')).toBeUndefined();
  });
});

describe('search', () => {
  it('puts the exact alias first, then names that start with the query', () => {
    expect(taxonomy.search('ReactJS', 1).map((s) => s.id)).toEqual(['react']);
    expect(taxonomy.search('机器', 1).map((s) => s.id)).toEqual(['machine-learning']);
    expect(taxonomy.search('', 5)).toEqual([]);
    expect(taxonomy.search('excel', 3).map((s) => s.id)[0]).toBe('excel');
  });
});

describe('names written apart at their inner capital', () => {
  it.each<[string, string | undefined]>([
    ['AutoCAD', 'Auto CAD'],
    ['PowerPoint', 'Power Point'],
    ['PostgreSQL', 'Postgre SQL'],
    ['iOS', undefined],
    ['LaTeX', undefined],
    ['Python', undefined],
    ['Power BI', undefined],
  ])('%s', (name, parted) => {
    expect(splitAtCapitals(name)).toBe(parted);
  });

  it('finds a curated tool so written, in that case only, and no O*NET product split into ordinary words', () => {
    const taxonomy = getTaxonomy();
    expect(extractSkillIds('Auto CAD, Solid Works, Power Point, My SQL', taxonomy)).toEqual([
      'autocad',
      'solidworks',
      'powerpoint',
      'mysql',
    ]);
    expect(extractSkillIds('a power point of the grid', taxonomy)).toEqual([]);
    expect(extractSkillIds('Campus Master Plan', taxonomy)).toEqual([]);
  });
});
