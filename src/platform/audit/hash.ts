import crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so the hash does not depend on how jsonb orders keys. */
export function stableStringify(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return '[' + value.map(stableStringify).join(',') + ']';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + stableStringify(obj[k])).join(',') + '}';
  }
  return JSON.stringify(value);
}

export interface HashedFields {
  at: Date;
  actorUserId: number | null;
  actorLabel: string;
  role: string | null;
  programId: number | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  requestId: string | null;
  diff: unknown;
}

/** The canonical body of an entry, hashed together with the previous hash and the entry's id. */
export function entryBody(f: HashedFields): string {
  return stableStringify({ ...f, at: f.at.toISOString(), diff: f.diff ?? null });
}

/**
 * sha256(prev || "\n" || id || "\n" || body) as hex — the same formula the database function
 * `audit_append` uses when it writes the entry. The id is covered, so deleting or reordering
 * rows breaks the chain.
 */
export function entryHash(prevHash: string, id: number, body: string): string {
  return crypto.createHash('sha256').update(`${prevHash}\n${id}\n${body}`, 'utf8').digest('hex');
}
