import type { MiddlewareHandler } from 'hono';
import { timingSafeEqualText } from '../auth/tokens.js';
import { AppError } from '../errors/index.js';
import { writeAnonCsrf } from './cookies.js';
import type { AppContext, AppEnv } from './env.js';
import { csrfMessages } from './messages.js';
import { randomToken } from '../auth/tokens.js';

/**
 * The token a form must echo: the session's, or for anonymous visitors one kept in a cookie that
 * is set only when a form is rendered (so cacheable pages set no cookie).
 */
export function csrfToken(c: AppContext): string {
  let token = c.get('csrfToken');
  if (!token) {
    token = randomToken(24);
    writeAnonCsrf(c, token);
    c.set('csrfToken', token);
  }
  return token;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing request that rides on a cookie must (1) come from our own origin when the
 * browser says where it comes from, and (2) echo the CSRF token in `_csrf` or `X-CSRF-Token`.
 * Bearer-token API calls carry no ambient authority and are exempt; anonymous API calls (JSON or
 * form-encoded) carry no session that could be abused.
 */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const auth = c.get('auth');
    if (auth?.via === 'token') return next();
    const origin = c.req.header('origin');
    if (origin && origin !== 'null') {
      const own = new URL(c.req.url).origin;
      const configured = new URL(c.get('deps').config.publicBaseUrl).origin;
      if (origin !== own && origin !== configured) throw new AppError('csrf-failed', csrfMessages(c.get('locale'), 'foreignOrigin'), { detail: { reason: 'origin' } });
    } else if (origin === 'null') {
      throw new AppError('csrf-failed', csrfMessages(c.get('locale'), 'foreignOrigin'), { detail: { reason: 'origin' } });
    }
    const isJson = (c.req.header('content-type') ?? '').includes('application/json');
    if (isJson && !auth) return next();
    // An anonymous API call carries no authority a forged form could borrow, whatever its body
    // type: a phone system posts form-encoded CTI events with the secret in the path (calls).
    if (!auth && c.req.path.startsWith('/api/')) return next();
    const expected = c.get('csrfToken');
    let sent = c.req.header('x-csrf-token');
    if (!sent) {
      const ct = c.req.header('content-type') ?? '';
      if (ct.includes('application/x-www-form-urlencoded') || ct.includes('multipart/form-data')) {
        const body = await c.req.parseBody();
        const v = body['_csrf'];
        sent = typeof v === 'string' ? v : undefined;
      }
    }
    if (!expected || !sent || !timingSafeEqualText(sent, expected)) throw new AppError('csrf-failed', csrfMessages(c.get('locale'), 'tokenMismatch'), { detail: { reason: 'token' } });
    return next();
  };
}
