import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { requireAuth } from '../../http/guards.js';

export const authApi = new Hono<AppEnv>();

/** The caller: `{ email, roles: [{ program, role }] }`, program null for installation-wide admin. */
authApi.get('/me', (c) => {
  const auth = requireAuth(c);
  c.header('Cache-Control', 'no-store');
  return c.json({
    email: auth.user.email,
    roles: auth.grants.map((g) => ({ program: g.programSlug, role: g.role })),
  });
});
