import { oncePer } from '../../db/client.js';
import type { Deps } from '../../platform/deps.js';
import type { AuthState } from '../../platform/http/env.js';
import { authorizeFound } from '../../platform/http/guards.js';
import type { Role } from '../../platform/auth/schema.js';
import { findProgramVersionBySlug } from '../../platform/programs/queries.js';
import type { Program } from '../../platform/programs/schema.js';

export const CLAIM_ROLES: readonly Role[] = ['admin', 'operator', 'business'];

export interface ClaimProgram {
  program: Program;
  /** The row version it was read at (`xmin`). */
  version: string;
  roles: Role[];
  /** Read for this request, not kept from an earlier one. */
  fresh: boolean;
}

/** Enough for every program of an installation; past it the map starts over. */
const MAX_KEPT = 200;
const keptFor = oncePer((_: Deps) => new Map<string, { program: Program; version: string }>());

/**
 * The program behind the reservation API's slug, kept between requests to save a round trip per
 * reservation. A kept program never prices a claim on its own: the one-statement path
 * (reserveClaimDirect) checks in that same statement that the row is still this version, and a
 * request whose check fails goes the general way with `{ fresh: true }`. Authorization uses the
 * caller's grants, read fresh with the token; a kept program that refuses them is read afresh
 * before the refusal stands.
 */
export async function claimProgram(deps: Deps, auth: AuthState, slug: string, opts: { fresh?: boolean } = {}): Promise<ClaimProgram> {
  const map = keptFor(deps);
  const known = opts.fresh ? undefined : map.get(slug);
  if (known) {
    try {
      return { ...known, roles: authorizeFound(auth, known.program, CLAIM_ROLES), fresh: false };
    } catch {
      // Decided on a kept row: read afresh below.
    }
  }
  const found = await findProgramVersionBySlug(deps.db, slug);
  if (!found) map.delete(slug);
  const roles = authorizeFound(auth, found?.program, CLAIM_ROLES);
  if (map.size >= MAX_KEPT) map.clear();
  map.set(slug, found!);
  return { ...found!, roles, fresh: true };
}
