/**
 * A line that is a job's title alone, with at most its employer, place and dates ("BRAND MANAGEMENT INTERN",
 * "Piano Instructor", "Data Engineer Co-op, Hootsuite, Vancouver"): a title alone is no evidence of a skill
 * (HELD-OUT-3.md, LABELLING.md), and an employer's name is none either. The roles that are skills by the convention
 * (a teaching assistant, a student teacher, a club's president) are read from the line apart (skill-roles.ts).
 */
import { withoutDates } from './dates.ts';

// The nouns a title ends on.
const ROLE_NOUNS: ReadonlySet<string> = new Set(
  (
    'intern internship co-op coop aide instructor analyst fellow assistant agent coordinator specialist officer ' +
    'associate trainee technician technologist representative scientist consultant manager developer designer ' +
    'engineer teacher tutor nurse therapist researcher clerk apprentice scribe editor reporter writer producer ' +
    'accountant auditor planner administrator advisor adviser counselor counsellor paralegal pharmacist chemist ' +
    'receptionist attendant operator programmer economist strategist buyer recruiter'
  ).split(' '),
);
// Words a title may hold in lower case ("Head of Marketing", "Research and Development Intern").
const SMALL: ReadonlySet<string> = new Set(['of', 'and', 'for', 'in', 'the', '&', '/', '-', '–']);
// A description's bullet: such a line tells what was done, whatever its words.
const BULLET = /^[-–—*•·▪◦●■○□➢►✓★→]/u;
// Where a title ends: its employer, place or a note follows.
const TITLE_END = /[,，|｜\t(（]|\s[-–—]\s|\s(?:at|@)\s/u;

/** Whether `line` is a job's title alone, optionally followed by its employer, place and dates (see above). */
export function jobTitleLine(line: string): boolean {
  const text = line.trim();
  if (text === '' || BULLET.test(text) || /[.;:。；：]$/u.test(text) || text.length > 100) return false;
  const bare = withoutDates(text);
  const title = (bare.split(TITLE_END)[0] ?? '').trim();
  // What follows the title names an employer or a place, in capitals; a description there is evidence ("FPGA Co-op,
  // AMD (Sept–Dec 2022): RTL design in Verilog", "… — tutored grades 6–10 in English and math").
  const rest = bare.slice(bare.indexOf(title) + title.length);
  if (/[:：]/u.test(rest) || (rest.match(/\b[a-z]{3,}\b/gu) ?? []).some((w) => !SMALL.has(w))) return false;
  const words = title.split(/\s+/u);
  const last = (words[words.length - 1] ?? '').toLowerCase();
  if (words.length < 2 || words.length > 6 || !ROLE_NOUNS.has(last.replace(/s$/u, ''))) return false;
  // Every word capitalised (or in capitals): a title, not a sentence ("Worked as a research assistant").
  return words.every((w) => /^[A-Z0-9]/u.test(w) || SMALL.has(w));
}
