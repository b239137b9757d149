import { eq } from 'drizzle-orm';
import type { CommandContext } from '../command.js';
import { AppError } from '../errors/index.js';
import { addMembership } from './memberships.js';
import { users, type Role } from './schema.js';
import { destroyUserSessions } from './sessions.js';
import { authMessages as m } from './web/messages.js';

export interface RoleGrant {
  userId: number;
  role: Role;
  /** `null` only for an installation-wide admin. */
  programId: number | null;
}

/**
 * The one way a user gains a role (admin users page, `user create`, a business account made or
 * reused by a module). Idempotent: a role already held changes nothing and writes nothing. An
 * actual grant is audited (`platform.user.role_granted`) and ends every session of the user, so
 * the new privileges are read at the next sign-in — as a revocation does. Returns whether the
 * role was added.
 */
export async function grantRole(ctx: CommandContext, grant: RoleGrant): Promise<boolean> {
  const { userId, role, programId } = grant;
  if (role !== 'admin' && programId === null) {
    throw new AppError('validation-failed', m('ja', 'errRoleNeedsProgram', { role }), { fieldErrors: [{ field: 'program', message: m('ja', 'errProgramRequired') }] });
  }
  // The user row is locked: grants, changes and status changes of one user run one after the other.
  const [user] = await ctx.tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('no key update');
  if (!user) throw new AppError('not-found', m('ja', 'errUserNotFound'));
  if (!(await addMembership(ctx.tx, userId, role, programId))) return false;
  await destroyUserSessions(ctx.tx, userId);
  ctx.audit({ action: 'platform.user.role_granted', programId, targetType: 'user', targetId: userId, diff: { role, programId } });
  return true;
}
