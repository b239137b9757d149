import type { Role } from '../../../platform/auth/schema.js';
import { AppError } from '../../../platform/errors/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { primaryRole, requireProgramRole, requireProgramRoleById } from '../../../platform/http/guards.js';
import { runAs } from '../../../platform/http/run-as.js';
import type { Program } from '../../../platform/programs/schema.js';
import { parseId } from '../../../platform/ids.js';
import { seedRegister } from '../commands/seed-register.js';
import { findDeliverable, isRegisterSeeded } from '../queries.js';
import type { Deliverable } from '../schema.js';

export const READ: Role[] = ['admin', 'operator', 'city'];
export const RUN: Role[] = ['admin', 'operator'];
export const CITY: Role[] = ['city'];

/** The program by slug for a role, its register filled from the seed the first time it is read. */
export async function registerProgram(c: AppContext, roles: Role[]): Promise<{ program: Program; roles: Role[] }> {
  const { program, roles: mine } = await requireProgramRole(c, c.req.param('slug') ?? '', roles);
  if (!(await isRegisterSeeded(c.get('deps').db, program.id))) await runAs(c, primaryRole(mine), (ctx) => seedRegister(ctx, program));
  return { program, roles: mine };
}

/** The deliverable named by `:id`, after checking the role in its program (404 across programs). */
export async function loadDeliverable(c: AppContext, roles: Role[]): Promise<{ deliverable: Deliverable; program: Program; roles: Role[] }> {
  const id = parseId(c.req.param('id'));
  if (id === undefined) throw new AppError('not-found');
  const deliverable = await findDeliverable(c.get('deps').db, id);
  if (!deliverable) throw new AppError('not-found');
  const { program, roles: mine } = await requireProgramRoleById(c, deliverable.programId, roles);
  return { deliverable, program, roles: mine };
}

/** A positive whole number from a path parameter, or 404. */
export function numberParam(c: AppContext, name: string): number {
  const n = parseId(c.req.param(name));
  if (n === undefined) throw new AppError('not-found');
  return n;
}
