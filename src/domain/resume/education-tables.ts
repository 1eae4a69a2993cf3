import { withoutDates } from './dates.ts';
import { degreeIn } from './degrees.ts';
import { headerCell } from './majors.ts';
import { schoolIn } from './schools.ts';
import type { Line } from './sections.ts';

/**
 * A qualifications table whose header names an institution column (Indian and South Asian CVs: "Degree |
 * Institution | Board/University | Year | CGPA/%", "Course  Institution  Year  Aggregate"): the school of each row
 * is its institution cell, written as the graduate names it (Miranda House, College of Engineering, Guindy), and the
 * board or affiliating university beside it is no second school.
 */
export interface TableRows {
  lines: Line[];
  /** The school each row of such a table names, by the row's line. */
  schools: Map<Line, string>;
}

const cellsOf = (text: string): string[] =>
  text
    .split(/\s*[|｜\t]\s*|\s{2,}|\s[–—]\s/u)
    .map((c) => c.trim())
    .filter((c) => c !== '');
const INSTITUTION =
  /^(?:institut(?:e|ion)(?: name)?|name of (?:the )?institut(?:e|ion)|college|school|学校|院校|学校名称)$/iu;
const BOARD = /^board\b|\/\s*board$/iu;
// "College of Engineering, Guindy": a name of a discipline alone is the institution with its place.
const GENERIC = /^(?:(?:Government|Govt\.?)\s+)?(?:College|Institute|School) of [A-Z][\p{L} &]+$/u;

/** The institution a row's cell names: its school, or the name before its town and brackets. */
function institution(cell: string): string | undefined {
  const named = schoolIn(cell, cellsOf(cell));
  const rest = named === undefined ? '' : cell.slice(cell.indexOf(named) + named.length);
  const place = /^,\s*([A-Z][\p{L}.-]+(?: [A-Z][\p{L}.-]+)?)\s*(?:$|[,(])/u.exec(rest)?.[1];
  if (named !== undefined) return GENERIC.test(named) && place !== undefined ? `${named}, ${place}` : named;
  const bare = cell.split(/\s*[,(（]/u)[0]?.trim() ?? '';
  return /^[A-Z][\p{L}.'’-]+(?: [A-Z&][\p{L}.'’-]*){1,5}$/u.test(bare) ? bare : undefined;
}

export function institutionColumns(lines: readonly Line[]): TableRows {
  const schools = new Map<Line, string>();
  let table: { cells: number; school: number; board: number } | undefined;
  const out = lines.map((l) => {
    const cells = cellsOf(l.text.replace(/^[\s|｜]+|[\s|｜]+$/gu, ''));
    const school = cells.findIndex((c) => INSTITUTION.test(c));
    if (cells.length >= 3 && school >= 0 && cells.every(headerCell)) {
      table = { cells: cells.length, school, board: cells.findIndex((c) => BOARD.test(c)) };
      return l;
    }
    if (table === undefined || cells.length !== table.cells) {
      if (cells.length < 2) table = undefined;
      return l;
    }
    const board = table.board;
    const row = board < 0 ? l : { ...l, text: cells.filter((_, i) => i !== board).join(' | ') };
    // A school-leaving row ("XII | Kendriya Vidyalaya | CBSE") names no degree: its school is left to the rules.
    const name = degreeIn(withoutDates(row.text)) === undefined ? undefined : institution(cells[table.school] ?? '');
    if (name !== undefined) schools.set(row, name);
    return row;
  });
  return { lines: out, schools };
}
