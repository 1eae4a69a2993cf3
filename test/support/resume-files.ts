import { zipSync, strToU8 } from 'fflate';

/**
 * Minimal writers of real PDF and DOCX files for tests and bench:resume, so the upload path reads files as
 * word processors save them. No LibreOffice on the machine: the PDF uses a Type0 font with Identity-H
 * encoding (each glyph id is the character's code point) and a ToUnicode map, as PDF printers write
 * Chinese text; the DOCX is a zip of the three parts Word needs, one paragraph per line.
 */

const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A DOCX whose paragraphs are the text's lines; tabs become <w:tab/>. Lines starting "| " become a table row. */
export function writeDocx(text: string): Uint8Array {
  const run = (s: string): string =>
    s
      .split('\t')
      .map((part) => `<w:r><w:t xml:space="preserve">${xmlEscape(part)}</w:t></w:r>`)
      .join('<w:r><w:tab/></w:r>');
  const body = text
    .split('\n')
    .map((line) => {
      if (!line.startsWith('| ')) return `<w:p>${run(line)}</w:p>`;
      const cells = line.slice(2).split(' | ');
      return `<w:tbl><w:tr>${cells.map((c) => `<w:tc><w:p>${run(c)}</w:p></w:tc>`).join('')}</w:tr></w:tbl>`;
    })
    .join('');
  const document =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body>${body}<w:sectPr/></w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.' +
        'wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/' +
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/' +
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(document),
  });
}

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

/** Assembles PDF objects with a correct cross-reference table. */
function pdf(objects: readonly string[]): Uint8Array {
  const enc = new TextEncoder();
  let out = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(enc.encode(out).length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = enc.encode(out).length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return enc.encode(out);
}

const stream = (content: string, dict = ''): string =>
  `<< ${dict} /Length ${new TextEncoder().encode(content).length} >>\nstream\n${content}\nendstream`;

/** The page's text width in the font's em (A4 less two 50 pt margins, 10 pt type): 49.5 em. */
const LINE_EM = 49.5;
/** A character's advance in em as the font below declares it: ASCII half an em, the rest one; a tab's gap 3. */
const advance = (ch: string): number => (ch === '\t' ? 3 : (ch.codePointAt(0) ?? 0) <= 0x7e ? 0.5 : 1);

/**
 * A line wrapped as a word processor wraps it to the page: at the last space that fits, else (Chinese, a long
 * word) at the last character that fits. Text set past the page's edge is not on the page: readers drop it.
 */
export function wrapLine(line: string, width = LINE_EM): string[] {
  const out: string[] = [];
  let rest = line;
  for (;;) {
    let used = 0;
    let cut = -1;
    let space = -1;
    for (let i = 0; i < rest.length; i++) {
      used += advance(rest[i] as string);
      if (used > width) {
        cut = i;
        break;
      }
      if (rest[i] === ' ') space = i;
    }
    if (cut < 0) return [...out, rest];
    // Never between the two halves of a surrogate pair.
    const low = (rest.charCodeAt(cut) & 0xfc00) === 0xdc00;
    const at = space > 0 ? space : low ? cut - 1 : cut;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(space > 0 ? at + 1 : at);
  }
}

/**
 * A PDF of the text, one line per text line, wrapped to the page's width (A4, pages of 60 lines); tab-separated
 * parts are set apart by a wide gap, as a two-column layout prints.
 */
export function writePdf(text: string): Uint8Array {
  const lines = text.split('\n').flatMap((line) => wrapLine(line));
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += 60) pages.push(lines.slice(i, i + 60));
  const used = new Set<number>();
  const contents = pages.map((page) => {
    const ops = ['BT', '/F1 10 Tf', '13 TL', '50 800 Td'];
    for (const line of page) {
      const parts = line.split('\t').map((part) =>
        [...part]
          .map((ch) => ch.codePointAt(0) ?? 32)
          .filter((cp) => cp <= 0xffff)
          .map((cp) => {
            used.add(cp);
            return hex4(cp);
          })
          .join(''),
      );
      ops.push(`[${parts.map((p) => `<${p}>`).join(' -3000 ')}] TJ T*`);
    }
    ops.push('ET');
    return ops.join('\n');
  });
  const bfchars = [...used].sort((a, b) => a - b).map((cp) => `<${hex4(cp)}> <${hex4(cp)}>`);
  const chunks: string[] = [];
  for (let i = 0; i < bfchars.length; i += 100) {
    const part = bfchars.slice(i, i + 100);
    chunks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
  }
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...chunks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  // 1 catalog, 2 pages, 3 font, 4 descendant, 5 descriptor, 6 ToUnicode, then page and content pairs.
  const first = 7;
  const kids = pages.map((_, i) => `${first + i * 2} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] ' +
      '/ToUnicode 6 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun ' +
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) ' +
      '/Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>',
    '<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 ' +
      '/Descent -141 /CapHeight 700 /StemV 80 >>',
    stream(cmap),
  ];
  contents.forEach((content, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> ` +
        `/Contents ${first + i * 2 + 1} 0 R >>`,
    );
    objects.push(stream(content));
  });
  return pdf(objects);
}

/** A PDF whose only page is a grey rectangle: what a scanner without OCR produces, as far as text goes. */
export function writeImageOnlyPdf(): Uint8Array {
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    stream('0.5 g 50 50 495 742 re f'),
  ]);
}
