import { eq } from 'drizzle-orm';
import { tokyoDate } from '../../../platform/calendar/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { lockFacilityEntry } from '../../campaign/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { sm } from '../messages.js';
import { facilitySalesStops } from '../schema.js';
import { updateSoldOut } from './sold-out.js';

/**
 * A business stops (販売終了) or resumes selling discounted stays of its facility. Its own mark is
 * kept in facility_sales_stops; the public mark follows through updateSoldOut (a facility whose
 * allocation is used up stays marked after a resume). Idempotent; each change audited.
 */
export async function setSalesStop(ctx: CommandContext, program: Program, facilityId: number, stopped: boolean): Promise<{ changed: boolean }> {
  const facility = await lockFacilityEntry(ctx.tx, program.id, facilityId, 'no key update');
  if (!facility) throw new AppError('not-found', sm('cmd.facilityNotFound', { id: facilityId }));
  const [existing] = await ctx.tx.select().from(facilitySalesStops).where(eq(facilitySalesStops.facilityId, facilityId));
  if (stopped === !!existing) return { changed: false };
  if (stopped) {
    await ctx.tx.insert(facilitySalesStops).values({ facilityId, programId: program.id, stoppedOn: tokyoDate(ctx.now), stoppedBy: ctx.actor.userId, createdAt: ctx.now });
  } else {
    await ctx.tx.delete(facilitySalesStops).where(eq(facilitySalesStops.facilityId, facilityId));
  }
  ctx.audit({ action: stopped ? 'settlement.facility.sales_stopped' : 'settlement.facility.sales_resumed', programId: program.id, targetType: 'facility', targetId: facilityId });
  await updateSoldOut(ctx, program.id, facilityId, { businessMarkChanged: true });
  return { changed: true };
}
