import { AppError } from '../../../platform/errors/index.js';
import type { Box } from '../../../platform/vault/index.js';
import { cm } from '../messages.js';
import type { CallerType, Category, Outcome } from '../schema.js';
import type { CallInput } from '../validators.js';

/** What an agent records of a call, as the columns of `call_logs`: shared by logging and completing. */
export function callAnswerColumns(v: Pick<CallInput, 'callerType' | 'category' | 'question' | 'answer' | 'outcome'>) {
  const simple = !v.question && !v.answer;
  return {
    callerType: v.callerType as CallerType,
    category: v.category as Category,
    simple,
    question: v.question ?? null,
    answer: v.answer ?? null,
    // A count-only call was answered on the spot; a detailed one says how it ended, or nothing yet.
    outcome: (v.outcome ?? (simple ? 'answered' : null)) as Outcome | null,
  };
}

/** The audit diff of a logged or completed call: its number and classes, never the caller. */
export const callAuditDiff = (number: number | string, c: { simple: boolean; callerType: CallerType; category: Category }) => ({ number, simple: c.simple, callerType: c.callerType, category: c.category });

/** When the call came in: `receivedAt` (a call logged later) or now; never in the future (a minute's grace). */
export function receivedAtOf(v: Pick<CallInput, 'receivedAt'>, now: Date): Date {
  const at = v.receivedAt ? new Date(v.receivedAt) : now;
  if (at.getTime() > now.getTime() + 60_000) {
    throw new AppError('validation-failed', cm('val.receivedFuture'), { fieldErrors: [{ field: 'receivedAt', message: cm('val.receivedFuture') }] });
  }
  return at;
}

/** The caller's name and number sealed in the vault, the number also blind-indexed (null when not given). */
export function sealedCaller(box: Box | null, v: Pick<CallInput, 'callerName' | 'callerPhone'>) {
  if (!box) return { callerNameSealed: null, callerPhoneSealed: null, phoneIndex: null };
  return { callerNameSealed: box.sealOptional(v.callerName), callerPhoneSealed: box.sealOptional(v.callerPhone), phoneIndex: v.callerPhone ? box.blindIndex(v.callerPhone) : null };
}

/** Whether a call carries personal data (and so needs the program's vault box). */
export const hasCaller = (v: Pick<CallInput, 'callerName' | 'callerPhone'>) => Boolean(v.callerName || v.callerPhone);
