import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { am } from '../messages.js';
import { eventRegistrations } from '../schema.js';

/** Staff sent the printed confirmation by FAX or post: it leaves the to-send list. */
export async function markPrintSent(ctx: CommandContext, programId: number, id: number): Promise<void> {
  const rows = await ctx.tx
    .update(eventRegistrations)
    .set({ printStatus: 'sent', printSentAt: ctx.now, updatedAt: ctx.now })
    .where(and(eq(eventRegistrations.id, id), eq(eventRegistrations.programId, programId), eq(eventRegistrations.printStatus, 'to-send')))
    .returning({ number: eventRegistrations.number });
  if (!rows.length) throw new AppError('conflict', am('reg.errNotToSend'));
  ctx.audit({ action: 'events.confirmation.sent', programId, targetType: 'event_registration', targetId: id, diff: { number: rows[0]!.number } });
}
