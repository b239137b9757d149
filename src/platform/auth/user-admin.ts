import { asc, eq } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import type { CommandContext } from '../command.js';
import { AppError } from '../errors/index.js';
import { addMembership, removeMembership, rolesHeldIn } from './memberships.js';
import { sendPasswordLink } from './password-reset.js';
import { users, type Role } from './schema.js';
import { destroyUserSessions } from './sessions.js';
import { grantRole } from './grant-role.js';
import { createUser } from './users.js';
import { authMessages as m } from './web/messages.js';

export async function listUsers(conn: Conn) {
  return conn.select().from(users).orderBy(asc(users.email));
}

/** Creates the account without a password and mails a link to set one. */
export async function inviteUser(ctx: CommandContext, input: { email: string; role: Role; programId: number | null }) {
  const { user, created } = await createUser(ctx, input);
  if (created) await sendPasswordLink(ctx, user, 'invite');
  return { user, created };
}

export async function setUserStatus(ctx: CommandContext, userId: number, status: 'active' | 'disabled') {
  // Re-read under the lock: of two identical changes at once, the second finds it done (one audit entry).
  const [user] = await ctx.tx.select({ status: users.status }).from(users).where(eq(users.id, userId)).for('no key update');
  if (!user) throw new AppError('not-found');
  if (user.status === status) return;
  await ctx.tx.update(users).set({ status }).where(eq(users.id, userId));
  // A disabled account loses its sessions at once.
  if (status === 'disabled') await destroyUserSessions(ctx.tx, userId);
  ctx.audit({ action: status === 'disabled' ? 'platform.user.disabled' : 'platform.user.enabled', targetType: 'user', targetId: userId });
}

/** Revokes a role; every session of the user ends, since its privileges changed. */
export async function revokeRole(ctx: CommandContext, userId: number, role: Role, programId: number | null) {
  const n = await removeMembership(ctx.tx, userId, role, programId);
  if (!n) throw new AppError('not-found');
  await destroyUserSessions(ctx.tx, userId);
  ctx.audit({ action: 'platform.user.role_revoked', programId, targetType: 'user', targetId: userId, diff: { role, programId } });
}

/**
 * Makes `role` the user's only role in the program (installation-wide for admin without a
 * program): a grant when none was held there, a change otherwise. Any change of privilege ends
 * every session of the user. Returns what was held before, or null when nothing changed.
 */
export async function setProgramRole(ctx: CommandContext, userId: number, role: Role, programId: number | null): Promise<Role[] | null> {
  // Locked: two admins changing one user's roles at once run one after the other.
  const [user] = await ctx.tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('no key update');
  if (!user) throw new AppError('not-found');
  if (role !== 'admin' && programId === null) {
    throw new AppError('validation-failed', m('ja', 'errRoleNeedsProgram', { role }), { fieldErrors: [{ field: 'program', message: m('ja', 'errProgramChoose') }] });
  }
  const before = await rolesHeldIn(ctx.tx, userId, programId);
  if (before.length === 1 && before[0] === role) return null;
  // A first role in the program is a grant: the one audited grant command (which ends the sessions).
  if (before.length === 0) {
    await grantRole(ctx, { userId, role, programId });
    return before;
  }
  for (const r of before) if (r !== role) await removeMembership(ctx.tx, userId, r, programId);
  await addMembership(ctx.tx, userId, role, programId);
  await destroyUserSessions(ctx.tx, userId);
  ctx.audit({ action: 'platform.user.role_changed', programId, targetType: 'user', targetId: userId, diff: { roles: [before, [role]], programId } });
  return before;
}
