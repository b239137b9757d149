import { Hono } from 'hono';
import { Button, ErrorSummary, Form, NotificationBanner, TextField, errorFor } from '../../../ui/index.js';
import { actorOf } from '../../http/actor.js';
import { clearSessionCookie, writeSessionCookie } from '../../http/cookies.js';
import type { AppContext, AppEnv } from '../../http/env.js';
import { setFlash, takeFlash } from '../../http/flash.js';
import { formFields } from '../../http/form.js';
import { safeRedirectTarget } from '../../http/respond.js';
import { attemptLogin } from '../login.js';
import { defaultLanding, grantsOf } from '../memberships.js';
import { destroySession } from '../sessions.js';
import { authPage } from './auth-page.js';
import { authMessages as m } from './messages.js';
import { csrfToken } from '../../http/csrf.js';
import { runAs } from '../../http/run-as.js';

type Errors = Array<{ field: string; message: string }>;

async function loginPage(c: AppContext, opts: { email?: string; next?: string; errors?: Errors; banner?: string; status?: number }) {
  const errors = opts.errors ?? [];
  const flash = takeFlash(c);
  const notice = errors.length ? (
    <ErrorSummary errors={errors} />
  ) : opts.banner ? (
    <NotificationBanner kind="error" title={opts.banner} />
  ) : flash ? (
    <NotificationBanner kind={flash.kind} title={flash.message} />
  ) : undefined;
  return authPage(c, {
    title: m('ja', 'loginTitle'),
    notice,
    hasErrors: errors.length > 0 || !!opts.banner,
    status: opts.status,
    children: (
      <>
        <Form action="/login" csrfToken={csrfToken(c)}>
          <input type="hidden" name="next" value={opts.next ?? ''} />
          <TextField name="email" label={m('ja', 'email')} type="email" autocomplete="username" required value={opts.email} error={errorFor(errors, 'email')} width="lg" />
          <TextField name="password" label={m('ja', 'password')} type="password" autocomplete="current-password" required error={errorFor(errors, 'password')} width="lg" />
          <Button>{m('ja', 'loginButton')}</Button>
        </Form>
        <p>
          <a href="/password/forgot">{m('ja', 'forgotLink')}</a>
        </p>
      </>
    ),
  });
}

export const loginRoutes = new Hono<AppEnv>();

loginRoutes.get('/login', async (c) => {
  const auth = c.get('auth');
  if (auth?.complete) return c.redirect(safeRedirectTarget(c.req.query('next'), defaultLanding(auth.grants)), 303);
  return loginPage(c, { next: c.req.query('next') });
});

loginRoutes.post('/login', async (c) => {
  const f = await formFields(c);
  const email = (f.email ?? '').trim();
  const password = f.password ?? '';
  const errors: Errors = [];
  if (!email) errors.push({ field: 'email', message: m('ja', 'emailRequired') });
  if (!password) errors.push({ field: 'password', message: m('ja', 'passwordRequired') });
  if (errors.length) return loginPage(c, { email, next: f.next, errors, status: 422 });
  const result = await attemptLogin(c.get('deps'), { email, password }, actorOf(c));
  if (!result.ok) {
    if (result.reason === 'invalid') {
      return loginPage(c, { email, next: f.next, errors: [{ field: 'email', message: m('ja', 'loginFailed') }], status: 401 });
    }
    const minutes = Math.max(1, Math.ceil((result.retryAfter ?? 60) / 60));
    const res = await loginPage(c, { email, next: f.next, banner: m('ja', result.reason === 'ip-locked' ? 'ipLocked' : 'locked', { minutes }), status: 429 });
    res.headers.set('Retry-After', String(result.retryAfter ?? 60));
    return res;
  }
  // A fresh token at every login: a token planted before sign-in is worthless after it.
  const old = c.get('auth')?.session;
  if (old) await destroySession(c.get('deps').db, old.idHash);
  writeSessionCookie(c, result.token);
  const next = safeRedirectTarget(f.next, defaultLanding(await grantsOf(c.get('deps').db, result.userId)));
  if (result.secondFactor !== 'none') return c.redirect(`/mfa?next=${encodeURIComponent(next)}`, 303);
  return c.redirect(next, 303);
});

loginRoutes.post('/logout', async (c) => {
  const auth = c.get('auth');
  if (auth?.session) {
    await runAs(c, null, async ({ tx, audit }) => {
      await destroySession(tx, auth.session!.idHash);
      audit({ action: 'platform.auth.logged_out', targetType: 'user', targetId: auth.user.id });
    });
  }
  clearSessionCookie(c);
  setFlash(c, { kind: 'success', message: m('ja', 'logoutDone') });
  return c.redirect('/login', 303);
});
