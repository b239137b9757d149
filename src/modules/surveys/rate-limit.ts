import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors/index.js';
import type { Locale } from '../../platform/i18n/index.js';
import { LruCache } from '../../platform/lru.js';
import { programSetting } from '../../platform/programs/queries.js';
import type { Program } from '../../platform/programs/schema.js';
import { surveyMessages as sm } from './messages.js';

/** The window of the per-client limit on survey responses. */
export const RESPONSE_WINDOW_MS = 10 * 60_000;
/** Responses (form posts and API calls) one client address may send a program in the window, unless `surveyResponsesPerClient` says otherwise. */
export const DEFAULT_RESPONSES_PER_CLIENT = 30;

/**
 * Per installation (one Deps), per program and client address: when each recent attempt was made.
 * Kept in the process, bounded (LRU): a limit against a script filling the survey, not an account;
 * with several app instances behind a balancer each counts its own. Not in the database, so that
 * honest respondents never queue on one counter row.
 */
const windows = new WeakMap<Deps, LruCache<number[]>>();

/**
 * Charges one survey response from `ip` to `program`. Beyond the limit it refuses with 429
 * `too-many-attempts` and Retry-After (the seconds until the oldest attempt in the window leaves
 * it). No address (an in-process call, the CLI) or a limit of 0: not limited.
 */
export function chargeSurveyResponse(deps: Deps, program: Program, ip: string | null, now: Date, locale: Locale): void {
  const max = Number(programSetting<number | string>(program, 'surveyResponsesPerClient', DEFAULT_RESPONSES_PER_CLIENT));
  if (!ip || !(max > 0)) return;
  let lru = windows.get(deps);
  if (!lru) windows.set(deps, (lru = new LruCache<number[]>(50_000)));
  const key = `${program.id}:${ip}`;
  const t = now.getTime();
  const recent = (lru.get(key) ?? []).filter((at) => at > t - RESPONSE_WINDOW_MS);
  if (recent.length >= max) {
    lru.set(key, recent);
    const seconds = Math.max(1, Math.ceil((recent[0]! + RESPONSE_WINDOW_MS - t) / 1000));
    throw new AppError('too-many-attempts', sm(locale, 'tooMany', { minutes: Math.ceil(seconds / 60) }), { retryAfter: seconds });
  }
  recent.push(t);
  lru.set(key, recent);
}
