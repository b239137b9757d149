import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { am } from '../messages.js';
import { eventProgramItems } from '../schema.js';

export const programItemSchema = z.object({
  startTime: z.string({ message: am('items.errStartTime') }).trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, am('items.errStartTime')),
  minutes: z.coerce.number({ message: am('items.errMinutes') }).int(am('items.errMinutes')).min(1, am('items.errMinutesMin')).max(600, am('items.errMinutesMax')),
  title: z.string({ message: am('items.errTitle') }).trim().min(1, am('items.errTitle')).max(200, am('items.errTitleLong')),
  titleEn: z.string({ message: am('items.errText') }).trim().max(200, am('items.errTitleEnLong')).default(''),
  speakers: z.string({ message: am('items.errText') }).trim().max(1000, am('items.errSpeakersLong')).default(''),
  streamed: z.boolean({ message: am('items.errStreamed') }).default(true),
});

/** Adds a timed item (話題提供・事例発表・情報交換・まとめ) with its speakers and whether it is streamed. */
export async function addProgramItem(ctx: CommandContext, programId: number, raw: unknown) {
  const d = parseOrThrow(programItemSchema, raw);
  const [max] = await ctx.tx.select({ p: sql<number>`coalesce(max(${eventProgramItems.position}), 0)::int` }).from(eventProgramItems).where(eq(eventProgramItems.programId, programId));
  const [item] = await ctx.tx.insert(eventProgramItems).values({ programId, position: Number(max!.p) + 1, ...d }).returning();
  ctx.audit({ action: 'events.program_item.added', programId, targetType: 'event_program_item', targetId: item!.id, diff: d });
  return item!;
}

export async function deleteProgramItem(ctx: CommandContext, programId: number, id: number): Promise<void> {
  const rows = await ctx.tx.delete(eventProgramItems).where(and(eq(eventProgramItems.id, id), eq(eventProgramItems.programId, programId))).returning({ title: eventProgramItems.title });
  if (!rows.length) throw new AppError('not-found');
  ctx.audit({ action: 'events.program_item.deleted', programId, targetType: 'event_program_item', targetId: id, diff: { title: rows[0]!.title } });
}
