/** Small inline SVG charts for the report page: no scripts, no external assets, readable when printed. */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const PALETTE = ['#3465a4', '#c4a000', '#4e9a06', '#cc0000', '#75507b', '#f57900', '#06989a', '#555753'];

/**
 * Width of a label in px at `size`: CJK and other wide characters take a full em, the rest about 0.6 em
 * (a generous estimate for system sans fonts), so charts can size their margins to their labels.
 */
export function textWidth(text: string, size = 12): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? size
      : size * 0.6;
  return Math.ceil(w);
}

export interface Bar {
  label: string;
  value: number | null;
  flagged?: boolean;
}

/** Horizontal bars on [0, max], with an optional dashed reference line (e.g. 0.8·best rate, or 0.8 IR). */
export function barChart(
  title: string,
  bars: readonly Bar[],
  options: { max?: number; line?: { at: number; label: string } } = {},
): string {
  const rowH = 22;
  // The label column is as wide as the longest label, so no label runs off the left edge or into a bar.
  const left = Math.min(420, Math.max(60, ...bars.map((b) => textWidth(b.label) + 12)));
  const plot = 380;
  const width = Math.max(left + plot + 60, textWidth(title) + 12);
  const max = options.max ?? Math.max(1e-9, ...bars.map((b) => b.value ?? 0), options.line?.at ?? 0);
  const height = 30 + bars.length * rowH + 20;
  const x = (v: number) => left + (Math.min(v, max) / max) * plot;
  const rows = bars
    .map((b, i) => {
      const y = 28 + i * rowH;
      const w = b.value === null ? 0 : x(b.value) - left;
      return (
        `<text x="${left - 6}" y="${y + 14}" text-anchor="end">${esc(b.label)}</text>` +
        `<rect x="${left}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" ` +
        `fill="${b.flagged ? '#cc0000' : '#3465a4'}"/>` +
        `<text x="${left + w + 4}" y="${y + 14}">${b.value === null ? 'n/a' : fmt(b.value, 3)}</text>`
      );
    })
    .join('');
  const line = options.line
    ? `<line x1="${x(options.line.at)}" x2="${x(options.line.at)}" y1="22" y2="${height - 14}" ` +
      `stroke="#000" stroke-dasharray="4 3"/>` +
      `<text x="${x(options.line.at) + 3}" y="${height - 4}">${esc(options.line.label)}</text>`
    : '';
  return (
    `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}" font-size="12" font-family="system-ui, 'PingFang SC', ` +
    `'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif">` +
    `<text x="4" y="14" font-weight="bold">${esc(title)}</text>${rows}${line}</svg>`
  );
}

export interface Series {
  name: string;
  points: readonly { x: number; y: number }[];
}

/** Line chart of several series over integer x (rank positions), y on [0, yMax]. */
export function lineChart(
  title: string,
  series: readonly Series[],
  options: { xLabel: string; yLabel: string; yMax?: number },
): string {
  // Title on the first line, the y-axis label on the second, the plot below both; the legend column is as
  // wide as the longest series name, so neither labels nor legend overlap the plot or each other.
  const m = { l: 50, r: Math.max(80, ...series.map((s) => textWidth(`■ ${s.name}`) + 16)), t: 44, b: 36 };
  const width = Math.max(490 + m.r, textWidth(title) + m.l + 8);
  const height = 280;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const xMin = Math.min(...xs, 1);
  const xMax = Math.max(...xs, xMin + 1);
  const yMax = options.yMax ?? Math.max(1e-9, ...series.flatMap((s) => s.points.map((p) => p.y)));
  const px = (v: number) => m.l + ((v - xMin) / (xMax - xMin)) * (width - m.l - m.r);
  const py = (v: number) => height - m.b - (v / yMax) * (height - m.t - m.b);
  const lines = series
    .map((s, i) => {
      const color = PALETTE[i % PALETTE.length] ?? '#000';
      const d = s.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
      return (
        `<path d="${d}" fill="none" stroke="${color}" stroke-width="2"/>` +
        `<text x="${width - m.r + 8}" y="${m.t + 14 + i * 16}" fill="${color}">■ ${esc(s.name)}</text>`
      );
    })
    .join('');
  const axes =
    `<line x1="${m.l}" y1="${height - m.b}" x2="${width - m.r}" y2="${height - m.b}" ` +
    `stroke="#000"/><line x1="${m.l}" y1="${m.t}" x2="${m.l}" y2="${height - m.b}" ` +
    `stroke="#000"/>` +
    `<text x="${m.l}" y="${height - 8}">${esc(options.xLabel)} (${xMin}–${xMax})</text><text ` +
    `x="4" y="${m.t - 10}">${esc(options.yLabel)} (0–${fmt(yMax)})</text>`;
  return (
    `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}" font-size="12" font-family="system-ui, 'PingFang SC', ` +
    `'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif">` +
    `<text x="${m.l}" y="14" font-weight="bold">${esc(title)}</text>${axes}${lines}</svg>`
  );
}

/** Grouped bars: for each group, one bar per stage (the outcome funnel), as rates from shown. */
export function funnelChart(
  title: string,
  rows: readonly { group: string; rates: readonly { stage: string; value: number | null }[] }[],
): string {
  const stages = rows[0]?.rates.map((r) => r.stage) ?? [];
  const bars: Bar[] = rows.flatMap((r) => r.rates.map((s) => ({ label: `${r.group} · ${s.stage}`, value: s.value })));
  const legend = stages.join(' → ');
  return barChart(`${title} (${legend})`, bars);
}
