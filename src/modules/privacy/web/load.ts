import { requireAuth, requireProgramRoleById } from '../../../platform/http/guards.js';
import type { AppContext } from '../../../platform/http/env.js';
import { AppError } from '../../../platform/errors/index.js';
import { idParam } from '../../../platform/http/params.js';
import type { Role } from '../../../platform/auth/schema.js';
import { findStaffEntry } from '../queries.js';

export const REQUEST_ROLES: Role[] = ['admin', 'operator'];
export const DECIDE_ROLES: Role[] = ['city'];
export const READ_ROLES: Role[] = ['admin', 'operator', 'city'];

/** A roster entry by `:id`, for staff of its program holding one of `roles` (403 for others, 404 across programs). */
export async function staffEntryFor(c: AppContext, roles: readonly Role[]) {
  const auth = requireAuth(c);
  if (!auth.grants.some((g) => roles.includes(g.role))) throw new AppError('forbidden');
  const entry = await findStaffEntry(c.get('deps').db, idParam(c));
  if (!entry) throw new AppError('not-found');
  const { program, roles: held } = await requireProgramRoleById(c, entry.programId, roles);
  return { entry, program, roles: held };
}
