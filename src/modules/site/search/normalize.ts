/**
 * Folding for Japanese search, applied alike to the indexed text and to the query:
 * NFKC (full/half width: `ﾎﾃﾙ` → `ホテル`, `ＡＢＣ１` → `abc1`), lower case, katakana → hiragana
 * (`ホテル` = `ほてる`), small ヶ/ヵ → け/か (鶴ケ谷 = 鶴ヶ谷), and no white space or separators, so
 * `作並 温泉` and `作並温泉` are the same text.
 */
const SEPARATORS = /[\s\u3000・･\-‐‑–—―−~〜～、。，．,.\/／()（）「」『』【】\[\]'"]/g;

export function foldKana(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x30a1 && code <= 0x30f6) {
      const h = code - 0x60;
      // ゕ/ゖ (from ヵ/ヶ) are read か/け in names and addresses.
      out += h === 0x3095 ? 'か' : h === 0x3096 ? 'け' : String.fromCodePoint(h);
    } else if (code === 0x30fd || code === 0x30fe) {
      out += String.fromCodePoint(code - 0x60); // ヽヾ → ゝゞ
    } else out += ch;
  }
  return out;
}

/** The searchable form of a text. */
export function normalizeText(s: string): string {
  return foldKana(s.normalize('NFKC').toLowerCase()).replace(SEPARATORS, '');
}

/**
 * A query as its words: split on spaces (half or full width) after NFKC, each word folded. Every
 * word must match; a word also matches across the spaces of the indexed text.
 */
export function queryTerms(q: string): string[] {
  return q
    .normalize('NFKC')
    .split(/\s+/)
    .map(normalizeText)
    .filter((t) => t.length > 0)
    .slice(0, 10);
}

/** Character bigrams of a folded text (a single character is its own gram). */
export function grams(text: string): string[] {
  const chars = Array.from(text);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}
