import { raw } from 'hono/html';
import { Hono } from 'hono';
import { Button, ButtonLink, ErrorSummary, Form, TextField, errorFor } from '../../../ui/index.js';
import { clearSessionCookie, writeSessionCookie } from '../../http/cookies.js';
import type { AppContext, AppEnv } from '../../http/env.js';
import { formFields } from '../../http/form.js';
import { safeRedirectTarget } from '../../http/respond.js';
import { AppError } from '../../errors/index.js';
import type { User } from '../schema.js';
import { rotateSession } from '../sessions.js';
import { defaultLanding } from '../memberships.js';
import { findUserById } from '../users.js';
import { checkTotp, spendTotpStep, consumeRecoveryCode, enableTotp, newRecoveryCodes, otpauthQrSvg, sealedSecret, startTotpEnrolment } from '../totp.js';
import { clearStepFailures, endSessionsAfterLock, lockedForUpdate, recordStepFailure } from '../step-throttle.js';
import { lockedPage } from './locked-page.js';
import { authPage } from './auth-page.js';
import { authMessages as m } from './messages.js';
import { csrfToken } from '../../http/csrf.js';
import { runAs } from '../../http/run-as.js';

function sessionAuth(c: AppContext) {
  const auth = c.get('auth');
  if (!auth?.session) throw new AppError('unauthenticated');
  return auth as typeof auth & { session: NonNullable<typeof auth.session> };
}

async function mfaPage(c: AppContext, user: User, next: string, error?: string, status = 200) {
  const errors = error ? [{ field: 'code', message: error }] : [];
  const enrolling = !user.totpEnabledAt;
  let qr: { svg: string; secret: string } | null = null;
  if (enrolling) {
    // Reading only: the secret was made by a POST (sign-in, re-authentication or the start button).
    const secret = await sealedSecret(c.get('deps').db, c.get('deps').vault, user);
    if (!secret) return startPage(c, next);
    qr = { svg: (await otpauthQrSvg(secret, user.email)).svg, secret };
  }
  return authPage(c, {
    title: m('ja', enrolling ? 'mfaEnrollTitle' : 'mfaTitle'),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <p>{m('ja', enrolling ? 'mfaEnrollIntro' : 'mfaIntro')}</p>
        {qr && (
          <>
            <figure class="app-qr">
              {raw(qr.svg.replace('<svg ', `<svg role="img" aria-label="${m('ja', 'mfaQrLabel')}" `))}
            </figure>
            <p>
              {m('ja', 'mfaSecretLabel')}：<code class="app-code">{qr.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
            </p>
          </>
        )}
        <Form action={`/mfa?next=${encodeURIComponent(next)}`} csrfToken={csrfToken(c)}>
          <TextField
            name="code"
            label={m('ja', 'mfaCode')}
            hint={enrolling ? undefined : m('ja', 'mfaCodeHint')}
            required
            autocomplete="one-time-code"
            inputmode={enrolling ? 'numeric' : 'text'}
            error={errorFor(errors, 'code')}
            width="sm"
          />
          <Button>{m('ja', enrolling ? 'mfaEnrollButton' : 'mfaButton')}</Button>
        </Form>
      </>
    ),
  });
}

/** Enrolment without a pending secret (e.g. the program began to require it mid-session): one button. */
function startPage(c: AppContext, next: string) {
  return authPage(c, {
    title: m('ja', 'mfaEnrollTitle'),
    children: (
      <>
        <p>{m('ja', 'mfaStartIntro')}</p>
        <Form action={`/mfa/setup?next=${encodeURIComponent(next)}`} csrfToken={csrfToken(c)}>
          <Button>{m('ja', 'mfaStartButton')}</Button>
        </Form>
      </>
    ),
  });
}

export const mfaRoutes = new Hono<AppEnv>();

mfaRoutes.get('/mfa', async (c) => {
  const auth = sessionAuth(c);
  const next = safeRedirectTarget(c.req.query('next'), defaultLanding(auth.grants));
  if (auth.session.mfaVerified && auth.user.totpEnabledAt) return c.redirect(next, 303);
  return mfaPage(c, auth.user, next);
});

/**
 * Makes the enrolment secret for a session that owes the second factor but has none pending. A
 * session that owes nothing changes two-factor settings through /account (re-authentication first).
 */
mfaRoutes.post('/mfa/setup', async (c) => {
  const auth = sessionAuth(c);
  const next = safeRedirectTarget(c.req.query('next'), defaultLanding(auth.grants));
  if (auth.complete || auth.user.totpEnabledAt) return c.redirect(auth.complete ? '/account' : `/mfa?next=${encodeURIComponent(next)}`, 303);
  const deps = c.get('deps');
  await runAs(c, null, async ({ tx, audit }) => {
    if (await startTotpEnrolment(tx, deps.vault, auth.user)) audit({ action: 'platform.auth.mfa_enrolment_started', targetType: 'user', targetId: auth.user.id });
  });
  return c.redirect(`/mfa?next=${encodeURIComponent(next)}`, 303);
});

mfaRoutes.post('/mfa', async (c) => {
  const auth = sessionAuth(c);
  const deps = c.get('deps');
  const next = safeRedirectTarget(c.req.query('next'), defaultLanding(auth.grants));
  const now = deps.clock.now();
  const code = (await formFields(c)).code?.trim() ?? '';
  const secret = await sealedSecret(deps.db, deps.vault, auth.user);
  if (!secret) return mfaPage(c, auth.user, next);
  const enrolling = !auth.user.totpEnabledAt;
  const result = await runAs(c, null, async ({ tx, audit }) => {
    // Locked (by wrong codes here or wrong passwords at sign-in): no code is even looked at.
    const wait = await lockedForUpdate(tx, auth.user.id, now);
    if (wait) {
      audit({ action: 'platform.auth.mfa_refused', targetType: 'user', targetId: auth.user.id, diff: { reason: 'account-locked' } });
      return { kind: 'refused' as const, seconds: wait };
    }
    const step = checkTotp(secret, code, now);
    let ok = step !== null && (await spendTotpStep(tx, auth.user.id, step));
    let viaRecovery = false;
    // The unused recovery codes as of now (under the row lock), so one code cannot be spent twice at once.
    const fresh = (await findUserById(tx, auth.user.id)) ?? auth.user;
    if (!ok && !enrolling && (await consumeRecoveryCode(tx, fresh, code))) ok = viaRecovery = true;
    if (!ok) {
      // Committed like any change: the count must survive the refusal.
      const lockedFor = await recordStepFailure(tx, 'mfa', auth.user.id, now);
      audit({ action: 'platform.auth.mfa_failed', targetType: 'user', targetId: auth.user.id });
      if (lockedFor) {
        await endSessionsAfterLock(tx, auth.user.id, { all: false });
        audit({ action: 'platform.auth.account_locked', targetType: 'user', targetId: auth.user.id, diff: { reason: 'mfa', seconds: lockedFor } });
      }
      return { kind: 'failed' as const, lockedFor };
    }
    await clearStepFailures(tx, 'mfa', auth.user.id);
    let codes: string[] | null = null;
    if (enrolling) {
      const rc = newRecoveryCodes();
      codes = rc.codes;
      await enableTotp(tx, auth.user.id, now, rc.hashes);
      audit({ action: 'platform.auth.mfa_enrolled', targetType: 'user', targetId: auth.user.id });
    } else {
      audit({ action: 'platform.auth.mfa_verified', targetType: 'user', targetId: auth.user.id, diff: { viaRecovery } });
    }
    const rotated = await rotateSession(tx, auth.session, now, { mfaVerified: true });
    return { kind: 'ok' as const, token: rotated.token, codes };
  });
  if (result.kind === 'refused') return lockedPage(c, result.seconds, 'locked');
  if (result.kind === 'failed') {
    if (!result.lockedFor) return mfaPage(c, auth.user, next, m('ja', 'mfaInvalid'), 422);
    clearSessionCookie(c);
    return lockedPage(c, result.lockedFor, 'stepLocked');
  }
  writeSessionCookie(c, result.token);
  if (!result.codes) return c.redirect(next, 303);
  return authPage(c, {
    title: m('ja', 'recoveryTitle'),
    children: (
      <>
        <p>{m('ja', 'recoveryIntro')}</p>
        <ul class="app-recovery-codes">
          {result.codes.map((rc) => (
            <li>
              <code class="app-code">{rc}</code>
            </li>
          ))}
        </ul>
        <ButtonLink href={next}>{m('ja', 'recoveryContinue')}</ButtonLink>
      </>
    ),
  });
});
