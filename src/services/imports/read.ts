import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { readSheet } from 'read-excel-file/universal';
import { DomainError } from '../../domain/errors.ts';
import type { RawCell } from '../../domain/imports/cells.ts';

export const FORMATS = ['csv', 'xlsx'] as const;
export const ENCODINGS = ['utf-8', 'gb18030', 'gbk', 'utf-16le'] as const;
export const DELIMITERS = ['comma', 'tab', 'semicolon'] as const;
export type FileFormat = (typeof FORMATS)[number];
export type FileEncoding = (typeof ENCODINGS)[number];
export type Delimiter = (typeof DELIMITERS)[number];
const DELIMITER_CHAR: Record<Delimiter, string> = { comma: ',', tab: '\t', semicolon: ';' };

/** How to read a file; anything not given is detected from its first bytes. */
export interface ReadOptions {
  format?: FileFormat | undefined;
  encoding?: FileEncoding | undefined;
  delimiter?: Delimiter | undefined;
}

/** A file that can be read more than once (validation, then the write), each time as a stream of chunks. */
export type FileSource = () => AsyncIterable<Uint8Array>;

export const bytesSource = (bytes: Uint8Array): FileSource =>
  async function* () {
    yield bytes;
  };

/** What was detected (or given): reported back so the caller sees how the file was read. */
export interface FileShape {
  format: FileFormat;
  encoding: FileEncoding | null;
  delimiter: Delimiter | null;
}

export interface SheetRow {
  /** 1-based row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  cells: RawCell[];
}

const SAMPLE_BYTES = 64 * 1024;

async function sample(source: FileSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source()) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= SAMPLE_BYTES) break;
  }
  const out = new Uint8Array(Math.min(size, SAMPLE_BYTES));
  let at = 0;
  for (const p of parts) {
    const take = p.subarray(0, out.length - at);
    out.set(take, at);
    at += take.length;
    if (at >= out.length) break;
  }
  return out;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * UTF-8 with or without BOM when the bytes decode as UTF-8; UTF-16LE by its BOM; otherwise GB18030 (GBK's superset).
 */
export function detectEncoding(b: Uint8Array): FileEncoding {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  try {
    // stream: true lets a sample end inside a character without counting that as invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** The separator the header line uses most: tab, comma or semicolon (a one-column file is comma). */
export function detectDelimiter(firstLine: string): Delimiter {
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const tabs = count('\t');
  const commas = count(',');
  const semis = count(';');
  if (tabs > 0 && tabs >= commas && tabs >= semis) return 'tab';
  if (commas > 0 && commas >= semis) return 'comma';
  return semis > 0 ? 'semicolon' : 'comma';
}

/** Decides format, encoding and delimiter from the options, the content type and the first 64 KiB. */
export async function shapeOf(source: FileSource, options: ReadOptions, contentType?: string): Promise<FileShape> {
  const head = await sample(source);
  const xlsxType = contentType?.includes('spreadsheetml') ?? false;
  const format = options.format ?? (xlsxType || isZip(head) ? 'xlsx' : 'csv');
  if (format === 'xlsx') {
    if (!isZip(head)) throw fileError('The file is not an XLSX workbook (no zip signature).', '文件不是 XLSX 工作簿。');
    return { format, encoding: null, delimiter: null };
  }
  if (isZip(head) && options.format === 'csv')
    throw fileError(
      'The file looks like an XLSX workbook, not CSV; send format=xlsx or omit format.',
      '文件看起来是 XLSX 工作簿而不是 CSV。',
    );
  const encoding = options.encoding ?? detectEncoding(head);
  const text = iconv.decode(Buffer.from(head), encoding === 'gbk' ? 'gbk' : encoding);
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return { format, encoding, delimiter: options.delimiter ?? detectDelimiter(firstLine) };
}

/** A file-level failure: a 400 naming what is wrong with the file as a whole. */
export function fileError(en: string, zh: string, path = 'body'): DomainError {
  return new DomainError('validation_failed', en, {
    errors: [{ path, message: en }],
    extra: { detailZh: zh, errorsZh: [{ path, message: zh }] },
  });
}

const blank = (cells: readonly RawCell[]) =>
  cells.every((c) => c === null || c === undefined || String(c).trim() === '');

/** Every row of the file, header first, streamed for CSV; rows with no content are skipped (their numbers kept). */
export async function* readRows(source: FileSource, shape: FileShape): AsyncGenerator<SheetRow> {
  if (shape.format === 'xlsx') {
    yield* readXlsx(source);
    return;
  }
  const parser = Readable.from(source())
    .pipe(iconv.decodeStream(shape.encoding === 'gbk' ? 'gbk' : (shape.encoding ?? 'utf-8'), { stripBOM: true }))
    .pipe(
      parse({
        delimiter: DELIMITER_CHAR[shape.delimiter ?? 'comma'],
        relax_column_count: true,
        skip_empty_lines: true,
        bom: true,
      }),
    );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (!blank(record)) yield { row, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw fileError(
        `The CSV cannot be read near line ${line ?? row + 1}: ${error.message}`,
        `CSV 文件第 ${line ?? row + 1} 行附近无法解析：${error.message}`,
        `line ${line ?? row + 1}`,
      );
    }
    throw error;
  }
}

async function* readXlsx(source: FileSource): AsyncGenerator<SheetRow> {
  const parts: Uint8Array[] = [];
  for await (const chunk of source()) parts.push(chunk);
  const bytes = Buffer.concat(parts);
  let rows: unknown[][];
  try {
    rows = (await readSheet(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))) as unknown[][];
  } catch (error) {
    throw fileError(
      `The XLSX workbook cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      'XLSX 工作簿无法读取。',
    );
  }
  let row = 0;
  for (const cells of rows) {
    row++;
    const typed = cells.map((c): RawCell =>
      c === null ||
      c === undefined ||
      typeof c === 'string' ||
      typeof c === 'number' ||
      typeof c === 'boolean' ||
      c instanceof Date
        ? c
        : String(c),
    );
    if (!blank(typed)) yield { row, cells: typed };
  }
}
