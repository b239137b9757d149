import { AppError } from '../../platform/errors/index.js';
import { findProgramById } from '../../platform/programs/queries.js';
import type { PersonalDataGate } from '../../platform/personal-data-gate.js';
import { ROSTERED_ROLES } from './commands/staff.js';
import { pm } from './messages.js';
import { isApprovedStaff } from './queries.js';
import { enforcesStaffRoster } from './settings.js';

/**
 * The roster gate: a contractor's staff member (admin, operator, agent — the installation admin
 * too) acting on a program that enforces its roster (`enforceStaffRoster`, default true) sees or
 * exports its personal data only while approved on it. The City, businesses, the public and jobs
 * are not contractor staff and pass.
 */
export const staffRosterGate: PersonalDataGate = async (ctx, programId) => {
  const { actor } = ctx;
  if (actor.userId == null || !(ROSTERED_ROLES as readonly (string | null)[]).includes(actor.role)) return null;
  const program = await findProgramById(ctx.tx, programId);
  if (!program || !enforcesStaffRoster(program)) return null;
  if (await isApprovedStaff(ctx.tx, programId, actor.userId)) return null;
  return {
    error: new AppError('not-on-staff-roster', pm('refused.detail')),
    audit: { action: 'privacy.access.refused', programId, targetType: 'program', targetId: programId, diff: { userId: actor.userId } },
  };
};
