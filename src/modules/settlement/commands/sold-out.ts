import { eq } from 'drizzle-orm';
import { tokyoDate } from '../../../platform/calendar/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { findFacilityEntry, setFacilitySoldOut } from '../../campaign/index.js';
import { facilityBalances } from '../ledger.js';
import { facilitySalesStops } from '../schema.js';

/**
 * Keeps the public 販売終了 mark (the facility's `sold_out_on`, set through campaign) equal to:
 * the business stopped sales itself, OR the facility's allocation is used up. Money coming back (release, cancellation, a
 * larger allocation) clears only the allocation reason, never the business's own mark.
 *
 * On the claim path (the default) a facility without an allocation returns at once — money moving
 * on the pool cannot change its mark — and the business's mark is read only when the allocation
 * alone would change the public one, so the hot path costs what it did before the mark existed.
 * `businessMarkChanged` (from setSalesStop) always recomputes.
 */
export async function updateSoldOut(ctx: CommandContext, programId: number, facilityId: number, opts: { businessMarkChanged?: boolean } = {}): Promise<void> {
  const b = await facilityBalances(ctx.tx, programId, facilityId);
  if (!b.hasAllocation && !opts.businessMarkChanged) return;
  const exhausted = b.hasAllocation && b.available === 0;
  const f = await findFacilityEntry(ctx.tx, facilityId);
  if (!f) return;
  if (!opts.businessMarkChanged && exhausted === !!f.soldOutOn) return;
  const [stop] = await ctx.tx.select({ stoppedOn: facilitySalesStops.stoppedOn }).from(facilitySalesStops).where(eq(facilitySalesStops.facilityId, facilityId));
  const soldOut = exhausted || !!stop;
  if (soldOut === !!f.soldOutOn) return;
  if (soldOut) {
    await setFacilitySoldOut(ctx.tx, facilityId, stop?.stoppedOn ?? tokyoDate(ctx.now));
    ctx.audit({ action: 'settlement.facility.sold_out', programId, targetType: 'facility', targetId: facilityId, diff: { reason: stop ? 'business' : 'allocation-exhausted' } });
  } else {
    await setFacilitySoldOut(ctx.tx, facilityId, null);
    ctx.audit({ action: 'settlement.facility.back_on_sale', programId, targetType: 'facility', targetId: facilityId });
  }
}
