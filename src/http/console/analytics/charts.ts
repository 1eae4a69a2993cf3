import type { Lang } from '../../../domain/model/common.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';

/**
 * Charts a committee can read, within the console's CSP (no inline style or script): bars are HTML tables
 * whose bar cells carry a width class (.w0 … .w100 in the stylesheet), so the numbers are the table a
 * screen reader reads and the bars only decorate it (aria-hidden). Forecast bands are SVG with a title,
 * a description and the same figures as a table beside them.
 */

/** One figure as the page shows it; null when it was blanked for being about too few people. */
export interface Figure {
  readonly value: number | null;
  readonly n?: number | null | undefined;
}

export interface BarSeries {
  /** The column header (what the figure is). */
  readonly name: string;
  /** CSS class of the bar (its colour): a, b, c. */
  readonly tone: 'a' | 'b' | 'c';
  readonly format: (v: number) => string;
}

export interface BarRow {
  readonly label: string;
  readonly figures: readonly Figure[];
  /** Extra cells after the bars (n, change), already formatted. */
  readonly extra?: readonly string[] | undefined;
}

const clampPct = (x: number): number => Math.max(0, Math.min(100, Math.round(x)));

export const numberFormat = (lang: Lang) => {
  const f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
  return (v: number) => f.format(v);
};
export const percentFormat = (lang: Lang) => {
  const f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { style: 'percent', maximumFractionDigits: 1 });
  return (v: number) => f.format(v);
};
/** A change of rate in percentage points, signed. */
export const pointsFormat = (lang: Lang) => (v: number) =>
  `${v > 0 ? '+' : v < 0 ? '−' : '±'}${(Math.abs(v) * 100).toFixed(1)}${lang === 'zh' ? ' 个百分点' : ' pp'}`;

/**
 * A bar chart as a table: a row per group, a column per series with the figure and its bar. Series that
 * share a unit share a scale (the largest shown figure of all of them is the full width), so bars compare.
 */
export function barTable(opts: {
  id: string;
  caption: string;
  groupHeader: string;
  series: readonly BarSeries[];
  rows: readonly BarRow[];
  extraHeaders?: readonly string[] | undefined;
  blank: string;
  /** The full width of a bar; default the largest figure. */
  max?: number | undefined;
  /** The caption only for screen readers (a heading above already says it). */
  captionHidden?: boolean | undefined;
}): Html {
  const shown = opts.rows.flatMap((r) => r.figures.map((f) => f.value ?? 0));
  const max = opts.max ?? Math.max(0, ...shown.map(Math.abs));
  const cell = (f: Figure | undefined, s: BarSeries) => {
    if (!f || f.value === null) return html`<td class="num blank">${opts.blank}</td>`;
    const width = max > 0 ? clampPct((Math.abs(f.value) / max) * 100) : 0;
    return html`<td class="barcell">
      <span class="bar" aria-hidden="true"><i class="${s.tone} w${width}${f.value < 0 ? ' neg' : ''}"></i></span>
      <span class="v">${s.format(f.value)}</span>
    </td>`;
  };
  const rows = opts.rows.map(
    (r) =>
      html`<tr>
        <th scope="row">${r.label}</th>
        ${opts.series.map((s, i) => cell(r.figures[i], s))}
        ${(r.extra ?? []).map((e) => html`<td class="num">${e}</td>`)}
      </tr>`,
  );
  // Focusable, so a keyboard can scroll a table wider than a phone.
  return html`<div class="scroll" tabindex="0" role="region" aria-label="${opts.caption}">
    <table class="bars" id="${opts.id}">
      <caption ${opts.captionHidden ? html`class="vh"` : ''}>
        ${opts.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${opts.groupHeader}</th>
          ${opts.series.map(
            (s) => html`<th scope="col"><span class="key ${s.tone}" aria-hidden="true"></span>${s.name}</th>`,
          )}
          ${(opts.extraHeaders ?? []).map((h) => html`<th scope="col" class="num">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

/** A tile of the four-region grid. */
export interface RegionTile {
  readonly key: 'east' | 'central' | 'west' | 'northeast';
  readonly label: string;
  /** The headline figure, formatted, and its heat (0–4) for the tile's shade. */
  readonly headline: string;
  /** What the headline figure is. */
  readonly headlineLabel: string;
  readonly heat: number | null;
  readonly lines: readonly { label: string; value: string }[];
}

/**
 * China's four economic regions (NBS: east, central, west, north-east) as a grid laid out roughly as the
 * map is: north-east above east, west to the left. Each tile is a list of its figures, so it reads as text.
 */
export function regionGrid(opts: { id: string; caption: string; tiles: readonly RegionTile[]; legend: string }): Html {
  const tiles = opts.tiles.map(
    (tile) =>
      html`<li class="region r-${tile.key} heat${tile.heat ?? 'x'}">
        <h4>${tile.label}</h4>
        <p class="headline">${tile.headline} <span class="l">${tile.headlineLabel}</span></p>
        <dl>
          ${tile.lines.map(
            (l) =>
              html`<dt>${l.label}</dt>
                <dd>${l.value}</dd>`,
          )}
        </dl>
      </li>`,
  );
  return html`<figure class="regions" aria-labelledby="${opts.id}-cap">
    <figcaption id="${opts.id}-cap" class="vh">${opts.caption}</figcaption>
    <ul class="region-grid" id="${opts.id}">
      ${tiles}
    </ul>
    <p class="muted legend">${opts.legend}</p>
  </figure>`;
}

export interface BandPoint {
  readonly month: string;
  readonly mean: number;
  readonly lo80: number;
  readonly hi80: number;
  readonly lo95: number;
  readonly hi95: number;
}

const W = 360;
const H = 170;
const PAD = { l: 40, r: 8, t: 10, b: 22 };

/**
 * History as a line and the forecast as a dashed line inside its 80 % and 95 % bands, in SVG. The figure
 * has a title and a description (last value, forecast range) for screen readers; the caller puts the
 * numbers beside it as a table.
 */
export function forecastChart(opts: {
  id: string;
  title: string;
  description: string;
  history: readonly { month: string; value: number }[];
  forecast: readonly BandPoint[];
}): Html {
  const history = opts.history.slice(-24);
  const months = [...history.map((h) => h.month), ...opts.forecast.map((p) => p.month)];
  const top = Math.max(1, ...history.map((h) => h.value), ...opts.forecast.map((p) => p.hi95));
  const x = (i: number) => PAD.l + (months.length <= 1 ? 0 : (i * (W - PAD.l - PAD.r)) / (months.length - 1));
  const y = (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - v / top);
  const fx = (v: number) => v.toFixed(1);
  const line = (pts: readonly [number, number][]) => pts.map(([a, b]) => `${fx(a)},${fx(b)}`).join(' ');
  const start = history.length;
  const band = (lo: (p: BandPoint) => number, hi: (p: BandPoint) => number) => {
    // Joined to the last observed value so the band opens from where history ends.
    const last = history.at(-1);
    const anchor: [number, number][] = last ? [[x(start - 1), y(last.value)]] : [];
    const upper = opts.forecast.map((p, i): [number, number] => [x(start + i), y(hi(p))]);
    const lower = opts.forecast.map((p, i): [number, number] => [x(start + i), y(lo(p))]).reverse();
    return line([...anchor, ...upper, ...lower]);
  };
  const last = history.at(-1);
  const meanLine = line([
    ...(last ? [[x(start - 1), y(last.value)] as [number, number]] : []),
    ...opts.forecast.map((p, i): [number, number] => [x(start + i), y(p.mean)]),
  ]);
  const ticks = [0, top / 2, top].map(
    (v) =>
      html`<text x="${PAD.l - 4}" y="${fx(y(v) + 4)}" class="tick" text-anchor="end">${Math.round(v)}</text>
        <line x1="${PAD.l}" x2="${W - PAD.r}" y1="${fx(y(v))}" y2="${fx(y(v))}" class="grid" />`,
  );
  const firstMonth = months[0] ?? '';
  const lastMonth = months.at(-1) ?? '';
  return html`<svg
    class="forecast"
    viewBox="0 0 ${W} ${H}"
    role="img"
    aria-labelledby="${opts.id}-t ${opts.id}-d"
    preserveAspectRatio="xMidYMid meet"
  >
    <title id="${opts.id}-t">${opts.title}</title>
    <desc id="${opts.id}-d">${opts.description}</desc>
    ${ticks}
    ${
      opts.forecast.length > 0
        ? html`<polygon
              class="band95"
              points="${band(
                (p) => p.lo95,
                (p) => p.hi95,
              )}"
            />
            <polygon
              class="band80"
              points="${band(
                (p) => p.lo80,
                (p) => p.hi80,
              )}"
            />
            <polyline class="mean" points="${meanLine}" />`
        : ''
    }
    <polyline class="history" points="${line(history.map((h, i) => [x(i), y(h.value)]))}" />
    ${
      start > 0 && opts.forecast.length > 0
        ? html`<line class="now" x1="${fx(x(start - 1))}" x2="${fx(x(start - 1))}" y1="${PAD.t}" y2="${H - PAD.b}" />`
        : ''
    }
    <text x="${PAD.l}" y="${H - 6}" class="tick">${firstMonth}</text>
    <text x="${W - PAD.r}" y="${H - 6}" class="tick" text-anchor="end">${lastMonth}</text>
  </svg>`;
}

/** The bar widths and chart colours the charts above use, appended to the console's stylesheet. */
export const CHART_CSS = `
table.bars caption{text-align:left;font-weight:600;padding:4px 0;color:var(--fg)}
table.bars th[scope=row]{font-weight:500;color:var(--fg);font-size:14px;white-space:nowrap}
table.bars td.barcell{min-width:150px;white-space:nowrap}
table.bars td.blank{color:var(--muted);text-align:left}
.bar{display:inline-block;width:calc(100% - 80px);min-width:60px;max-width:320px;height:12px;background:#eef0f4}
.bar{border-radius:3px;vertical-align:middle;margin-right:6px}
.bar i{display:block;height:100%;border-radius:3px}
.bar i.a,.key.a{background:#0b5cad}.bar i.b,.key.b{background:#c2570c}.bar i.c,.key.c{background:#5b6b7f}
.bar i.neg{background:#a4161a}
.key{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:baseline}
.v{font-variant-numeric:tabular-nums;font-size:14px}
${Array.from({ length: 101 }, (_, i) => `.w${i}{width:${i}%}`).join('')}
nav.sub{display:flex;flex-wrap:wrap;gap:4px 16px;margin:0 0 10px}
nav.sub a{text-decoration:none;padding:2px 0;border-bottom:2px solid transparent}
nav.sub a[aria-current=page]{border-bottom-color:var(--accent);font-weight:600}
.downloads{margin:6px 0}
figure{margin:0}
figure.regions figcaption{font-weight:600;margin:4px 0}
ul.region-grid{list-style:none;padding:0;margin:0;display:grid;gap:8px}
ul.region-grid{grid-template-columns:repeat(3,minmax(0,1fr));grid-template-areas:". . ne" "w c e"}
li.region{border:1px solid var(--line);border-radius:8px;padding:8px 10px}
li.region h4{margin:0 0 2px;font-size:15px}
li.region .headline{font-size:1.5rem;font-weight:700;margin:0}li.region .headline .l{font-size:13px;font-weight:400}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
li.region dl{display:grid;grid-template-columns:auto auto;gap:0 8px;margin:4px 0 0;font-size:13px}
li.region dd{margin:0;text-align:right;font-variant-numeric:tabular-nums}
.r-northeast{grid-area:ne}.r-west{grid-area:w}.r-central{grid-area:c}.r-east{grid-area:e}
.heatx{background:#fff}.heat0{background:#f3f7fc}.heat1{background:#dde9f7}.heat2{background:#bcd4f0}
.heat3{background:#93b8e6}.heat4{background:#6d9cd9}
.legend{font-size:13px}
.multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:12px}
.multiples .panel{margin:0}
.multiples h3{font-size:1rem;margin:0 0 4px}
svg.forecast{width:100%;height:auto;display:block}
svg.forecast .history{fill:none;stroke:#14213d;stroke-width:1.6}
svg.forecast .mean{fill:none;stroke:#0b5cad;stroke-width:1.6;stroke-dasharray:4 3}
svg.forecast .band95{fill:#0b5cad;fill-opacity:.12;stroke:none}
svg.forecast .band80{fill:#0b5cad;fill-opacity:.25;stroke:none}
svg.forecast .grid{stroke:#e3e6ec;stroke-width:1}
svg.forecast .now{stroke:#8a93a6;stroke-dasharray:2 2}
svg.forecast .tick{font-size:10px;fill:#4a5263}
.errs{font-size:13px;margin:4px 0}
details summary{cursor:pointer;color:var(--accent);margin:4px 0}
@media (max-width:640px){
  ul.region-grid{grid-template-columns:1fr 1fr;grid-template-areas:"w ne" "c e"}
  .bar{max-width:120px}
  .multiples{grid-template-columns:1fr}
}
`;
