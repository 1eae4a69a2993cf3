/** One interview as every schedule view shows it. */
export interface ScheduleRow {
  graduateId: string;
  graduateName: string;
  boothId: string;
  employerName: string;
  room: string;
  table: string;
  /** 1-based interviewer number at the booth. */
  interviewer: number;
  start: string;
  end: string;
  score: number;
  rank: number | null;
}

export type ScheduleView = 'graduate' | 'booth' | 'room';

const KEY: Record<ScheduleView, (r: ScheduleRow) => string> = {
  graduate: (r) => `${r.graduateName}\u0000${r.graduateId}`,
  booth: (r) => `${r.employerName}\u0000${r.boothId}`,
  room: (r) => `${r.room}\u0000${r.table}`,
};

/** Rows grouped by the view's subject (graduate, booth or room), in time order within each. */
export function sortRows(rows: readonly ScheduleRow[], view: ScheduleView): ScheduleRow[] {
  const key = KEY[view];
  return [...rows].sort(
    (a, b) => key(a).localeCompare(key(b)) || a.start.localeCompare(b.start) || a.interviewer - b.interviewer,
  );
}

const COLUMNS = [
  'graduateName',
  'employerName',
  'room',
  'table',
  'interviewer',
  'start',
  'end',
  'score',
  'rank',
  'graduateId',
  'boothId',
] as const;

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula (= + - @) is prefixed with '. */
function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function scheduleCsv(rows: readonly ScheduleRow[], view: ScheduleView): string {
  const lines = [COLUMNS.join(',')];
  for (const r of sortRows(rows, view))
    lines.push(COLUMNS.map((c) => csvCell(c === 'score' ? Number(r.score.toFixed(6)) : r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const escapeHtml = (s: string): string =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

const HEAD: Record<ScheduleView, { zh: string; en: string }> = {
  graduate: { zh: '学生日程', en: 'Schedule by graduate' },
  booth: { zh: '展位日程', en: 'Schedule by booth' },
  room: { zh: '场地日程', en: 'Schedule by room' },
};

/** A printable page: one section per graduate, booth or room; every stored string is escaped. */
export function scheduleHtml(
  rows: readonly ScheduleRow[],
  view: ScheduleView,
  fair: { name: string; date: string; venue: string },
): string {
  const key = KEY[view];
  const title = (r: ScheduleRow) =>
    view === 'graduate' ? r.graduateName : view === 'booth' ? r.employerName : `${r.room} · ${r.table}`;
  const sections: string[] = [];
  let current = '';
  let body: string[] = [];
  const flush = (heading: string) => {
    if (body.length > 0)
      sections.push(
        `<section><h2>${escapeHtml(heading)}</h2><table><thead><tr><th>时间 Time</th><th>学生 ` +
          `Graduate</th><th>单位 Employer</th><th>场地 Room</th><th>面试官 Interviewer</th><th>匹配分 ` +
          `Score</th><th>志愿 Rank</th></tr></thead><tbody>${body.join('')}</tbody></table></section>`,
      );
    body = [];
  };
  let heading = '';
  for (const r of sortRows(rows, view)) {
    if (key(r) !== current) {
      flush(heading);
      current = key(r);
      heading = title(r);
    }
    body.push(
      `<tr><td>${escapeHtml(r.start)}–${escapeHtml(r.end)}</td><td>${escapeHtml(r.graduateName)}` +
        `</td><td>${escapeHtml(r.employerName)}</td><td>${escapeHtml(r.room)} ` +
        `${escapeHtml(r.table)}</td><td>${r.interviewer}</td><td>${r.score.toFixed(3)}</td><td>` +
        `${r.rank ?? '—'}</td></tr>`,
    );
  }
  flush(heading);
  const h = HEAD[view];
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(fair.name)} — ${h.en}</title>` +
    '<style>body{font-family:system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;' +
    'width:100%;margin-bottom:1rem}' +
    'th,td{border:1px solid #999;padding:.25rem ' +
    '.5rem;text-align:left}section{break-inside:avoid}@media ' +
    'print{section{page-break-inside:avoid}}</style></head>' +
    `<body><h1>${escapeHtml(fair.name)}</h1><p>${escapeHtml(fair.date)} · ` +
    `${escapeHtml(fair.venue)} · ${h.zh} / ${h.en} · ${rows.length} 场面试 interviews</p>` +
    `${sections.join('') || '<p>无面试 No interviews.</p>'}</body></html>`
  );
}
