import { AppError } from '../errors/index.js';
import type { AppContext } from './env.js';
import { requestMessages } from './messages.js';
import { incomingOf } from './raw-header.js';

const texts = new WeakMap<object, Promise<string>>();

/**
 * The request body as text, once per request. Under @hono/node-server it is read straight from
 * node's IncomingMessage while nothing has read it yet: the web Request, its stream and abort
 * signal the adapter builds for `c.req.text()` cost about a fifth of a small JSON API call's CPU.
 * Elsewhere (app.request() in tests, a body already read by another step) through Hono. The
 * size limit is the app's body-limit step's (app.ts), which checks the declared length first.
 */
export function bodyText(c: AppContext): Promise<string> {
  let text = texts.get(c.req);
  if (!text) texts.set(c.req, (text = readText(c)));
  return text;
}

async function readText(c: AppContext): Promise<string> {
  const incoming = incomingOf(c);
  if (!incoming || typeof incoming.readableDidRead !== 'boolean' || incoming.readableDidRead || incoming.readableEnded) return utf8(new Uint8Array(await c.req.arrayBuffer()));
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
  } catch {
    // The client went away mid-body (a load generator stopping, a dropped connection): nobody
    // reads the answer, and it is not the server's failure.
    throw new AppError('bad-request', requestMessages('ja', 'bodyIncomplete'));
  }
  return utf8(Buffer.concat(chunks));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The body's bytes as UTF-8 text; a body that is not valid UTF-8 is refused (400), never read with
 * replacement characters: a name sent in Shift_JIS would otherwise be stored as mojibake.
 */
function utf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new AppError('bad-request', requestMessages('ja', 'bodyNotUtf8'));
  }
}

/** The JSON body of an API request; bad-request when it is not JSON. */
export async function jsonBody(c: AppContext): Promise<unknown> {
  const text = await bodyText(c);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad-request', requestMessages('ja', 'jsonInvalid'));
  }
}
