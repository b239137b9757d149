import { raw } from 'hono/html';
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { Button, ButtonLink, ErrorSummary, Form, TextField, errorFor } from '../../../ui/index.js';
import { actorOf } from '../../http/actor.js';
import { writeSessionCookie } from '../../http/cookies.js';
import type { AppContext, AppEnv } from '../../http/env.js';
import { formFields } from '../../http/form.js';
import { safeRedirectTarget } from '../../http/respond.js';
import { AppError } from '../../errors/index.js';
import { runCommand } from '../../command.js';
import { users, type User } from '../schema.js';
import { rotateSession } from '../sessions.js';
import { defaultLanding } from '../memberships.js';
import { checkTotp, spendTotpStep, consumeRecoveryCode, newRecoveryCodes, newTotpSecret, otpauthQrSvg, sealedSecret } from '../totp.js';
import { authPage } from './auth-page.js';
import { authMessages as m } from './messages.js';
import { csrfToken } from '../../http/csrf.js';

function sessionAuth(c: AppContext) {
  const auth = c.get('auth');
  if (!auth?.session) throw new AppError('unauthenticated');
  return auth as typeof auth & { session: NonNullable<typeof auth.session> };
}

async function pendingSecret(c: AppContext, user: User): Promise<string> {
  const deps = c.get('deps');
  const existing = await sealedSecret(deps.db, deps.vault, user);
  if (existing) return existing;
  const secret = newTotpSecret();
  const box = await deps.vault.box(deps.db, 'system');
  await deps.db.update(users).set({ totpSecret: box.seal(secret), totpEnabledAt: null }).where(eq(users.id, user.id));
  return secret;
}

async function mfaPage(c: AppContext, user: User, next: string, error?: string, status = 200) {
  const errors = error ? [{ field: 'code', message: error }] : [];
  const enrolling = !user.totpEnabledAt;
  let qr: { svg: string; secret: string } | null = null;
  if (enrolling) {
    const secret = await pendingSecret(c, user);
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
              {raw(qr.svg.replace('<svg ', '<svg role="img" aria-label="二要素認証の設定用QRコード" '))}
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

export const mfaRoutes = new Hono<AppEnv>();

mfaRoutes.get('/mfa', async (c) => {
  const auth = sessionAuth(c);
  const next = safeRedirectTarget(c.req.query('next'), defaultLanding(auth.grants));
  if (auth.session.mfaVerified && auth.user.totpEnabledAt) return c.redirect(next, 303);
  return mfaPage(c, auth.user, next);
});

mfaRoutes.post('/mfa', async (c) => {
  const auth = sessionAuth(c);
  const deps = c.get('deps');
  const next = safeRedirectTarget(c.req.query('next'), defaultLanding(auth.grants));
  const code = (await formFields(c)).code?.trim() ?? '';
  const secret = await sealedSecret(deps.db, deps.vault, auth.user);
  const now = deps.clock.now();
  if (!secret) return mfaPage(c, auth.user, next);
  const enrolling = !auth.user.totpEnabledAt;
  const result = await runCommand(deps, actorOf(c), async ({ tx, audit }) => {
    const step = checkTotp(secret, code, now);
    let ok = step !== null && (await spendTotpStep(tx, auth.user.id, step));
    let viaRecovery = false;
    if (!ok && !enrolling && (await consumeRecoveryCode(tx, auth.user, code))) ok = viaRecovery = true;
    if (!ok) {
      audit({ action: 'platform.auth.mfa_failed', targetType: 'user', targetId: auth.user.id });
      return null;
    }
    let codes: string[] | null = null;
    if (enrolling) {
      const rc = newRecoveryCodes();
      codes = rc.codes;
      await tx.update(users).set({ totpEnabledAt: now, recoveryCodes: rc.hashes }).where(eq(users.id, auth.user.id));
      audit({ action: 'platform.auth.mfa_enrolled', targetType: 'user', targetId: auth.user.id });
    } else {
      audit({ action: 'platform.auth.mfa_verified', targetType: 'user', targetId: auth.user.id, diff: { viaRecovery } });
    }
    const rotated = await rotateSession(tx, auth.session, now, { mfaVerified: true });
    return { token: rotated.token, codes };
  });
  if (!result) return mfaPage(c, auth.user, next, m('ja', 'mfaInvalid'), 422);
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
