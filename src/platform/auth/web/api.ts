import { Hono } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../errors/index.js';
import { actorOf } from '../../http/actor.js';
import { writeSessionCookie } from '../../http/cookies.js';
import type { AppEnv } from '../../http/env.js';
import { jsonBody } from '../../http/json-body.js';
import { requireAuth } from '../../http/guards.js';
import { parseOrThrow } from '../../validation.js';
import { attemptLogin } from '../login.js';
import { authMessages as m } from './messages.js';
import { LoginBody, type LoginAnswer, type MeAnswer } from './api-schemas.js';

export const authApi = new Hono<AppEnv>();

/** The caller: `{ email, roles: [{ program, role }] }`, program null for installation-wide admin. */
authApi.get('/me', (c) => {
  const auth = requireAuth(c);
  c.header('Cache-Control', 'no-store');
  return c.json({
    email: auth.user.email,
    roles: auth.grants.map((g) => ({ program: g.programSlug, role: g.role })),
  } satisfies z.infer<typeof MeAnswer>);
});

/**
 * Password sign-in for API clients that work with a session cookie (the browser UI uses /login).
 * 401 for wrong credentials, 429 with Retry-After while the account or the address is locked.
 */
authApi.post('/login', async (c) => {
  const body = parseOrThrow(LoginBody, await jsonBody(c));
  const result = await attemptLogin(c.get('deps'), body, actorOf(c));
  if (!result.ok) {
    if (result.reason === 'invalid') throw new AppError('unauthenticated', m('ja', 'loginFailed'));
    const minutes = Math.max(1, Math.ceil((result.retryAfter ?? 60) / 60));
    throw new AppError(result.reason === 'ip-locked' ? 'too-many-attempts' : 'account-locked', m('ja', result.reason === 'ip-locked' ? 'ipLocked' : 'locked', { minutes }), {
      retryAfter: result.retryAfter ?? 60,
    });
  }
  writeSessionCookie(c, result.token);
  c.header('Cache-Control', 'no-store');
  return c.json({ email: body.email.trim().toLowerCase(), secondFactor: result.secondFactor } satisfies z.infer<typeof LoginAnswer>);
});
