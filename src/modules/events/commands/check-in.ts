import { and, eq, isNull } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { am } from '../messages.js';
import { eventRegistrations } from '../schema.js';

/** Marks a person present at the reception desk; a second tap changes nothing. */
export async function checkIn(ctx: CommandContext, programId: number, id: number): Promise<void> {
  const rows = await ctx.tx
    .update(eventRegistrations)
    .set({ checkedInAt: ctx.now, updatedAt: ctx.now })
    .where(and(eq(eventRegistrations.id, id), eq(eventRegistrations.programId, programId), isNull(eventRegistrations.checkedInAt)))
    .returning({ number: eventRegistrations.number, status: eventRegistrations.status });
  if (!rows.length) return;
  if (rows[0]!.status === 'cancelled' || rows[0]!.status === 'merged') throw new AppError('conflict', am('checkin.errCancelled'));
  ctx.audit({ action: 'events.registration.checked_in', programId, targetType: 'event_registration', targetId: id, diff: { number: rows[0]!.number } });
}
