import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { cm } from '../messages.js';
import { campaignNotices, type Notice } from '../schema.js';

const trimmed = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : '');

export const noticeSchema = z.object({
  title: z.preprocess(trimmed, z.string().min(1, cm('errNoticeTitle')).max(100, cm('errNoticeTitleLong'))),
  body: z.preprocess(trimmed, z.string().min(1, cm('errNoticeBody')).max(5000, cm('errNoticeBodyLong'))),
});

/**
 * The secretariat writes (id null) or corrects a notice to the program's businesses; it shows on
 * every business's portal at once. A correction keeps the publication date.
 */
export async function saveNotice(ctx: CommandContext, programId: number, id: number | null, input: unknown): Promise<Notice> {
  const { title, body } = parseOrThrow(noticeSchema, input);
  if (id === null) {
    const [created] = await ctx.tx.insert(campaignNotices).values({ programId, title, body, createdBy: ctx.actor.userId ?? null, publishedAt: ctx.now }).returning();
    ctx.audit({ action: 'campaign.notice.published', programId, targetType: 'campaign_notice', targetId: created!.id, diff: { title } });
    return created!;
  }
  const [before] = await ctx.tx.select().from(campaignNotices).where(and(eq(campaignNotices.id, id), eq(campaignNotices.programId, programId))).for('update');
  if (!before) throw new AppError('not-found');
  const [updated] = await ctx.tx.update(campaignNotices).set({ title, body }).where(eq(campaignNotices.id, id)).returning();
  ctx.audit({ action: 'campaign.notice.updated', programId, targetType: 'campaign_notice', targetId: id, diff: { title: [before.title, title], bodyChanged: before.body !== body } });
  return updated!;
}
