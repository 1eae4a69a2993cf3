import { esc } from './svg.ts';

/**
 * Screen and print styles of the report. Print: A4 with margins, the one-page finding and the contents
 * each end their page, headings stay with what follows them, table rows and charts are not split.
 * Excluded rows (groups under the size floor or the 2 % share) are muted grey with dashed borders, so they
 * read as listed-but-not-compared on screen and in black-and-white print alike (contrast ≥ 4.5:1).
 */
export const REPORT_CSS =
  `
body{font-family:system-ui,-apple-system,'Segoe UI','PingFang SC','Hiragino Sans GB',` +
  `'Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC',sans-serif;max-width:1000px;` +
  `margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
table{border-collapse:collapse;margin:.5em 0;max-width:100%}td,th{border:1px solid #bbb;` +
  `padding:2px 6px;font-size:13px;text-align:left;vertical-align:top}
th{background:#f3f3f3}tr.flag td,td.flag{background:#fde8e8}.small,.conv{font-size:12px;` +
  `color:#555}
tr.excluded td{background:#f5f5f5;color:#404040;border-style:dashed}` +
  `td.muted{color:#595959;font-style:italic}
section{border-top:1px solid #ddd;margin-top:1.5em}svg{max-width:100%;height:auto;` +
  `display:block;margin:.5em 0}
.finding{border:2px solid #333;padding:.8em 1.2em;margin:1em 0}.finding ` +
  `h2{margin-top:.2em}.finding .en{color:#333}
.finding ul{margin:.2em 0 .4em 1.2em;padding:0}.en{color:#444}.verdict{font-size:1.1em;` +
  `font-weight:600}
nav.toc ol{columns:2;font-size:14px}nav.toc a{color:#1a4d8f;text-decoration:none}
h2.collapsed{font-size:1em;font-weight:600;color:#444;border-top:1px solid #eee;` +
  `padding-top:.4em}h2.collapsed span{font-weight:normal;color:#666}
@media print{
  @page{size:A4;margin:14mm 12mm 16mm 12mm}
  body{max-width:none;margin:0;padding:0;font-size:10pt}
  table{width:100%;table-layout:auto}td,th,p,li,dd,code{overflow-wrap:anywhere;` +
  `word-break:break-word}
  .finding{font-size:9.5pt;padding:.4em .9em;margin:.5em 0}.finding h3{margin:.5em 0 .2em}` +
  `.finding p{margin:.2em 0}
  .finding,nav.toc{break-after:page}
  h2,h3,h4{break-after:avoid}
  tr,svg,.finding li{break-inside:avoid}
  td,th{font-size:9pt}
  tr.excluded td,tr.flag td,td.flag{print-color-adjust:exact;` +
  `-webkit-print-color-adjust:exact}
  a{color:inherit;text-decoration:none}
}`;

/** A section with nothing to show: one line, its heading and why (it still appears in the contents). */
export function collapsed(title: string, why: string): string {
  return `<h2 class="collapsed">${title} <span>— ${esc(why)}</span></h2>`;
}

/** The marker renderReportHtml leaves where the contents go; every h2 after it is listed. */
export const TOC_MARKER = '<!--toc-->';

/**
 * Gives every h2 after the marker an id and puts a numbered table of contents at the marker. Run on the
 * finished page, so sections added anywhere in the template are listed without keeping a second list.
 */
export function withTableOfContents(html: string): string {
  const at = html.indexOf(TOC_MARKER);
  if (at === -1) return html;
  const head = html.slice(0, at);
  let n = 0;
  const entries: string[] = [];
  const body = html.slice(at + TOC_MARKER.length).replace(/<h2( class="[^"]*")?>([\s\S]*?)<\/h2>/g, (_, cls, inner) => {
    n++;
    const id = `s${n}`;
    const text = String(inner)
      .replace(/<span>[\s\S]*?<\/span>/g, '')
      .replace(/<[^>]+>/g, '')
      .trim();
    entries.push(`<li><a href="#${id}">${text}</a>${cls ? ' <span class="small">(empty 无内容)</span>' : ''}</li>`);
    return `<h2 id="${id}"${cls ?? ''}>${inner}</h2>`;
  });
  return `${head}<nav class="toc"><h2>目录 Contents</h2><ol>${entries.join('')}</ol></nav>${body}`;
}
