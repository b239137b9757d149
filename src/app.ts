import crypto from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isPoolTimeout } from './db/client.js';
import { isDemoInstallation, lastKnownDemoFlag } from './platform/programs/demo-flag.js';
import { AppError, isAppError } from './platform/errors/index.js';
import type { Deps } from './platform/deps.js';
import { authenticate } from './platform/http/authenticate.js';
import { clientAddress, type ProxyTrust } from './platform/http/client-address.js';
import { csrfProtection } from './platform/http/csrf.js';
import type { AppContext, AppEnv } from './platform/http/env.js';
import { ErrorPage } from './platform/http/error-pages.js';
import { guardBody, refuseControlInTarget } from './platform/http/input-guard.js';
import { loadShedding } from './platform/http/load-shedding.js';
import { readinessOf } from './platform/http/readiness.js';
import { hasMetricsToken, metricsFor, renderMetrics } from './platform/metrics/index.js';
import { requestMessages } from './platform/http/messages.js';
import { isApiPath, problemResponse } from './platform/http/problem.js';
import { sendPage } from './platform/http/respond.js';
import { rawHeader } from './platform/http/raw-header.js';
import { shareAnswer, storeShared, type PublicCacheEnv } from './platform/http/public-cache.js';
import { applySecurityHeaders } from './platform/http/security-headers.js';
import { errorFields, log } from './platform/log/index.js';
import { resolveStaticName, staticContent, staticFiles } from './ui/static/index.js';
import { VERSION } from './version.js';
import { isStreamedUpload } from './platform/http/streamed-upload.js';

/** The client's address (client-address.ts): behind a trusted proxy, the X-Forwarded-For entry it appended. */
function clientIp(c: AppContext, trust: ProxyTrust): string | null {
  return clientAddress(rawHeader(c, 'x-forwarded-for'), () => {
    try {
      return getConnInfo(c).remote.address ?? null;
    } catch {
      return null;
    }
  }, trust);
}

function localeOf(path: string) {
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'ja';
}

/** The デモ banner on error pages too; an error page must still render when the database is down. */
async function demoFlag(c: AppContext, err: AppError): Promise<boolean> {
  // Shedding answers because the server (often the database) is overloaded: never touch it then.
  if (err.code === 'overloaded') return lastKnownDemoFlag();
  try {
    return await isDemoInstallation(c.get('deps').db);
  } catch {
    return false;
  }
}

/**
 * Where an error page in the back office leads: after a change refused because the record changed
 * meanwhile (409), back to the page the form was on (same origin, back office only), to be read
 * again as it is now; otherwise to the back office's home.
 */
function backOfficeLink(c: AppContext, err: AppError): { href: string; to: 'adminHome' | 'reopen' } | undefined {
  if (!c.req.path.startsWith('/admin')) return undefined;
  if (err.status === 409 && c.req.method === 'POST') {
    try {
      const from = new URL(c.req.header('referer') ?? '');
      if (from.origin === new URL(c.req.url).origin && from.pathname.startsWith('/admin')) return { href: from.pathname + from.search, to: 'reopen' };
    } catch {
      // no usable Referer: the back office's home below
    }
  }
  return { href: '/admin', to: 'adminHome' };
}

async function renderError(c: AppContext, err: AppError): Promise<Response> {
  if (isApiPath(c.req.path)) return problemResponse(c, err);
  if (err.code === 'unauthenticated') {
    const target = err.message === 'mfa-pending' ? '/mfa' : '/login';
    const next = c.req.method === 'GET' ? `?next=${encodeURIComponent(c.req.path + (new URL(c.req.url).search || ''))}` : '';
    return c.redirect(target + next, 303);
  }
  const res = await sendPage(
    c,
    ErrorPage({
      locale: c.get('locale') ?? 'ja',
      code: err.code,
      message: err.message !== err.code ? err.message : undefined,
      requestId: c.get('requestId'),
      demo: await demoFlag(c, err),
      back: backOfficeLink(c, err),
    }),
    err.status,
  );
  if (err.retryAfter) res.headers.set('Retry-After', String(err.retryAfter));
  return res;
}

export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { config } = deps;

  const metrics = metricsFor(deps);
  const admitRequest = deps.database.admitRequest?.bind(deps.database);
  const shed = loadShedding({
    maxInFlight: config.maxInFlight,
    maxPerClient: config.maxInFlightPerClient,
    maxLagMs: config.shedLagMs,
    onShed: (c) => {
      metrics.shed.inc({ reason: 'busy' });
      return renderError(c, new AppError('overloaded', undefined, { retryAfter: 30 }));
    },
    // The embedded database keeps the server's one thread busy: a request it could not start on
    // within DATABASE_WAIT_MS, or that got no turn among the few run at once, is answered at once.
    maxWaitMs: config.databaseWaitMs,
    takeTurn:
      admitRequest &&
      (async () => {
        const from = performance.now();
        const release = await admitRequest();
        metrics.databaseWait.observe((performance.now() - from) / 1000);
        return release;
      }),
    onWaitedTooLong: (c) => {
      metrics.shed.inc({ reason: 'database-wait' });
      return renderError(c, new AppError('overloaded', undefined, { retryAfter: 5 }));
    },
  });
  metrics.watchInFlight(() => shed.inFlight);
  // One front middleware (context, then shedding; request id and security headers on the way
  // out) instead of three: every layer of the chain is another async hop on every request.
  app.use('*', async (c, next) => {
    const requestId = crypto.randomUUID();
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('clientIp', clientIp(c, config));
    c.set('locale', localeOf(c.req.path));
    c.set('auth', null);
    c.set('csrfToken', '');
    const from = performance.now();
    // The shed answer is returned, not set (Hono's compose would set it; here we do).
    const shedAnswer: unknown = await shed(c, next);
    if (shedAnswer instanceof Response) c.res = shedAnswer;
    // By route pattern (bounded), never by URL: ids and queries would make a series per request.
    metrics.observeRequest(c.req.method, c.req.routePath, c.res.status, (performance.now() - from) / 1000);
    c.res.headers.set('X-Request-Id', requestId);
    applySecurityHeaders(c);
    // A route that marked its answer as shareable: the server's micro-cache keeps it, headers as sent.
    storeShared(c);
  });

  // Readiness for a load balancer's health check: 503 while draining (SIGTERM, DRAIN_MS) or when the database is not reached.
  app.get('/readyz', async (c) => {
    refuseControlInTarget(c);
    c.header('Cache-Control', 'no-store');
    if (readinessOf(deps).draining) return c.json({ status: 'draining' }, 503);
    const ok = await deps.database.ping();
    return c.json({ status: ok ? 'ready' : 'unavailable' }, ok ? 200 : 503);
  });

  app.get('/healthz', async (c) => {
    const ok = await deps.database.ping();
    c.header('Cache-Control', 'no-store');
    return c.json({ status: ok ? 'ok' : 'unavailable', database: deps.database.kind, version: VERSION }, ok ? 200 : 503);
  });

  // Prometheus scrapes: with METRICS_TOKEN as a bearer token; otherwise absent here (METRICS_PORT serves it apart).
  app.get('/metrics', async (c) => {
    refuseControlInTarget(c);
    if (!hasMetricsToken(c.req.header('authorization'), config.metricsToken)) throw new AppError('not-found');
    const cache = (c.env as PublicCacheEnv | undefined)?.publicCache;
    if (cache) metrics.watchPublicCache(cache);
    const { contentType, body } = await renderMetrics(deps);
    return c.body(body, 200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  });

  app.get('/static/:file', (c) => {
    const found = resolveStaticName(c.req.param('file'));
    if (!found) throw new AppError('not-found');
    const { bytes } = staticContent(found.name);
    // A URL with the current content hash (what pages link to) never changes: cached for a year.
    // A plain name, or an older hash (a page from before a deploy), gets today's file for an hour.
    const cache = found.current ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
    // The file never changes while the process runs: the micro-cache answers it from now on.
    shareAnswer(c, { bytes, isCurrent: () => true });
    return c.body(bytes, 200, { 'Content-Type': staticFiles[found.name].type, 'Cache-Control': cache });
  });

  // Every browser asks for it; answering 404 filled the logs and the route walk's error pages.
  app.get('/favicon.ico', (c) => c.body(staticContent('favicon.ico').bytes, 200, { 'Content-Type': staticFiles['favicon.ico'].type, 'Cache-Control': 'public, max-age=86400' }));

  const auth = authenticate();
  const csrf = csrfProtection();
  const limitBody: MiddlewareHandler<AppEnv> = (c, next) => {
    const multipart = (rawHeader(c, 'content-type') ?? '').startsWith('multipart/form-data');
    const maxSize = multipart ? config.maxUploadBytes : config.maxBodyBytes;
    const tooLarge = () => {
      throw new AppError('payload-too-large', undefined, { detail: { limitBytes: maxSize } });
    };
    // A declared length is checked from the raw header, as bodyLimit would, without making the
    // adapter build a web Request (see json-body.ts); a chunked body is counted by bodyLimit.
    const declared = rawHeader(c, 'content-length');
    if (declared !== undefined && rawHeader(c, 'transfer-encoding') === undefined) return Number(declared) > maxSize ? tooLarge() : next();
    return bodyLimit({ maxSize, onError: tooLarge })(c, next);
  };
  app.use('*', (c, next) => {
    // Text no route must handle (a NUL byte, other control characters) is a 400 here, for every route.
    refuseControlInTarget(c);
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') {
      // GET and HEAD carry no body (touching it would make the adapter build a full Request) and
      // need no CSRF check. With neither a bearer token nor any cookie there is nobody to look up:
      // auth stays null and csrfToken '' (as authenticate() would set them), with no query.
      if (rawHeader(c, 'authorization') === undefined && rawHeader(c, 'cookie') === undefined) return next();
      return auth(c, next);
    }
    // A streamed upload's route checks size, CSRF and control characters itself (readStreamedUpload).
    if (isStreamedUpload(method, c.req.path)) return auth(c, next);
    return limitBody(c, async () => {
      await auth(c, async () => {
        await csrf(c, () => guardBody(c, next));
      });
    });
  });

  // Fixed paths first, so a public `/:slug` pattern can never shadow them.
  // The installed modules' routes, domain modules before the platform's parts (whose public
  // `/:slug` must come after every module's `/:slug/...`).
  const routes = [...deps.modules.modules].reverse().map((m) => m.routes ?? {});
  for (const r of routes) if (r.api) app.route('/api/v1', r.api);
  for (const r of routes) if (r.admin) app.route('/admin', r.admin);
  for (const r of routes) if (r.root) app.route('/', r.root);
  for (const r of routes) {
    if (r.public) {
      app.route('/en', r.public);
      app.route('/', r.public);
    }
  }

  app.notFound((c) => renderError(c, new AppError('not-found')));
  app.onError((err, c) => {
    if (isAppError(err)) return renderError(c, err);
    if (err instanceof SyntaxError && isApiPath(c.req.path)) return renderError(c, new AppError('bad-request', requestMessages('ja', 'jsonInvalid')));
    if (isPoolTimeout(err)) {
      log.warn('no database connection in time', { requestId: c.get('requestId'), method: c.req.method, path: c.req.routePath });
      return renderError(c, new AppError('overloaded', undefined, { retryAfter: 5 }));
    }
    log.error('request failed', { requestId: c.get('requestId'), method: c.req.method, path: c.req.routePath, ...errorFields(err) });
    return renderError(c, new AppError('internal'));
  });
  return app;
}
