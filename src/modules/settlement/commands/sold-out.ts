import { eq } from 'drizzle-orm';
import { tokyoDate } from '../../../platform/calendar/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { facilities } from '../../campaign/schema.js';
import { facilityBalances } from '../ledger.js';

/**
 * A facility whose allocation is used up shows 販売終了 from today; when money comes back
 * (release, cancellation, a larger allocation) the mark goes away. Facilities without an
 * allocation draw on the pool and are never marked here.
 */
export async function updateSoldOut(ctx: CommandContext, programId: number, facilityId: number): Promise<void> {
  const b = await facilityBalances(ctx.tx, programId, facilityId);
  if (!b.hasAllocation) return;
  const [f] = await ctx.tx.select({ soldOutOn: facilities.soldOutOn }).from(facilities).where(eq(facilities.id, facilityId));
  if (!f) return;
  if (b.available === 0 && !f.soldOutOn) {
    await ctx.tx.update(facilities).set({ soldOutOn: tokyoDate(ctx.now) }).where(eq(facilities.id, facilityId));
    ctx.audit({ action: 'settlement.facility.sold_out', programId, targetType: 'facility', targetId: facilityId });
  } else if (b.available > 0 && f.soldOutOn) {
    await ctx.tx.update(facilities).set({ soldOutOn: null }).where(eq(facilities.id, facilityId));
    ctx.audit({ action: 'settlement.facility.back_on_sale', programId, targetType: 'facility', targetId: facilityId });
  }
}
