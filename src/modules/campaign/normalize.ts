/**
 * Input normalisation shared by the form, the API and the CSV import: full-width digits and
 * letters become half-width, half-width kana full-width (NFKC), hiragana katakana where a reading
 * is asked for, and the many dash look-alikes people type become one.
 */

const DASHES = /[‐‑‒–—―−ｰ－ー]/g;

/** NFKC and trimmed, inner runs of white space folded to one space. */
export function normalizeText(v: unknown): string {
  if (typeof v !== 'string') return '';
  return v.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Digits only (full-width digits accepted; hyphens and spaces dropped). */
export function normalizeDigits(v: unknown): string {
  return normalizeText(v).replace(DASHES, '-').replace(/[-\s]/g, '');
}

/** A phone number: half-width digits and hyphens. */
export function normalizePhone(v: unknown): string {
  return normalizeText(v).replace(DASHES, '-').replace(/\s/g, '');
}

/** 〒 980-0811 → 980-0811; 9800811 → 980-0811. Anything else is returned trimmed for the error. */
export function normalizePostalCode(v: unknown): string {
  const s = normalizeText(v).replace(/^〒\s*/, '').replace(DASHES, '-').replace(/\s/g, '');
  const m = /^(\d{3})-?(\d{4})$/.exec(s);
  return m ? `${m[1]}-${m[2]}` : s;
}

/** A reading in full-width katakana: hiragana and half-width kana are converted. */
export function toKatakana(v: unknown): string {
  return normalizeText(v)
    .replace(/[\u3041-\u3096]/g, (h) => String.fromCharCode(h.charCodeAt(0) + 0x60))
    .replace(/[-‐‑‒–—―−－ｰ]/g, 'ー');
}

/**
 * A reading (ふりがな) after toKatakana: full-width katakana, the long-vowel mark, the middle dot
 * and spaces only — as the event registration takes it. A name written in Latin letters or digits
 * is read out in kana too (「ホテルワン」), so `abc` is refused.
 */
export const KATAKANA_READING = /^[\u30A1-\u30FAー・ ]+$/;
