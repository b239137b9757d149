/**
 * Links and redirects that must stay on this site. Browsers read more forms as "another host"
 * than `//host`: they treat a backslash as a slash in http(s) URLs (`/\evil.example` is
 * `//evil.example`), and drop tabs and newlines anywhere (`/<TAB>/evil.example` is too). The
 * percent-encoded forms (`%5c`, `%09`…) are refused as well: a proxy or server on the way may
 * decode them into the same thing. One definition, for the site's links and the sign-in `next`.
 */
const AMBIGUOUS = /[\\\u0000-\u001f\u007f]|%5c|%[01][0-9a-f]|%7f/i;

/** Whether URL text holds a backslash, a control character (tab, newline…) or either percent-encoded. */
export function hasAmbiguousUrlText(url: string): boolean {
  return AMBIGUOUS.test(url);
}

/** A path on this site (`/…`) that no browser reads as another host (`//host`, `/\host`, `/%2fhost`, `/<TAB>/host`). */
export function isLocalPath(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !/^\/%2f/i.test(url) && !hasAmbiguousUrlText(url);
}
