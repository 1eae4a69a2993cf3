import type { Context } from 'hono';
import { tenantOverview } from '../../services/console/overview.ts';
import type { ConsoleEnv } from './env.ts';
import { html, when } from './html.ts';
import { code, t } from './i18n.ts';
import { page } from './layout.ts';

const card = (n: string | number, label: string, extra: unknown = '') =>
  html`<div class="card">
    <div class="n">${n}</div>
    <div class="l">${label}</div>
    ${extra}
  </div>`;

/** Home: the state of the tenant at a glance. */
export async function homePage(c: Context<ConsoleEnv>) {
  const lang = c.var.lang;
  const o = await tenantOverview({ ctx: c.var.ctx });
  const k = o.counts;
  const adverse = o.latestAudit?.figures.find((f) => f.name === 'adverse flags')?.value ?? 0;
  const audit = o.latestAudit
    ? html`<p>
        ${o.latestAudit.date} ·
        ${
          adverse > 0
            ? html`<span class="tag bad">${t(lang, 'adverseFlags', adverse)}</span>`
            : html`<span class="tag ok">${t(lang, 'noAdverse')}</span>`
        }
        · <a href="/console/audits/${o.latestAudit.reportId}/report">${t(lang, 'openReport')}</a>
      </p>`
    : html`<p class="muted">${t(lang, 'noAudit')}</p>`;
  const body = html`<section class="cards" aria-label="${t(lang, 'home')}">
      ${card(k.openPostings, t(lang, 'openPostings'))} ${card(k.graduates, t(lang, 'graduatesCount'))}
      ${card(k.shown, t(lang, 'recActivity'))} ${card(k.graduatesServed, t(lang, 'graduatesServed'))}
      ${card(
        k.openReviews,
        t(lang, 'openReviews'),
        html`<div class="l">
          ${
            k.overdueReviews > 0 ? html`<span class="tag bad">${k.overdueReviews} ${t(lang, 'overdue')}</span> ` : ''
          }${t(lang, 'nextDue')}:
          ${when(k.nextDue)}
        </div>`,
      )}
      ${card(k.openAlerts, t(lang, 'openAlerts'))}
      ${card(o.aiRankingSuspended ? t(lang, 'off') : t(lang, 'on'), t(lang, 'aiRanking'))}
      ${card(code(lang, o.rerankingMode), t(lang, 'reranking'))}
    </section>
    <section class="panel">
      <h2>${t(lang, 'latestAudit')}</h2>
      ${audit}
    </section>`;
  return c.html(page(c, { title: t(lang, 'home'), active: 'home', body }));
}
