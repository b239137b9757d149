import type { Role } from '../../../platform/auth/schema.js';
import { AppError } from '../../../platform/errors/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { requireProgramRole } from '../../../platform/http/guards.js';
import type { BreadcrumbItem } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { sm } from '../messages.js';

/** Roles that run the settlement: set allocations and rules, review claims, close months. */
export const RUN_ROLES = ['admin', 'operator'] as const satisfies readonly Role[];

/** A campaign program the caller holds one of `roles` in (404 for other kinds of program). */
export async function settlementProgram(c: AppContext, roles: readonly Role[]) {
  const r = await requireProgramRole(c, c.req.param('slug')!, roles);
  if (r.program.kind !== 'campaign') throw new AppError('not-found');
  return r;
}

export const adminBase = (program: Program) => `/admin/settlement/${program.slug}`;

/** Breadcrumbs of a page under the settlement dashboard. */
export function crumbs(program: Program, label: string): BreadcrumbItem[] {
  return [{ label: sm('crumb.home'), href: '/admin' }, { label: sm('crumb.settlement'), href: adminBase(program) }, { label }];
}

/** A whole number of yen from a form field (commas and 円 allowed), or null. */
export function parseYen(text: string | undefined): number | null {
  const t = (text ?? '').replace(/[,，円\s]/g, '');
  if (!/^\d{1,12}$/.test(t)) return null;
  return Number(t);
}

/** A `YYYY-MM` route parameter; anything else is 404. */
export function monthParam(text: string | undefined): string {
  if (!text || !/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) throw new AppError('not-found');
  return text;
}
