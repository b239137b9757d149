import type { MiddlewareHandler } from 'hono';
import { authForApiToken } from '../auth/api-tokens.js';
import { grantsOf, mfaRequired } from '../auth/memberships.js';
import { findSession, touchSession } from '../auth/sessions.js';
import { AppError } from '../errors/index.js';
import { readAnonCsrf, readSessionCookie } from './cookies.js';
import type { AppEnv } from './env.js';
import { requestMessages } from './messages.js';
import { isApiPath } from './problem.js';

/**
 * Resolves the caller from a bearer token or the session cookie and sets `auth` (or null) and
 * the CSRF token already issued to this browser, if any (see csrfToken()). It authorises nothing: routes do that with the guards in ./guards.ts.
 *
 * A bearer token is an API credential: it is read on `/api/…` only. Elsewhere (the back office,
 * account pages) an Authorization header is ignored, so a token never stands in for a session
 * with its second factor and CSRF protection; the request is anonymous unless a session cookie says otherwise.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deps = c.get('deps');
    const now = deps.clock.now();
    c.set('auth', null);
    const header = isApiPath(c.req.path) ? c.req.header('authorization') : undefined;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      // The embedded database has no other writer: a token's answer is kept until a command commits.
      const found = m ? await authForApiToken(deps.db, m[1]!, now, { keep: !deps.database.raw.pool }) : null;
      if (!found) throw new AppError('unauthenticated', requestMessages('ja', 'tokenInvalid'));
      c.set('auth', { user: found.user, grants: found.grants, via: 'token', complete: true });
      c.set('csrfToken', '');
      return next();
    }
    const token = readSessionCookie(c);
    const found = token ? await findSession(deps.db, token, now) : null;
    if (found) {
      await touchSession(deps.db, found.session, now);
      const grants = await grantsOf(deps.db, found.user.id);
      // A second factor is owed when the role demands it or the user turned it on.
      const complete = found.session.mfaVerified || (!mfaRequired(grants) && !found.user.totpEnabledAt);
      c.set('auth', { user: found.user, grants, via: 'session', session: found.session, complete });
      c.set('csrfToken', found.session.csrfToken);
      return next();
    }
    const anon = readAnonCsrf(c);
    c.set('csrfToken', anon && anon.length <= 64 ? anon : '');
    return next();
  };
}
