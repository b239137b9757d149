import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/** No inline script or style anywhere: every script and stylesheet is a file under /static. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    h.set('X-Frame-Options', 'DENY');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    if (isHttps(c)) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}

function isHttps(c: Parameters<MiddlewareHandler<AppEnv>>[0]): boolean {
  const deps = c.get('deps');
  // PUBLIC_BASE_URL names how people reach the site: when that is https, every response says so,
  // whatever hop (a TLS-terminating proxy without X-Forwarded-Proto) delivered this request.
  if (deps.config.publicBaseUrl.startsWith('https://')) return true;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return deps.config.trustProxy && c.req.header('x-forwarded-proto') === 'https';
}
