import crypto from 'node:crypto';

/**
 * The documented, deterministic draw (docs/modules/surveys.md), which anyone holding the seed and
 * the entry list can redo:
 * 1. The seed is 32 random bytes written as 64 lower-case hex characters; what is published before
 *    the draw is SHA-256 of those 64 characters (hex).
 * 2. The frozen entry list is the entry numbers (ids) in ascending order, each followed by "\n";
 *    its hash is SHA-256 of that text (hex).
 * 3. Each entry's key is SHA-256 of `<seed>:<id>` (hex); entries are ordered by key (ties, which
 *    do not happen in practice, by id). The first N are the winners, the next M the alternates in
 *    the order they move up.
 */
export const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

export function newSeed(): string {
  return crypto.randomBytes(32).toString('hex');
}

export function seedHash(seed: string): string {
  return sha256(seed);
}

export function entryListHash(ids: number[]): string {
  return sha256([...ids].sort((a, b) => a - b).map((id) => `${id}\n`).join(''));
}

/** The drawn order: winners then alternates (`winners + alternates` ids at most). */
export function drawOrder(seed: string, ids: number[], winners: number, alternates: number): number[] {
  return ids
    .map((id) => ({ id, key: sha256(`${seed}:${id}`) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id))
    .slice(0, winners + alternates)
    .map((x) => x.id);
}
