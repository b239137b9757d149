import { z } from 'zod';
import { AppError, type FieldError } from './errors/index.js';

// Zod's own Japanese messages are the fallback; schemas give specific messages where people read them.
z.config(z.locales.ja());

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((i) => ({ field: i.path.map(String).join('.') || '_', message: i.message, code: i.code }));
}

/** Parses or throws `validation-failed` carrying every field's error. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) {
    throw new AppError('validation-failed', '入力内容に誤りがあります', { fieldErrors: issuesToFieldErrors(r.error.issues) });
  }
  return r.data;
}
