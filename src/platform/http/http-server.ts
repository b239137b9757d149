import http from 'node:http';
import type { TLSSocket } from 'node:tls';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Deps } from '../deps.js';
import type { AppEnv } from './env.js';
import { readBodyFirst } from './body-gate.js';
import { isStreamedUpload } from './streamed-upload.js';
import { answerFromCache, PublicResponseCache, type HitContext, type PublicCacheEnv } from './public-cache.js';
import { KeepAliveTail } from './prepared-head.js';
import { isHttpsRequest } from './security-headers.js';

export interface HttpServer extends http.Server {
  /** The shared public answers of this server (see public-cache.ts). */
  publicCache: PublicResponseCache;
}

/**
 * The app's node:http server (not yet listening): shared public answers are written from the
 * micro-cache in front (public-cache.ts); every other request goes, once its body has arrived
 * (body-gate.ts), to the Hono app through the @hono/node-server adapter, which gets the cache in its
 * env to store shareable answers. Slow headers and bodies get 408 (HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS).
 * Used by src/server.ts, the benchmarks and tests that need a real server.
 */
export function createHttpServer(app: Hono<AppEnv>, deps: Pick<Deps, 'config'>): HttpServer {
  // PUBLIC_CACHE_MB (bodies plus a little per entry).
  const cache = new PublicResponseCache(deps.config.publicCacheBytes);
  const { config } = deps;
  const toApp = getRequestListener((request, env) => {
    (env as PublicCacheEnv).publicCache = cache;
    return app.fetch(request, env);
  }, { hostname: config.host });
  const isHttps = (req: http.IncomingMessage) =>
    isHttpsRequest(config, (req.socket as TLSSocket).encrypted === true, () => {
      const v = req.headers['x-forwarded-proto'];
      return Array.isArray(v) ? v.join(', ') : v;
    });
  const limitBytes = (req: http.IncomingMessage) => ((req.headers['content-type'] ?? '').startsWith('multipart/form-data') ? config.maxUploadBytes : config.maxBodyBytes);
  const gate = { limitBytes, timeoutMs: config.requestTimeoutMs, publicBaseUrl: config.publicBaseUrl };
  const server = http.createServer(
    {
      // Headers must arrive within HEADERS_TIMEOUT_MS (else 408 and close); the body within
      // REQUEST_TIMEOUT_MS is the body gate's (it gives large uploads longer). Checked often
      // enough for the timeouts to hold (node's default check runs every 30 s).
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: 0,
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(config.headersTimeoutMs / 4))),
    },
    (req, res) => {
      if (answerFromCache(cache, req, res, hit)) return;
      // The app (and its load shedding) sees a request only once its body has arrived.
      // A streamed upload (streamed-upload.ts) is read by its route, part by part, never whole.
      if (isStreamedUpload(req.method, req.url)) return void toApp(req, res);
      readBodyFirst(req, res, gate, () => void toApp(req, res));
    },
  ) as HttpServer;
  const hit: HitContext = { isHttps, keepAliveTail: new KeepAliveTail(server) };
  server.publicCache = cache;
  return server;
}
