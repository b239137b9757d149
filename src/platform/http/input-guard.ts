import { AppError } from '../errors/index.js';
import type { AppContext } from './env.js';
import { bodyText } from './json-body.js';
import { requestMessages } from './messages.js';
import { isApiPath } from './problem.js';
import { incomingOf, rawHeader } from './raw-header.js';

/**
 * Text no route has to handle, refused once for all of them (app.ts) with 400: a C0 control
 * character other than tab, LF and CR in the path, the query, a form field (name, value or file
 * name) or a JSON string. PostgreSQL cannot store NUL in text (the query fails: a 500), and none of
 * these characters is something a person typed.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
/** The same characters percent-encoded, as they arrive in a request target. */
const ENCODED_CONTROL = /%(?:0[0-8bcef]|1[0-9a-f])/i;

/** Whether `text` holds a control character this guard refuses. */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

function refuse(c: AppContext): never {
  throw new AppError('bad-request', requestMessages(c.get('locale') ?? 'ja', 'controlCharacter'), { detail: { reason: 'control-character' } });
}

/** The path and query as sent (one regex over the raw request target; no parsing on the hot path). */
export function refuseControlInTarget(c: AppContext): void {
  const target = incomingOf(c)?.url ?? c.req.url;
  if (ENCODED_CONTROL.test(target) || CONTROL.test(target)) refuse(c);
}

/** A request body's text fields: every form field, or every string (and key) of a JSON body. */
export async function refuseControlInBody(c: AppContext): Promise<void> {
  const type = (rawHeader(c, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    // Parsed as formFields/formList parse it (all values), so the handlers reuse the parse.
    const body = await c.req.parseBody({ all: true });
    for (const [name, value] of Object.entries(body)) {
      if (CONTROL.test(name)) refuse(c);
      for (const v of Array.isArray(value) ? value : [value]) {
        if (typeof v === 'string' ? CONTROL.test(v) : CONTROL.test(v.name)) refuse(c);
      }
    }
    return;
  }
  if (type === 'application/json' || type.endsWith('+json') || isApiPath(c.req.path)) {
    const text = await bodyText(c);
    if (CONTROL.test(text)) refuse(c);
    // Only an escape (\u0000) can put a control character into valid JSON's strings.
    if (text.includes('\\u') && jsonHasControl(text)) refuse(c);
  }
}

/** Whether any string or key of the JSON text holds a control character (walked without recursion). */
function jsonHasControl(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false; // not JSON: the route's jsonBody answers that
  }
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (CONTROL.test(v)) return true;
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (CONTROL.test(k)) return true;
        stack.push(x);
      }
    }
  }
  return false;
}

/** The body check as a step of the request chain (app.ts), after the body limit, sign-in and CSRF checks. */
export async function guardBody(c: AppContext, next: () => Promise<void>): Promise<void> {
  await refuseControlInBody(c);
  await next();
}
