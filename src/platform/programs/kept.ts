import { oncePer } from '../../db/client.js';
import type { Deps } from '../deps.js';
import type { AuthState } from '../http/env.js';
import { authorizeFound } from '../http/guards.js';
import type { Role } from '../auth/schema.js';
import { findProgramVersionBySlug } from './queries.js';
import { LruCache } from '../lru.js';
import type { Program } from './schema.js';

export interface KeptProgram {
  program: Program;
  /** The row version it was read at (`xmin`). */
  version: string;
  roles: Role[];
  /** Read for this request, not kept from an earlier one. */
  fresh: boolean;
}

/** Enough for every program of an installation. */
const keptFor = oncePer((_: Deps) => new LruCache<{ program: Program; version: string }>(200));

/**
 * The program behind an API slug, kept between requests to save a round trip on the hot APIs
 * (reservations, call entry). A kept row may be stale: use it only for what never changes (its id,
 * kind, slug) or check in the writing statement that the row is still `version`, and go the
 * general way with `{ fresh: true }` when it is not. Authorization uses the caller's grants, read
 * fresh with the token; a kept program that refuses them is read afresh before the refusal stands.
 */
export async function keptProgram(deps: Deps, auth: AuthState, slug: string, roles: readonly Role[], opts: { fresh?: boolean } = {}): Promise<KeptProgram> {
  const map = keptFor(deps);
  const known = opts.fresh ? undefined : map.get(slug);
  if (known) {
    try {
      return { ...known, roles: authorizeFound(auth, known.program, roles), fresh: false };
    } catch {
      // Decided on a kept row: read afresh below.
    }
  }
  const found = await findProgramVersionBySlug(deps.db, slug);
  if (!found) map.delete(slug);
  const allowed = authorizeFound(auth, found?.program, roles);
  map.set(slug, found!);
  return { ...found!, roles: allowed, fresh: true };
}
