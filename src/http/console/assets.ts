import { CHART_CSS } from './analytics/charts.ts';

/**
 * The console's stylesheet and script, served as files (/console/assets/…) so the Content-Security-Policy
 * needs no inline allowance. Plain strings, not files on disk: Node and Workers serve them alike.
 */
export const CONSOLE_CSS =
  `
:root{--fg:#1d2330;--muted:#4a5263;--line:#d6dae3;--bg:#f6f7fa;--card:#fff;` +
  `--accent:#0b5cad;--bad:#a4161a;--ok:#1b6e34;--warn:#8a5a00}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino ` +
  `Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:var(--fg);` +
  `background:var(--bg)}
a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;` +
  `padding:4px 8px;z-index:9}
header.top{background:#14213d;color:#fff;display:flex;flex-wrap:wrap;align-items:center;` +
  `gap:8px 16px;padding:8px 16px}
header.top a{color:#fff}
header.top .brand{font-weight:700;text-decoration:none;margin-right:8px}
nav.main{display:flex;flex-wrap:wrap;gap:4px 14px;flex:1}
nav.main a{text-decoration:none;padding:2px 0;border-bottom:2px solid transparent}
nav.main a[aria-current=page]{border-bottom-color:#ffd166}
.who{display:flex;flex-wrap:wrap;gap:8px;align-items:center;font-size:13px}
.who form{display:inline}
.who button,.who select{font-size:13px}
main{max-width:1120px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.2em 0 .6em}h2{font-size:1.15rem;margin:1.2em 0 .5em}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px ` +
  `14px}
.card .n{font-size:1.8rem;font-weight:700}
.card .l{color:var(--muted);font-size:13px}
.panel{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px ` +
  `14px;margin:12px 0}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;background:var(--card)}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;` +
  `vertical-align:top}
th{font-size:13px;color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
form.inline{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end}
label{display:block;font-size:13px;color:var(--muted)}
label.inline-label{display:inline;color:var(--fg);font-size:15px}
input[type=text],input[type=email],input[type=password],input[type=url],` +
  `input[type=search],input[type=number],select,textarea{font:inherit;padding:6px 8px;` +
  `border:1px solid #8a93a6;border-radius:6px;background:#fff;color:var(--fg);max-width:100%}
textarea{width:100%;min-height:5em}
button{font:inherit;padding:6px 14px;border-radius:6px;border:1px solid var(--accent);` +
  `background:var(--accent);color:#fff;cursor:pointer}
button.secondary{background:#fff;color:var(--accent)}
button.danger{background:var(--bad);border-color:var(--bad)}
.field{margin:8px 0}
.field .err,.err{color:var(--bad);font-size:13px;margin:2px 0}
[aria-invalid=true]{border-color:var(--bad)!important;outline:1px solid var(--bad)}
.notice{padding:8px 12px;border-radius:6px;margin:8px 0;background:#e7f1fb;border:1px ` +
  `solid #b6d4f2}
.notice.bad{background:#fdecec;border-color:#f1b5b7;color:var(--bad)}
.notice.ok{background:#e8f5ec;border-color:#b3dcc0;color:var(--ok)}
.tag{display:inline-block;font-size:12px;padding:0 6px;border-radius:10px;border:1px ` +
  `solid var(--line);background:#fff}
.tag.bad{color:var(--bad);border-color:#f1b5b7}.tag.ok{color:var(--ok);` +
  `border-color:#b3dcc0}.tag.warn{color:var(--warn);border-color:#e9cf9b}
.muted{color:var(--muted)}
.login{max-width:420px;margin:8vh auto;background:var(--card);border:1px solid var(--line)` +
  `;border-radius:10px;padding:20px 24px}
.login input{width:100%}
.pager{margin:10px 0}
.report-bar{background:#14213d;color:#fff;padding:8px 16px}.report-bar a{color:#fff}
@media (max-width:640px){
  header.top{padding:8px 10px}
  main{padding:10px}
  .cards{grid-template-columns:1fr 1fr}
  .card .n{font-size:1.4rem}
  th,td{padding:5px 6px;font-size:14px}
  form.inline>*{flex:1 1 100%}
}
${CHART_CSS}`;

/** Enhancements only: every form works without this script. */
export const CONSOLE_JS = `
document.addEventListener('submit', function (e) {
  var form = e.target;
  var text = form && form.getAttribute && form.getAttribute('data-confirm');
  if (text && !window.confirm(text)) e.preventDefault();
});
document.addEventListener('change', function (e) {
  var el = e.target;
  if (el && el.matches && el.matches('select[data-autosubmit]')) el.form.submit();
});
`;
