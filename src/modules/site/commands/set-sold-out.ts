import { AppError } from '../../../platform/errors/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { lockFacilityEntry, setFacilitySoldOut } from '../../campaign/index.js';
import { sam } from '../messages.js';

/**
 * Marks a facility 販売終了 from `date` (or clears the mark). The trigger on `facilities` bumps the
 * search index version, so every instance shows it within a second.
 */
export async function setSoldOut(ctx: CommandContext, programId: number, facilityId: number, date: string | null): Promise<void> {
  const f = await lockFacilityEntry(ctx.tx, programId, facilityId, 'update');
  if (!f) throw new AppError('not-found', sam('refuse.facilityNotFound'));
  await setFacilitySoldOut(ctx.tx, facilityId, date, { programId, updatedAt: ctx.now });
  ctx.audit({ action: date ? 'site.facility.sold_out' : 'site.facility.back_on_sale', programId, targetType: 'facility', targetId: facilityId, diff: { soldOutOn: [f.soldOutOn, date] } });
}
