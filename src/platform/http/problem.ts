import type { AppContext } from './env.js';
import { AppError, type ErrorCode } from '../errors/index.js';
import { errorMessages } from './messages.js';

/** RFC 9457 problem details; `errors` lists every field's problem for validation failures. */
export function problemResponse(c: AppContext, err: AppError): Response {
  const base = c.get('deps')?.config.publicBaseUrl ?? '';
  const body: Record<string, unknown> = {
    type: `${base}/problems/${err.code}`,
    title: errorMessages('ja', err.code as ErrorCode),
    status: err.status,
    detail: err.message !== err.code ? err.message : errorMessages('ja', err.code),
    instance: c.req.path,
    code: err.code,
    requestId: c.get('requestId'),
    ...err.detail,
  };
  if (err.fieldErrors.length) body.errors = err.fieldErrors.map((f) => ({ field: f.field, message: f.message, ...(f.code ? { code: f.code } : {}) }));
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store' };
  if (err.retryAfter) headers['Retry-After'] = String(err.retryAfter);
  return new Response(JSON.stringify(body), { status: err.status, headers });
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
