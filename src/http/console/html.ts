import { html as honoHtml, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Rendered HTML: every interpolated string is escaped (& < > " '), nested templates and arrays are not. */
export type Html = HtmlEscapedString;

/**
 * hono/html's template tag, narrowed to the synchronous result: pages load their data first and render
 * plain values, so no promise ever reaches a template.
 */
export const html = (strings: TemplateStringsArray, ...values: unknown[]): Html => honoHtml(strings, ...values) as Html;

export { raw };

/** A date-time as the console shows it: UTC, to the minute. */
export const when = (iso: string | Date | null | undefined): string =>
  iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '—';
