import crypto from 'node:crypto';

/** A strong ETag for these bytes (SHA-1, one-shot: it only has to change when the bytes change). */
export function etagOf(bytes: Uint8Array): string {
  return `"${crypto.hash('sha1', bytes, 'base64url').slice(0, 22)}"`;
}

/** Whether `If-None-Match` names this ETag (weak or strong, in a list, or `*`). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch === etag) return true;
  return ifNoneMatch.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v.replace(/^W\//, '') === etag;
  });
}
