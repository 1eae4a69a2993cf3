import { headerTableMarkdown } from '../src/domain/imports/header-table.ts';

/** Prints the import/export header tables as Markdown (paste into the README's "Import and export"). */
console.log(headerTableMarkdown());
