import { Hono } from 'hono';
import { Button, DescriptionList, ErrorSummary, Form, TextField, errorFor } from '../../../ui/index.js';
import { adminPage } from '../../http/admin-page.js';
import { clearSessionCookie, writeSessionCookie } from '../../http/cookies.js';
import type { AppContext, AppEnv } from '../../http/env.js';
import { setFlash } from '../../http/flash.js';
import { submitForm } from '../../http/form-action.js';
import { formFields } from '../../http/form.js';
import { requireAuth } from '../../http/guards.js';
import { safeRedirectTarget } from '../../http/respond.js';
import { type CommandContext } from '../../command.js';
import { clearStepFailures, endSessionsAfterLock, lockedForUpdate, recordStepFailure } from '../step-throttle.js';
import { disableTotp, startTotpEnrolment } from '../totp.js';
import { lockedPage } from './locked-page.js';
import { mfaRequired } from '../memberships.js';
import { hashPassword, passwordProblem, setPasswordHash, verifyPassword } from '../passwords.js';
import { REAUTH_WINDOW_MS } from '../policy.js';
import { destroyOtherSessions, rotateSession } from '../sessions.js';
import { authMessages as m } from './messages.js';
import { NewPasswordFields } from './new-password-fields.js';
import { csrfToken } from '../../http/csrf.js';
import { runAs } from '../../http/run-as.js';

type Errors = Array<{ field: string; message: string }>;

function freshlyAuthenticated(c: AppContext): boolean {
  const s = requireAuth(c).session;
  return !!s?.reauthAt && c.get('deps').clock.now().getTime() - s.reauthAt.getTime() < REAUTH_WINDOW_MS;
}

export const accountRoutes = new Hono<AppEnv>();

accountRoutes.get('/account', (c) => {
  const auth = requireAuth(c);
  const roles = auth.grants.map((g) => m('ja', 'accountRoleIn', { role: g.role, scope: g.programSlug ?? m('ja', 'accountAllPrograms') })).join(m('ja', 'listSeparator'));
  const required = mfaRequired(auth.grants);
  return adminPage(c, {
    title: m('ja', 'accountTitle'),
    children: (
      <>
        <DescriptionList
          items={[
            { term: m('ja', 'email'), detail: auth.user.email },
            { term: m('ja', 'accountRoles'), detail: roles || '—' },
            { term: m('ja', 'mfaStatus'), detail: m('ja', auth.user.totpEnabledAt ? 'mfaOn' : 'mfaOff') },
          ]}
        />
        {auth.via === 'session' && (
          <>
            <Form action="/account/mfa/reset" csrfToken={csrfToken(c)}>
              <Button variant="secondary">{m('ja', auth.user.totpEnabledAt ? 'mfaReset' : 'mfaSetup')}</Button>
            </Form>
            {auth.user.totpEnabledAt && !required && (
              <Form action="/account/mfa/disable" csrfToken={csrfToken(c)}>
                <Button variant="danger">{m('ja', 'mfaDisable')}</Button>
              </Form>
            )}
            <p>
              <a href="/account/password">{m('ja', 'changePassword')}</a>
            </p>
            <p>
              <a href="/account/tokens">{m('ja', 'tokensHeading')}</a>
            </p>
          </>
        )}
      </>
    ),
  });
});

function reauthPage(c: AppContext, next: string, errors: Errors = [], status = 200) {
  return adminPage(c, {
    title: m('ja', 'reauthTitle'),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <p>{m('ja', 'reauthIntro')}</p>
        <Form action={`/account/reauth?next=${encodeURIComponent(next)}`} csrfToken={csrfToken(c)}>
          <TextField name="password" type="password" label={m('ja', 'password')} required autocomplete="current-password" error={errorFor(errors, 'password')} width="lg" />
          <Button>{m('ja', 'reauthButton')}</Button>
        </Form>
      </>
    ),
  });
}

accountRoutes.get('/account/reauth', (c) => {
  requireAuth(c);
  return reauthPage(c, safeRedirectTarget(c.req.query('next'), '/account'));
});

/**
 * Checks the password of a signed-in user under the step throttle (a stolen session must not become
 * a password oracle): refused while the account is locked; a failure is counted and committed, and
 * the failure that locks the account also ends every session of it. `onSuccess` runs in the same
 * transaction.
 */
async function checkPasswordStep<T>(c: AppContext, password: string, action: string, onSuccess: (ctx: CommandContext) => Promise<T>) {
  const auth = requireAuth(c);
  const ok = await verifyPassword(auth.user.passwordHash, password);
  return runAs(c, null, async (ctx) => {
    const { tx, now, audit } = ctx;
    const wait = await lockedForUpdate(tx, auth.user.id, now);
    if (wait) {
      audit({ action: 'platform.auth.reauth_refused', targetType: 'user', targetId: auth.user.id, diff: { reason: 'account-locked', for: action } });
      return { kind: 'locked' as const, seconds: wait, now: false };
    }
    if (!ok) {
      const lockedFor = await recordStepFailure(tx, 'reauth', auth.user.id, now);
      audit({ action: 'platform.auth.reauth_failed', targetType: 'user', targetId: auth.user.id, diff: { for: action } });
      if (!lockedFor) return { kind: 'failed' as const };
      await endSessionsAfterLock(tx, auth.user.id, { all: true });
      audit({ action: 'platform.auth.account_locked', targetType: 'user', targetId: auth.user.id, diff: { reason: 'reauth', seconds: lockedFor } });
      return { kind: 'locked' as const, seconds: lockedFor, now: true };
    }
    await clearStepFailures(tx, 'reauth', auth.user.id);
    return { kind: 'ok' as const, value: await onSuccess(ctx) };
  });
}

function lockedResponse(c: AppContext, r: { seconds: number; now: boolean }) {
  if (r.now) clearSessionCookie(c);
  return lockedPage(c, r.seconds, r.now ? 'stepLocked' : 'locked');
}

accountRoutes.post('/account/reauth', async (c) => {
  const auth = requireAuth(c);
  const next = safeRedirectTarget(c.req.query('next'), '/account');
  const password = (await formFields(c)).password ?? '';
  const r = await checkPasswordStep(c, password, 'reauth', async ({ tx, now, audit }) => {
    audit({ action: 'platform.auth.reauthenticated', targetType: 'user', targetId: auth.user.id });
    return (await rotateSession(tx, auth.session!, now, { reauthAt: now })).token;
  });
  if (r.kind === 'locked') return lockedResponse(c, r);
  if (r.kind === 'failed') return reauthPage(c, next, [{ field: 'password', message: m('ja', 'loginFailed') }], 401);
  writeSessionCookie(c, r.value);
  return c.redirect(next, 303);
});

/** Starts (re-)enrolment: the old secret stops working and the next sign-in step asks for the new one. */
accountRoutes.post('/account/mfa/reset', async (c) => {
  const auth = requireAuth(c);
  if (!freshlyAuthenticated(c)) return c.redirect('/account/reauth?next=/account', 303);
  const deps = c.get('deps');
  const token = await runAs(c, null, async ({ tx, now, audit }) => {
    // A new pending secret at once (this POST follows a fresh password check), so /mfa only reads.
    await startTotpEnrolment(tx, deps.vault, auth.user, { replace: true });
    audit({ action: 'platform.auth.mfa_reset', targetType: 'user', targetId: auth.user.id });
    return (await rotateSession(tx, auth.session!, now, { mfaVerified: false })).token;
  });
  writeSessionCookie(c, token);
  return c.redirect('/mfa?next=/account', 303);
});

accountRoutes.post('/account/mfa/disable', async (c) => {
  const auth = requireAuth(c);
  if (mfaRequired(auth.grants)) {
    setFlash(c, { kind: 'error', message: m('ja', 'mfaRequiredCannotDisable') });
    return c.redirect('/account', 303);
  }
  if (!freshlyAuthenticated(c)) return c.redirect('/account/reauth?next=/account', 303);
  return submitForm(c, {
    role: null,
    run: async ({ tx, audit }) => {
      await disableTotp(tx, auth.user.id);
      audit({ action: 'platform.auth.mfa_disabled', targetType: 'user', targetId: auth.user.id });
    },
    flash: m('ja', 'mfaDisabled'),
    redirect: '/account',
  });
});

function passwordPage(c: AppContext, errors: Errors = [], status = 200) {
  return adminPage(c, {
    title: m('ja', 'changePassword'),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <Form action="/account/password" csrfToken={csrfToken(c)}>
        <TextField name="current" type="password" label={m('ja', 'password')} required autocomplete="current-password" error={errorFor(errors, 'current')} width="lg" />
        <NewPasswordFields errors={errors} />
        <Button>{m('ja', 'changePassword')}</Button>
      </Form>
    ),
  });
}

accountRoutes.get('/account/password', (c) => {
  requireAuth(c);
  return passwordPage(c);
});

accountRoutes.post('/account/password', async (c) => {
  const auth = requireAuth(c);
  const f = await formFields(c);
  const errors: Errors = [];
  const problem = passwordProblem(f.password ?? '', { email: auth.user.email });
  if (problem) errors.push({ field: 'password', message: problem });
  else if (f.password !== f.confirm) errors.push({ field: 'confirm', message: m('ja', 'passwordMismatch') });
  const hash = errors.length ? null : await hashPassword(f.password!);
  // The current password is checked under the same throttle as re-authentication.
  const r = await checkPasswordStep(c, f.current ?? '', 'password', async ({ tx, now, audit }) => {
    if (!hash) return null;
    await setPasswordHash(tx, auth.user.id, hash);
    // Whoever knew the old password is signed out everywhere; this browser carries on, with a fresh token.
    const kept = await rotateSession(tx, auth.session!, now, { reauthAt: now });
    await destroyOtherSessions(tx, auth.user.id, kept.session.idHash);
    audit({ action: 'platform.auth.password_changed', targetType: 'user', targetId: auth.user.id, diff: { otherSessionsEnded: true } });
    return { token: kept.token };
  });
  if (r.kind === 'locked') return lockedResponse(c, r);
  if (r.kind === 'failed') errors.unshift({ field: 'current', message: m('ja', 'loginFailed') });
  if (errors.length || r.kind !== 'ok' || !r.value) return passwordPage(c, errors, 422);
  writeSessionCookie(c, r.value.token);
  setFlash(c, { kind: 'success', message: m('ja', 'passwordChanged') });
  return c.redirect('/account', 303);
});
