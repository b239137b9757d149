import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../platform/errors/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { facilities } from '../../campaign/schema.js';
import { findFacilityForUpdate } from '../queries.js';

/**
 * Marks a facility 販売終了 from `date` (or clears the mark). The trigger on `facilities` bumps the
 * search index version, so every instance shows it within a second.
 */
export async function setSoldOut(ctx: CommandContext, programId: number, facilityId: number, date: string | null): Promise<void> {
  const f = await findFacilityForUpdate(ctx.tx, programId, facilityId);
  if (!f) throw new AppError('not-found', '施設が見つかりません');
  await ctx.tx.update(facilities).set({ soldOutOn: date, updatedAt: ctx.now }).where(and(eq(facilities.id, facilityId), eq(facilities.programId, programId)));
  ctx.audit({ action: date ? 'site.facility.sold_out' : 'site.facility.back_on_sale', programId, targetType: 'facility', targetId: facilityId, diff: { soldOutOn: [f.soldOutOn, date] } });
}
