import type { Context } from 'hono';
import type { z } from 'zod';
import { notFound } from '../../domain/errors.ts';
import type { Lang } from '../../domain/model/common.ts';
import type { ConsoleEnv } from './env.ts';
import { html, type Html } from './html.ts';
import { code, t } from './i18n.ts';
import { UUID } from '../../domain/uuid.ts';

/** A path id that is not a UUID names nothing: 404, as the API answers for an unknown id. */
export function notFoundUnlessUuid(id: string): string {
  if (!UUID.test(id)) throw notFound('Page');
  return id;
}

/** The first message for each field of a failed parse, keyed by the field's top-level name. */
export function queryErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    out[key] ??= issue.message;
  }
  return out;
}

/** A link to the next page that keeps the current filters. */
export function pager(c: Context<ConsoleEnv>, nextCursor: string | null, lang: Lang): Html {
  if (!nextCursor) return html``;
  const params = new URLSearchParams(c.req.query());
  params.set('cursor', nextCursor);
  return html`<p class="pager"><a href="${c.req.path}?${params.toString()}">${t(lang, 'next')} →</a></p>`;
}

export function selectField(opts: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly string[];
  error?: string | undefined;
  lang: Lang;
}): Html {
  const id = `f-${opts.name}`;
  const options = opts.options.map(
    (o) =>
      html`<option value="${o}" ${o === (opts.value ?? '') ? html`selected` : ''}>
        ${o === '' ? t(opts.lang, 'all') : code(opts.lang, o)}
      </option>`,
  );
  return html`<div class="field">
    <label for="${id}">${opts.label}</label>
    <select id="${id}" name="${opts.name}" ${opts.error ? html`aria-invalid="true" aria-describedby="${id}-err"` : ''}>
      ${options}
    </select>
    ${opts.error ? html`<p class="err" id="${id}-err">${opts.error}</p>` : ''}
  </div>`;
}

export function textareaField(opts: {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  id?: string;
}): Html {
  const id = opts.id ?? `f-${opts.name}`;
  return html`<div class="field">
    <label for="${id}">${opts.label}</label>
    <textarea
      id="${id}"
      name="${opts.name}"
      ${opts.error ? html`aria-invalid="true" aria-describedby="${id}-err"` : ''}
    >
${opts.value ?? ''}</textarea>
    ${opts.error ? html`<p class="err" id="${id}-err">${opts.error}</p>` : ''}
  </div>`;
}

/** Field errors of a refused service call, keyed by the last part of their path (body.reply → reply). */
export function fieldErrors(errors: readonly { path: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.path.split('.').at(-1) ?? e.path] ??= e.message;
  return out;
}
