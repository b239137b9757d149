import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { AppError } from '../errors/index.js';
import { timingSafeEqualText } from '../auth/tokens.js';
import type { AppContext } from './env.js';
import { csrfMessages, requestMessages } from './messages.js';
import { incomingOf, rawHeader } from './raw-header.js';

/**
 * Routes whose multipart body the route itself reads as a stream (a video of hundreds of MB):
 * the body gate (body-gate.ts) does not read it first and the app's body limit, CSRF step and
 * input guard leave it to `readStreamedUpload`, which does their work part by part. A module
 * registers its paths once, at load (`POST` only).
 */
const STREAMED: RegExp[] = [];

export function registerStreamedUpload(path: RegExp): void {
  if (!STREAMED.some((r) => r.source === path.source)) STREAMED.push(path);
}

/** Whether a POST to this path (query removed) is read by its route as a stream. */
export function isStreamedUpload(method: string | undefined, url: string | undefined): boolean {
  if (method !== 'POST' || !url) return false;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  return STREAMED.some((r) => r.test(path));
}

export interface StreamedFile {
  field: string;
  filename: string;
  /** What the client declared; never trusted (check the bytes). */
  declaredType: string;
  stream: Readable;
}

// Same rule as input-guard.ts: C0 controls other than tab, LF, CR, and DEL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Reads a streamed multipart form: text fields into `fields`, the one file part of `fileField`
 * handed to `sink` as a stream (at most `maxFileBytes`; beyond it 413, the partial result
 * discarded by the sink's caller). For a signed-in browser (not a bearer token) the form's
 * `_csrf` field must come before the file and match, and a foreign Origin is refused, as the
 * app's CSRF step does for other forms. Text fields with control characters are 400.
 */
export async function readStreamedUpload<T>(
  c: AppContext,
  opts: { fileField: string; maxFileBytes: number; maxFields?: number; sink: (file: StreamedFile) => Promise<T> },
): Promise<{ fields: Record<string, string>; file: T | null; truncated: boolean }> {
  const type = rawHeader(c, 'content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) throw new AppError('unsupported-media-type');
  const auth = c.get('auth');
  const needsCsrf = auth?.via !== 'token';
  if (needsCsrf) checkOrigin(c);
  const source = bodyStream(c);
  let bb: busboy.Busboy;
  try {
    bb = busboy({ headers: { 'content-type': type }, limits: { fileSize: opts.maxFileBytes, files: 1, fields: opts.maxFields ?? 20, fieldSize: 64 * 1024 }, defParamCharset: 'utf8' });
  } catch {
    throw new AppError('bad-request', requestMessages('ja', 'bodyIncomplete'));
  }
  const fields: Record<string, string> = {};
  let file: Promise<T> | null = null;
  let truncated = false;
  let failure: AppError | null = null;
  const csrfOk = () => !needsCsrf || (!!fields['_csrf'] && !!c.get('csrfToken') && timingSafeEqualText(fields['_csrf'], c.get('csrfToken')!));
  const done = new Promise<void>((resolve, reject) => {
    bb.on('field', (name, value) => {
      if (CONTROL.test(name) || CONTROL.test(value)) failure ??= new AppError('bad-request', requestMessages('ja', 'controlCharacter'), { detail: { reason: 'control-character' } });
      fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      if (name !== opts.fileField || file || failure || !csrfOk()) {
        if (!failure && !csrfOk()) failure = new AppError('csrf-failed', csrfMessages('ja', 'tokenMismatch'), { detail: { reason: 'token' } });
        stream.resume();
        return;
      }
      stream.on('limit', () => {
        truncated = true;
      });
      file = opts.sink({ field: name, filename: info.filename ?? '', declaredType: info.mimeType, stream });
      // Keep the parser going if the sink fails; its error is reported after the body is read.
      file.catch(() => stream.resume());
    });
    bb.on('error', () => reject(new AppError('bad-request', requestMessages('ja', 'bodyIncomplete'))));
    bb.on('close', () => resolve());
    source.on('error', () => reject(new AppError('bad-request', requestMessages('ja', 'bodyIncomplete'))));
  });
  source.pipe(bb);
  await done;
  const result = file ? await (file as Promise<T>) : null;
  if (!failure && !csrfOk()) failure = new AppError('csrf-failed', csrfMessages('ja', 'tokenMismatch'), { detail: { reason: 'token' } });
  if (failure) throw Object.assign(failure, { partial: result });
  return { fields, file: result, truncated };
}

function checkOrigin(c: AppContext): void {
  const origin = rawHeader(c, 'origin');
  if (!origin) return;
  const own = new URL(c.req.url).origin;
  const configured = new URL(c.get('deps').config.publicBaseUrl).origin;
  if (origin === 'null' || (origin !== own && origin !== configured)) throw new AppError('csrf-failed', csrfMessages('ja', 'foreignOrigin'), { detail: { reason: 'origin' } });
}

/** Node's request stream when served by @hono/node-server (nothing has read it); else the web body. */
function bodyStream(c: AppContext): Readable {
  const incoming: IncomingMessage | undefined = incomingOf(c);
  if (incoming && !incoming.readableDidRead && !incoming.readableEnded && !(incoming as { rawBody?: Buffer }).rawBody) return incoming;
  const raw = (incoming as { rawBody?: Buffer } | undefined)?.rawBody;
  if (raw) return Readable.from([raw]);
  const body = c.req.raw.body;
  if (!body) return Readable.from([]);
  return Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
}
