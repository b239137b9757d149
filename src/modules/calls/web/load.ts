import { AppError } from '../../../platform/errors/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { requireAuth, requireProgramRole } from '../../../platform/http/guards.js';
import { keptProgram } from '../../../platform/programs/kept.js';
import type { Role } from '../../../platform/auth/schema.js';
import { isIsoDate } from '../../../platform/calendar/index.js';
import { isMonth } from '../due.js';
import { cm } from '../messages.js';

/**
 * The campaign program named by `:slug` for staff holding one of `roles` there (permission first).
 * `kept`: from a program kept between requests (a round trip less on call entry), for a caller
 * that uses only its id and kind, which never change.
 */
export async function callsProgram(c: AppContext, roles: Role[], opts: { kept?: boolean } = {}) {
  const slug = c.req.param('slug') ?? '';
  const found = opts.kept ? await keptProgram(c.get('deps'), requireAuth(c), slug, roles) : await requireProgramRole(c, slug, roles);
  if (found.program.kind !== 'campaign') throw new AppError('not-found');
  return found;
}

/** `:date` as YYYY-MM-DD, else 422. */
export function dateParam(c: AppContext): string {
  const d = c.req.param('date') ?? '';
  if (!isIsoDate(d)) throw new AppError('validation-failed', cm('val.date'), { fieldErrors: [{ field: 'date', message: cm('val.date') }] });
  return d;
}

/** `:month` as YYYY-MM, else 422. */
export function monthParam(c: AppContext): string {
  const m = c.req.param('month') ?? '';
  if (!isMonth(m)) throw new AppError('validation-failed', cm('val.month'), { fieldErrors: [{ field: 'month', message: cm('val.month') }] });
  return m;
}
