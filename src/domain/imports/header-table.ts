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

const cell = (s: string) => s.replaceAll('|', '\\|');

/** The header tables as Markdown, as the README prints them (a unit test keeps the two in step). */
export function headerTableMarkdown(): string {
  return Object.entries(HEADER_TABLES)
    .map(([kind, columns]) =>
      [
        `**${kind}**`,
        '',
        '| Field | English header | 中文表头 | Also accepted | Meaning |',
        '| --- | --- | --- | --- | --- |',
        ...columns.map(
          (c) =>
            `| \`${c.key}\`${c.requiredOnCreate ? ' *' : ''} | ${cell(c.en)} | ${cell(c.zh)} | ` +
            `${cell(c.aliases.join(', '))} | ${cell(c.description.en)}（${cell(c.description.zh)}） |`,
        ),
      ].join('\n'),
    )
    .join('\n\n');
}
