import type { Lang } from '../../domain/model/common.ts';
import type { Explanation } from '../../domain/explain/index.ts';
import { markedName, type Label } from '../../domain/explain/labels.ts';
import { html, type Html } from './html.ts';
import { t } from './i18n.ts';

const num = (x: number, digits = 3) => x.toFixed(digits);

/** An explanation as the API returns it: its summary, each component's value × weight = contribution, skills. */
export function explanationView(
  lang: Lang,
  e: Pick<
    Explanation,
    'score' | 'summary' | 'components' | 'matchedSkills' | 'missingSkills' | 'modelVersion' | 'aiRole'
  >,
): Html {
  const rows = e.components.map(
    (c) =>
      html`<tr>
        <td>${c.label[lang]}</td>
        <td class="num">${num(c.value)}</td>
        <td class="num">${num(c.weight)}</td>
        <td class="num">${num(c.contribution, 4)}</td>
      </tr>`,
  );
  const shown = (m: { name: Label; untranslated: readonly Lang[] }): string =>
    markedName({ ...m.name, untranslated: m.untranslated }, lang);
  const matched = e.matchedSkills.map((m) => html`<span class="tag ok">${shown(m)}</span> `);
  const missing = [...e.missingSkills.required, ...e.missingSkills.preferred].map(
    (m) => html`<span class="tag warn">${shown(m)}</span> `,
  );
  return html`<p class="notice">${e.summary}</p>
    <p><strong>${t(lang, 'score')}: ${num(e.score, 4)}</strong> <span class="muted">(${e.modelVersion})</span></p>
    <div class="scroll">
      <table>
        <caption class="muted">
          ${t(lang, 'explanation')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t(lang, 'component')}</th>
            <th scope="col" class="num">${t(lang, 'value')}</th>
            <th scope="col" class="num">${t(lang, 'weight')}</th>
            <th scope="col" class="num">${t(lang, 'contribution')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
    <p>${t(lang, 'skills')}: ${matched} ${missing}</p>
    <p class="muted">${e.aiRole[lang]}</p>`;
}
