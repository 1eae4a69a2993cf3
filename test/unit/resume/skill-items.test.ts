import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { withoutLinks } from '../../../src/domain/resume/skills.ts';
import { listedItems } from '../../../src/domain/resume/skill-items.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();
const items = (line: string): [string, string][] => listedItems(line, taxonomy).map((m) => [m.id, m.text]);
const skills = (text: string): string[] =>
  extractResumeDraft(text, { taxonomy })
    .skills.map((s) => s.skillId)
    .sort();

describe('skills-list items read whole', () => {
  it.each<[string, [string, string][]]>([
    [
      'Pr / Ps / 剪映 熟练；Office 办公',
      [
        ['photoshop', 'Ps'],
        ['capcut', '剪映'],
        ['ms-office', 'Office 办公'],
      ],
    ],
    [
      '软件：ArcGIS（空间分析）★★★★、Origin ★★★★',
      [
        ['gis', 'ArcGIS'],
        ['origin', 'Origin'],
      ],
    ],
    [
      'TCP/IP, Python - advanced, Power BI',
      [
        ['networking', 'TCP/IP'],
        ['python', 'Python'],
        ['power-bi', 'Power BI'],
      ],
    ],
    [
      '熟练使用Excel、了解 Go',
      [
        ['excel', 'Excel'],
        ['go', 'Go'],
      ],
    ],
    // Levels of template exports: a percentage, a bar, a level, a level after a colon.
    ['Go 80%', [['go', 'Go']]],
    ['Excel ▰▰▰▱▱', [['excel', 'Excel']]],
    ['R Level 3', [['r', 'R']]],
    ['Excel: Advanced', [['excel', 'Excel']]],
    ['Python：精通', [['python', 'Python']]],
    // An item that is more than a name is left to the sentence reader.
    ['SEO audits with SEMrush', []],
    ['Tools: SEMrush', [['semrush', 'SEMrush']]],
  ])('%s', (line, expected) => {
    expect(items(line)).toEqual(expected);
  });

  it('adds the items an alias with a fixed case or a list context misses, only in a skills part', () => {
    expect(skills('专业技能\nPr / Ps / 剪映 熟练；Origin ★★★★')).toEqual([
      'capcut',
      'origin',
      'photoshop',
      'premiere-pro',
    ]);
    expect(skills('Skills\nPhotoshop ★★★★★ / Illustrator ★★★★★')).toEqual(['illustrator', 'photoshop']);
    expect(skills('Skills\nPs ★★★★')).toEqual(['photoshop']);
    expect(skills('Experience\nPs ★★★★')).toEqual([]);
    // Adobe's abbreviations listed together are read anywhere, in any case (skill-phrases.ts).
    expect(skills('Experience\nPr / Ps / Origin')).toEqual(['origin', 'photoshop', 'premiere-pro']);
  });
});

describe('a tool named inside a longer name', () => {
  it('is the tool too where the longer name is an activity, not a product', () => {
    expect(skills('专业技能\nPython 爬虫、Excel 数据分析')).toEqual([
      'excel',
      'excel-data-analysis',
      'python',
      'web-scraping',
    ]);
    expect(skills('项目经历\n搭建 GitHub Actions 流水线')).toEqual(['ci-cd', 'github']);
    // A product's edition or module names the product only.
    expect(skills('Skills\nSQL Server, AutoCAD Civil 3D, Power BI, Cisco IOS')).toEqual([
      'autodesk-autocad-civil-3d',
      'cisco',
      'power-bi',
      'sql-server',
    ]);
  });
});

describe('links are no evidence', () => {
  it.each([
    ['Portfolio: www.behance.net/lina', 'Portfolio:'],
    ['github.com/lina/python-tools R', 'R'],
    ['mail lina.sql@gmail.com', 'mail'],
    [':github: nram', 'nram'],
    ['\\faGithub nram', 'nram'],
    ['ASP.NET, Node.js, Vue.js', 'ASP.NET, Node.js, Vue.js'],
  ])('%s', (sentence, kept) => {
    const read = withoutLinks(sentence);
    expect(read).toHaveLength(sentence.length);
    expect(read.trim()).toBe(kept);
  });

  it('reads no tool out of an address, and the same tools named apart', () => {
    expect(
      skills('Experience\nPortfolio: www.behance.net/lina, github.com/lina/python-tools, lina.sql@gmail.com'),
    ).toEqual([]);
    expect(skills('Skills\nASP.NET, Node.js, Python; see https://python.org')).toEqual(['dotnet', 'nodejs', 'python']);
  });
});
