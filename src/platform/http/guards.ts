import { findProgramById, findProgramBySlug } from '../programs/queries.js';
import type { Program } from '../programs/schema.js';
import { isInstallationAdmin, rolesIn } from '../auth/memberships.js';
import type { Role } from '../auth/schema.js';
import { AppError } from '../errors/index.js';
import type { AppContext, AuthState } from './env.js';

/** Signed in, with every factor the account owes. */
export function requireAuth(c: AppContext): AuthState {
  const auth = c.get('auth');
  if (!auth) throw new AppError('unauthenticated');
  if (!auth.complete) throw new AppError('unauthenticated', 'mfa-pending');
  return auth;
}

function holdsAnywhere(auth: AuthState, roles: readonly Role[]): boolean {
  return auth.grants.some((g) => roles.includes(g.role));
}

/** For installation-level pages (e.g. the back-office home): one of `roles` in some program. */
export function requireRoleAnywhere(c: AppContext, roles: readonly Role[]): AuthState {
  const auth = requireAuth(c);
  if (!holdsAnywhere(auth, roles)) throw new AppError('forbidden');
  return auth;
}

export function requireInstallationAdmin(c: AppContext): AuthState {
  const auth = requireAuth(c);
  if (!isInstallationAdmin(auth.grants)) throw new AppError('forbidden');
  return auth;
}

/**
 * Access to one program's data. Someone who holds none of `roles` anywhere is the wrong kind of
 * user (403); someone who holds them only in other programs learns nothing about this one (404).
 */
export function authorizeProgram(auth: AuthState, program: Pick<Program, 'id'>, roles: readonly Role[]): Role[] {
  if (!holdsAnywhere(auth, roles) && !(roles.includes('admin') && isInstallationAdmin(auth.grants))) {
    throw new AppError('forbidden');
  }
  const mine = rolesIn(auth.grants, program.id).filter((r) => roles.includes(r));
  if (mine.length === 0) throw new AppError('not-found');
  return mine;
}

export async function requireProgramRole(c: AppContext, slug: string, roles: readonly Role[]): Promise<{ auth: AuthState; program: Program; roles: Role[] }> {
  const auth = requireAuth(c);
  const program = await findProgramBySlug(c.get('deps').db, slug);
  return { auth, program: program!, roles: authorizeFound(auth, program, roles) };
}

/** authorizeProgram for a program looked up by the caller, undefined when none was found. */
export function authorizeFound(auth: AuthState, program: Pick<Program, 'id'> | undefined, roles: readonly Role[]): Role[] {
  if (!program) {
    if (!holdsAnywhere(auth, roles)) throw new AppError('forbidden');
    throw new AppError('not-found');
  }
  return authorizeProgram(auth, program, roles);
}

export async function requireProgramRoleById(c: AppContext, programId: number, roles: readonly Role[]) {
  const auth = requireAuth(c);
  const program = await findProgramById(c.get('deps').db, programId);
  if (!program) throw new AppError('not-found');
  return { auth, program, roles: authorizeProgram(auth, program, roles) };
}

/** The acting role recorded in the audit trail: the strongest role that allowed the action. */
export function primaryRole(roles: Role[]): Role | null {
  const order: Role[] = ['admin', 'operator', 'city', 'agent', 'business'];
  return order.find((r) => roles.includes(r)) ?? null;
}
