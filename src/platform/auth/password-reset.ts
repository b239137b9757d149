import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import type { CommandContext } from '../command.js';
import { AppError } from '../errors/index.js';
import { queueMail } from '../mail/outbox.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { PASSWORD_RESET_TTL_MS } from './policy.js';
import { passwordResets, users, type User } from './schema.js';
import { destroyUserSessions } from './sessions.js';
import { randomToken, sha256 } from './tokens.js';
import { authMessages as m } from './web/messages.js';

/**
 * Issues a single-use link and mails it to the account's own address. `invite` gives a week to
 * set the first password.
 */
export async function sendPasswordLink(ctx: CommandContext, user: User, kind: 'reset' | 'invite'): Promise<void> {
  const token = randomToken(32);
  const ttl = kind === 'invite' ? 7 * 86_400_000 : PASSWORD_RESET_TTL_MS;
  await ctx.tx.insert(passwordResets).values({ tokenHash: sha256(token), userId: user.id, expiresAt: new Date(ctx.now.getTime() + ttl), createdAt: ctx.now });
  const link = `${ctx.deps.config.publicBaseUrl}/password/reset?token=${token}`;
  await queueMail(ctx.tx, ctx.deps, {
    programId: null,
    template: `auth.${kind}`,
    to: user.email,
    subject: m('ja', kind === 'invite' ? 'inviteMailSubject' : 'resetMailSubject'),
    text: m('ja', kind === 'invite' ? 'inviteMailBody' : 'resetMailBody', { link }),
  });
  ctx.audit({ action: kind === 'invite' ? 'platform.auth.invitation_sent' : 'platform.auth.password_reset_requested', targetType: 'user', targetId: user.id });
}

export async function findLiveReset(conn: Conn, now: Date, token: string) {
  if (!token || token.length > 100) return undefined;
  const [row] = await conn
    .select()
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, sha256(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
  return row;
}

/** Sets the new password, spends the link, and ends every session of the account. */
export async function completePasswordReset(ctx: CommandContext, token: string, password: string): Promise<void> {
  const reset = await findLiveReset(ctx.tx, ctx.now, token);
  if (!reset) throw new AppError('not-found', m('ja', 'resetInvalid'));
  const [user] = await ctx.tx.select().from(users).where(eq(users.id, reset.userId));
  const problem = passwordProblem(password, { email: user?.email });
  if (problem) throw new AppError('validation-failed', problem, { fieldErrors: [{ field: 'password', message: problem }] });
  // Spent only if still unspent: of two uses of one link at once, one sets the password, the other is refused.
  const spent = await ctx.tx
    .update(passwordResets)
    .set({ usedAt: ctx.now })
    .where(and(eq(passwordResets.tokenHash, reset.tokenHash), isNull(passwordResets.usedAt)))
    .returning({ userId: passwordResets.userId });
  if (!spent.length) throw new AppError('not-found', m('ja', 'resetInvalid'));
  await ctx.tx.update(users).set({ passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null }).where(eq(users.id, reset.userId));
  await destroyUserSessions(ctx.tx, reset.userId);
  ctx.audit({ action: 'platform.auth.password_reset_completed', targetType: 'user', targetId: reset.userId });
}
