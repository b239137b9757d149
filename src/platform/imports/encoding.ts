import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/**
 * The encodings an imported CSV file may be in: UTF-8, or Shift_JIS as Excel writes it (decoded as
 * Windows-31J/CP932, the superset with ①, 髙 and the NEC/IBM extensions; half-width kana included).
 */
export const CSV_ENCODINGS = ['utf-8', 'shift_jis'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** The encoding a person names (`--encoding utf-8|shift_jis`, a form's choice); null for anything else. */
export function csvEncodingOf(name: string): CsvEncoding | null {
  const n = name.trim().toLowerCase();
  return (CSV_ENCODINGS as readonly string[]).includes(n) ? (n as CsvEncoding) : null;
}

/** How an encoding is named in messages. */
export const encodingLabel = (e: CsvEncoding): string => (e === 'utf-8' ? 'UTF-8' : 'Shift_JIS');

/** At most this many lines of the minority encoding are refused one by one; more: the file is refused. */
const MAX_FOREIGN_LINES = 1000;

/**
 * What the whole file says about its encoding, line by line (lines end at CR, LF or CRLF: bytes
 * that neither encoding uses inside a character): how many lines with non-ASCII bytes are valid
 * UTF-8, and which are not.
 */
export interface EncodingSurvey {
  /** Lines valid as UTF-8 that could not also be Shift_JIS half-width kana (see kanaLike). */
  utf8Lines: number;
  utf8At: number[];
  /** Lines valid as UTF-8 whose every non-ASCII byte is a Shift_JIS half-width kana (0xA1–0xDF). */
  kanaLikeLines: number;
  kanaLikeAt: number[];
  /** Lines that are not valid UTF-8. */
  otherLines: number;
  otherAt: number[];
  /** The first line holding a UTF-8 character of three or more bytes (Japanese text in UTF-8). */
  firstWideUtf8Line: number | null;
}

export async function surveyEncoding(bytes: AsyncIterable<Buffer>): Promise<EncodingSurvey> {
  const s: EncodingSurvey = { utf8Lines: 0, utf8At: [], kanaLikeLines: 0, kanaLikeAt: [], otherLines: 0, otherAt: [], firstWideUtf8Line: null };
  let line = 1;
  let carry: Buffer | null = null;
  const note = (at: number[]) => at.length <= MAX_FOREIGN_LINES && at.push(line);
  const classify = (seg: Buffer) => {
    if (isAscii(seg)) return;
    if (isUtf8(seg)) {
      if (kanaLike(seg)) {
        s.kanaLikeLines++;
        note(s.kanaLikeAt);
      } else {
        s.utf8Lines++;
        note(s.utf8At);
        if (s.firstWideUtf8Line === null && seg.some((b) => b >= 0xe0)) s.firstWideUtf8Line = line;
      }
    } else {
      s.otherLines++;
      note(s.otherAt);
    }
  };
  /** A segment up to (not including) an LF: its lines ended by a lone CR, then the rest. */
  const lines = (seg: Buffer) => {
    let from = 0;
    for (let cr = seg.indexOf(13); cr >= 0 && cr < seg.length - 1; cr = seg.indexOf(13, from)) {
      classify(seg.subarray(from, cr));
      line++;
      from = cr + 1;
    }
    classify(seg.subarray(from));
  };
  for await (const chunk of bytes) {
    let start = 0;
    if (isAscii(chunk)) {
      // The lines wholly inside an ASCII chunk need no classifying, only counting.
      const first = chunk.indexOf(10);
      if (first >= 0) {
        lines(carry ? Buffer.concat([carry, chunk.subarray(0, first)]) : chunk.subarray(0, first));
        carry = null;
        const last = chunk.lastIndexOf(10);
        line += 1 + lineEndsBetween(chunk, first + 1, last);
        start = last + 1;
      }
      if (start < chunk.length) carry = carry ? Buffer.concat([carry, chunk.subarray(start)]) : chunk.subarray(start);
      continue;
    }
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      lines(carry ? Buffer.concat([carry, chunk.subarray(start, nl)]) : chunk.subarray(start, nl));
      carry = null;
      line++;
      start = nl + 1;
    }
    if (start < chunk.length) carry = carry ? Buffer.concat([carry, chunk.subarray(start)]) : chunk.subarray(start);
  }
  if (carry) lines(carry);
  return s;
}

/** Line ends from `from` up to and including the LF at `to`: each LF, and each CR not followed by an LF. */
function lineEndsBetween(chunk: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = chunk.indexOf(10, from); i >= 0 && i <= to; i = chunk.indexOf(10, i + 1)) n++;
  for (let i = chunk.indexOf(13, from); i >= 0 && i < to; i = chunk.indexOf(13, i + 1)) if (chunk[i + 1] !== 10) n++;
  return n;
}

/**
 * Whether every non-ASCII byte of a line lies in 0xA1–0xDF: in Shift_JIS that is half-width kana
 * only, and it is valid UTF-8 only by chance (pairs such as ﾃｽ = C3 BD read as accented Latin
 * letters, ý).
 */
function kanaLike(seg: Buffer): boolean {
  for (const b of seg) if (b >= 0x80 && (b < 0xa1 || b > 0xdf)) return false;
  return true;
}

/**
 * The file's encoding, and the lines in it that are plainly in the other one (to be refused one by
 * one: decoded in the file's encoding they would be mojibake without a single invalid byte).
 */
export type EncodingDecision = { encoding: CsvEncoding; foreignLines?: ReadonlySet<number> } | { ambiguous: number[] };

const foreign = (count: number, at: number[]): ReadonlySet<number> | null => (count > MAX_FOREIGN_LINES ? null : new Set(at));

/**
 * The encoding of a file, decided on all of it, line by line ("UTF-8 lines": valid UTF-8 that
 * cannot be Shift_JIS half-width kana; Japanese in UTF-8 always is, three bytes a character):
 * - no UTF-8 line: Shift_JIS when any line is not ASCII (invalid UTF-8 or half-width kana);
 * - no line invalid as UTF-8: UTF-8;
 * - otherwise the majority: UTF-8 when UTF-8 lines outnumber the invalid ones (these decode to
 *   U+FFFD and are refused; half-width-kana lines are refused as foreign), Shift_JIS when the
 *   invalid ones outnumber the UTF-8 lines (these are refused as foreign);
 * - a tie, or more than 1,000 foreign lines, cannot be decided: the lines not in UTF-8 are named.
 */
export function decideEncoding(s: EncodingSurvey): EncodingDecision {
  if (s.utf8Lines === 0) return { encoding: s.otherLines + s.kanaLikeLines === 0 ? 'utf-8' : 'shift_jis' };
  if (s.otherLines === 0) return { encoding: 'utf-8' };
  if (s.utf8Lines > s.otherLines) {
    const lines = foreign(s.kanaLikeLines, s.kanaLikeAt);
    if (lines) return { encoding: 'utf-8', foreignLines: lines };
  } else if (s.otherLines > s.utf8Lines) {
    const lines = foreign(s.utf8Lines, s.utf8At);
    if (lines) return { encoding: 'shift_jis', foreignLines: lines };
  }
  return { ambiguous: s.otherAt.slice(0, 5) };
}

/**
 * Characters that no clean decoding of a CSV row yields: U+FFFD (what a decoder puts where bytes are
 * not valid in the encoding: a lone lead byte, a Shift_JIS row in a UTF-8 file), control characters
 * other than tab and line breaks (NUL cannot even be stored), C1 controls (a stray 0x80 in
 * Shift_JIS) and the private use area (Shift_JIS 外字, which no other system shows the same).
 */
export const UNREADABLE_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000-\uF8FF\uFFFD]/;

/**
 * The file's text, chunk by chunk, in the given encoding. Bytes that are not valid in it come out
 * as U+FFFD (never dropped or guessed), so the row that holds them can be refused by its line;
 * `seen.unreadable` turns true once any chunk held an unreadable character.
 */
export async function* decodeChunks(bytes: AsyncIterable<Buffer>, encoding: CsvEncoding, seen: { unreadable: boolean }): AsyncGenerator<string> {
  const decoder =
    encoding === 'utf-8'
      ? (() => {
          // A BOM is dropped (ignoreBOM: false); everything else is kept, invalid bytes as U+FFFD.
          const d = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
          return { write: (b: Buffer) => d.decode(b, { stream: true }), end: () => d.decode() };
        })()
      : (() => {
          const d = iconv.getDecoder('cp932');
          return { write: (b: Buffer) => d.write(b), end: () => d.end() ?? '' };
        })();
  const out = (text: string) => {
    if (!seen.unreadable && UNREADABLE_CHARACTER.test(text)) seen.unreadable = true;
    return text;
  };
  for await (const chunk of bytes) {
    const text = decoder.write(chunk);
    if (text) yield out(text);
  }
  const rest = decoder.end();
  if (rest) yield out(rest);
}
