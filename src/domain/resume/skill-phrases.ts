/**
 * Skills a résumé shows by a phrase rather than by a name ("策划 3 场线上活动", "cleaned tick data"), and the
 * Adobe abbreviations design résumés list ("PS／AI／AE"), which alone are ambiguous ("AI", "PR") but not beside
 * each other.
 */

export interface PhraseHit {
  skillId: string;
  text: string;
}

// Each pattern holds its words apart by at most a few characters, so that a phrase stays within one clause.
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/(?:策划|组织|筹办|举办|承办)[^，,。；;、]{0,8}?(?:活动|晚会|文化节|运动会|迎新|论坛|讲座|沙龙)/u, 'event-planning'],
  [
    new RegExp(
      '\\b(?:organi[sz]ed|planned|hosted|coordinated)\\b(?:[^.;,]|,(?=\\d)){0,40}?' +
        '\\b(?:events?|days|fairs?|conferences?|workshops?|festivals?|hackathons?)\\b',
      'iu',
    ),
    'event-planning',
  ],
  [/清洗[^，,。；;]{0,8}?数据|\bclean(?:ed|ing|s)?\b[^.;,]{0,30}?\bdata\b/iu, 'data-cleaning'],
  [/核算[^，,。；;]{0,8}?(?:薪资|工资|薪酬)|(?:薪资|工资|薪酬)(?:核算|计算|发放)/u, 'payroll-accounting'],
  [/(?:画|输出|绘制|制作)[^，,。；;]{0,4}?原型/u, 'prototyping'],
  [/管理库存|库存盘点|盘点库存/u, 'inventory-management'],
  [/\b(?:taught|teach(?:es|ing)?)\b[^.;,]{0,30}?\b(?:students|classes|lessons|groups|pupils)\b/iu, 'teaching'],
  [
    new RegExp(
      '\\b(?:taught|tutored|coached)\\b[^.;,]{0,20}?\\b(?:IELTS|TOEFL|SAT|GRE|GMAT)\\b|' +
        '(?:讲授|辅导|教授)[^，,。；;]{0,6}?(?:雅思|托福|考研)',
      'iu',
    ),
    'test-prep',
  ],
  [
    new RegExp(
      '\\bgames?\\b[^.;]{0,30}?\\b(?:Unity|Unreal|Godot|Cocos)\\b|' +
        '\\b(?:Unity|Unreal|Godot|Cocos)\\b[^.;]{0,20}?\\bgames?\\b|开发[^，,。；;]{0,8}?游戏',
      'u',
    ),
    'game-development',
  ],
  [/\bsynthesi[sz](?:ed|ing)\b/iu, 'organic-synthesis'],
  [/STM32[A-Z]\w*/u, 'stm32'],
  [
    new RegExp(
      '起草[^，,。；;]{0,10}?(?:合同|协议|法律意见书|文书|备忘录)|法律意见书|备忘录|\\b(?:research|legal) memos?\\b|' +
        '\\bdraft(?:ed|ing)\\b[^.;,]{0,20}?\\b(?:memos?|contracts?|briefs?)\\b',
      'iu',
    ),
    'legal-writing',
  ],
];

/** Phrase hits of a sentence, each skill once. */
export function phraseSkills(sentence: string): PhraseHit[] {
  const out: PhraseHit[] = [];
  for (const [re, skillId] of PHRASES) {
    const m = re.exec(sentence);
    // A class activity ("组织课堂活动") is teaching, not event planning.
    if (m === null || out.some((h) => h.skillId === skillId) || /课堂|教学/u.test(m[0])) continue;
    out.push({ skillId, text: m[0] });
  }
  return out;
}

const ADOBE: Readonly<Record<string, string>> = {
  PS: 'photoshop',
  PR: 'premiere-pro',
  AE: 'after-effects',
  AI: 'illustrator',
  ID: 'indesign',
  AU: 'audio-editing',
  LR: 'photography',
  CDR: 'coreldraw',
};
const TOOL_NAMES =
  'PS|PR|AE|AI|ID|AU|LR|CDR|C4D|Photoshop|Illustrator|Premiere|After Effects|InDesign|Figma|CorelDRAW|剪映';
const TOOL = new RegExp(`(?<![A-Za-z])(?:${TOOL_NAMES})(?![A-Za-z])`, 'giu');
const BETWEEN = /^[\s、/／,，|;；]*$/u;

/**
 * The Adobe tools a sentence lists by abbreviation: an abbreviation counts when a list separator alone parts it
 * from another abbreviation or a design tool's name ("PS、AI、C4D", "PR／After Effects"); "AI 算法" stays
 * artificial intelligence and "PR team" public relations.
 */
export function adobeAbbreviations(sentence: string): PhraseHit[] {
  const tools = [...sentence.matchAll(TOOL)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const out: PhraseHit[] = [];
  tools.forEach((t, i) => {
    const skillId = ADOBE[t.text];
    if (skillId === undefined || out.some((h) => h.skillId === skillId)) return;
    const prev = tools[i - 1];
    const next = tools[i + 1];
    const listed =
      (prev !== undefined && BETWEEN.test(sentence.slice(prev.end, t.start))) ||
      (next !== undefined && BETWEEN.test(sentence.slice(t.end, next.start)));
    if (listed) out.push({ skillId, text: t.text });
  });
  return out;
}
