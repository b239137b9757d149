import { eq } from 'drizzle-orm';
import { tokyoDate } from '../../../platform/calendar/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { facilities } from '../../campaign/schema.js';
import { facilityBalances } from '../ledger.js';
import { facilitySalesStops } from '../schema.js';

/**
 * Keeps the public 販売終了 mark (`facilities.sold_out_on`) equal to: the business stopped sales
 * itself, OR the facility's allocation is used up. Money coming back (release, cancellation, a
 * larger allocation) clears only the allocation reason, never the business's own mark.
 * Facilities without an allocation draw on the pool and are marked only by their business.
 */
export async function updateSoldOut(ctx: CommandContext, programId: number, facilityId: number): Promise<void> {
  const b = await facilityBalances(ctx.tx, programId, facilityId);
  const [stop] = await ctx.tx.select({ stoppedOn: facilitySalesStops.stoppedOn }).from(facilitySalesStops).where(eq(facilitySalesStops.facilityId, facilityId));
  const exhausted = b.hasAllocation && b.available === 0;
  if (!exhausted && !stop) {
    const [f] = await ctx.tx.select({ soldOutOn: facilities.soldOutOn }).from(facilities).where(eq(facilities.id, facilityId));
    if (!f?.soldOutOn) return;
    await ctx.tx.update(facilities).set({ soldOutOn: null }).where(eq(facilities.id, facilityId));
    ctx.audit({ action: 'settlement.facility.back_on_sale', programId, targetType: 'facility', targetId: facilityId });
    return;
  }
  const [f] = await ctx.tx.select({ soldOutOn: facilities.soldOutOn }).from(facilities).where(eq(facilities.id, facilityId));
  if (!f || f.soldOutOn) return;
  await ctx.tx.update(facilities).set({ soldOutOn: stop?.stoppedOn ?? tokyoDate(ctx.now) }).where(eq(facilities.id, facilityId));
  ctx.audit({ action: 'settlement.facility.sold_out', programId, targetType: 'facility', targetId: facilityId, diff: { reason: stop ? 'business' : 'allocation-exhausted' } });
}
