import crypto from 'node:crypto';

/**
 * The one-time submission key every rendered POST form carries (src/ui/components/form.tsx) and the
 * form kit claims (src/platform/http/form-action.ts). No database here: the UI layer renders it.
 */
export const SUBMISSION_KEY_FIELD = '_once';

/** A new key for one rendering of a form. */
export function newSubmissionKey(): string {
  return crypto.randomBytes(16).toString('base64url');
}

/** Fields a form carries for the platform (CSRF token, submission key), never input of the command. */
export function isFormControlField(name: string): boolean {
  return name === '_csrf' || name === SUBMISSION_KEY_FIELD;
}
