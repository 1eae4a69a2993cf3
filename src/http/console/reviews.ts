import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/model/common.ts';
import { REVIEW_DECISIONS, REVIEW_STATUSES, reviewUpdate, type Review } from '../../domain/model/review.ts';
import { getReview, listGraduateReviews, listReviews, updateReview } from '../../services/reviews.ts';
import type { ConsoleEnv } from './env.ts';
import { fieldErrors, notFoundUnlessUuid, pager, queryErrors, selectField, textareaField } from './forms.ts';
import { html, when } from './html.ts';
import { code, t } from './i18n.ts';
import { csrfField, page } from './layout.ts';

const HOUR = 3_600_000;

/** Time left before the answer is due, or how late it is, in hours or days. */
function sla(lang: Lang, review: Review, now: Date) {
  if (review.status === 'resolved') return html`<span class="tag ok">${code(lang, 'resolved')}</span>`;
  const left = new Date(review.dueAt).getTime() - now.getTime();
  const span = (ms: number) =>
    ms >= 48 * HOUR ? `${Math.floor(ms / (24 * HOUR))} d` : `${Math.max(0, Math.floor(ms / HOUR))} h`;
  return left >= 0
    ? html`<span class="tag ${left < 24 * HOUR ? 'warn' : ''}">${t(lang, 'dueIn', span(left))}</span>`
    : html`<span class="tag bad">${t(lang, 'overdueBy', span(-left))}</span>`;
}

const listSchema = z.object({ status: z.enum(REVIEW_STATUSES).optional(), cursor: z.string().max(500).optional() });

interface DecideForm {
  decision?: string | undefined;
  reply?: string | undefined;
  errors?: Record<string, string>;
}

async function reviewPage(
  c: Context<ConsoleEnv>,
  review: Review,
  form: DecideForm = {},
  status: 200 | 400 | 422 = 200,
) {
  const lang = c.var.lang;
  const ctx = c.var.ctx;
  const history = await listGraduateReviews({ ctx, graduateId: review.graduateId, limit: 20 });
  const now = ctx.clock.now();
  const open = review.status !== 'resolved';
  const assign = open
    ? html`<form method="post" action="/console/reviews/${review.id}/assign" class="inline">
        ${csrfField(c)}<button type="submit" class="secondary">${t(lang, 'assignToMe')}</button>
      </form>`
    : '';
  const decide = open
    ? html`<form method="post" action="/console/reviews/${review.id}/decide" class="panel">
        <h2>${t(lang, 'decide')}</h2>
        ${csrfField(c)}
        ${selectField({
          name: 'decision',
          label: t(lang, 'decision'),
          value: form.decision,
          options: ['', ...REVIEW_DECISIONS],
          error: form.errors?.decision,
          lang,
        })}
        ${textareaField({ name: 'reply', label: t(lang, 'reply'), value: form.reply, error: form.errors?.reply })}
        <button type="submit">${t(lang, 'decide')}</button>
      </form>`
    : '';
  const rows = history.items.map(
    (r) =>
      html`<tr>
        <td><a href="/console/reviews/${r.id}">${when(r.createdAt)}</a></td>
        <td>${code(lang, r.kind)}</td>
        <td>${code(lang, r.status)}</td>
        <td>${r.decision ? code(lang, r.decision) : '—'}</td>
      </tr>`,
  );
  const body = html`<section class="panel">
      <p>
        ${sla(lang, review, now)} · ${t(lang, 'due')}: ${when(review.dueAt)} · ${t(lang, 'status')}:
        ${code(lang, review.status)} · ${t(lang, 'assignee')}: ${review.assignee ?? '—'}
      </p>
      <p>
        ${t(lang, 'kind')}:
        ${code(lang, review.kind)}${review.reason ? ` · ${t(lang, 'reason')}: ${review.reason}` : ''}
      </p>
      <p>
        <a href="/console/graduates/${review.graduateId}">${t(lang, 'graduates')} →</a>${
          review.postingId ? html` · <a href="/console/postings/${review.postingId}">${t(lang, 'postings')} →</a>` : ''
        }
      </p>
      <blockquote>${review.text}</blockquote>
      ${assign}
    </section>
    ${decide}
    <section class="panel">
      <h2>${t(lang, 'graduateSees')}</h2>
      <p>${t(lang, 'status')}: ${code(lang, review.status)} · ${t(lang, 'due')}: ${when(review.dueAt)}</p>
      ${
        review.reply
          ? html`<p>${t(lang, 'decision')}: ${review.decision ? code(lang, review.decision) : '—'}</p>
              <blockquote>${review.reply}</blockquote>`
          : html`<p class="muted">${t(lang, 'noReply')}</p>`
      }
    </section>
    <section class="panel">
      <h2>${t(lang, 'history')}</h2>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">${t(lang, 'created')}</th>
              <th scope="col">${t(lang, 'kind')}</th>
              <th scope="col">${t(lang, 'status')}</th>
              <th scope="col">${t(lang, 'decision')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>
      </div>
      <p class="muted">
        ${t(lang, 'created')}: ${when(review.createdAt)} ·
        ${when(review.updatedAt)}${review.resolvedAt ? ` · ${code(lang, 'resolved')}: ${when(review.resolvedAt)}` : ''}
      </p>
    </section>`;
  return c.html(page(c, { title: t(lang, 'reviews'), active: 'reviews', body }), status);
}

/** Reviews and appeals: the queue with SLA timers, assign to me, decide with a reason, what the graduate sees. */
export function reviewPages(web: Hono<ConsoleEnv>): void {
  web.get('/reviews', async (c) => {
    const lang = c.var.lang;
    const raw = c.req.query();
    const parsed = listSchema.safeParse({ status: raw.status || undefined, cursor: raw.cursor || undefined });
    const errors = parsed.success ? {} : queryErrors(parsed.error);
    const { cursor, status } = parsed.success ? parsed.data : {};
    const list = parsed.success
      ? await listReviews({ ctx: c.var.ctx, filters: { status }, limit: 25, cursor })
      : { items: [], nextCursor: null };
    const now = c.var.ctx.clock.now();
    const rows = list.items.map(
      (r) =>
        html`<tr>
          <td><a href="/console/reviews/${r.id}">${when(r.createdAt)}</a></td>
          <td>${code(lang, r.kind)}</td>
          <td>${r.text.length > 80 ? `${r.text.slice(0, 80)}…` : r.text}</td>
          <td>${code(lang, r.status)}</td>
          <td>${r.assignee ?? '—'}</td>
          <td>${sla(lang, r, now)}</td>
        </tr>`,
    );
    const body = html`<form method="get" action="/console/reviews" class="inline panel">
        ${selectField({
          name: 'status',
          label: t(lang, 'status'),
          value: raw.status,
          options: ['', ...REVIEW_STATUSES],
          error: errors.status,
          lang,
        })}
        <div class="field"><button type="submit">${t(lang, 'filter')}</button></div>
      </form>
      ${
        rows.length === 0
          ? html`<p class="muted">${t(lang, 'none')}</p>`
          : html`<div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${t(lang, 'created')}</th>
                    <th scope="col">${t(lang, 'kind')}</th>
                    <th scope="col">${t(lang, 'text')}</th>
                    <th scope="col">${t(lang, 'status')}</th>
                    <th scope="col">${t(lang, 'assignee')}</th>
                    <th scope="col">${t(lang, 'due')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows}
                </tbody>
              </table>
            </div>`
      }
      ${pager(c, list.nextCursor, lang)}`;
    return c.html(page(c, { title: t(lang, 'reviews'), active: 'reviews', body }));
  });

  web.get('/reviews/:id', async (c) =>
    reviewPage(c, await getReview({ ctx: c.var.ctx, id: notFoundUnlessUuid(c.req.param('id')) })),
  );

  web.post('/reviews/:id/assign', async (c) => {
    const id = notFoundUnlessUuid(c.req.param('id'));
    const current = await getReview({ ctx: c.var.ctx, id });
    await updateReview({
      ctx: c.var.ctx,
      id,
      input: {
        assignee: c.var.session.displayName.slice(0, 120),
        ...(current.status === 'open' ? { status: 'in_review' } : {}),
      },
    });
    return c.redirect(`/console/reviews/${id}`, 303);
  });

  web.post('/reviews/:id/decide', async (c) => {
    const id = notFoundUnlessUuid(c.req.param('id'));
    const form = c.var.form;
    const typed = { decision: form.decision, reply: form.reply };
    const errors: Record<string, string> = {};
    if (!form.decision) errors.decision = t(c.var.lang, 'required');
    if (!form.reply?.trim()) errors.reply = t(c.var.lang, 'required');
    const parsed = reviewUpdate.safeParse({ decision: form.decision, reply: form.reply, status: 'resolved' });
    if (!parsed.success) Object.assign(errors, { ...queryErrors(parsed.error), ...errors });
    if (Object.keys(errors).length > 0 || !parsed.success)
      return reviewPage(c, await getReview({ ctx: c.var.ctx, id }), { ...typed, errors }, 400);
    try {
      await updateReview({ ctx: c.var.ctx, id, input: parsed.data });
    } catch (error) {
      if (!(error instanceof DomainError) || error.errors.length === 0) throw error;
      return reviewPage(
        c,
        await getReview({ ctx: c.var.ctx, id }),
        { ...typed, errors: fieldErrors(error.errors) },
        422,
      );
    }
    return c.redirect(`/console/reviews/${id}`, 303);
  });
}
