import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SECURE_SESSION_COOKIE, SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '../auth/policy.js';
import type { AppContext } from './env.js';

const ANON_CSRF_COOKIE = 'jmk_csrf';

function secure(c: AppContext): boolean {
  return c.get('deps').config.secureCookies;
}

export function sessionCookieName(c: AppContext): string {
  return secure(c) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function readSessionCookie(c: AppContext): string | undefined {
  return getCookie(c, sessionCookieName(c));
}

/** HttpOnly, SameSite=Lax, Path=/; `__Host-` and Secure when served over https. */
export function writeSessionCookie(c: AppContext, token: string): void {
  setCookie(c, sessionCookieName(c), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: secure(c),
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(c: AppContext): void {
  deleteCookie(c, sessionCookieName(c), { path: '/', secure: secure(c) });
}

export function readAnonCsrf(c: AppContext): string | undefined {
  return getCookie(c, ANON_CSRF_COOKIE);
}

export function writeAnonCsrf(c: AppContext, token: string): void {
  setCookie(c, ANON_CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: secure(c) });
}
