import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();
// The rules alone: mined cues (skill-cues.test.ts) are re-mined as the rules change.
const RULES = { taxonomy, cues: [] };
/** Skill ids an English résumé's experience part yields for one line of text. */
const inferred = (line: string): string[] =>
  extractResumeDraft(`Experience\n${line}`, RULES)
    .skills.map((s) => s.skillId)
    .sort();

describe("an auditor's tests and a payroll run", () => {
  it.each([
    ['payroll run for staff', 'Assistant Accountant: payroll for 40 staff', ['payroll-accounting']],
    [
      "payroll among a client's accounts tested",
      'Performed substantive testing of receivables, payables and payroll for manufacturing clients',
      ['auditing'],
    ],
    ['payroll controls tested', 'Tested revenue and payroll controls for two clients', []],
    [
      'internal controls walked through by an external auditor',
      'Documented walkthroughs of internal controls over financial reporting (SOX) and prepared workpapers',
      [],
    ],
    ['internal controls designed', 'Designed internal controls for a new expense policy', ['internal-audit']],
    [
      'benefits administered',
      'Administer benefits enrollment in Workday for 300 employees',
      ['compensation-benefits', 'workday-software'],
    ],
  ])('%s', (_, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});
