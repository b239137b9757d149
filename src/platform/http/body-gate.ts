import type { IncomingMessage, ServerResponse } from 'node:http';
import { log } from '../log/index.js';
import { requestMessages } from './messages.js';
import { isApiPath } from './problem.js';

/** The time a body gets beyond REQUEST_TIMEOUT_MS: one second per this many bytes received (a large upload on a slow line). */
export const BODY_GRACE_BYTES_PER_SECOND = 64 * 1024;

export interface BodyGateOptions {
  /** The most the app accepts (MAX_BODY_BYTES, or MAX_UPLOAD_BYTES for multipart). */
  limitBytes: (req: IncomingMessage) => number;
  /** REQUEST_TIMEOUT_MS: the body must have arrived this long after the headers (plus the grace above). */
  timeoutMs: number;
  publicBaseUrl: string;
}

/** A request whose body this gate has read: @hono/node-server builds the web Request from `rawBody`. */
type GatedRequest = IncomingMessage & { rawBody?: Buffer };

/** Whether a request says it has a body: a Content-Length above 0, or a Transfer-Encoding (chunked). */
export function declaresBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Reads a request's whole body before the app sees it, so that the app (and with it MAX_IN_FLIGHT,
 * the per-client cap and every early answer, such as a shed 503) only ever gets requests that have
 * fully arrived: a client trickling its body holds a socket, never an in-flight slot, and no answer
 * is written while the client is still sending (closing such a socket loses the answer).
 *
 * - No body (most GETs): handed on at once.
 * - A declared length above the limit: handed on unread; the app answers 413 from the header.
 * - A chunked body that grows past the limit: handed on with what came (over the limit), so the
 *   app's body limit answers 413.
 * - Not all there within `timeoutMs` (plus a second per 64 KiB received): 408, connection closed.
 * - The client goes away mid-body: logged at info (nobody is left to answer), not handed on.
 */
export function readBodyFirst(req: IncomingMessage, res: ServerResponse, opts: BodyGateOptions, next: () => void): void {
  if (!declaresBody(req)) return next();
  const length = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  const limit = opts.limitBytes(req);
  if (!chunked && Number(length) > limit) return next();
  const started = Date.now();
  const chunks: Buffer[] = [];
  let received = 0;
  let settled = false;
  const settle = () => {
    settled = true;
    clearTimeout(timer);
    req.off('data', onData);
    req.off('end', onEnd);
    req.off('aborted', onGone);
    req.off('close', onGone);
    req.off('error', onGone);
  };
  const handOn = () => {
    settle();
    (req as GatedRequest).rawBody = Buffer.concat(chunks, received);
    next();
  };
  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
    received += chunk.length;
    if (received > limit) {
      req.pause();
      handOn();
    }
  };
  const onEnd = () => handOn();
  const onGone = () => {
    if (settled) return;
    settle();
    log.info('client went away before its request body arrived', { method: req.method, receivedBytes: received });
  };
  const check = () => {
    const allowed = opts.timeoutMs + (received / BODY_GRACE_BYTES_PER_SECOND) * 1000;
    const waited = Date.now() - started;
    if (waited < allowed) {
      timer = setTimeout(check, allowed - waited);
      return;
    }
    settle();
    log.info('request body not received in time', { method: req.method, receivedBytes: received });
    answerTimeout(req, res, opts.publicBaseUrl);
  };
  let timer = setTimeout(check, opts.timeoutMs);
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('aborted', onGone);
  req.on('close', onGone);
  req.on('error', onGone);
}

/** 408 and the connection closed: problem+json under /api, a line of text elsewhere (no browser sends this slowly). */
function answerTimeout(req: IncomingMessage, res: ServerResponse, publicBaseUrl: string): void {
  if (res.headersSent || res.destroyed) {
    req.destroy();
    return;
  }
  const path = (req.url ?? '/').split('?')[0]!;
  const ja = requestMessages('ja', 'bodyIncomplete');
  const body = isApiPath(path)
    ? JSON.stringify({ type: `${publicBaseUrl}/problems/request-timeout`, title: ja, status: 408, detail: ja, instance: path, code: 'request-timeout' })
    : `${ja} (${requestMessages('en', 'bodyIncomplete')})\n`;
  res.writeHead(408, {
    'Content-Type': isApiPath(path) ? 'application/problem+json; charset=utf-8' : 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  res.end(body);
}
