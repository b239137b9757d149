/** Session and login limits, in one place so tests and README quote the same numbers. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Re-authentication is fresh for this long before changing two-factor settings or the password. */
export const REAUTH_WINDOW_MS = 5 * 60 * 1000;
export const ACCOUNT_MAX_FAILURES = 10;
export const ACCOUNT_LOCK_MS = 15 * 60 * 1000;
export const IP_MAX_FAILURES = 50;
export const IP_WINDOW_MS = 15 * 60 * 1000;
export const IP_LOCK_MS = 15 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
export const SESSION_COOKIE = 'jmk_session';
export const SECURE_SESSION_COOKIE = '__Host-jmk_session';
/**
 * Wrong second factors (TOTP or recovery code at /mfa) and wrong passwords at re-authentication:
 * every this many failures in a row lock the account. The counter only resets on success, and each
 * further lock lasts twice as long (capped), so guessing stays hopeless over days, not just minutes.
 */
export const STEP_MAX_FAILURES = 5;
export const STEP_LOCK_MAX_MS = 24 * 60 * 60 * 1000;
/**
 * Mails that a request without a signed-in user causes (sign-up, password reset, event
 * registration, an application's receipt): at most this many per recipient address and per client
 * address within ANON_MAIL_WINDOW_MS; beyond that the request is refused with 429.
 */
export const ANON_MAIL_PER_ADDRESS = 5;
export const ANON_MAIL_PER_CLIENT = 30;
export const ANON_MAIL_WINDOW_MS = 60 * 60 * 1000;
/** How long the link of an account request (a sign-up) may be used. */
export const ACCOUNT_REQUEST_TTL_MS = 24 * 60 * 60 * 1000;
