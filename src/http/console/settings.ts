import type { Context, Hono } from 'hono';
import { DomainError } from '../../domain/errors.ts';
import { PROTECTED_ATTRIBUTES } from '../../domain/audit-report/attributes.ts';
import { RERANK_METHODS, rerankingInput } from '../../domain/model/reranking-settings.ts';
import { alertWebhookInput, COMPLIANCE_MODES, suspendBody } from '../../domain/model/tenant-settings.ts';
import { resumeAiRanking, suspendAiRanking } from '../../services/ai-ranking.ts';
import { getAlertWebhook, setAlertWebhook } from '../../services/audit-ops/settings.ts';
import { getReranking, putReranking } from '../../services/mitigation/settings.ts';
import { USER_ROLES, userInvite } from '../../domain/model/user.ts';
import { addTenantUser, listTenantUsers, setTenantUserDisabled } from '../../services/people/users.ts';
import { getTenantSettings, updateTenantSettings } from '../../services/tenant-settings.ts';
import type { ConsoleEnv } from './env.ts';
import { fieldErrors, queryErrors, selectField, textareaField } from './forms.ts';
import { html, when } from './html.ts';
import { code, t } from './i18n.ts';
import { csrfField, field, page } from './layout.ts';

interface SettingsForms {
  notice?: string;
  reason?: string;
  killErrors?: Record<string, string>;
  rerankErrors?: Record<string, string>;
  url?: string;
  webhookErrors?: Record<string, string>;
  /** What was typed into "add a person" (never the password), and the errors by field. */
  person?: Record<string, string>;
  personErrors?: Record<string, string>;
}

async function settingsPage(c: Context<ConsoleEnv>, forms: SettingsForms = {}, status: 200 | 400 | 422 = 200) {
  const lang = c.var.lang;
  const ctx = c.var.ctx;
  const [settings, reranking, webhook, users] = await Promise.all([
    getTenantSettings({ ctx }),
    getReranking({ ctx }),
    getAlertWebhook({ ctx }),
    listTenantUsers({ ctx }),
  ]);
  const suspended = settings.aiRanking.suspended;
  const confirmErr = forms.killErrors?.confirm;
  const userRows = users.map(
    (u) =>
      html`<tr>
        <td>${u.displayName}</td>
        <td>${u.email}</td>
        <td>${code(lang, u.role)}</td>
        <td>${u.reviewer ? t(lang, 'yes') : t(lang, 'no')}</td>
        <td>${when(u.createdAt)}</td>
        <td>
          ${
            u.disabled
              ? html`<span class="tag bad">${t(lang, 'disabled')}</span>`
              : html`<span class="tag ok">${t(lang, 'active')}</span>`
          }
          ${
            ctx.principal.keyId === u.id
              ? ''
              : html`<form method="post" action="/console/settings/users/${u.id}" class="inline">
                  ${csrfField(c)}
                  <input type="hidden" name="disabled" value="${u.disabled ? '0' : '1'}" />
                  <button type="submit" class="secondary">
                    ${u.disabled ? t(lang, 'enable') : t(lang, 'disable')}
                  </button>
                </form>`
          }
        </td>
      </tr>`,
  );
  const person = forms.person ?? {};
  const personErr = forms.personErrors ?? {};
  const body = html`${forms.notice ? html`<p class="notice ok" role="status">${forms.notice}</p>` : ''}
    <section class="panel">
      <h2>${t(lang, 'killSwitch')}</h2>
      <p>
        ${t(lang, 'aiRanking')}:
        ${
          suspended
            ? html`<span class="tag bad">${t(lang, 'off')}</span>`
            : html`<span class="tag ok">${t(lang, 'on')}</span>`
        }
        ${settings.aiRanking.reason ? html` · ${settings.aiRanking.reason} (${when(settings.aiRanking.at)})` : ''}
      </p>
      <form
        method="post"
        action="/console/settings/ai-ranking"
        data-confirm="${suspended ? t(lang, 'resume') : t(lang, 'suspend')}?"
      >
        ${csrfField(c)}
        <input type="hidden" name="action" value="${suspended ? 'resume' : 'suspend'}" />
        ${textareaField({
          name: 'reason',
          label: t(lang, 'reason'),
          value: forms.reason,
          error: forms.killErrors?.reason,
        })}
        <div class="field">
          <input
            type="checkbox"
            id="f-confirm"
            name="confirm"
            value="1"
            ${confirmErr ? html`aria-invalid="true" aria-describedby="f-confirm-err"` : ''}
          />
          <label for="f-confirm" class="inline-label">${t(lang, 'confirm')}</label>
          ${confirmErr ? html`<p class="err" id="f-confirm-err">${confirmErr}</p>` : ''}
        </div>
        <button type="submit" class="${suspended ? '' : 'danger'}">
          ${suspended ? t(lang, 'resume') : t(lang, 'suspend')}
        </button>
      </form>
    </section>
    <section class="panel">
      <h2>${t(lang, 'rerankMode')}</h2>
      <form method="post" action="/console/settings/reranking" class="inline">
        ${csrfField(c)}
        ${selectField({
          name: 'enabled',
          label: t(lang, 'status'),
          value: reranking.enabled ? 'on' : 'off',
          options: ['off', 'on'],
          lang,
        })}
        ${selectField({
          name: 'method',
          label: t(lang, 'rerankMode'),
          value: reranking.method,
          options: RERANK_METHODS,
          error: forms.rerankErrors?.method,
          lang,
        })}
        <div class="field"><button type="submit">${t(lang, 'save')}</button></div>
      </form>
      ${
        forms.rerankErrors
          ? Object.entries(forms.rerankErrors)
              .filter(([k]) => k !== 'method')
              .map(([k, v]) => html`<p class="err">${k}: ${v}</p>`)
          : ''
      }
    </section>
    <section class="panel">
      <h2>${t(lang, 'complianceMode')}</h2>
      <form method="post" action="/console/settings/compliance" class="inline">
        ${csrfField(c)}
        ${selectField({
          name: 'complianceMode',
          label: t(lang, 'complianceMode'),
          value: settings.complianceMode,
          options: COMPLIANCE_MODES,
          lang,
        })}
        <div class="field"><button type="submit">${t(lang, 'save')}</button></div>
      </form>
    </section>
    <section class="panel">
      <h2>${t(lang, 'webhook')}</h2>
      <p>
        ${
          webhook.webhook ? html`<code>${webhook.webhook.url}</code> (${when(webhook.webhook.since)})` : t(lang, 'none')
        }
      </p>
      <form method="post" action="/console/settings/webhook">
        ${csrfField(c)}
        ${field({
          name: 'url',
          label: t(lang, 'webhookUrl'),
          type: 'url',
          value: forms.url ?? webhook.webhook?.url,
          error: forms.webhookErrors?.url,
        })}
        ${field({
          name: 'secret',
          label: t(lang, 'webhookSecret'),
          type: 'password',
          error: forms.webhookErrors?.secret,
          autocomplete: 'new-password',
        })}
        <button type="submit">${t(lang, 'save')}</button>
      </form>
      ${
        webhook.webhook
          ? html`<form method="post" action="/console/settings/webhook">
              ${csrfField(c)}<input type="hidden" name="remove" value="1" /><button type="submit" class="secondary">
                ${t(lang, 'remove')}
              </button>
            </form>`
          : ''
      }
    </section>
    <section class="panel">
      <h2>${t(lang, 'users')}</h2>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">${t(lang, 'name')}</th>
              <th scope="col">${t(lang, 'email')}</th>
              <th scope="col">${t(lang, 'role')}</th>
              <th scope="col">${t(lang, 'reviewer')}</th>
              <th scope="col">${t(lang, 'created')}</th>
              <th scope="col">${t(lang, 'status')}</th>
            </tr>
          </thead>
          <tbody>
            ${userRows}
          </tbody>
        </table>
      </div>
      <h3>${t(lang, 'addPerson')}</h3>
      <form method="post" action="/console/settings/users">
        ${csrfField(c)}
        ${field({
          name: 'email',
          label: t(lang, 'email'),
          type: 'email',
          value: person.email,
          error: personErr.email,
          autocomplete: 'off',
        })}
        ${field({
          name: 'displayName',
          label: t(lang, 'name'),
          value: person.displayName,
          error: personErr.displayName,
        })}
        ${selectField({
          name: 'role',
          label: t(lang, 'role'),
          value: person.role ?? 'career_office',
          options: USER_ROLES,
          error: personErr.role,
          lang,
        })}
        <div class="field">
          <input
            type="checkbox"
            id="f-reviewer"
            name="reviewer"
            value="1"
            ${person.reviewer === '1' ? html`checked` : ''}
            ${personErr.reviewer ? html`aria-invalid="true" aria-describedby="f-reviewer-err"` : ''}
          />
          <label for="f-reviewer" class="inline-label">${t(lang, 'reviewerRights')}</label>
          ${personErr.reviewer ? html`<p class="err" id="f-reviewer-err">${personErr.reviewer}</p>` : ''}
        </div>
        ${field({
          name: 'password',
          label: t(lang, 'initialPassword'),
          type: 'password',
          error: personErr.password,
          autocomplete: 'new-password',
        })}
        <button type="submit">${t(lang, 'add')}</button>
      </form>
      <p class="muted">
        ${t(lang, 'usersCli')}
        <code>npm run users -- add --tenant ${ctx.principal.tenantId} --role career_office --email …</code>
      </p>
    </section>`;
  return c.html(page(c, { title: t(lang, 'settings'), active: 'settings', body }), status);
}

/** Settings: the AI ranking kill switch (reason and confirmation), re-ranking, compliance mode, webhook, people. */
export function settingsPages(web: Hono<ConsoleEnv>): void {
  web.get('/settings', (c) => settingsPage(c));

  web.post('/settings/ai-ranking', async (c) => {
    const form = c.var.form;
    const lang = c.var.lang;
    const parsed = suspendBody.safeParse({ reason: form.reason ?? '' });
    const errors: Record<string, string> = parsed.success ? {} : queryErrors(parsed.error);
    if (form.confirm !== '1') errors.confirm = t(lang, 'confirmNeeded');
    if (!parsed.success || Object.keys(errors).length > 0)
      return settingsPage(c, { reason: form.reason, killErrors: errors }, 400);
    const act = form.action === 'resume' ? resumeAiRanking : suspendAiRanking;
    await act({ ctx: c.var.ctx, input: parsed.data });
    return settingsPage(c, { notice: t(lang, 'saved') });
  });

  web.post('/settings/reranking', async (c) => {
    const form = c.var.form;
    const current = await getReranking({ ctx: c.var.ctx });
    // The form names only the method. Floors switched on here cover every protected attribute and every
    // pair (the audit's goal is about all of them), unless attributes were already chosen through the API:
    // kept from the defaults they would constrain gender alone and the report would show no other block.
    // Floors chosen here also track selection across the audit window (the goal is about the audit's ratios);
    // the other methods have no floors to raise, so tracking is off for them.
    const floorsEverywhere =
      form.method === 'floors' && current.attributes.length === 0
        ? {
            attributes: [...PROTECTED_ATTRIBUTES],
            intersections: true,
            crossList: { ...current.crossList, enabled: true },
          }
        : form.method === 'floors'
          ? {}
          : { crossList: { ...current.crossList, enabled: false } };
    const parsed = rerankingInput.safeParse({
      ...current,
      ...floorsEverywhere,
      enabled: form.enabled === 'on',
      method: form.method,
    });
    if (!parsed.success) return settingsPage(c, { rerankErrors: queryErrors(parsed.error) }, 400);
    try {
      await putReranking({ ctx: c.var.ctx, input: parsed.data });
    } catch (error) {
      if (!(error instanceof DomainError) || error.errors.length === 0) throw error;
      return settingsPage(c, { rerankErrors: fieldErrors(error.errors) }, 422);
    }
    return settingsPage(c, { notice: t(c.var.lang, 'saved') });
  });

  web.post('/settings/compliance', async (c) => {
    const mode = c.var.form.complianceMode;
    if (mode !== 'hold' && mode !== 'reject') return settingsPage(c, {}, 400);
    await updateTenantSettings({ ctx: c.var.ctx, input: { complianceMode: mode } });
    return settingsPage(c, { notice: t(c.var.lang, 'saved') });
  });

  web.post('/settings/users', async (c) => {
    const form = c.var.form;
    const typed = { email: form.email ?? '', displayName: form.displayName ?? '', role: form.role ?? '' };
    const kept = { ...typed, reviewer: form.reviewer === '1' ? '1' : '' };
    const parsed = userInvite.safeParse({ ...typed, reviewer: form.reviewer === '1', password: form.password ?? '' });
    if (!parsed.success) return settingsPage(c, { person: kept, personErrors: queryErrors(parsed.error) }, 400);
    try {
      await addTenantUser({ ctx: c.var.ctx, input: parsed.data });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'conflict')
        return settingsPage(c, { person: kept, personErrors: { email: error.message } }, 422);
      if (error.code === 'forbidden')
        return settingsPage(c, { person: kept, personErrors: { role: error.message } }, 422);
      if (error.errors.length === 0) throw error;
      return settingsPage(c, { person: kept, personErrors: fieldErrors(error.errors) }, 422);
    }
    return settingsPage(c, { notice: t(c.var.lang, 'saved') });
  });

  web.post('/settings/users/:id', async (c) => {
    await setTenantUserDisabled({ ctx: c.var.ctx, userId: c.req.param('id'), disabled: c.var.form.disabled === '1' });
    return settingsPage(c, { notice: t(c.var.lang, 'saved') });
  });

  web.post('/settings/webhook', async (c) => {
    const form = c.var.form;
    if (form.remove === '1') {
      await setAlertWebhook({ ctx: c.var.ctx, input: null });
      return settingsPage(c, { notice: t(c.var.lang, 'saved') });
    }
    const parsed = alertWebhookInput.safeParse({ url: form.url ?? '', secret: form.secret ?? '' });
    if (!parsed.success) return settingsPage(c, { url: form.url, webhookErrors: queryErrors(parsed.error) }, 400);
    try {
      await setAlertWebhook({ ctx: c.var.ctx, input: parsed.data });
    } catch (error) {
      if (!(error instanceof DomainError) || error.errors.length === 0) throw error;
      return settingsPage(c, { url: form.url, webhookErrors: fieldErrors(error.errors) }, 422);
    }
    return settingsPage(c, { notice: t(c.var.lang, 'saved') });
  });
}
