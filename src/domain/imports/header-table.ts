import type { ColumnSpec, ImportKind } from './columns.ts';
import { EMPLOYER_COLUMNS } from './employers.ts';
import { GRADUATE_COLUMNS } from './graduates.ts';
import { OUTCOME_COLUMNS } from './outcomes.ts';
import { POSTING_COLUMNS } from './postings.ts';

/** The header table of each kind, in the order export writes the columns. */
export const HEADER_TABLES: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = {
  graduates: GRADUATE_COLUMNS,
  employers: EMPLOYER_COLUMNS,
  postings: POSTING_COLUMNS,
  outcomes: OUTCOME_COLUMNS,
};

const WIDTH = 120;

/** Words of `text` laid out in lines of at most WIDTH characters: "- " before the first, two spaces before the rest. */
function listItem(text: string): string[] {
  const lines: string[] = [];
  let line = '-';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const trial = `${line} ${word}`;
    if ([...trial].length > WIDTH && line.trim() !== '-') {
      lines.push(line);
      line = `  ${word}`;
    } else line = trial;
  }
  lines.push(line);
  return lines;
}

/**
 * The header tables as Markdown, as the README prints them (a unit test keeps the two in step): one list
 * item per column, at most 120 characters a line, since a table of five columns would not fit.
 */
export function headerTableMarkdown(): string {
  return Object.entries(HEADER_TABLES)
    .map(([kind, columns]) =>
      [
        `**${kind}**`,
        '',
        ...columns.flatMap((c) =>
          listItem(
            `\`${c.key}\`${c.requiredOnCreate ? ' *' : ''} — English header: ${c.en}; 中文表头: ${c.zh}; ` +
              (c.aliases.length > 0 ? `Also accepted: ${c.aliases.join(', ')}; ` : '') +
              `Meaning: ${c.description.en}（${c.description.zh}）`,
          ),
        ),
      ].join('\n'),
    )
    .join('\n\n');
}
