import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppContext } from './env.js';

const FLASH_COOKIE = 'jmk_flash';

export interface Flash {
  kind: 'success' | 'error' | 'info';
  message: string;
}

/**
 * A one-time message shown after a POST-redirect-GET. Kept in a short-lived cookie (not server
 * memory) so any instance can show it; it never carries personal data.
 */
export function setFlash(c: AppContext, flash: Flash): void {
  setCookie(c, FLASH_COOKIE, Buffer.from(JSON.stringify(flash)).toString('base64url'), {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: c.get('deps').config.secureCookies,
    maxAge: 60,
  });
}

export function takeFlash(c: AppContext): Flash | undefined {
  const raw = getCookie(c, FLASH_COOKIE);
  if (!raw) return undefined;
  deleteCookie(c, FLASH_COOKIE, { path: '/' });
  try {
    const f = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Flash;
    if (!['success', 'error', 'info'].includes(f.kind) || typeof f.message !== 'string') return undefined;
    return { kind: f.kind, message: f.message.slice(0, 300) };
  } catch {
    return undefined;
  }
}
