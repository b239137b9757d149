import { AppError } from '../../../platform/errors/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { requireProgramRole } from '../../../platform/http/guards.js';
import { findProgramBySlug } from '../../../platform/programs/queries.js';
import type { Program } from '../../../platform/programs/schema.js';
import { slugSchema } from '../../../platform/programs/validators.js';
import type { Role } from '../../../platform/auth/schema.js';

/** Roles that run the survey: questionnaire, paper entry, lottery, prizes. */
export const RUN_ROLES: Role[] = ['admin', 'operator'];
/** Roles that read tallies and reports (the City too). */
export const READ_ROLES: Role[] = ['admin', 'operator', 'city'];
/** The City approves the questionnaire. */
export const APPROVE_ROLES: Role[] = ['city'];

/** The program named by `:slug` for a public survey page; 404 for anything else. */
export async function publicSurveyProgram(c: AppContext): Promise<Program> {
  const slug = c.req.param('slug') ?? '';
  if (!slugSchema.safeParse(slug).success) throw new AppError('not-found');
  const program = await findProgramBySlug(c.get('deps').db, slug);
  if (!program) throw new AppError('not-found');
  return program;
}

/** The program named by `:slug` for staff holding one of `roles` there (permission first). */
export function staffSurvey(c: AppContext, roles: Role[]) {
  return requireProgramRole(c, c.req.param('slug') ?? '', roles);
}
