import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { eventProgramItems } from '../schema.js';

export const programItemSchema = z.object({
  startTime: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '開始時刻を HH:MM 形式で入力してください'),
  minutes: z.coerce.number({ message: '所要時間を分で入力してください' }).int('所要時間を分で入力してください').min(1, '所要時間は1分以上にしてください').max(600, '所要時間は600分以内にしてください'),
  title: z.string().trim().min(1, '内容を入力してください').max(200, '内容は200文字以内で入力してください'),
  titleEn: z.string().trim().max(200, '英語の内容は200文字以内で入力してください').default(''),
  speakers: z.string().trim().max(1000, '登壇者は1000文字以内で入力してください').default(''),
  streamed: z.boolean().default(true),
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
