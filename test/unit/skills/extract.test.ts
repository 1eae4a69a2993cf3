import { describe, expect, it } from 'vitest';
import { extractSkillIds, extractSkills, getTaxonomy } from '../../../src/domain/skills/index.ts';
import { nestedMentionsIn } from '../../../src/domain/skills/extract.ts';

const taxonomy = getTaxonomy();
const spans = (text: string): [string, number, number, string][] =>
  extractSkills(text, taxonomy).map((m) => [m.id, m.start, m.end, m.text]);

describe('extractSkills: spans on token boundaries', () => {
  it.each<[string, [string, number, number, string][]]>([
    ['Python (primary)', [['python', 0, 6, 'Python']]],
    [
      '熟悉机器学习和数据分析',
      [
        ['machine-learning', 2, 6, '机器学习'],
        ['data-analysis', 7, 11, '数据分析'],
      ],
    ],
    ['机器学习工程师', [['machine-learning', 0, 4, '机器学习']]],
    [
      'ＰＹＴＨＯＮ，Ｃ＋＋',
      [
        ['python', 0, 6, 'ＰＹＴＨＯＮ'],
        ['cpp', 7, 10, 'Ｃ＋＋'],
      ],
    ],
    [
      'Skills: Python, R and SQL',
      [
        ['python', 8, 14, 'Python'],
        ['r', 16, 17, 'R'],
        ['sql', 22, 25, 'SQL'],
      ],
    ],
    [
      'Node.js, .NET, C/C++',
      [
        ['nodejs', 0, 7, 'Node.js'],
        ['dotnet', 9, 13, '.NET'],
        ['c', 15, 16, 'C'],
        ['cpp', 17, 20, 'C++'],
      ],
    ],
    [
      '熟练使用Excel、Word和PPT',
      [
        ['excel', 4, 9, 'Excel'],
        ['word', 10, 14, 'Word'],
        ['powerpoint', 15, 18, 'PPT'],
      ],
    ],
    ['熟悉Go语言', [['go', 2, 6, 'Go语言']]],
    ['Experience with Go.', [['go', 16, 18, 'Go']]],
    ['I excel at teamwork', [['teamwork', 11, 19, 'teamwork']]],
    [
      'ML and NLP',
      [
        ['machine-learning', 0, 2, 'ML'],
        ['nlp', 7, 10, 'NLP'],
      ],
    ],
    ['Spring Boot', [['spring-boot', 0, 11, 'Spring Boot']]],
    [
      'React.js / ReactJS',
      [
        ['react', 0, 8, 'React.js'],
        ['react', 11, 18, 'ReactJS'],
      ],
    ],
    ['🚀 Python', [['python', 3, 9, 'Python']]],
    [
      'CET-6，普通话二级甲等',
      [
        ['cet-6', 0, 5, 'CET-6'],
        ['putonghua-certificate', 6, 13, '普通话二级甲等'],
      ],
    ],
    ['Microsoft Excel', [['excel', 0, 15, 'Microsoft Excel']]],
  ])('%s', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });
});

describe('extractSkills: ordinary words and look-alikes are not skills', () => {
  it.each([
    'platform',
    'Our platform team builds internal tools',
    'transformation and performance',
    'go to market',
    "Let's go over the numbers",
    'R&D',
    'R & D team',
    'C-suite',
    'Vitamin C supplements',
    'She will excel in any role',
    'Swift taxi rides',
    'Spring semester 2023',
    'Measured with a volumetric flask',
    '10 ml saline',
    'Word of mouth',
    'Chef de partie in a kitchen',
    'PS: please reply soon',
    'The wind was strong',
    'Polish the final draft',
    'Queensland open driver licence (C)',
    'ARRT (R) Registered Technologist',
    'Model predictive control[C]. Annual conference, 2024.',
    'Accreditation for functions A, B, C',
    'Prepared packing lists and C/O Form E',
    '',
  ])('%j yields nothing', (text) => {
    expect(extractSkills(text, taxonomy)).toEqual([]);
  });
});

describe('extractSkills: marks that set list items apart', () => {
  it.each([
    '║ Excel ║ Go ║ R ║',
    '│ Excel │ Go │ R │',
    '▪ Excel ▪ Go ▪ R',
    'Excel ┋ Go ┋ R',
    '✓ Excel ✓ Go ✓ R',
    '→ Excel → Go → R',
    'Excel ★★★ Go ★★ R ★',
    '「Excel」「Go」「R」',
    'Excel – Go – R',
    'Excel - Go - R',
    'Excel    Go    R',
    'Excel\tGo\tR',
    '💻 Excel 📊 Go 🔧 R',
    '\uf121 Excel \uf121 Go \uf121 R',
  ])('%s', (text) => {
    expect(extractSkills(text, taxonomy).map((m) => m.text)).toEqual(['Excel', 'Go', 'R']);
  });

  it('still reads one letter next to another skill or in a list of languages', () => {
    expect(extractSkills('Languages: C, C++, R (basic)', taxonomy).map((m) => m.text)).toEqual(['C', 'C++', 'R']);
    expect(extractSkills('C/C++, Python', taxonomy).map((m) => m.text)).toEqual(['C', 'C++', 'Python']);
    expect(extractSkills('Python, R, C', taxonomy).map((m) => m.text)).toEqual(['Python', 'R', 'C']);
  });

  it('still reads a hyphen in a word, or words around a dash, as no list', () => {
    expect(extractSkills('C-suite – go big', taxonomy)).toEqual([]);
    expect(extractSkills('They will excel  at it', taxonomy)).toEqual([]);
  });
});

describe('extractSkills: a version or edition after a list-context name', () => {
  it.each<[string, string[]]>([
    ['Excel 2019, Word 2016', ['Excel', 'Word']],
    ['Origin 2021', ['Origin']],
    ['Go 1.21', ['Go']],
    ['MATLAB R2023a', ['MATLAB']],
    ['Photoshop CC', ['Photoshop']],
    // A season before a year is a date; one letter before a number is no version; prose stays prose.
    ['Exchange semester (Spring 2022)', []],
    ['R 2', []],
    ['Excel 2019 spreadsheets', []],
  ])('%s', (text, names) => {
    expect(extractSkills(text, taxonomy).map((m) => m.text)).toEqual(names);
  });

  it('reads a version glued to the name, the name in its case', () => {
    expect(extractSkillIds('Java8, AutoCAD2020, SolidWorks2020, MySQL8, Excel2016, CAD2014, PS2020', taxonomy)).toEqual(
      ['java', 'autocad', 'solidworks', 'mysql', 'excel', 'photoshop'],
    );
    expect(spans('熟练使用CAD2014')).toEqual([['autocad', 4, 11, 'CAD2014']]);
    expect(extractSkillIds('covid19, MP3, Win10', taxonomy)).toEqual([]);
  });
});

describe('extractSkillIds', () => {
  it.each<[string, string[]]>([
    ['Golang microservices with gRPC', ['go', 'microservices', 'grpc']],
    ['Languages: Go, Rust, C++', ['go', 'rust', 'cpp']],
    // O*NET lists "Programming languages" as a tool example, so the phrase itself is a (generic) skill.
    ['Programming languages: Go', ['programming-languages', 'go']],
    ['Docker, Chef, Puppet', ['docker', 'chef', 'puppet']],
    ['Python vs Java, then Python again', ['python', 'java']],
    ['精通Excel函数和数据透视表', ['excel', 'excel-data-analysis']],
  ])('%s', (text, ids) => {
    expect(extractSkillIds(text, taxonomy)).toEqual(ids);
  });

  it('survives a megabyte of text and finds every repetition', () => {
    const text = 'Python, SQL; platform '.repeat(50_000);
    const mentions = extractSkills(text, taxonomy);
    expect(mentions).toHaveLength(100_000);
    expect(mentions.at(-1)).toEqual({ id: 'sql', start: text.length - 14, end: text.length - 11, text: 'SQL' });
  });
});

describe('nestedMentionsIn: shorter names inside a longer mention', () => {
  const nested = (text: string): [string, string, string][] =>
    nestedMentionsIn(text, taxonomy.matcher).map((m) => [m.id, m.text, m.outer.id]);
  it.each<[string, [string, string, string][]]>([
    [
      'Excel 数据分析',
      [
        ['excel', 'Excel', 'excel-data-analysis'],
        ['data-analysis', '数据分析', 'excel-data-analysis'],
      ],
    ],
    [
      'Python 爬虫, SAP ERP',
      [
        ['python', 'Python', 'web-scraping'],
        ['erp', 'ERP', 'sap'],
      ],
    ],
    // Each short alias passes its own checks: "Spring" before "Boot" is no list item.
    ['Spring Boot', []],
    ['Python', []],
  ])('%s', (text, expected) => {
    expect(nested(text)).toEqual(expected);
  });
});
