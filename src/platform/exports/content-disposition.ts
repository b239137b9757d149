/**
 * `Content-Disposition: attachment` per RFC 6266: an ASCII `filename` for old clients and a UTF-8
 * `filename*` (RFC 5987/8187) that current browsers prefer, so Japanese names arrive intact.
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function contentDisposition(filename: string): string {
  const name = filename.replace(CONTROL, '');
  const fallback = Array.from(name, (ch) => (ch.codePointAt(0)! > 0x7e ? '_' : ch))
    .join('')
    .replace(/["\\]/g, '');
  // encodeURIComponent leaves ' ( ) * unescaped, but they are not attr-chars in RFC 5987.
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback || 'download'}"; filename*=UTF-8''${encoded}`;
}
