import type { MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from './env.js';
import { rawHeader } from './raw-header.js';

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

/** Fixed per process: precomputed so a response costs only the header writes. */
const FIXED: ReadonlyArray<readonly [string, string]> = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Frame-Options', 'DENY'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];
const HSTS = 'max-age=31536000; includeSubDomains';

/** Sets the security headers on a finished response (every response, errors and 304s included). */
export function applySecurityHeaders(c: AppContext): void {
  const h = c.res.headers;
  for (const [k, v] of FIXED) h.set(k, v);
  if (isHttps(c)) h.set('Strict-Transport-Security', HSTS);
}

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    applySecurityHeaders(c);
  };
}

function isHttps(c: AppContext): boolean {
  // The request URL's scheme, without parsing the whole URL.
  return isHttpsRequest(c.get('deps').config, c.req.url.startsWith('https:'), () => rawHeader(c, 'x-forwarded-proto'));
}

/**
 * Whether a response to this request carries Strict-Transport-Security (shared with the server's
 * cached-answer path, so both decide alike).
 */
export function isHttpsRequest(config: { publicBaseUrl: string; trustProxy: boolean }, tlsSocket: boolean, forwardedProto: () => string | undefined): boolean {
  // PUBLIC_BASE_URL names how people reach the site: when that is https, every response says so,
  // whatever hop (a TLS-terminating proxy without X-Forwarded-Proto) delivered this request.
  if (config.publicBaseUrl.startsWith('https://')) return true;
  if (tlsSocket) return true;
  return config.trustProxy && forwardedProto() === 'https';
}
