import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { Button, DescriptionList, ErrorSummary, Form, TextField, errorFor } from '../../../ui/index.js';
import { actorOf } from '../../http/actor.js';
import { adminPage } from '../../http/admin-page.js';
import { writeSessionCookie } from '../../http/cookies.js';
import type { AppContext, AppEnv } from '../../http/env.js';
import { setFlash } from '../../http/flash.js';
import { formFields } from '../../http/form.js';
import { requireAuth } from '../../http/guards.js';
import { safeRedirectTarget } from '../../http/respond.js';
import { runCommand } from '../../command.js';
import { mfaRequired } from '../memberships.js';
import { hashPassword, passwordProblem, verifyPassword } from '../passwords.js';
import { REAUTH_WINDOW_MS } from '../policy.js';
import { users } from '../schema.js';
import { rotateSession } from '../sessions.js';
import { authMessages as m } from './messages.js';
import { csrfToken } from '../../http/csrf.js';

type Errors = Array<{ field: string; message: string }>;

function freshlyAuthenticated(c: AppContext): boolean {
  const s = requireAuth(c).session;
  return !!s?.reauthAt && c.get('deps').clock.now().getTime() - s.reauthAt.getTime() < REAUTH_WINDOW_MS;
}

export const accountRoutes = new Hono<AppEnv>();

accountRoutes.get('/account', (c) => {
  const auth = requireAuth(c);
  const roles = auth.grants.map((g) => (g.programSlug ? `${g.role}（${g.programSlug}）` : `${g.role}（全事業）`)).join('、');
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

accountRoutes.post('/account/reauth', async (c) => {
  const auth = requireAuth(c);
  const next = safeRedirectTarget(c.req.query('next'), '/account');
  const password = (await formFields(c)).password ?? '';
  const ok = await verifyPassword(auth.user.passwordHash, password);
  const deps = c.get('deps');
  const token = await runCommand(deps, actorOf(c), async ({ tx, now, audit }) => {
    audit({ action: ok ? 'platform.auth.reauthenticated' : 'platform.auth.reauth_failed', targetType: 'user', targetId: auth.user.id });
    return ok ? (await rotateSession(tx, auth.session!, now, { reauthAt: now })).token : null;
  });
  if (!token) return reauthPage(c, next, [{ field: 'password', message: m('ja', 'loginFailed') }], 401);
  writeSessionCookie(c, token);
  return c.redirect(next, 303);
});

/** Starts (re-)enrolment: the old secret stops working and the next sign-in step asks for the new one. */
accountRoutes.post('/account/mfa/reset', async (c) => {
  const auth = requireAuth(c);
  if (!freshlyAuthenticated(c)) return c.redirect('/account/reauth?next=/account', 303);
  const token = await runCommand(c.get('deps'), actorOf(c), async ({ tx, now, audit }) => {
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, recoveryCodes: [] }).where(eq(users.id, auth.user.id));
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
  await runCommand(c.get('deps'), actorOf(c), async ({ tx, audit }) => {
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, recoveryCodes: [] }).where(eq(users.id, auth.user.id));
    audit({ action: 'platform.auth.mfa_disabled', targetType: 'user', targetId: auth.user.id });
  });
  setFlash(c, { kind: 'success', message: m('ja', 'mfaDisabled') });
  return c.redirect('/account', 303);
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
        <TextField name="password" type="password" label={m('ja', 'newPassword')} hint={m('ja', 'newPasswordHint')} required autocomplete="new-password" error={errorFor(errors, 'password')} width="lg" />
        <TextField name="confirm" type="password" label={m('ja', 'confirmPassword')} required autocomplete="new-password" error={errorFor(errors, 'confirm')} width="lg" />
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
  if (!(await verifyPassword(auth.user.passwordHash, f.current ?? ''))) errors.push({ field: 'current', message: m('ja', 'loginFailed') });
  const problem = passwordProblem(f.password ?? '', { email: auth.user.email });
  if (problem) errors.push({ field: 'password', message: problem });
  else if (f.password !== f.confirm) errors.push({ field: 'confirm', message: m('ja', 'passwordMismatch') });
  if (errors.length) return passwordPage(c, errors, 422);
  const hash = await hashPassword(f.password!);
  const token = await runCommand(c.get('deps'), actorOf(c), async ({ tx, now, audit }) => {
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, auth.user.id));
    audit({ action: 'platform.auth.password_changed', targetType: 'user', targetId: auth.user.id });
    return auth.session ? (await rotateSession(tx, auth.session, now, { reauthAt: now })).token : null;
  });
  if (token) writeSessionCookie(c, token);
  setFlash(c, { kind: 'success', message: m('ja', 'passwordChanged') });
  return c.redirect('/account', 303);
});
