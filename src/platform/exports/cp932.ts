/**
 * Windows-31J (CP932), which is what Excel in Japan means by "Shift_JIS".
 *
 * Some characters are typed or pasted as Unicode code points that JIS-based mappings use but CP932
 * does not (the classic 〜/～ problem). They are replaced by their CP932 look-alikes before encoding
 * so that they survive instead of becoming "?" (or, for ¥ and ‾, a backslash and a tilde).
 */
import iconv from 'iconv-lite';

export const CP932_SUBSTITUTES: Readonly<Record<string, string>> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～
  '\u2212': '\uFF0D', // − MINUS SIGN → －
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥
  '\u2014': '\u2015', // — EM DASH → ―
  '\u00A2': '\uFFE0', // ¢ → ￠
  '\u00A3': '\uFFE1', // £ → ￡
  '\u00AC': '\uFFE2', // ¬ → ￢
  '\u00A5': '\uFFE5', // ¥ → ￥ (iconv would write 0x5C, which reads back as a backslash)
  '\u203E': '\uFFE3', // ‾ OVERLINE → ￣ (iconv would write 0x7E, a tilde)
  '\u00A6': '\uFFE4', // ¦ → ￤
  '\u00A0': ' ', // NO-BREAK SPACE, common in text pasted from web pages
};

const SUBSTITUTABLE = new RegExp(`[${Object.keys(CP932_SUBSTITUTES).join('')}]`, 'g');

export function normalizeForCp932(s: string): string {
  return s.replace(SUBSTITUTABLE, (c) => CP932_SUBSTITUTES[c] ?? c);
}

const verdicts = new Map<string, boolean>();

/** Whether one code point survives encode → decode; unmappable ones come back as "?". */
function survives(ch: string): boolean {
  let ok = verdicts.get(ch);
  if (ok === undefined) {
    ok = iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') === ch;
    verdicts.set(ch, ok);
  }
  return ok;
}

/** The first character of `s` that CP932 cannot represent, or null. Run after normalizeForCp932. */
export function findNonCp932Char(s: string): string | null {
  if (/^[\x00-\x7F]*$/.test(s)) return null;
  for (const ch of s) {
    if (ch.charCodeAt(0) >= 0x80 && !survives(ch)) return ch;
  }
  return null;
}

export function encodeCp932(s: string): Buffer {
  return iconv.encode(s, 'cp932');
}
