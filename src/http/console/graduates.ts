import { DomainError } from '../../domain/errors.ts';
import type { Hono } from 'hono';
import { z } from 'zod';
import { DEGREES } from '../../domain/model/common.ts';
import { explainRecommendation } from '../../services/explain/explain-recommendation.ts';
import { getConsents } from '../../services/consents.ts';
import { getGraduate, listGraduates } from '../../services/graduates.ts';
import type { MatchingProvider } from '../../services/matching/deps.ts';
import { recommendJobs } from '../../services/matching/recommend.ts';
import { graduateFilterQuery } from '../graduate-filter-query.ts';
import { explanationView } from './explain-view.ts';
import { html, when } from './html.ts';
import { t } from './i18n.ts';
import type { ConsoleDeps, ConsoleEnv } from './env.ts';
import { field, page } from './layout.ts';
import { notFoundUnlessUuid, pager, queryErrors, selectField } from './forms.ts';

const filterSchema = z.object({ ...graduateFilterQuery, cursor: z.string().max(500).optional() });

/** Graduates: the list with the API's own filters, a graduate's page (never demographics), an explanation. */
export function graduatePages(web: Hono<ConsoleEnv>, deps: Pick<ConsoleDeps, 'matching'>): void {
  web.get('/graduates', async (c) => {
    const lang = c.var.lang;
    const raw = c.req.query();
    const parsed = filterSchema.safeParse(
      Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== 'lang' && v !== '')),
    );
    const errors = parsed.success ? {} : queryErrors(parsed.error);
    const { cursor, ...filters } = parsed.success ? parsed.data : {};
    const matching = deps.matching && (() => (deps.matching as MatchingProvider)(c.var.database));
    const list = parsed.success ? await listGraduates({ ctx: c.var.ctx, limit: 25, cursor, filters, matching }) : null;
    const form = html`<form method="get" action="/console/graduates" class="inline panel" role="search">
      ${field({ name: 'q', label: t(lang, 'search'), type: 'search', value: raw.q, error: errors.q })}
      ${field({ name: 'major', label: t(lang, 'major'), value: raw.major, error: errors.major })}
      ${selectField({
        name: 'degree',
        label: t(lang, 'degree'),
        value: raw.degree,
        options: ['', ...DEGREES],
        error: errors.degree,
        lang,
      })}
      ${field({
        name: 'graduationYearFrom',
        label: `${t(lang, 'year')} ≥`,
        type: 'number',
        value: raw.graduationYearFrom,
        error: errors.graduationYearFrom,
      })}
      ${field({
        name: 'graduationYearTo',
        label: `${t(lang, 'year')} ≤`,
        type: 'number',
        value: raw.graduationYearTo,
        error: errors.graduationYearTo,
      })}
      ${field({ name: 'location', label: t(lang, 'location'), value: raw.location, error: errors.location })}
      <div class="field"><button type="submit">${t(lang, 'filter')}</button></div>
    </form>`;
    const rows = (list?.items ?? []).map((g) => {
      const edu = g.education[0];
      return html`<tr>
        <td><a href="/console/graduates/${g.id}">${g.name}</a></td>
        <td>${edu?.school ?? ''}</td>
        <td>${edu?.major ?? ''}</td>
        <td>${edu?.degree ?? ''}</td>
        <td>${edu?.graduationDate ?? ''}</td>
        <td>${g.preferences.locations.join(', ')}</td>
      </tr>`;
    });
    const table = list
      ? rows.length === 0
        ? html`<p class="muted">${t(lang, 'none')}</p>`
        : html`<div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${t(lang, 'name')}</th>
                    <th scope="col">School</th>
                    <th scope="col">${t(lang, 'major')}</th>
                    <th scope="col">${t(lang, 'degree')}</th>
                    <th scope="col">${t(lang, 'year')}</th>
                    <th scope="col">${t(lang, 'location')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows}
                </tbody>
              </table>
            </div>
            ${pager(c, list.nextCursor, lang)}`
      : '';
    return c.html(page(c, { title: t(lang, 'graduates'), active: 'graduates', body: html`${form}${table}` }));
  });

  web.get('/graduates/:id', async (c) => {
    const lang = c.var.lang;
    const id = notFoundUnlessUuid(c.req.param('id'));
    const ctx = c.var.ctx;
    const g = await getGraduate({ ctx, id });
    const consents = await getConsents({ ctx, graduateId: id });
    const matching = deps.matching ? await deps.matching(c.var.database) : undefined;
    const recs = matching
      ? await recommendJobs({ ctx, deps: matching, graduateId: id, query: { limit: 10 }, lang })
      : null;
    const edu = g.education.map(
      (e) => html`<li>${e.school} · ${e.major} · ${e.degree ?? ''} · ${e.graduationDate}</li>`,
    );
    const skills = g.skills.map((s) => html`<span class="tag">${s.name}</span> `);
    const consentRows = consents.purposes.map(
      (p) =>
        html`<tr>
          <td>${p.purpose}</td>
          <td>
            ${
              p.granted
                ? html`<span class="tag ok">${t(lang, 'granted')}</span>`
                : html`<span class="tag">${t(lang, 'withdrawn')}</span>`
            }
          </td>
          <td>${p.textVersion ?? '—'}</td>
          <td>${when(p.since)}</td>
        </tr>`,
    );
    const recRows = (recs?.items ?? []).map(
      (r) =>
        html`<tr>
          <td class="num">${r.rank}</td>
          <td>${r.posting.title}</td>
          <td>${r.posting.employerName ?? ''}</td>
          <td>${r.posting.locations.join(', ')}</td>
          <td class="num">${r.match ? r.match.score.toFixed(3) : '—'}</td>
          <td>
            ${
              r.match
                ? html`<a href="/console/graduates/${id}/explain/${r.posting.id}?impressionId=${r.impressionId}"
                    >${t(lang, 'why')}</a
                  >`
                : ''
            }
          </td>
        </tr>`,
    );
    const body = html`<section class="panel">
        <p>${g.email ?? ''} ${g.phone ?? ''}</p>
        <ul>
          ${edu}
        </ul>
        <p>${t(lang, 'skills')}: ${skills}</p>
        <p class="muted">${g.summary}</p>
      </section>
      <section class="panel">
        <h2>${t(lang, 'consents')}</h2>
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">${t(lang, 'purpose')}</th>
                <th scope="col">${t(lang, 'status')}</th>
                <th scope="col">Text</th>
                <th scope="col">${t(lang, 'since')}</th>
              </tr>
            </thead>
            <tbody>
              ${consentRows}
            </tbody>
          </table>
        </div>
        <p class="muted">${t(lang, 'noDemographics')}</p>
      </section>
      <section class="panel">
        <h2>${t(lang, 'recommendations')}</h2>
        ${
          recs
            ? html`<p class="muted">
                ${
                  recs.mode === 'personalized' ? t(lang, 'personalized') : t(lang, 'nonPersonalized')
                }${recs.reason ? ` (${recs.reason})` : ''}
              </p>`
            : ''
        }
        ${
          recRows.length === 0
            ? html`<p class="muted">${t(lang, 'none')}</p>`
            : html`<div class="scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col" class="num">${t(lang, 'rank')}</th>
                      <th scope="col">${t(lang, 'title')}</th>
                      <th scope="col">${t(lang, 'employer')}</th>
                      <th scope="col">${t(lang, 'city')}</th>
                      <th scope="col" class="num">${t(lang, 'score')}</th>
                      <th scope="col">${t(lang, 'explanation')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${recRows}
                  </tbody>
                </table>
              </div>`
        }
      </section>`;
    return c.html(page(c, { title: g.name, active: 'graduates', body }));
  });

  web.get('/graduates/:id/explain/:postingId', async (c) => {
    const lang = c.var.lang;
    const graduateId = notFoundUnlessUuid(c.req.param('id'));
    const postingId = notFoundUnlessUuid(c.req.param('postingId'));
    const impression = c.req.query('impressionId');
    const matching = deps.matching ? await deps.matching(c.var.database) : undefined;
    if (!matching) return c.notFound();
    const explain = (impressionId?: string) =>
      explainRecommendation({
        ctx: c.var.ctx,
        deps: matching,
        input: { graduateId, postingId, lang, limit: 10, ...(impressionId ? { impressionId } : {}) },
      });
    // An impression served before matches were stored with impressions (409) is explained as it scores now.
    const out = await explain(impression && z.uuid().safeParse(impression).success ? impression : undefined).catch(
      (e: unknown) => (e instanceof DomainError && e.code === 'conflict' ? explain() : Promise.reject(e)),
    );
    const body = out.explanation
      ? html`<h2>${out.explanation.posting.title}</h2>
          ${explanationView(lang, out.explanation)}`
      : html`<p class="notice">${t(lang, 'nonPersonalized')} (${out.reason ?? ''})</p>`;
    return c.html(
      page(c, {
        title: t(lang, 'explanation'),
        active: 'graduates',
        body: html`<p><a href="/console/graduates/${graduateId}">← ${t(lang, 'graduates')}</a></p>
          ${body}`,
      }),
    );
  });
}
