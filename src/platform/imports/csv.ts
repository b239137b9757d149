import fs from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import { csvMessages } from './messages.js';
import { UNREADABLE_CHARACTER, decideEncoding, decodeChunks, encodingLabel, surveyEncoding, type CsvEncoding } from './encoding.js';

export { CSV_ENCODINGS, csvEncodingOf, type CsvEncoding } from './encoding.js';

/**
 * A CSV file to import. It is read twice when its encoding is not declared: once to decide the
 * encoding on the whole file, once to parse it (in constant memory both times).
 */
export interface CsvSource {
  open(): AsyncIterable<Buffer>;
  /** Declared by the person importing (`--encoding`, a form's choice); decided from the file otherwise. */
  encoding?: CsvEncoding;
}

export const csvFromBuffer = (bytes: Buffer, encoding?: CsvEncoding): CsvSource => ({
  async *open() {
    yield bytes;
  },
  encoding,
});

export const csvFromFile = (file: string, encoding?: CsvEncoding): CsvSource => ({ open: () => fs.createReadStream(file, { highWaterMark: 1 << 16 }), encoding });

/** A whole file refused: it cannot be decoded or parsed, or its header is wrong. `line` is 1-based. */
export class CsvFileError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export class CsvHeaderError extends CsvFileError {
  constructor(
    readonly missing: string[],
    readonly found: string[],
  ) {
    super(csvMessages('ja', 'headerMissing', { missing: missing.join(', '), found: found.join(', ') }), 1);
  }
}

export interface CsvRecord {
  /** 1-based line number where the record starts (the header is line 1). */
  line: number;
  fields: string[];
  /**
   * Set when the record does not decode cleanly: it holds a character no clean decoding yields
   * (see UNREADABLE_CHARACTER), or lies on a line plainly in the other encoding.
   */
  unreadable?: 'character' | 'foreign';
}

const MAX_RECORD_CHARS = 1 << 20;

interface Decided {
  encoding: CsvEncoding;
  /** Lines plainly in the other encoding, refused one by one (see decideEncoding). */
  foreignLines?: ReadonlySet<number>;
}

/**
 * The file's encoding: the declared one, or the one decided on the whole file. A file declared
 * Shift_JIS that is plainly UTF-8 Japanese (every non-ASCII line valid UTF-8, some with
 * three-byte characters) is refused rather than read as mojibake; its UTF-8 lines among
 * Shift_JIS ones are refused one by one.
 */
async function encodingOf(source: CsvSource): Promise<Decided> {
  if (source.encoding === 'utf-8') return { encoding: 'utf-8' };
  const survey = await surveyEncoding(source.open());
  if (source.encoding === 'shift_jis') {
    const firstUtf8 = survey.firstWideUtf8Line ?? survey.utf8At[0] ?? 1;
    if (survey.utf8Lines > 0 && (survey.otherLines === 0 || survey.utf8At.length > 1000)) throw new CsvFileError(csvMessages('ja', 'declaredShiftJisIsUtf8', { line: firstUtf8 }), firstUtf8);
    return { encoding: 'shift_jis', foreignLines: new Set(survey.utf8At) };
  }
  const verdict = decideEncoding(survey);
  if ('ambiguous' in verdict) throw new CsvFileError(csvMessages('ja', 'ambiguousEncoding', { lines: verdict.ambiguous.join(', ') }), verdict.ambiguous[0] ?? 1);
  return verdict;
}

/** Line breaks inside a record's fields (a quoted field may span lines). */
function breaksIn(fields: string[]): number {
  let n = 0;
  for (const f of fields) {
    if (f.indexOf('\n') < 0 && f.indexOf('\r') < 0) continue;
    n += f.match(/\r\n|\r|\n/g)!.length;
  }
  return n;
}

/** Whether any of the lines [from, to) is in the set. */
function spans(lines: ReadonlySet<number>, from: number, to: number): boolean {
  for (let l = from; l < to; l++) if (lines.has(l)) return true;
  return false;
}

function fileError(e: unknown, line: number): CsvFileError {
  const code = (e as Partial<CsvError>).code ?? 'error';
  if (code === 'CSV_QUOTE_NOT_CLOSED') return new CsvFileError(csvMessages('ja', 'quoteNotClosed', { line }), line);
  if (code === 'CSV_MAX_RECORD_SIZE') return new CsvFileError(csvMessages('ja', 'recordTooLong', { line, max: MAX_RECORD_CHARS }), line);
  return new CsvFileError(csvMessages('ja', 'malformed', { line, code }), line);
}

/**
 * Parses CSV (RFC 4180 through csv-parse: quotes, doubled quotes, line breaks inside quotes; CRLF,
 * LF or CR line ends; a quote inside an unquoted field is kept as text) in constant memory. The
 * encoding is decided first (see encodingOf); a record holding bytes that are not valid in it is
 * still yielded, marked `unreadable`, so the importer can refuse it by its line. A record that
 * cannot be parsed (an unclosed quote, a record over 1 Mi characters) refuses the file, naming the
 * line it starts on.
 */
export async function* parseCsv(source: CsvSource): AsyncGenerator<CsvRecord> {
  for await (const batch of batchesOf(source, await encodingOf(source))) yield* batch;
}

/**
 * The records chunk by chunk: one await per chunk of the file rather than per record (a claims
 * file has a million). A malformed record refuses the file after the records before it.
 */
async function* batchesOf(source: CsvSource, { encoding, foreignLines }: Decided): AsyncGenerator<CsvRecord[]> {
  const seen = { unreadable: false };
  const parser = parse({ relax_column_count: true, relax_quotes: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'], max_record_size: MAX_RECORD_CHARS });
  // The parser is driven by hand (write a chunk, read its records): every record before a
  // malformed one is seen, so the malformed one is named by the line it starts on.
  parser.on('error', () => undefined);
  let line = 1;
  const drain = (): CsvRecord[] => {
    const batch: CsvRecord[] = [];
    for (let fields: string[] | null = parser.read(); fields !== null; fields = parser.read()) {
      const start = line;
      line += 1 + breaksIn(fields);
      if (foreignLines?.size && spans(foreignLines, start, line)) batch.push({ line: start, fields, unreadable: 'foreign' });
      else if (seen.unreadable && fields.some((f) => UNREADABLE_CHARACTER.test(f))) batch.push({ line: start, fields, unreadable: 'character' });
      else batch.push({ line: start, fields });
    }
    return batch;
  };
  for await (const text of decodeChunks(source.open(), encoding, seen)) {
    parser.write(text);
    const batch = drain();
    if (batch.length) yield batch;
    if (parser.errored) throw fileError(parser.errored, line);
  }
  await new Promise<void>((resolve) => parser.end(() => resolve()));
  const batch = drain();
  if (batch.length) yield batch;
  if (parser.errored) throw fileError(parser.errored, line);
}

/**
 * Records as objects keyed by the header; the header must hold the expected columns. A row marked
 * `unreadable` carries the message to refuse it with (it names the encoding), and must not be
 * imported.
 */
export async function* parseCsvObjects(source: CsvSource, expected: readonly string[]): AsyncGenerator<{ line: number; row: Record<string, string>; unreadable?: string }> {
  const decided = await encodingOf(source);
  const label = encodingLabel(decided.encoding);
  const reasons = { character: csvMessages('ja', 'unreadableRow', { encoding: label }), foreign: csvMessages('ja', 'foreignRow', { encoding: label }) };
  let header: string[] | null = null;
  for await (const batch of batchesOf(source, decided)) {
    for (const rec of batch) {
      if (!header) {
        if (rec.unreadable) throw new CsvFileError(csvMessages('ja', 'unreadableHeader', { encoding: label }), 1);
        header = rec.fields.map((h) => h.trim());
        const missing = expected.filter((h) => !header!.includes(h));
        if (missing.length) throw new CsvHeaderError(missing, header);
        continue;
      }
      if (rec.fields.length === 1 && rec.fields[0] === '') continue;
      const row: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) row[header[i]!] = rec.fields[i] ?? '';
      yield rec.unreadable ? { line: rec.line, row, unreadable: reasons[rec.unreadable] } : { line: rec.line, row };
    }
  }
}
