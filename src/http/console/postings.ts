import type { Hono } from 'hono';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { JOB_TYPES } from '../../domain/model/common.ts';
import { complianceDecision } from '../../domain/model/posting-compliance.ts';
import { explainCandidate } from '../../services/explain/explain-candidate.ts';
import { candidatesForPosting } from '../../services/matching/candidates.ts';
import { reviewPostingCompliance } from '../../services/posting-compliance.ts';
import { getPosting, listPostings } from '../../services/postings.ts';
import { explanationView } from './explain-view.ts';
import { fieldErrors, notFoundUnlessUuid, pager, queryErrors, selectField, textareaField } from './forms.ts';
import { html, when, type Html } from './html.ts';
import { t } from './i18n.ts';
import type { ConsoleDeps, ConsoleEnv } from './env.ts';
import { csrfField, field, page } from './layout.ts';
import type { Context } from 'hono';
import type { Posting } from '../../domain/model/posting.ts';

const STATUSES = ['open', 'draft', 'closed'] as const;
const filterSchema = z.object({
  status: z.enum(STATUSES).optional(),
  jobType: z.enum(JOB_TYPES).optional(),
  location: z.string().trim().min(1).max(60).optional(),
  cursor: z.string().max(500).optional(),
});

const complianceTag = (status: string) =>
  html`<span
    class="tag ${status === 'held_for_review' || status === 'rejected' ? 'bad' : status === 'warnings' ? 'warn' : 'ok'}"
    >${status}</span
  >`;

async function postingPage(
  c: Context<ConsoleEnv>,
  deps: Pick<ConsoleDeps, 'matching'>,
  posting: Posting,
  form: { note?: string; error?: Record<string, string> } = {},
  status: 200 | 400 | 422 = 200,
) {
  const lang = c.var.lang;
  const ctx = c.var.ctx;
  const compliance = posting.compliance ?? { status: 'ok', findings: [], reviewedAt: null, reviewNote: null };
  const matching = deps.matching ? await deps.matching(c.var.database) : undefined;
  const list =
    matching && posting.status === 'open'
      ? await candidatesForPosting({ ctx, deps: matching, postingId: posting.id, limit: 10 })
      : null;
  const findings = compliance.findings.map(
    (f) =>
      html`<tr>
        <td>${f.rule}</td>
        <td>${f.field}</td>
        <td><mark>${f.span.text}</mark></td>
      </tr>`,
  );
  const held = compliance.status === 'held_for_review';
  const decide: Html = held
    ? html`<form method="post" action="/console/postings/${posting.id}/compliance" class="panel">
        ${csrfField(c)}
        ${textareaField({ name: 'note', label: t(lang, 'note'), value: form.note, error: form.error?.note })}
        <button type="submit" name="decision" value="approve">approve</button>
        <button type="submit" name="decision" value="reject" class="danger">reject</button>
        ${form.error?.decision ? html`<p class="err">${form.error.decision}</p>` : ''}
      </form>`
    : html``;
  const candidates = (list?.items ?? []).map(
    (i) =>
      html`<tr>
        <td class="num">${i.rank}</td>
        <td><a href="/console/graduates/${i.graduate.id}">${i.graduate.name}</a></td>
        <td>${i.graduate.majors.join(', ')}</td>
        <td>${i.graduate.degree}</td>
        <td class="num">${i.match.score.toFixed(3)}</td>
        <td>
          <a href="/console/postings/${posting.id}/candidates/${i.graduate.id}?impressionId=${i.impressionId}"
            >${t(lang, 'why')}</a
          >
        </td>
      </tr>`,
  );
  const body = html`<section class="panel">
      <p>
        ${posting.locations.join(', ')} · ${posting.jobType} · ${posting.minDegree} · ${t(lang, 'status')}:
        ${posting.status}
      </p>
      <p class="muted">${posting.description}</p>
      <p>
        ${t(lang, 'skills')}: ${posting.requiredSkills.map((s) => html`<span class="tag">${s.name}</span> `)}
        ${posting.preferredSkills.map((s) => html`<span class="tag">${s.name}</span> `)}
      </p>
    </section>
    <section class="panel">
      <h2>${t(lang, 'compliance')}</h2>

      <p>${complianceTag(compliance.status)} · ${t(lang, 'hold')}: ${held ? t(lang, 'held') : t(lang, 'notHeld')}</p>
      ${
        findings.length > 0
          ? html`<div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Rule</th>
                    <th scope="col">Field</th>
                    <th scope="col">${t(lang, 'text')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${findings}
                </tbody>
              </table>
            </div>`
          : ''
      }
      ${
        compliance.reviewNote
          ? html`<p>${t(lang, 'note')}: ${compliance.reviewNote} (${when(compliance.reviewedAt)})</p>`
          : ''
      }
      ${decide}
    </section>
    <section class="panel">
      <h2>${t(lang, 'candidates')}</h2>
      ${
        candidates.length === 0
          ? html`<p class="muted">${t(lang, 'none')}</p>`
          : html`<div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col" class="num">${t(lang, 'rank')}</th>
                    <th scope="col">${t(lang, 'name')}</th>
                    <th scope="col">${t(lang, 'major')}</th>
                    <th scope="col">${t(lang, 'degree')}</th>
                    <th scope="col" class="num">${t(lang, 'score')}</th>
                    <th scope="col">${t(lang, 'explanation')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${candidates}
                </tbody>
              </table>
            </div>`
      }
    </section>`;
  return c.html(page(c, { title: posting.title, active: 'postings', body }), status);
}

/** Postings: the list, a posting with its candidates, compliance findings and hold, a candidate's explanation. */
export function postingPages(web: Hono<ConsoleEnv>, deps: Pick<ConsoleDeps, 'matching'>): void {
  web.get('/postings', async (c) => {
    const lang = c.var.lang;
    const raw = c.req.query();
    const parsed = filterSchema.safeParse(
      Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== 'lang' && v !== '')),
    );
    const errors = parsed.success ? {} : queryErrors(parsed.error);
    const { cursor, ...filters } = parsed.success ? parsed.data : {};
    const list = parsed.success ? await listPostings({ ctx: c.var.ctx, limit: 25, cursor, filters }) : null;
    const form = html`<form method="get" action="/console/postings" class="inline panel" role="search">
      ${selectField({
        name: 'status',
        label: t(lang, 'status'),
        value: raw.status,
        options: ['', ...STATUSES],
        error: errors.status,
        lang,
      })}
      ${selectField({
        name: 'jobType',
        label: t(lang, 'kind'),
        value: raw.jobType,
        options: ['', ...JOB_TYPES],
        error: errors.jobType,
        lang,
      })}
      ${field({ name: 'location', label: t(lang, 'location'), value: raw.location, error: errors.location })}
      <div class="field"><button type="submit">${t(lang, 'filter')}</button></div>
    </form>`;
    const rows = (list?.items ?? []).map(
      (p) =>
        html`<tr>
          <td><a href="/console/postings/${p.id}">${p.title}</a></td>
          <td>${p.locations.join(', ')}</td>
          <td>${p.jobType}</td>
          <td>${p.status}</td>
          <td>${complianceTag(p.compliance?.status ?? 'ok')}</td>
          <td>${when(p.createdAt)}</td>
        </tr>`,
    );
    const table = list
      ? html`<div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">${t(lang, 'title')}</th>
                  <th scope="col">${t(lang, 'city')}</th>
                  <th scope="col">${t(lang, 'kind')}</th>
                  <th scope="col">${t(lang, 'status')}</th>
                  <th scope="col">${t(lang, 'compliance')}</th>
                  <th scope="col">${t(lang, 'created')}</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>
          </div>
          ${pager(c, list.nextCursor, lang)}`
      : '';
    return c.html(page(c, { title: t(lang, 'postings'), active: 'postings', body: html`${form}${table}` }));
  });

  web.get('/postings/:id', async (c) =>
    postingPage(c, deps, await getPosting({ ctx: c.var.ctx, id: notFoundUnlessUuid(c.req.param('id')) })),
  );

  web.post('/postings/:id/compliance', async (c) => {
    const id = notFoundUnlessUuid(c.req.param('id'));
    const form = c.var.form;
    const parsed = complianceDecision.safeParse({ decision: form.decision, ...(form.note ? { note: form.note } : {}) });
    if (!parsed.success)
      return postingPage(
        c,
        deps,
        await getPosting({ ctx: c.var.ctx, id }),
        { note: form.note, error: queryErrors(parsed.error) },
        400,
      );
    try {
      await reviewPostingCompliance({ ctx: c.var.ctx, id, input: parsed.data });
    } catch (error) {
      if (!(error instanceof DomainError) || error.errors.length === 0) throw error;
      return postingPage(
        c,
        deps,
        await getPosting({ ctx: c.var.ctx, id }),
        { note: form.note, error: fieldErrors(error.errors) },
        422,
      );
    }
    return c.redirect(`/console/postings/${id}`, 303);
  });

  web.get('/postings/:id/candidates/:graduateId', async (c) => {
    const lang = c.var.lang;
    const postingId = notFoundUnlessUuid(c.req.param('id'));
    const graduateId = notFoundUnlessUuid(c.req.param('graduateId'));
    const impression = c.req.query('impressionId');
    const matching = deps.matching ? await deps.matching(c.var.database) : undefined;
    if (!matching) return c.notFound();
    const explain = (impressionId?: string) =>
      explainCandidate({
        ctx: c.var.ctx,
        deps: matching,
        postingId,
        graduateId,
        lang,
        ...(impressionId ? { impressionId } : {}),
      });
    // An impression served before matches were stored with impressions (409) is explained as it scores now.
    const out = await explain(impression && z.uuid().safeParse(impression).success ? impression : undefined).catch(
      (e: unknown) => (e instanceof DomainError && e.code === 'conflict' ? explain() : Promise.reject(e)),
    );
    const body = html`<p><a href="/console/postings/${postingId}">← ${out.explanation.posting.title}</a></p>
      ${explanationView(lang, out.explanation)}`;
    return c.html(page(c, { title: t(lang, 'explanation'), active: 'postings', body }));
  });
}
