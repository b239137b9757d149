import type { Actor } from '../audit/index.js';
import { runCommand } from '../command.js';
import type { Deps } from '../deps.js';
import { grantsOf, mfaRequired } from './memberships.js';
import { verifyPassword } from './passwords.js';
import { ACCOUNT_LOCK_MS } from './policy.js';
import { createSession } from './sessions.js';
import { startTotpEnrolment } from './totp.js';
import { accountLockedFor, addressLockedFor, addressThrottleKey, clearAccountFailures, ipLockedFor, recordAccountFailure, recordAddressFailure, recordIpFailure } from './throttle.js';
import { findUserByEmail } from './users.js';
import type { Role } from './schema.js';

/** The strongest role first: the one recorded as the sign-in's role in the audit trail. */
const ROLE_ORDER: Role[] = ['admin', 'operator', 'city', 'agent', 'business'];

export type LoginResult =
  | { ok: true; userId: number; token: string; secondFactor: 'none' | 'verify' | 'enrol' }
  | { ok: false; reason: 'invalid' | 'account-locked' | 'ip-locked'; retryAfter?: number };

/**
 * Checks a password login and records the outcome. A failure is committed (counted and audited)
 * like a success; only the result tells the caller which it was.
 */
export async function attemptLogin(deps: Deps, input: { email: string; password: string }, actor: Actor): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  return runCommand(deps, actor, async ({ tx, now, audit }) => {
    const ipWait = await ipLockedFor(tx, actor.ip, now);
    if (ipWait) {
      audit({ action: 'platform.auth.login_refused', diff: { reason: 'ip-locked' } });
      return { ok: false, reason: 'ip-locked', retryAfter: ipWait } as const;
    }
    const user = await findUserByEmail(tx, email);
    // An address without an account is counted and locked like an account, so that the answer
    // (401, or 429 once locked) never tells a registered address from an unknown one.
    const unknownKey = user ? null : addressThrottleKey(await deps.vault.box(tx, 'system'), 'login', email);
    const wait = user ? accountLockedFor(user, now) : await addressLockedFor(tx, unknownKey!, now);
    if (wait) {
      audit({ action: 'platform.auth.login_refused', targetType: user ? 'user' : undefined, targetId: user?.id ?? null, diff: { reason: 'account-locked', known: !!user } });
      return { ok: false, reason: 'account-locked', retryAfter: wait } as const;
    }
    const good = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !good || user.status !== 'active') {
      const ipLocked = await recordIpFailure(tx, actor.ip, now);
      const accountLocked = user ? await recordAccountFailure(tx, user.id, now) : await recordAddressFailure(tx, unknownKey!, now);
      audit({ action: 'platform.auth.login_failed', targetType: 'user', targetId: user?.id ?? null, diff: { known: !!user } });
      if (accountLocked) audit({ action: 'platform.auth.account_locked', targetType: user ? 'user' : undefined, targetId: user?.id ?? null, diff: { known: !!user } });
      if (ipLocked) audit({ action: 'platform.auth.ip_locked' });
      if (accountLocked) return { ok: false, reason: 'account-locked', retryAfter: ACCOUNT_LOCK_MS / 1000 } as const;
      return { ok: false, reason: 'invalid' } as const;
    }
    await clearAccountFailures(tx, user.id, now);
    const grants = await grantsOf(tx, user.id);
    const secondFactor = user.totpEnabledAt ? 'verify' : mfaRequired(grants) ? 'enrol' : 'none';
    const { token } = await createSession(tx, user.id, now, { ip: actor.ip, mfaVerified: false });
    const roles = grants.map((g) => g.role);
    const role = ROLE_ORDER.find((r) => roles.includes(r)) ?? null;
    audit({
      action: 'platform.auth.login_succeeded',
      targetType: 'user',
      targetId: user.id,
      diff: { secondFactor, roles: grants.map((g) => `${g.role}@${g.programSlug ?? '*'}`) },
      actor: { userId: user.id, label: `user:${user.id}`, role },
    });
    // The enrolment secret is made here, by a POST that has just checked the password, so that
    // viewing /mfa changes nothing.
    if (secondFactor === 'enrol' && (await startTotpEnrolment(tx, deps.vault, user))) {
      audit({ action: 'platform.auth.mfa_enrolment_started', targetType: 'user', targetId: user.id, actor: { userId: user.id, label: `user:${user.id}`, role } });
    }
    return { ok: true, userId: user.id, token, secondFactor } as const;
  });
}
