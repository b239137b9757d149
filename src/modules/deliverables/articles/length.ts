/** The seed's article shape: a title of one to two lines, a body of about 1,500 characters. */
export const TITLE_MAX_CHARS = 60;
export const TITLE_MAX_LINES = 2;
export const BODY_MIN = 1300;
export const BODY_MAX = 1700;

/** Characters as a reader counts them (code points, line breaks not counted). */
export function charCount(text: string): number {
  return [...text.replace(/\r?\n/g, '')].length;
}

/** A warning (not a refusal) when the body is outside 1,300–1,700 characters. */
export function bodyLengthWarning(body: string): string | null {
  const n = charCount(body);
  if (n < BODY_MIN) return `本文が${n}字です（目安 約1,500字、${BODY_MIN}〜${BODY_MAX}字）`;
  if (n > BODY_MAX) return `本文が${n}字です（目安 約1,500字、${BODY_MIN}〜${BODY_MAX}字）`;
  return null;
}
