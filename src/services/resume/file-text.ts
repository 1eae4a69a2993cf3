import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { DomainError, invalid } from '../../domain/errors.ts';

/**
 * Text out of an uploaded résumé file. Libraries (chosen because they are maintained, pure JavaScript and
 * run on Workers as on Node): unpdf (pdf.js's serverless build) for PDF, fflate for the DOCX zip, whose
 * word/document.xml is read here; iconv-lite for GB18030 text.
 */

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const RESUME_MEDIA_TYPES = ['application/pdf', DOCX, 'text/plain'] as const;
export type ResumeMediaType = (typeof RESUME_MEDIA_TYPES)[number];
/** The documented upload limit: 5 MiB (a text résumé PDF is well under 1 MiB). */
export const MAX_RESUME_BYTES = 5 * 1024 * 1024;
/** A DOCX's document.xml may unpack to at most this much (a zip bomb stops here). */
const MAX_DOCX_XML_BYTES = 20 * 1024 * 1024;
/** Text longer than this is no résumé: only the first part is read. */
const MAX_TEXT_CHARS = 100_000;

const unreadable = (message: string): DomainError =>
  new DomainError('unprocessable', `body: ${message}`, { errors: [{ path: 'body', message }] });

const startsWith = (b: Uint8Array, sig: readonly number[]): boolean => sig.every((x, i) => b[i] === x);

/**
 * The file's type from its bytes, checked against the Content-Type sent: %PDF is a PDF, a zip holding
 * word/document.xml a DOCX, valid text plain text. A mismatch or anything else (images, .doc) is a 400
 * naming the header.
 */
export function resumeMediaType(bytes: Uint8Array, contentType: string | undefined): ResumeMediaType {
  const declared = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const sniffed: ResumeMediaType | undefined = startsWith(bytes, [0x25, 0x50, 0x44, 0x46])
    ? 'application/pdf'
    : startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])
      ? DOCX
      : looksLikeText(bytes)
        ? 'text/plain'
        : undefined;
  const generic = declared === '' || declared === 'application/octet-stream';
  if (!generic && !(RESUME_MEDIA_TYPES as readonly string[]).includes(declared)) {
    throw invalid('header.content-type', `${declared} is not accepted: send a PDF, a DOCX or plain text.`);
  }
  if (sniffed === undefined) {
    throw invalid(
      'body',
      'the file is not a PDF, a DOCX or plain text (scans go in as PDF; .doc must be saved as DOCX).',
    );
  }
  if (!generic && sniffed !== declared) {
    throw invalid('header.content-type', `says ${declared} but the file is ${sniffed}.`);
  }
  return sniffed;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control += 1;
  return head.length > 0 && control <= head.length * 0.01;
}

/** UTF-8 (with or without BOM), UTF-16 by its BOM, else GB18030 (GBK's superset), as Chinese Windows saves. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), 'gb18030');
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e.toLowerCase()] ?? ''),
  );

/** The body text of a DOCX: paragraphs as lines, tabs and breaks kept, table cells separated by tabs. */
export function docxText(bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => f.name === 'word/document.xml' && f.originalSize <= MAX_DOCX_XML_BYTES,
    });
  } catch {
    throw unreadable('the DOCX could not be opened (a damaged or password-protected file?).');
  }
  const xml = files['word/document.xml'];
  if (xml === undefined) throw unreadable('the file is a zip without word/document.xml, so not a Word document.');
  const doc = new TextDecoder('utf-8').decode(xml);
  const body = doc
    .replace(/<w:tab\/>|<w:tab [^>]*\/>/g, '\t')
    .replace(/<w:br\/>|<w:br [^>]*\/>|<w:cr\/>/g, '\n')
    .replace(/<\/w:p>(?=\s*<\/w:tc>)/g, '')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<\/w:tc>/g, '\t')
    .replace(/<\/w:tr>/g, '\n')
    .replace(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g, (_, t: string) => `\u0001${t}\u0002`)
    .replace(/<[^>]+>/g, '')
    // Only what sat inside <w:t> is text; the rest of the markup is gone, whitespace between tags too.
    .replace(/\u0002[^\u0001\t\n]*\u0001/g, '')
    .replace(/^[^\u0001\t\n]*\u0001|\u0002[^\t\n]*$/gm, '')
    .replace(/[\u0001\u0002]/g, '');
  return unescapeXml(body)
    .split('\n')
    .map((l) => l.replace(/\t+$/, ''))
    .join('\n');
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  hasEOL?: boolean;
}

/** The text of a PDF, line by line in reading order; pieces far apart on a line are set two spaces apart. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocumentProxy } = await import('unpdf');
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    doc = await getDocumentProxy(new Uint8Array(bytes));
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException') throw unreadable('the PDF is password-protected; upload it without a password.');
    throw unreadable('the file is not a readable PDF.');
  }
  const out: string[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items = (content.items as unknown[]).filter(
        (i): i is TextItem => typeof i === 'object' && i !== null && 'str' in i && 'transform' in i,
      );
      out.push(...layoutLines(items));
    }
  } finally {
    await doc.cleanup();
  }
  return out.join('\n');
}

function layoutLines(items: readonly TextItem[]): string[] {
  const rows: { y: number; size: number; parts: { x: number; end: number; str: string }[] }[] = [];
  for (const it of items) {
    if (it.str.trim() === '') continue; // pdf.js reports gaps as blank items; the positions tell them better
    const x = it.transform[4] ?? 0;
    const y = it.transform[5] ?? 0;
    const size = Math.abs(it.transform[3] ?? 10) || 10;
    let row = rows.find((r) => Math.abs(r.y - y) < size * 0.5);
    if (row === undefined) {
      row = { y, size, parts: [] };
      rows.push(row);
    }
    row.parts.push({ x, end: x + it.width, str: it.str });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows.map((r) => {
    const parts = r.parts.sort((a, b) => a.x - b.x);
    let line = '';
    let end: number | undefined;
    for (const part of parts) {
      if (end !== undefined) {
        const gap = part.x - end;
        // pdf.js keeps a word's space (up to 0.6 em) inside one item, so a gap between items wider than a loose
        // justified space is a column's: a school and its dates set apart by typed spaces ("Georgia Institute of
        // Technology    Class of 2026", four spaces of Calibri are 0.9 em) or by a tab stop.
        if (gap > r.size * 0.8) line += '  ';
        else if (gap > r.size * 0.2 && !line.endsWith(' ') && !part.str.startsWith(' ')) line += ' ';
      }
      line += part.str;
      end = part.end;
    }
    return line.trimEnd();
  });
}

/** The résumé's text, or a 422 naming the body when there is none (a scan without a text layer). */
export async function resumeText(bytes: Uint8Array, type: ResumeMediaType): Promise<string> {
  const text = type === 'application/pdf' ? await pdfText(bytes) : type === DOCX ? docxText(bytes) : decodeText(bytes);
  const cleaned = text.replace(/\u0000/g, '').slice(0, MAX_TEXT_CHARS);
  if (cleaned.replace(/\s+/g, '').length < 10) {
    throw unreadable(
      type === 'application/pdf'
        ? 'no text was found in the PDF: it looks like a scanned image. ' +
            'Upload a PDF saved from a word processor, a DOCX or plain text.'
        : 'no text was found in the file.',
    );
  }
  return cleaned;
}
