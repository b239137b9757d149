/**
 * Structured logs to stdout as JSON lines. Never pass personal data here: log ids and counts,
 * not names, addresses, e-mail addresses or free text typed by people.
 */
import { redactPersonal } from './redact.js';

export { redactPersonal };

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

let threshold = ORDER[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? ORDER.info;

export function setLogLevel(level: Level | 'silent'): void {
  threshold = ORDER[level];
}

/** Fields that hold an id (`requestId`, `jobId`, `id`, `programIds`): logged as given, never masked. */
const ID_FIELD = /^(id|ids|.*Ids?)$/;

function emit(level: Level, msg: string, fields?: Record<string, unknown>): void {
  if (ORDER[level] < threshold) return;
  // Defence in depth: a text field that slipped through with an address or phone number is masked
  // (ids are not text: a long request id or number must stay searchable).
  const safe = fields && Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' && !ID_FIELD.test(k) ? redactPersonal(v) : v]));
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg: redactPersonal(msg), ...safe });
  if (level === 'error' || level === 'warn') process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => emit('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => emit('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => emit('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => emit('error', msg, fields),
};

/** An error's class and message, without stack frames that might echo request data, and with addresses and phone numbers masked. */
export function errorFields(e: unknown): Record<string, unknown> {
  if (e instanceof Error) return { error: e.name, message: redactPersonal(e.message).slice(0, 500) };
  return { error: redactPersonal(String(e)).slice(0, 500) };
}

/** An error's message fit to store (jobs.last_error, mail_outbox.last_error): masked and bounded. */
export function safeErrorText(e: unknown, max = 1000): string {
  return redactPersonal(e instanceof Error ? e.message : String(e)).slice(0, max);
}
