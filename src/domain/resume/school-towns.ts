import { withoutDates } from './dates.ts';
import { knownInstitution } from './institutions.ts';

/**
 * The town and state that US templates (Jake's, Harvard's, most career-centre ones) right-align on the school's
 * line, which a PDF's text joins to the name by one space: "HARVARD UNIVERSITY Cambridge, MA", "The University of
 * Texas at Austin Austin, TX". Where the name ends is read from how names end (RULES).
 */

// A state, province or country code, or a country, after the town's comma; the line ends there once dates are cut.
const PLACE_END = new RegExp(
  '^(.*?\\S),\\s*([A-Z]{2,3}|U\\.S\\.A?\\.?|UK|U\\.K\\.|Canada|Australia|New Zealand|India|China|' +
    'Hong Kong|Singapore|Japan|Korea|England|Scotland|Wales|Ireland|Germany|France|Italy|Spain|Portugal|Netherlands|' +
    'Belgium|Switzerland|Austria|Sweden|Norway|Denmark|Finland|Poland|Greece|Turkey|Israel|Egypt|Nigeria|Ghana|' +
    'Kenya|South Africa|Pakistan|Bangladesh|Nepal|Sri Lanka|Malaysia|Indonesia|Philippines|Vietnam|Thailand|' +
    'Mexico|Brazil|Argentina|Chile|Colombia|Peru)\\.?[\\s|·•]*$',
  'u',
);
// A school's word ends the name before a state's code; "College" alone does not ("Texas A&M University College
// Station, TX", a college named with its place).
const SCHOOL_END =
  /(?:Universit(?:y|é|e|à|ät|at|as|ies)|Community College|Institute|School|Academy|Polytechnic|Conservatory)$/u;
// Before a country, only an English name's word: "Technische Universität München, Germany" ends with its town.
const ENGLISH_END = /(?:University|Institute|School|Academy|Polytechnic)$/u;
const NOT_TOWN = /^(?:of|and|the|for|at|in|on|&|University|College|Institute|School|Academy)$/iu;
const STATE = new RegExp(
  '^(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|' +
    'Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|' +
    'Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|' +
    'Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|' +
    'Virginia|Washington|West Virginia|Wisconsin|Wyoming|(?:Northern|Southern|Eastern|Western|Central|North|South|' +
    'East|West) [A-Z][a-z]+|Technology|Science|Sciences|Art|Arts|Design|Music|Mines|Law|Medicine)$',
  'u',
);
const caps = (w: string): boolean => /^[A-Z][A-Z&.'’–-]+$/u.test(w);
const TOWN_WORD = /^[A-Z][\p{L}.'’–-]*$/u;

const lower = (ws: readonly string[]): string => ws.join(' ').toLowerCase();
const parts = (ws: readonly string[]): string[] => ws.flatMap((w) => w.toLowerCase().split(/[–-]/u));

/**
 * Ways a school's name ends before its town, strongest first: "… at Austin Austin" (a campus written again as the
 * town), "HARVARD UNIVERSITY Cambridge" (capitals, then the town in mixed case), "Purdue University West Lafayette,
 * IN" (a school's word or a known name, before a state's code only: "Imperial College London, UK" and "ETH Zurich,
 * Switzerland" end with their town), "Wageningen University & Research Wageningen" and "University of Illinois
 * Urbana-Champaign Urbana" (the town's words are the name's), "University of Michigan Ann Arbor" (one place after
 * "of": a state, or "Technology").
 */
type Ends = (name: readonly string[], town: readonly string[], state: boolean) => boolean;
const RULES: readonly Ends[] = [
  (name, town) => lower(name.slice(-town.length)) === lower(town),
  (name, town) => name.length >= 2 && caps(name[name.length - 1] ?? '') && town.every((w) => !caps(w)),
  (name, _, state) =>
    name.length >= 2 &&
    (state ? SCHOOL_END.test(name.join(' ')) || knownInstitution(name.join(' ')) : ENGLISH_END.test(name.join(' '))),
  (name, town) => parts(town).every((w) => parts(name).includes(w)),
  (name) => {
    const of = name.lastIndexOf('of');
    return (
      of >= 1 &&
      STATE.test(
        name
          .slice(of + 1)
          .join(' ')
          .replace(/^the /u, ''),
      )
    );
  },
];

/** The line without a town and state after the school's name, or as it was. */
export function withoutTown(line: string): string {
  const [, before, place] = PLACE_END.exec(withoutDates(line).trimEnd()) ?? [];
  if (before === undefined) return line;
  const state = /^[A-Z]{2}$/u.test(place ?? '') && place !== 'UK';
  const words = before.split(/\s+/u);
  // The town's words: up to three capitalized words, not "School, Town, ST" (the comma parts those already).
  let most = 0;
  while (most < 3 && most < words.length - 1 && TOWN_WORD.test(words[words.length - 1 - most] ?? '')) most += 1;
  const splits = Array.from({ length: most }, (_, i) => i + 1)
    .map((k) => ({ name: words.slice(0, -k), town: words.slice(-k) }))
    .filter(({ name, town }) => !/,$/u.test(name[name.length - 1] ?? ',') && !town.some((w) => NOT_TOWN.test(w)));
  for (const ends of RULES) {
    const hit = splits.find((s) => ends(s.name, s.town, state));
    if (hit !== undefined) return hit.name.join(' ');
  }
  return line;
}
