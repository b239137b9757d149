import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { campaignNotices } from '../schema.js';

/**
 * Withdraws a notice: it disappears from the portal. The row is deleted (the table has no state
 * column and a withdrawn notice is never shown again); the audit entry keeps its title and text.
 */
export async function withdrawNotice(ctx: CommandContext, programId: number, id: number): Promise<void> {
  const [gone] = await ctx.tx.delete(campaignNotices).where(and(eq(campaignNotices.id, id), eq(campaignNotices.programId, programId))).returning();
  if (!gone) throw new AppError('not-found');
  ctx.audit({ action: 'campaign.notice.withdrawn', programId, targetType: 'campaign_notice', targetId: id, diff: { title: gone.title, body: gone.body, publishedAt: gone.publishedAt.toISOString() } });
}
