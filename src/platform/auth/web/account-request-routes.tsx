import { Hono } from 'hono';
import { Button, ErrorSummary, Form } from '../../../ui/index.js';
import { isUniqueViolation } from '../../command.js';
import { isAppError } from '../../errors/index.js';
import { csrfToken } from '../../http/csrf.js';
import type { AppContext, AppEnv } from '../../http/env.js';
import { setFlash } from '../../http/flash.js';
import { formFields } from '../../http/form.js';
import { runAs } from '../../http/run-as.js';
import { completeAccountRequest, findLiveAccountRequest } from '../account-requests.js';
import { authPage } from './auth-page.js';
import { authMessages as m } from './messages.js';
import { NewPasswordFields } from './new-password-fields.js';

type Errors = Array<{ field: string; message: string }>;

function createPage(c: AppContext, token: string, email: string, errors: Errors = [], status = 200) {
  return authPage(c, {
    title: m('ja', 'signupTitle'),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <p>{m('ja', 'signupIntro', { email })}</p>
        <Form action="/account/create" csrfToken={csrfToken(c)}>
          <input type="hidden" name="token" value={token} />
          <NewPasswordFields errors={errors} />
          <Button>{m('ja', 'signupButton')}</Button>
        </Form>
      </>
    ),
  });
}

const refusedPage = (c: AppContext, key: 'signupInvalid' | 'signupExists', status: number) =>
  authPage(c, {
    title: m('ja', 'signupTitle'),
    status,
    children: (
      <>
        <p>{m('ja', key)}</p>
        <p>
          <a href="/login">{m('ja', 'backToLogin')}</a>
        </p>
      </>
    ),
  });

export const accountRequestRoutes = new Hono<AppEnv>();

/** The link of an account request (a sign-up): the person sets a password, and only then the account exists. */
accountRequestRoutes.get('/account/create', async (c) => {
  const deps = c.get('deps');
  const token = c.req.query('token') ?? '';
  const live = await findLiveAccountRequest(deps.db, deps, deps.clock.now(), token);
  if (!live) return refusedPage(c, 'signupInvalid', 404);
  return createPage(c, token, live.email);
});

accountRequestRoutes.post('/account/create', async (c) => {
  const deps = c.get('deps');
  const f = await formFields(c);
  const token = f.token ?? '';
  const password = f.password ?? '';
  const live = await findLiveAccountRequest(deps.db, deps, deps.clock.now(), token);
  if (!live) return refusedPage(c, 'signupInvalid', 404);
  if (password !== (f.confirm ?? '')) return createPage(c, token, live.email, [{ field: 'confirm', message: m('ja', 'passwordMismatch') }], 422);
  let landing: string;
  try {
    landing = (await runAs(c, null, (ctx) => completeAccountRequest(ctx, token, password))).landing;
  } catch (e) {
    if (isAppError(e) && e.code === 'validation-failed') return createPage(c, token, live.email, e.fieldErrors, 422);
    if (isAppError(e) && e.code === 'not-found') return refusedPage(c, 'signupInvalid', 404);
    // The address got an account meanwhile (another link used at the same moment, an invitation).
    if ((isAppError(e) && e.code === 'conflict') || isUniqueViolation(e)) return refusedPage(c, 'signupExists', 409);
    throw e;
  }
  setFlash(c, { kind: 'success', message: m('ja', 'signupDone') });
  return c.redirect(`/login?next=${encodeURIComponent(landing)}`, 303);
});
