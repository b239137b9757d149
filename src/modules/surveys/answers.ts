import { AppError, type FieldError } from '../../platform/errors/index.js';
import type { Locale } from '../../platform/i18n/index.js';
import { answerable, OTHER_VALUE } from './questionnaire.js';
import type { Answers, Question } from './schema.js';
import { surveyMessages as sm } from './messages.js';

const MAX_TEXT = 2000;

/** A number as typed (full-width digits and a comma grouping allowed), or null. */
function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const s = v.normalize('NFKC').trim().replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) && Math.abs(n) < 1e12 ? n : null;
}

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Checks answers (`{ [questionId]: value }`, a multi-choice "other" text as `"<id>.other"`) against
 * the questionnaire's questions and returns them as stored; every problem is a field error on
 * `answers.<id>`, in the respondent's language. Unknown keys are refused too.
 */
export function checkAnswers(questions: Question[], raw: unknown, locale: Locale): Answers {
  const errors: FieldError[] = [];
  const fail = (id: string, key: Parameters<typeof sm>[1], params?: Record<string, string | number>) => errors.push({ field: `answers.${id}`, message: sm(locale, key, params) });
  if (raw !== undefined && (raw === null || typeof raw !== 'object' || Array.isArray(raw))) {
    throw new AppError('validation-failed', sm(locale, 'errAnswers'), { fieldErrors: [{ field: 'answers', message: sm(locale, 'errAnswers') }] });
  }
  const input = (raw ?? {}) as Record<string, unknown>;
  const out: Answers = {};
  const qs = answerable(questions);
  const known = new Set(qs.flatMap((q) => (q.type === 'multi' ? [q.id, `${q.id}.${OTHER_VALUE}`] : [q.id])));
  for (const key of Object.keys(input)) if (!known.has(key)) fail(key, 'errUnknownQuestion');
  for (const q of qs) {
    const v = input[q.id];
    if (blank(v)) {
      if (q.required) fail(q.id, 'errRequired');
      continue;
    }
    const values = q.options?.map((o) => o.value) ?? [];
    switch (q.type) {
      case 'single':
        if (typeof v !== 'string' || !values.includes(v)) fail(q.id, 'errChoice');
        else out[q.id] = v;
        break;
      case 'multi': {
        const list = Array.isArray(v) ? v : [v];
        if (!list.every((x): x is string => typeof x === 'string' && values.includes(x))) fail(q.id, 'errChoice');
        else {
          out[q.id] = [...new Set(list)];
          const other = input[`${q.id}.${OTHER_VALUE}`];
          if (typeof other === 'string' && other.trim() && list.includes(OTHER_VALUE)) {
            if (other.length > 500) fail(q.id, 'errTooLong', { max: 500 });
            else out[`${q.id}.${OTHER_VALUE}`] = other.trim();
          }
        }
        break;
      }
      case 'scale': {
        const n = toNumber(v);
        if (n === null || !Number.isInteger(n) || n < 1 || n > 5) fail(q.id, 'errScale');
        else out[q.id] = n;
        break;
      }
      case 'number': {
        const n = toNumber(v);
        if (n === null) fail(q.id, 'errNumber');
        else out[q.id] = n;
        break;
      }
      case 'text':
        if (typeof v !== 'string') fail(q.id, 'errText');
        else if (v.length > MAX_TEXT) fail(q.id, 'errTooLong', { max: MAX_TEXT });
        else if (v.trim()) out[q.id] = v.trim();
        else if (q.required) fail(q.id, 'errRequired');
        break;
      default:
        break;
    }
  }
  if (errors.length) throw new AppError('validation-failed', sm(locale, 'errAnswers'), { fieldErrors: errors });
  return out;
}
