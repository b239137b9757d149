import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { campaignApplications, facilities, type Application, type Facility } from '../schema.js';

/**
 * The application, re-read and locked (FOR UPDATE) for the rest of the command's transaction:
 * two decisions on one application run one after the other, and the second sees the first's
 * result. `programId` scopes the lookup when the caller knows it.
 */
export async function lockApplication(ctx: Pick<CommandContext, 'tx'>, id: number, programId?: number): Promise<Application> {
  const [row] = await ctx.tx
    .select()
    .from(campaignApplications)
    .where(and(eq(campaignApplications.id, id), programId === undefined ? undefined : eq(campaignApplications.programId, programId)))
    .for('update');
  if (!row) throw new AppError('not-found');
  return row;
}

/** The facility, re-read and locked for the rest of the transaction (FOR NO KEY UPDATE: claims may still reference it meanwhile). */
export async function lockFacility(ctx: Pick<CommandContext, 'tx'>, id: number, programId?: number): Promise<Facility> {
  const [row] = await ctx.tx
    .select()
    .from(facilities)
    .where(and(eq(facilities.id, id), programId === undefined ? undefined : eq(facilities.programId, programId)))
    .for('no key update');
  if (!row) throw new AppError('not-found');
  return row;
}
