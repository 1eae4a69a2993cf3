import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { JOB_NAMES, type JobName } from '../../queue/catalog.ts';
import type { JobSummary } from '../../queue/port.ts';
import { listQueueJobs, QUEUE_STATES, removeQueueJob, retryQueueJob } from '../../services/ops/queue-view.ts';
import type { ConsoleEnv } from './env.ts';
import { errorPage } from './errors.ts';
import { queryErrors, selectField } from './forms.ts';
import { html, when } from './html.ts';
import { t } from './i18n.ts';
import { csrfField, page } from './layout.ts';

const kinds = JOB_NAMES as [JobName, ...JobName[]];
const listQuery = z.object({
  kind: z.enum(kinds).default('audit'),
  state: z.enum(QUEUE_STATES).default('failed'),
});
const jobParams = z.object({ kind: z.enum(kinds), jobId: z.string().min(1).max(300) });

const href = (kind: string, state: string) => `/console/queues?kind=${encodeURIComponent(kind)}&state=${state}`;

/** What a job is about, from its payload's ids (the catalog keeps payloads to ids and codes). */
const about = (job: JobSummary): string =>
  Object.entries(job.data)
    .filter(([k]) => k !== 'tenantId')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');

function jobRow(c: Context<ConsoleEnv>, kind: JobName, job: JobSummary) {
  const lang = c.var.lang;
  const action = (what: 'retry' | 'remove', label: string, cls: string) =>
    html`<form
      method="post"
      action="/console/queues/${kind}/${encodeURIComponent(job.id)}/${what}"
      class="inline"
      data-confirm="${label}?"
    >
      ${csrfField(c)}<button type="submit" class="${cls}" aria-label="${label} ${job.id}">${label}</button>
    </form>`;
  return html`<tr>
    <td><code>${job.id}</code><br /><span class="muted">${about(job)}</span></td>
    <td>${job.requestId ? html`<code>${job.requestId}</code>` : '—'}</td>
    <td class="num">${job.attemptsMade} / ${job.attempts}</td>
    <td class="num">${job.progress}%</td>
    <td>${when(job.addedAt)}<br /><span class="muted">${when(job.finishedAt ?? job.processedAt)}</span></td>
    <td>${job.failedReason ? job.failedReason.slice(0, 300) : '—'}</td>
    <td>
      ${job.state === 'failed' ? action('retry', t(lang, 'retryJob'), 'secondary') : ''}
      ${job.state === 'active' ? '' : action('remove', t(lang, 'removeJob'), 'danger')}
    </td>
  </tr>`;
}

/** After a retry or remove: which job it was (the words are ours; the query only picks them). */
function doneNotice(c: Context<ConsoleEnv>): string | undefined {
  const done = c.req.query('done');
  const job = (c.req.query('job') ?? '').slice(0, 300);
  if (done === 'retry') return t(c.var.lang, 'jobRetried', job);
  if (done === 'remove') return t(c.var.lang, 'jobRemoved', job);
  return undefined;
}

async function queuesPage(c: Context<ConsoleEnv>) {
  const lang = c.var.lang;
  const notice = doneNotice(c);
  const parsed = listQuery.safeParse(c.req.query());
  if (!parsed.success) {
    const [name, message] = Object.entries(queryErrors(parsed.error))[0] ?? ['query', 'invalid'];
    return errorPage(c, 400, `${name}: ${message}`);
  }
  const { kind, state } = parsed.data;
  const view = await listQueueJobs({ ctx: c.var.ctx, input: { kind, state, limit: 50 } });
  if (!view.connected || !view.counts)
    return c.html(
      page(c, {
        title: t(lang, 'queues'),
        active: 'queues',
        body: html`<p class="notice bad" role="alert">${t(lang, 'queueAway')}</p>`,
      }),
      503,
      { 'retry-after': '5' },
    );
  const counts = view.counts;
  const countRows = JOB_NAMES.map(
    (name) =>
      html`<tr>
        <th scope="row">${name}</th>
        ${QUEUE_STATES.map((s) => {
          const n = counts[name][s];
          const current = name === kind && s === state;
          return html`<td class="num">
            <a href="${href(name, s)}" ${current ? html`aria-current="true"` : ''}>${n}</a>
          </td>`;
        })}
      </tr>`,
  );
  const rows = view.jobs.map((job) => jobRow(c, kind, job));
  const body = html`${notice ? html`<p class="notice ok" role="status">${notice}</p>` : ''}
    <p class="muted">${t(lang, 'queueHelp')}</p>
    <section class="panel">
      <h2>${t(lang, 'queueCounts')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${t(lang, 'jobKind')}</th>
              ${QUEUE_STATES.map((s) => html`<th scope="col" class="num">${t(lang, `job_${s}`)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${countRows}
          </tbody>
        </table>
      </div>
    </section>
    <section class="panel">
      <h2>${t(lang, 'queueJobs', kind, t(lang, `job_${state}`))}</h2>
      <form method="get" action="/console/queues" class="inline">
        ${selectField({ name: 'kind', label: t(lang, 'jobKind'), value: kind, options: JOB_NAMES, lang })}
        ${selectField({ name: 'state', label: t(lang, 'status'), value: state, options: QUEUE_STATES, lang })}
        <button type="submit" class="secondary">${t(lang, 'filter')}</button>
      </form>
      ${view.hidden > 0 ? html`<p class="muted">${t(lang, 'queueHidden', view.hidden)}</p>` : ''}
      ${
        rows.length === 0
          ? html`<p>${t(lang, 'queueEmpty')}</p>`
          : html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${t(lang, 'jobId')}</th>
                    <th scope="col">${t(lang, 'requestId')}</th>
                    <th scope="col" class="num">${t(lang, 'attempts')}</th>
                    <th scope="col" class="num">${t(lang, 'progress')}</th>
                    <th scope="col">${t(lang, 'jobTimes')}</th>
                    <th scope="col">${t(lang, 'failedReason')}</th>
                    <th scope="col">${t(lang, 'actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows}
                </tbody>
              </table>
            </div>`
      }
    </section>`;
  return c.html(page(c, { title: t(lang, 'queues'), active: 'queues', body }));
}

/** /console/queues: the operators' view of the job queues (admins; see services/ops/queue-view.ts). */
export function queuePages(web: Hono<ConsoleEnv>): void {
  web.get('/queues', (c) => queuesPage(c));
  for (const what of ['retry', 'remove'] as const) {
    web.post(`/queues/:kind/:jobId/${what}`, async (c) => {
      const parsed = jobParams.safeParse(c.req.param());
      if (!parsed.success) {
        const [name, message] = Object.entries(queryErrors(parsed.error))[0] ?? ['path', 'invalid'];
        return errorPage(c, 400, `${name}: ${message}`);
      }
      const input = parsed.data;
      const act = what === 'retry' ? retryQueueJob : removeQueueJob;
      const job = await act({ ctx: c.var.ctx, input });
      const back = href(input.kind, job.state === 'unknown' ? 'failed' : job.state);
      return c.redirect(`${back}&done=${what}&job=${encodeURIComponent(job.id)}`, 303);
    });
  }
}
