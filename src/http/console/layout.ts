import type { Context } from 'hono';
import type { Lang } from '../../domain/model/common.ts';
import type { ConsoleEnv } from './env.ts';
import { html, type Html } from './html.ts';
import { code, t, type TextKey } from './i18n.ts';

/** The pages, and who may open them (the services check again; this only hides what would be a 403). */
const NAV: readonly { key: TextKey; href: string; auditor: boolean; adminOnly?: true }[] = [
  { key: 'home', href: '/console', auditor: true },
  { key: 'graduates', href: '/console/graduates', auditor: false },
  { key: 'postings', href: '/console/postings', auditor: false },
  { key: 'reviews', href: '/console/reviews', auditor: false },
  { key: 'analytics', href: '/console/analytics', auditor: false },
  { key: 'audits', href: '/console/audits', auditor: true },
  { key: 'settings', href: '/console/settings', auditor: false },
  { key: 'queues', href: '/console/queues', auditor: false, adminOnly: true },
];

const htmlLang = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

/** The hidden CSRF field every form of a signed-in page carries. */
export const csrfField = (c: Context<ConsoleEnv>): Html =>
  html`<input type="hidden" name="_csrf" value="${c.var.session.csrfToken}" />`;

function document(lang: Lang, title: string, inner: Html): Html {
  return html`<!doctype html>
    <html lang="${htmlLang(lang)}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · ${t(lang, 'appName')}</title>
        <link rel="stylesheet" href="/console/assets/console.css" />
        <script src="/console/assets/console.js" defer></script>
      </head>
      <body>
        ${inner}
      </body>
    </html>`;
}

/** A signed-in page: the navigation, the person, the language switch and sign-out, then the content. */
export function page(c: Context<ConsoleEnv>, opts: { title: string; active: TextKey | null; body: Html }): Html {
  const { lang, session } = c.var;
  const here = c.req.path;
  const role = session.principal.role;
  const nav = NAV.filter((n) => (n.auditor || role !== 'auditor') && (!n.adminOnly || role === 'admin')).map(
    (n) => html`<a href="${n.href}" ${n.key === opts.active ? html`aria-current="page"` : ''}>${t(lang, n.key)}</a>`,
  );
  return document(
    lang,
    opts.title,
    html`<a class="skip" href="#content">${t(lang, 'skip')}</a>
      <header class="top">
        <a class="brand" href="/console">${t(lang, 'appName')}</a>
        <nav class="main" aria-label="${t(lang, 'appName')}">${nav}</nav>
        <div class="who">
          <span>${t(lang, 'signedInAs', session.displayName, code(lang, session.principal.role))}</span>
          <span lang="zh"><a href="${here}?lang=zh" hreflang="zh">中文</a></span> |
          <span lang="en"><a href="${here}?lang=en" hreflang="en">English</a></span>
          <a href="/docs">${t(lang, 'docs')}</a>
          <form method="post" action="/console/logout">
            ${csrfField(c)}<button type="submit" class="secondary">${t(lang, 'signOut')}</button>
          </form>
        </div>
      </header>
      <main id="content">
        <h1>${opts.title}</h1>
        ${opts.body}
      </main>`,
  );
}

/** A page without the navigation (sign-in, errors before sign-in). */
export function barePage(lang: Lang, title: string, body: Html): Html {
  return document(
    lang,
    title,
    html`<main id="content">
      <div class="login">
        <p>
          <span lang="zh"><a href="?lang=zh" hreflang="zh">中文</a></span> |
          <span lang="en"><a href="?lang=en" hreflang="en">English</a></span>
        </p>
        <h1>${title}</h1>
        ${body}
      </div>
    </main>`,
  );
}

/** A form field with its label and, when the last try was refused, the error beside it. */
export function field(opts: {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  type?: string;
  required?: boolean;
  autocomplete?: string;
}): Html {
  const id = `f-${opts.name}`;
  const errId = `${id}-err`;
  return html`<div class="field">
    <label for="${id}">${opts.label}</label>
    <input
      id="${id}"
      name="${opts.name}"
      type="${opts.type ?? 'text'}"
      value="${opts.value ?? ''}"
      ${opts.required ? html`required` : ''}
      ${opts.autocomplete ? html`autocomplete="${opts.autocomplete}"` : ''}
      ${opts.error ? html`aria-invalid="true" aria-describedby="${errId}"` : ''}
    />
    ${opts.error ? html`<p class="err" id="${errId}">${opts.error}</p>` : ''}
  </div>`;
}
