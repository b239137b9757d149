import type { Role } from '../../../../platform/auth/schema.js';
import type { FieldError } from '../../../../platform/errors/index.js';
import type { Program } from '../../../../platform/programs/schema.js';
import { ErrorSummary, errorFor } from '../../../../ui/index.js';

/** Who may do what with the papers. */
export const NOTICE_READ: Role[] = ['admin', 'operator', 'city'];
export const NOTICE_ISSUE: Role[] = ['admin', 'operator'];
export const REPORT_READ: Role[] = ['admin', 'operator', 'city'];
export const REPORT_WRITE: Role[] = ['admin', 'operator'];
export const REPORT_RECEIVE: Role[] = ['city'];
export const ACCOUNTS: Role[] = ['admin', 'operator'];

/** A form's state when shown again after a refusal. */
export interface FormState {
  errors: FieldError[];
  values: Record<string, string>;
  status: number;
  /** Which form on the page the errors belong to. */
  form?: string;
}

export const FRESH: FormState = { errors: [], values: {}, status: 200 };

/** The page's error summary and status for adminPage. */
export function pageErrors(form: FormState) {
  return { notice: form.errors.length ? <ErrorSummary errors={form.errors} /> : undefined, hasErrors: form.errors.length > 0, status: form.status };
}

/** Value and error of a field of the form named `name` (values only kept for that form). */
export function fieldOf(form: FormState, formName: string) {
  const mine = form.form === formName;
  return (name: string) => ({ name, value: mine ? (form.values[name] ?? '') : '', error: mine ? errorFor(form.errors, name) : undefined });
}

export const crumbs = (program: Program, title: string) => [{ label: program.name, href: '/admin' }, { label: title }];

export const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

export const canAny = (roles: Role[], allowed: Role[]) => roles.some((r) => allowed.includes(r));
