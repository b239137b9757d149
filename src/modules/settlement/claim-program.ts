import type { Deps } from '../../platform/deps.js';
import type { AuthState } from '../../platform/http/env.js';
import type { Role } from '../../platform/auth/schema.js';
import { keptProgram, type KeptProgram } from '../../platform/programs/kept.js';

export const CLAIM_ROLES: readonly Role[] = ['admin', 'operator', 'business'];

export type ClaimProgram = KeptProgram;

/**
 * The program behind the reservation API's slug, kept between requests. A kept program never
 * prices a claim on its own: the one-statement path (reserveClaimDirect) checks in that same
 * statement that the row is still this version, and a request whose check fails goes the general
 * way with `{ fresh: true }`.
 */
export function claimProgram(deps: Deps, auth: AuthState, slug: string, opts: { fresh?: boolean } = {}): Promise<ClaimProgram> {
  return keptProgram(deps, auth, slug, CLAIM_ROLES, opts);
}
