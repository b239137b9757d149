/**
 * Streaming CSV: RFC 4180 quoting, CRLF line ends, UTF-8 with BOM (so Excel detects UTF-8) or
 * Shift_JIS as CP932. Output is an async iterable of Buffer chunks of roughly 64 KiB, which
 * `Readable.from` turns into a Node stream.
 */
import { AppError } from '../errors/index.js';
import type { Column, Rows } from './columns.js';
import { encodeCp932, findNonCp932Char, normalizeForCp932 } from './cp932.js';
import { cellText, csvField } from './text-cell.js';

export type CsvEncoding = 'utf8-bom' | 'sjis';

export interface CsvOptions {
  encoding: CsvEncoding;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CHUNK_CHARS = 64 * 1024;

/** `row` is the 1-based data record number; 0 means the header line. */
export function unencodableError(row: number, column: string, char: string): AppError {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const where = row === 0 ? `見出し「${column}」` : `${row}件目の「${column}」`;
  return new AppError(
    'validation-failed',
    `${where}に Shift_JIS で表せない文字「${char}」（${code}）が含まれています。UTF-8 形式で出力するか、文字を置き換えてください。`,
    { detail: { row, column, char } },
  );
}

/**
 * Yields the CSV as Buffer chunks. With `sjis`, a character CP932 cannot hold throws
 * `validation-failed` (naming record, column and character) when its chunk is reached, so a
 * caller that must not fail mid-response should drain this before responding.
 */
export async function* toCsv<T>(rows: Rows<T>, columns: readonly Column<T>[], opts: CsvOptions): AsyncGenerator<Buffer> {
  const sjis = opts.encoding === 'sjis';

  const field = (text: string, row: number, column: string): string => {
    if (!sjis) return csvField(text);
    const normalized = normalizeForCp932(text);
    const bad = findNonCp932Char(normalized);
    if (bad !== null) throw unencodableError(row, column, bad);
    return csvField(normalized);
  };
  const encode = (s: string): Buffer => (sjis ? encodeCp932(s) : Buffer.from(s, 'utf8'));

  let pending = columns.map((c) => field(cellText(c.header), 0, c.header)).join(',') + '\r\n';
  if (!sjis) {
    yield Buffer.concat([UTF8_BOM, encode(pending)]);
    pending = '';
  }

  let n = 0;
  for await (const row of rows) {
    n++;
    pending += columns.map((c) => field(cellText(c.value(row), c.kind), n, c.header)).join(',') + '\r\n';
    if (pending.length >= CHUNK_CHARS) {
      yield encode(pending);
      pending = '';
    }
  }
  if (pending.length > 0) yield encode(pending);
}
