import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Conn } from '../../db/client.js';
import type { CommandContext } from '../command.js';
import { AppError } from '../errors/index.js';
import { grantRole } from './grant-role.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { ROLES, users, type Role, type User } from './schema.js';
import { authMessages as m } from './web/messages.js';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: m('ja', 'errEmailFormat') }).max(254, m('ja', 'errEmailFormat')));

export async function findUserByEmail(conn: Conn, email: string): Promise<User | undefined> {
  const [row] = await conn.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row;
}

export async function findUserById(conn: Conn, id: number): Promise<User | undefined> {
  const [row] = await conn.select().from(users).where(eq(users.id, id));
  return row;
}

export function parseRole(text: string): Role {
  if (!(ROLES as readonly string[]).includes(text)) {
    throw new AppError('validation-failed', m('ja', 'errRoleUnknown', { roles: ROLES.join(', ') }), {
      fieldErrors: [{ field: 'role', message: m('ja', 'errRoleInvalid') }],
    });
  }
  return text as Role;
}

/**
 * Creates a user (or adds the role to an existing one). A role other than admin needs a program;
 * admin without a program is installation-wide. Without a password the user sets one through the
 * reset link (an invitation).
 */
export async function createUser(
  ctx: CommandContext,
  input: { email: string; role: Role; programId: number | null; password?: string; displayName?: string },
): Promise<{ user: User; created: boolean }> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) {
    throw new AppError('validation-failed', m('ja', 'errEmailFormat'), {
      fieldErrors: [{ field: 'email', message: m('ja', 'errEmailFormat') }],
    });
  }
  if (input.role !== 'admin' && input.programId === null) {
    throw new AppError('validation-failed', m('ja', 'errRoleNeedsProgramCli', { role: input.role }), {
      fieldErrors: [{ field: 'program', message: m('ja', 'errProgramRequired') }],
    });
  }
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, { email: email.data });
    if (problem) throw new AppError('validation-failed', problem, { fieldErrors: [{ field: 'password', message: problem }] });
  }
  let user = await findUserByEmail(ctx.tx, email.data);
  const created = !user;
  if (!user) {
    [user] = await ctx.tx
      .insert(users)
      .values({
        email: email.data,
        displayName: input.displayName ?? '',
        passwordHash: input.password ? await hashPassword(input.password) : null,
      })
      .returning();
    ctx.audit({ action: 'platform.user.created', targetType: 'user', targetId: user!.id });
  } else if (input.password) {
    await ctx.tx.update(users).set({ passwordHash: await hashPassword(input.password) }).where(eq(users.id, user.id));
    ctx.audit({ action: 'platform.user.password_set', targetType: 'user', targetId: user.id });
  }
  // Audited; a new role for an existing account ends its sessions (sign in again). A role already held changes nothing.
  await grantRole(ctx, { userId: user!.id, role: input.role, programId: input.programId });
  return { user: user!, created };
}
