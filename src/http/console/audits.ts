import type { Context, Hono } from 'hono';
import { DomainError } from '../../domain/errors.ts';
import { auditScheduleInput } from '../../domain/model/tenant-settings.ts';
import { getAuditSchedule, setAuditSchedule } from '../../services/audit-ops/settings.ts';
import { listAlerts, updateAlert } from '../../services/audit-ops/alerts.ts';
import { getReportHtml, requestAudit, verifyAuditChain } from '../../services/audits/index.ts';
import { publishAudit } from '../../services/audits/publish.ts';
import { listAudits } from '../../services/console/overview.ts';
import { alertPatch } from '../routes/audit-ops/schemas.ts';
import { DEFAULT_HTML_CSP } from '../middleware/html-security.ts';
import type { ConsoleEnv } from './env.ts';
import { fieldErrors, notFoundUnlessUuid, queryErrors, textareaField } from './forms.ts';
import { html, raw, when } from './html.ts';
import { code, t } from './i18n.ts';
import { csrfField, field, page } from './layout.ts';

interface AuditForms {
  notice?: string;
  cron?: string;
  timezone?: string;
  scheduleErrors?: Record<string, string>;
  alertId?: string;
  note?: string;
  alertErrors?: Record<string, string>;
}

async function auditsPage(c: Context<ConsoleEnv>, forms: AuditForms = {}, status: 200 | 400 | 422 = 200) {
  const lang = c.var.lang;
  const ctx = c.var.ctx;
  const [runs, schedule, alerts] = await Promise.all([
    listAudits({ ctx, limit: 30 }),
    getAuditSchedule({ ctx }),
    listAlerts({ ctx, filter: { limit: 50 } }),
  ]);
  const verdict = c.req.query('verify') === '1' ? await verifyAuditChain({ ctx }) : null;
  const runRows = runs.map(
    (r) =>
      html`<tr>
        <td>${when(r.createdAt)}</td>
        <td>${r.source}</td>
        <td>
          ${r.status}${
            r.status === 'failed' && r.failureReason ? html` <span class="muted">${r.failureReason}</span>` : ''
          }
        </td>
        <td class="num">${r.progress}%</td>
        <td>${r.phase && r.status !== 'completed' ? code(lang, `phase_${r.phase}`) : '—'}</td>
        <td class="num">${r.seq ?? '—'}</td>
        <td>
          ${r.status === 'completed' ? html`<a href="/console/audits/${r.id}/report">${t(lang, 'openReport')}</a>` : ''}
          ${
            r.status === 'completed' && r.source === 'impressions'
              ? html`<form
                  method="post"
                  action="/console/audits/${r.id}/publish"
                  class="inline"
                  data-confirm="${t(lang, 'publish')}?"
                >
                  ${csrfField(c)}<button type="submit" class="secondary">${t(lang, 'publish')}</button>
                </form>`
              : ''
          }
        </td>
      </tr>`,
  );
  const alertRows = alerts.items.map((a) => {
    const errs = forms.alertId === a.id ? forms.alertErrors : undefined;
    const actions =
      a.status === 'resolved'
        ? ''
        : html`<form method="post" action="/console/alerts/${a.id}" class="inline">
            ${csrfField(c)}
            ${textareaField({
              name: 'note',
              id: `note-${a.id}`,
              label: t(lang, 'note'),
              value: forms.alertId === a.id ? forms.note : undefined,
              error: errs?.note,
            })}
            ${
              a.status === 'open'
                ? html`<button type="submit" name="status" value="acknowledged" class="secondary">
                    ${t(lang, 'acknowledge')}
                  </button>`
                : ''
            }
            <button type="submit" name="status" value="resolved">${t(lang, 'resolve')}</button>
          </form>`;
    return html`<tr>
      <td>${when(a.createdAt)}</td>
      <td>${a.kind} · ${a.metric}</td>
      <td>${a.grouping}: ${a.group}</td>
      <td>${code(lang, a.status)}${a.note ? html`<br /><span class="muted">${a.note}</span>` : ''}</td>
      <td>${actions}</td>
    </tr>`;
  });
  const s = schedule.schedule;
  const notice = forms.notice ?? (c.req.query('requested') ? t(lang, 'requested') : undefined);
  const body = html`${notice ? html`<p class="notice ok" role="status">${notice}</p>` : ''}
    <section class="panel">
      <form method="post" action="/console/audits/run" class="inline">
        ${csrfField(c)}<button type="submit">${t(lang, 'runNow')}</button>
      </form>
      <p><a href="/console/audits?verify=1">${t(lang, 'verifyChain')}</a></p>
      ${
        verdict
          ? verdict.ok
            ? html`<p class="notice ok" role="status">${t(lang, 'chainOk', verdict.reports)}</p>`
            : html`<p class="notice bad" role="alert">${t(lang, 'chainBroken', verdict.firstBroken?.seq ?? '?')}</p>`
          : ''
      }
    </section>
    <section class="panel">
      <h2>${t(lang, 'audits')}</h2>
      ${
        runRows.length === 0
          ? html`<p class="muted">${t(lang, 'none')}</p>`
          : html`<div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${t(lang, 'created')}</th>
                    <th scope="col">${t(lang, 'source')}</th>
                    <th scope="col">${t(lang, 'status')}</th>
                    <th scope="col" class="num">${t(lang, 'progress')}</th>
                    <th scope="col">${t(lang, 'phase')}</th>
                    <th scope="col" class="num">#</th>
                    <th scope="col">${t(lang, 'reportOf')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${runRows}
                </tbody>
              </table>
            </div>`
      }
    </section>
    <section class="panel">
      <h2>${t(lang, 'schedule')}</h2>
      <p>
        ${
          s
            ? html`<code>${s.cron}</code> (${s.timezone}) · ${t(lang, 'next')}: ${when(schedule.nextRunAt)}`
            : t(lang, 'none')
        }
      </p>
      <form method="post" action="/console/audits/schedule" class="inline">
        ${csrfField(c)}
        ${field({
          name: 'cron',
          label: t(lang, 'cron'),
          value: forms.cron ?? s?.cron,
          error: forms.scheduleErrors?.cron,
        })}
        ${field({
          name: 'timezone',
          label: 'Time zone',
          value: forms.timezone ?? s?.timezone ?? 'Asia/Shanghai',
          error: forms.scheduleErrors?.timezone,
        })}
        <div class="field"><button type="submit">${t(lang, 'save')}</button></div>
      </form>
      ${
        s
          ? html`<form method="post" action="/console/audits/schedule" class="inline">
              ${csrfField(c)}<input type="hidden" name="remove" value="1" /><button type="submit" class="secondary">
                ${t(lang, 'remove')}
              </button>
            </form>`
          : ''
      }
    </section>
    <section class="panel">
      <h2>${t(lang, 'alerts')}</h2>
      ${
        alertRows.length === 0
          ? html`<p class="muted">${t(lang, 'none')}</p>`
          : html`<div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${t(lang, 'created')}</th>
                    <th scope="col">${t(lang, 'kind')}</th>
                    <th scope="col">Group</th>
                    <th scope="col">${t(lang, 'status')}</th>
                    <th scope="col"></th>
                  </tr>
                </thead>
                <tbody>
                  ${alertRows}
                </tbody>
              </table>
            </div>`
      }
    </section>`;
  return c.html(page(c, { title: t(lang, 'audits'), active: 'audits', body }), status);
}

/** Audits: runs, run now, schedule, the report inside the console, chain verification, publishing, alerts. */
export function auditPages(web: Hono<ConsoleEnv>): void {
  web.get('/audits', (c) => auditsPage(c));

  web.post('/audits/run', async (c) => {
    const run = await requestAudit({ ctx: c.var.ctx, input: { k: 10, minGroupSize: 10 } });
    return c.redirect(`/console/audits?requested=${run.id}`, 303);
  });

  web.post('/audits/schedule', async (c) => {
    const form = c.var.form;
    if (form.remove === '1') {
      await setAuditSchedule({ ctx: c.var.ctx, input: null });
      return c.redirect('/console/audits', 303);
    }
    const parsed = auditScheduleInput.safeParse({ cron: form.cron, timezone: form.timezone || undefined });
    const typed = { cron: form.cron ?? '', timezone: form.timezone ?? '' };
    if (!parsed.success) return auditsPage(c, { ...typed, scheduleErrors: queryErrors(parsed.error) }, 400);
    try {
      await setAuditSchedule({ ctx: c.var.ctx, input: parsed.data });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'validation_failed') throw error;
      const errors = error.errors.length > 0 ? fieldErrors(error.errors) : { cron: error.message };
      return auditsPage(c, { ...typed, scheduleErrors: errors }, 400);
    }
    return auditsPage(c, { notice: t(c.var.lang, 'saved') });
  });

  web.post('/audits/:id/publish', async (c) => {
    await publishAudit({ ctx: c.var.ctx, id: notFoundUnlessUuid(c.req.param('id')) });
    return c.redirect('/console/audits', 303);
  });

  web.post('/alerts/:id', async (c) => {
    const id = notFoundUnlessUuid(c.req.param('id'));
    const form = c.var.form;
    const parsed = alertPatch.safeParse({ status: form.status, note: form.note ?? '' });
    if (!parsed.success)
      return auditsPage(c, { alertId: id, note: form.note, alertErrors: queryErrors(parsed.error) }, 400);
    await updateAlert({ ctx: c.var.ctx, id, input: parsed.data });
    return c.redirect('/console/audits', 303);
  });

  // The report as the API's report.html renders it, with a bar back to the console; it sets its own policy
  // (inline styles, no script), as every HTML report does.
  web.get('/audits/:id/report', async (c) => {
    const lang = c.var.lang;
    const report = await getReportHtml({ ctx: c.var.ctx, id: notFoundUnlessUuid(c.req.param('id')) });
    const bar = html`<div class="report-bar"><a href="/console/audits">← ${t(lang, 'back')}</a></div>`;
    const withBar = report.replace(/<body([^>]*)>/, (m) => `${m}${bar.toString()}`);
    c.header('content-security-policy', DEFAULT_HTML_CSP);
    return c.html(raw(withBar));
  });
}
