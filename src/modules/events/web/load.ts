import { AppError } from '../../../platform/errors/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { primaryRole, requireProgramRole, requireProgramRoleById, requireRoleAnywhere } from '../../../platform/http/guards.js';
import { am } from '../messages.js';
import { findRegistration, type RosterFilter } from '../queries.js';
import { readRoster } from '../roster.js';
import { findProgramBySlug } from '../../../platform/programs/queries.js';
import type { Program } from '../../../platform/programs/schema.js';
import { slugSchema } from '../../../platform/programs/validators.js';
import type { Role } from '../../../platform/auth/schema.js';
import { runAs } from '../../../platform/http/run-as.js';
import { idParam } from '../../../platform/http/params.js';
import { parseId } from '../../../platform/ids.js';

/** Roles that run the event: they enter, change and check in registrations. */
export const RUN_ROLES: Role[] = ['admin', 'operator'];
/** Roles that may also read the roster (the City). */
export const READ_ROLES: Role[] = ['admin', 'operator', 'city'];

/** The event program named by `:slug` for a public page; 404 for anything else. */
export async function publicEvent(c: AppContext): Promise<Program> {
  const slug = c.req.param('slug') ?? '';
  if (!slugSchema.safeParse(slug).success) throw new AppError('not-found');
  const program = await findProgramBySlug(c.get('deps').db, slug);
  if (!program || program.kind !== 'event') throw new AppError('not-found');
  return program;
}

/** The event program named by `:slug` for staff holding one of `roles` there (permission first). */
export async function staffEvent(c: AppContext, roles: Role[]) {
  const found = await requireProgramRole(c, c.req.param('slug') ?? '', roles);
  if (found.program.kind !== 'event') throw new AppError('not-found');
  return found;
}

/**
 * A registration looked up by `:id` for staff holding one of `roles` in its program: the role is
 * checked before the lookup, the program after it (404 across programs).
 */
export async function staffRegistration(c: AppContext, roles: Role[]) {
  requireRoleAnywhere(c, roles);
  const r = await findRegistration(c.get('deps').db, idParam(c));
  if (!r) throw new AppError('not-found');
  const found = await requireProgramRoleById(c, r.programId, roles);
  return { ...found, registration: r };
}

/** A record id posted in a form field; anything else is a bad request, never a database error. */
export function formId(value: string | undefined): number {
  const id = parseId(value);
  if (id === undefined) throw new AppError('bad-request', am('err.noTarget'));
  return id;
}

/**
 * The roster with personal data opened, for a staff page, export or print: a read, not a form
 * post, so it runs as its own transaction that records the access (`events.roster.viewed` /
 * `.exported` / `.printed`) as the signed-in staff member, in the role the guard found.
 */
export function staffRoster(c: AppContext, roles: Role[], program: Program, filter: RosterFilter, purpose: Parameters<typeof readRoster>[3]) {
  return runAs(c, primaryRole(roles), (ctx) => readRoster(ctx, program, filter, purpose));
}
