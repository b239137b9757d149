import { AppError } from '../../../platform/errors/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { requireAuth, requireProgramRole, requireProgramRoleById } from '../../../platform/http/guards.js';
import type { Role } from '../../../platform/auth/schema.js';
import { findProgramBySlug } from '../../../platform/programs/queries.js';
import type { Program } from '../../../platform/programs/schema.js';
import { findApplication } from '../queries.js';
import { idParam } from '../../../platform/http/params.js';

/** A campaign program by slug for public pages (404 for unknown slugs and other kinds). */
export async function campaignProgram(c: AppContext, slug: string): Promise<Program> {
  const program = await findProgramBySlug(c.get('deps').db, slug);
  if (!program || program.kind !== 'campaign') throw new AppError('not-found');
  return program;
}

/** An application by its id in the path, after checking the caller's role in its program (404 across programs). */
export async function applicationForStaff(c: AppContext, roles: readonly Role[]) {
  const auth = requireAuth(c);
  if (!auth.grants.some((g) => roles.includes(g.role))) throw new AppError('forbidden');
  const app = await findApplication(c.get('deps').db, idParam(c));
  if (!app) throw new AppError('not-found');
  const { program, roles: held } = await requireProgramRoleById(c, app.programId, roles);
  return { app, program, roles: held, auth };
}

/** A campaign program by the `:slug` in the path for its staff (404 for other kinds of program, as for unknown slugs). */
export async function staffCampaign(c: AppContext, roles: readonly Role[]) {
  const found = await requireProgramRole(c, c.req.param('slug')!, roles);
  if (found.program.kind !== 'campaign') throw new AppError('not-found');
  return found;
}
