import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf8' | 'cp932';

/** UTF-8 when the bytes are valid UTF-8 (a BOM settles it), otherwise Windows-31J (Excel's Shift_JIS). */
export function detectEncoding(sample: Buffer): CsvEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  // A sample cut in the middle of a character is still UTF-8: ignore an incomplete tail.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(sample);
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  return bad <= 1 && (bad === 0 || text.endsWith('\uFFFD')) ? 'utf8' : 'cp932';
}

export interface CsvRecord {
  /** 1-based line number where the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

/**
 * Parses CSV (RFC 4180: quotes, doubled quotes, CR/LF inside quotes) from a byte stream, in
 * constant memory: records are yielded as they complete.
 */
export async function* parseCsv(input: AsyncIterable<Buffer | string>, encoding?: CsvEncoding): AsyncGenerator<CsvRecord> {
  let decode: ((b: Buffer) => string) | null = null;
  let line = 1;
  let recordLine = 1;
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let pendingCr = false;
  let first = true;
  let sawAny = false;
  const utf8 = new StringDecoder('utf8');
  for await (const chunk of input) {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      if (!decode) {
        const enc = encoding ?? detectEncoding(chunk.subarray(0, 65536));
        if (enc === 'utf8') decode = (b) => utf8.write(b);
        else {
          const d = iconv.getDecoder('cp932');
          decode = (b) => d.write(b);
        }
      }
      text = decode(chunk);
    }
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    for (let i = 0; i < text.length; i++) {
      if (!pendingCr && !quoted && !afterQuote && field === '' && fields.length === 0) {
        // Fast path for a whole unquoted record in this chunk: split it at once instead of
        // walking it character by character (the common case of a booking system's export).
        const nl = text.indexOf('\n', i);
        if (nl >= 0) {
          const end = text.charCodeAt(nl - 1) === 13 && nl > i ? nl - 1 : nl;
          const seg = text.slice(i, end);
          if (seg.indexOf('"') < 0 && seg.indexOf('\r') < 0) {
            sawAny = true;
            yield { line: recordLine, fields: seg.split(',') };
            line++;
            recordLine = line;
            i = nl;
            continue;
          }
        }
      }
      const ch = text[i]!;
      sawAny = true;
      if (pendingCr) {
        pendingCr = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            // Closing, unless the next chunk starts with a quote (a doubled quote split in two).
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (ch === '\n') line++;
          field += ch;
        }
        continue;
      }
      if (afterQuote && ch === '"') {
        // The doubled quote was split across chunks.
        field += '"';
        quoted = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (ch === '"' && field === '') quoted = true;
      else if (ch === ',') {
        fields.push(field);
        field = '';
      } else if (ch === '\r' || ch === '\n') {
        fields.push(field);
        yield { line: recordLine, fields };
        fields = [];
        field = '';
        line++;
        recordLine = line;
        if (ch === '\r') pendingCr = true;
      } else field += ch;
    }
  }
  if (sawAny && (field !== '' || fields.length > 0)) {
    fields.push(field);
    yield { line: recordLine, fields };
  }
}

/** Records as objects keyed by the header; the header must hold exactly the expected columns. */
export async function* parseCsvObjects(input: AsyncIterable<Buffer | string>, expected: readonly string[]): AsyncGenerator<{ line: number; row: Record<string, string> }> {
  let header: string[] | null = null;
  for await (const rec of parseCsv(input)) {
    if (!header) {
      header = rec.fields.map((h) => h.trim());
      const missing = expected.filter((h) => !header!.includes(h));
      if (missing.length) throw new CsvHeaderError(missing, header);
      continue;
    }
    if (rec.fields.length === 1 && rec.fields[0] === '') continue;
    const row: Record<string, string> = {};
    header.forEach((h, i) => (row[h] = rec.fields[i] ?? ''));
    yield { line: rec.line, row };
  }
}

export class CsvHeaderError extends Error {
  constructor(
    readonly missing: string[],
    readonly found: string[],
  ) {
    super(`CSV の見出し行に必要な列がありません: ${missing.join(', ')}（見出し: ${found.join(', ')}）`);
  }
}

export const fromBuffer = (b: Buffer): AsyncIterable<Buffer> => Readable.from([b]);
