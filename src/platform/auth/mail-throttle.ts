import { sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../db/client.js';
import type { Actor } from '../audit/index.js';
import type { CommandContext } from '../command.js';
import { AppError } from '../errors/index.js';
import type { Locale } from '../i18n/index.js';
import { ANON_MAIL_PER_ADDRESS, ANON_MAIL_PER_CLIENT, ANON_MAIL_WINDOW_MS } from './policy.js';
import { addressThrottleKey } from './throttle.js';
import { authPublicMessages } from './web/messages.js';

/** A web request without a signed-in user (not a staff action, the CLI or a job). */
export function isAnonymousRequest(actor: Actor): boolean {
  return actor.userId === null && actor.requestId !== null;
}

/** Counts one event for `key` in a fixed window; returns the count and when the window ends. */
async function countInWindow(conn: Conn, key: string, now: Date): Promise<{ count: number; endsAt: Date }> {
  const windowStart = new Date(now.getTime() - ANON_MAIL_WINDOW_MS).toISOString();
  // One statement, so concurrent requests for one key are all counted (they queue on the row).
  const [row] = await queryRows<{ failures: number; window_start: string | Date }>(conn, sql`
    insert into login_throttle (key, failures, window_start) values (${key}, 1, ${now.toISOString()})
    on conflict (key) do update set
      failures = case when login_throttle.window_start < ${windowStart} then 1 else login_throttle.failures + 1 end,
      window_start = case when login_throttle.window_start < ${windowStart} then ${now.toISOString()}::timestamptz else login_throttle.window_start end
    returning failures, window_start`);
  return { count: Number(row!.failures), endsAt: new Date(new Date(row!.window_start).getTime() + ANON_MAIL_WINDOW_MS) };
}

/**
 * Charges one mail that a request without a signed-in user is about to cause, against the
 * recipient address (ANON_MAIL_PER_ADDRESS an hour) and the client address (ANON_MAIL_PER_CLIENT):
 * beyond either, the command is refused with 429 and Retry-After, and its transaction (the
 * account request, registration or application, and the mail) rolls back. Call it in the command,
 * before the mail is queued, whether or not the address turns out to belong to an account, so the
 * answer never depends on that. Signed-in users, the CLI and jobs are not charged.
 */
export async function chargeAnonymousMail(ctx: CommandContext, to: string | null | undefined, locale: Locale = 'ja'): Promise<void> {
  if (!isAnonymousRequest(ctx.actor)) return;
  const checks: Array<{ key: string; max: number }> = [];
  if (ctx.actor.ip) checks.push({ key: `mail-ip:${ctx.actor.ip}`, max: ANON_MAIL_PER_CLIENT });
  const address = to?.trim();
  if (address) checks.push({ key: addressThrottleKey(await ctx.deps.vault.box(ctx.tx, 'system'), 'mail', address), max: ANON_MAIL_PER_ADDRESS });
  for (const { key, max } of checks) {
    const { count, endsAt } = await countInWindow(ctx.tx, key, ctx.now);
    if (count > max) {
      const seconds = Math.max(1, Math.ceil((endsAt.getTime() - ctx.now.getTime()) / 1000));
      throw new AppError('too-many-attempts', authPublicMessages(locale, 'mailThrottled', { minutes: Math.ceil(seconds / 60) }), { retryAfter: seconds });
    }
  }
}
