import { Hono } from 'hono';
import { Button, ErrorSummary, Form, NotificationBanner, TextField, errorFor } from '../../../ui/index.js';
import { actorOf } from '../../http/actor.js';
import type { AppContext, AppEnv } from '../../http/env.js';
import { setFlash } from '../../http/flash.js';
import { formFields } from '../../http/form.js';
import { runCommand } from '../../command.js';
import { isAppError } from '../../errors/index.js';
import { completePasswordReset, findLiveReset, sendPasswordLink } from '../password-reset.js';
import { chargeAnonymousMail } from '../mail-throttle.js';
import { findUserByEmail } from '../users.js';
import { authPage } from './auth-page.js';
import { authMessages as m } from './messages.js';
import { NewPasswordFields } from './new-password-fields.js';
import { csrfToken } from '../../http/csrf.js';
import { runAs } from '../../http/run-as.js';

type Errors = Array<{ field: string; message: string }>;

function forgotPage(c: AppContext, opts: { errors?: Errors; sent?: boolean; email?: string; status?: number } = {}) {
  const errors = opts.errors ?? [];
  return authPage(c, {
    title: m('ja', 'forgotTitle'),
    notice: errors.length ? <ErrorSummary errors={errors} /> : opts.sent ? <NotificationBanner kind="success" title={m('ja', 'forgotSent')} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <p>{m('ja', 'forgotIntro')}</p>
        <Form action="/password/forgot" csrfToken={csrfToken(c)}>
          <TextField name="email" type="email" label={m('ja', 'email')} required autocomplete="email" value={opts.email} error={errorFor(errors, 'email')} width="lg" />
          <Button>{m('ja', 'forgotButton')}</Button>
        </Form>
      </>
    ),
  });
}

function resetPage(c: AppContext, token: string, errors: Errors = [], status = 200) {
  return authPage(c, {
    title: m('ja', 'resetTitle'),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <Form action="/password/reset" csrfToken={csrfToken(c)}>
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields errors={errors} />
        <Button>{m('ja', 'resetButton')}</Button>
      </Form>
    ),
  });
}

export const passwordRoutes = new Hono<AppEnv>();

passwordRoutes.get('/password/forgot', (c) => forgotPage(c));

passwordRoutes.post('/password/forgot', async (c) => {
  const deps = c.get('deps');
  const email = ((await formFields(c)).email ?? '').trim();
  if (!email) return forgotPage(c, { errors: [{ field: 'email', message: m('ja', 'emailRequired') }], status: 422 });
  try {
    await runCommand(deps, actorOf(c), async (ctx) => {
      // Charged before the lookup, so the form cannot flood an inbox and a refusal (429) does not
      // depend on whether the address is registered.
      await chargeAnonymousMail(ctx, email);
      const user = await findUserByEmail(ctx.tx, email);
      if (user && user.status === 'active') await sendPasswordLink(ctx, user, 'reset');
    });
  } catch (e) {
    if (!isAppError(e) || e.code !== 'too-many-attempts') throw e;
    const res = await forgotPage(c, { errors: [{ field: 'email', message: e.message }], email, status: 429 });
    res.headers.set('Retry-After', String(e.retryAfter ?? 60));
    return res;
  }
  // The same answer whether or not the address is registered.
  return forgotPage(c, { sent: true });
});

passwordRoutes.get('/password/reset', async (c) => {
  const token = c.req.query('token') ?? '';
  const deps = c.get('deps');
  const live = await findLiveReset(deps.db, deps.clock.now(), token);
  if (!live) return authPage(c, { title: m('ja', 'resetTitle'), status: 404, children: <p>{m('ja', 'resetInvalid')}</p> });
  return resetPage(c, token);
});

passwordRoutes.post('/password/reset', async (c) => {
  const f = await formFields(c);
  const token = f.token ?? '';
  const password = f.password ?? '';
  if (password !== (f.confirm ?? '')) return resetPage(c, token, [{ field: 'confirm', message: m('ja', 'passwordMismatch') }], 422);
  try {
    await runAs(c, null, (ctx) => completePasswordReset(ctx, token, password));
  } catch (e) {
    if (isAppError(e) && e.code === 'validation-failed') return resetPage(c, token, e.fieldErrors, 422);
    if (isAppError(e) && e.code === 'not-found') return authPage(c, { title: m('ja', 'resetTitle'), status: 404, children: <p>{m('ja', 'resetInvalid')}</p> });
    throw e;
  }
  setFlash(c, { kind: 'success', message: m('ja', 'resetDone') });
  return c.redirect('/login', 303);
});
