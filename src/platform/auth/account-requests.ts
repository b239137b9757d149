import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import type { CommandContext } from '../command.js';
import { AppError } from '../errors/index.js';
import { queueMail } from '../mail/outbox.js';
import { passwordProblem } from './passwords.js';
import { ACCOUNT_REQUEST_TTL_MS } from './policy.js';
import { accountRequests, type Role, type User } from './schema.js';
import { randomToken, sha256 } from './tokens.js';
import { createUser, findUserByEmail } from './users.js';
import { authMessages as m } from './web/messages.js';

export interface AccountRequestMail {
  /** The outbox's template label, e.g. `campaign.account_link`. */
  template: string;
  subject: string;
  /** The mail's text around the link (the owning module's catalogue). */
  text: (link: string) => string;
}

/**
 * Someone not signed in asks for an account with `role` in a program: nothing is created yet. A
 * single-use link, valid for a day, is mailed to the address; the account exists once that link
 * is used (completeAccountRequest), which also proves the address. The caller has charged the
 * mail (chargeAnonymousMail) and checked that the address has no account.
 */
export async function requestAccount(
  ctx: CommandContext,
  input: { email: string; programId: number; role: Role; landing: string; mail: AccountRequestMail },
): Promise<void> {
  const token = randomToken(32);
  const box = await ctx.deps.vault.box(ctx.tx, 'system');
  await ctx.tx.insert(accountRequests).values({
    tokenHash: sha256(token),
    emailSealed: box.seal(input.email),
    programId: input.programId,
    role: input.role,
    landing: input.landing,
    expiresAt: new Date(ctx.now.getTime() + ACCOUNT_REQUEST_TTL_MS),
    createdAt: ctx.now,
  });
  const link = `${ctx.deps.config.publicBaseUrl}/account/create?token=${token}`;
  await queueMail(ctx.tx, ctx.deps, { programId: null, template: input.mail.template, to: input.email, subject: input.mail.subject, text: input.mail.text(link) });
  ctx.audit({ action: 'platform.auth.account_requested', programId: input.programId, targetType: 'program', targetId: input.programId, diff: { role: input.role } });
}

/** The live request behind a link, with its address opened; undefined when spent, expired or unknown. */
export async function findLiveAccountRequest(conn: Conn, deps: CommandContext['deps'], now: Date, token: string) {
  if (!token || token.length > 100) return undefined;
  const [row] = await conn
    .select()
    .from(accountRequests)
    .where(and(eq(accountRequests.tokenHash, sha256(token)), isNull(accountRequests.usedAt), gt(accountRequests.expiresAt, now)));
  if (!row) return undefined;
  const email = (await deps.vault.box(conn, 'system')).open(row.emailSealed);
  return typeof email === 'string' ? { ...row, email } : undefined;
}

/**
 * Uses the link: creates the account with its first password and the requested role, and spends
 * the link (of two uses at once, one creates, the other is refused). An address that has an
 * account by now (another link, an invitation) is refused with `conflict`: sign in instead.
 */
export async function completeAccountRequest(ctx: CommandContext, token: string, password: string): Promise<{ user: User; landing: string }> {
  const request = await findLiveAccountRequest(ctx.tx, ctx.deps, ctx.now, token);
  if (!request) throw new AppError('not-found', m('ja', 'signupInvalid'));
  const problem = passwordProblem(password, { email: request.email });
  if (problem) throw new AppError('validation-failed', problem, { fieldErrors: [{ field: 'password', message: problem }] });
  const spent = await ctx.tx
    .update(accountRequests)
    .set({ usedAt: ctx.now })
    .where(and(eq(accountRequests.tokenHash, request.tokenHash), isNull(accountRequests.usedAt)))
    .returning({ tokenHash: accountRequests.tokenHash });
  if (!spent.length) throw new AppError('not-found', m('ja', 'signupInvalid'));
  if (await findUserByEmail(ctx.tx, request.email)) throw new AppError('conflict', m('ja', 'signupExists'));
  const { user } = await createUser(ctx, { email: request.email, role: request.role, programId: request.programId, password });
  ctx.audit({ action: 'platform.auth.account_request_completed', programId: request.programId, targetType: 'user', targetId: user.id, diff: { role: request.role } });
  return { user, landing: request.landing };
}

/** Drops requests a day past their expiry or use (nightly, with the throttle counters). */
export async function purgeAccountRequests(conn: Conn, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await conn.delete(accountRequests).where(or(lt(accountRequests.expiresAt, dayAgo), lt(accountRequests.usedAt, dayAgo)));
}
