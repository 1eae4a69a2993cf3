import { describe, expect, it } from 'vitest';
import { collapsed, TOC_MARKER, withTableOfContents } from '../../../src/domain/audit-report/html-layout.ts';
import { barChart, lineChart, textWidth } from '../../../src/domain/audit-report/svg.ts';

describe('report layout', () => {
  it('numbers the h2 after the marker and lists them, empty ones marked; nothing before the marker', () => {
    const html = `<h2>Finding</h2>${TOC_MARKER}<h2>标记 Flags</h2><p>x</p>${collapsed('Exposure', 'none <here>')}`;
    expect(withTableOfContents(html)).toBe(
      '<h2>Finding</h2><nav class="toc"><h2>目录 Contents</h2><ol>' +
        '<li><a href="#s1">标记 Flags</a></li>' +
        '<li><a href="#s2">Exposure</a> <span class="small">(empty 无内容)</span></li></ol></nav>' +
        '<h2 id="s1">标记 Flags</h2><p>x</p>' +
        '<h2 id="s2" class="collapsed">Exposure <span>— none &#60;here&#62;</span></h2>',
    );
    expect(withTableOfContents('<h2>a</h2>')).toBe('<h2>a</h2>');
  });

  it('sizes label columns to the labels: CJK a full em, Latin 0.6 em', () => {
    expect(textWidth('ab', 10)).toBe(12);
    expect(textWidth('女性', 12)).toBe(24);
    const label = '性别 Gender × 户口 Hukou type: 女 female × 农村 rural';
    const svg = barChart('t', [{ label, value: 0.5 }]);
    // The bar starts right of the label (label width + 12 px), so the label never runs under it.
    const x = Number(/<rect x="([\d.]+)"/.exec(svg)?.[1]);
    expect(x).toBe(textWidth(label) + 12);
    expect(Number(/<text x="([\d.]+)" y="\d+" text-anchor="end"/.exec(svg)?.[1])).toBe(x - 6);
  });

  it('line chart: the y label sits between the title and the plot; the legend column fits the longest name', () => {
    const svg = lineChart('Title', [{ name: '少数民族 minority', points: [{ x: 1, y: 0.5 }] }], {
      xLabel: 'rank',
      yLabel: 'share',
      yMax: 1,
    });
    expect(svg).toContain('<text x="50" y="14" font-weight="bold">Title</text>');
    expect(svg).toContain('<text x="4" y="34">share (0–1.00)</text>');
    const width = Number(/viewBox="0 0 (\d+) /.exec(svg)?.[1]);
    const legendX = Number(/<text x="([\d.]+)" y="58" fill/.exec(svg)?.[1]);
    expect(legendX + textWidth('■ 少数民族 minority')).toBeLessThanOrEqual(width);
  });
});
