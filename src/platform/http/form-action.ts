import type { Role } from '../auth/schema.js';
import type { CommandContext } from '../command.js';
import { isAppError, type AppError, type ErrorCode, type FieldError } from '../errors/index.js';
import { claimSubmissionKey, SUBMISSION_KEY_FIELD } from '../forms/submission-keys.js';
import type { AppContext } from './env.js';
import { setFlash } from './flash.js';
import { formKitMessages as m } from './messages.js';
import { runAs } from './run-as.js';

/** Refusals a person can act on: the form is shown again with the reason, not an error page. */
const SHOWN_ON_FORM = ['validation-failed', 'conflict', 'window-closed', 'budget-exhausted', 'duplicate-entry', 'rounds-required', 'rule-refused', 'data-erased'] as const;
type ShownCode = (typeof SHOWN_ON_FORM)[number];
const isShown = (code: ErrorCode): code is ShownCode => (SHOWN_ON_FORM as readonly ErrorCode[]).includes(code);

export interface FormActionOptions<T> {
  /** The role the actor acts in, for the audit trail (usually `primaryRole(roles)` of the guard). */
  role: Role | null;
  /** The command, in one transaction with its audit entries (and the submission key). */
  run(ctx: CommandContext): Promise<T>;
  /**
   * The form page again, with the error summary and the messages beside the fields. Given the
   * errors and the status (422 for input, 409 for a stale or conflicting change, …). Without it,
   * refusals go to the error page.
   */
  rerender?(errors: FieldError[], status: number, error: AppError): Promise<Response> | Response;
  /** The success message shown after the redirect. */
  flash: string | ((result: T) => string);
  /** Where the browser goes next (POST-redirect-GET). */
  redirect: string | ((result: T) => string);
  /**
   * Where a replay of the same submission goes, when `redirect` must not be stored (it carries a
   * secret, such as a registrant's own link); by default the replay goes where the first went.
   */
  replayTo?: string;
}

/**
 * The back-office (and public) POST pattern, written once: run the command as the signed-in
 * actor, re-render the form on a refusal the person can correct, otherwise flash and redirect.
 * The permission check comes first, in the handler, before this is called.
 *
 * A form that carries a one-time submission key (every `<Form>` does) is carried out once: a
 * double click or a replayed POST with the same key runs nothing and is sent where the first went.
 */
export async function submitForm<T>(c: AppContext, opts: FormActionOptions<T>): Promise<Response> {
  const key = await submissionKeyOf(c);
  let outcome: { replayed: false; result: T; location: string } | { replayed: true; location: string | null };
  try {
    outcome = await runAs(c, opts.role, async (ctx) => {
      const claim = key ? await claimSubmissionKey(ctx.tx, `${c.get('csrfToken')}`, key, ctx.now) : null;
      if (claim && !claim.first) return { replayed: true as const, location: claim.location };
      const result = await opts.run(ctx);
      const location = typeof opts.redirect === 'function' ? opts.redirect(result) : opts.redirect;
      if (claim?.first) await claim.settle(opts.replayTo ?? location);
      return { replayed: false as const, result, location };
    });
  } catch (e) {
    if (opts.rerender && isAppError(e) && isShown(e.code)) {
      const errors = e.fieldErrors.length ? e.fieldErrors : [{ field: '', message: e.message === e.code ? m(c.get('locale'), e.code) : e.message }];
      return opts.rerender(errors, e.status, e);
    }
    throw e;
  }
  if (outcome.replayed) {
    setFlash(c, { kind: 'info', message: m(c.get('locale'), 'alreadyDone') });
    return c.redirect(outcome.location ?? c.req.path, 303);
  }
  setFlash(c, { kind: 'success', message: typeof opts.flash === 'function' ? opts.flash(outcome.result) : opts.flash });
  return c.redirect(outcome.location, 303);
}

async function submissionKeyOf(c: AppContext): Promise<string | null> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return null;
  const v = (await c.req.parseBody())[SUBMISSION_KEY_FIELD];
  return typeof v === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(v) ? v : null;
}
