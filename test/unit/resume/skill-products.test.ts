import { describe, expect, it } from 'vitest';
import { productMentions, productNames } from '../../../src/domain/resume/skill-products.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();
const ids = (text: string): string[] => productMentions(text, taxonomy).map((m) => m.id);

describe('O*NET tools named by their product word', () => {
  it.each([
    ['AspenTech HYSYS', ['HYSYS']],
    ['Splunk Enterprise', ['Splunk']],
    ['Schlumberger Petrel E&P', ['Schlumberger Petrel', 'Petrel']],
    ['Stat-Ease Design-Expert', ['Design-Expert']],
    ['Microsoft Excel', ['Excel']],
    ['Perl', []],
  ])('%s', (example, names) => {
    expect(productNames(example)).toEqual(names);
  });

  it.each([
    ['Aspen HYSYS, MATLAB, Python', ['aspentech-hysys']],
    ['ETABS, SAFE, AutoCAD, STAAD.Pro, MS Excel', ['bentley-staad']],
    ['Design-Expert, MS Office, ChemDraw', ['stat-ease-design-expert']],
    ['Cataloging (RDA, MARC21), ArchivesSpace, LibGuides', ['springshare-libguides']],
    // Ordinary words, however O*NET cases them, and headings in capitals are no product.
    ['Proficient in C, Python, Verilog', []],
    ['Profile summary', []],
    ['UNDERGRADUATE THESIS', []],
    ['Finale and MuseScore notation', []],
    // A spreadsheet function is no product of its name (Criterion Planners INDEX).
    ['Advanced Excel (pivot tables, INDEX/MATCH), Xero', []],
    ['Excel (pivot tables, INDEX-MATCH), SAP, Tableau', []],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});
