import { eq } from 'drizzle-orm';
import { AppError } from '../../../platform/errors/index.js';
import type { CommandContext } from '../../../platform/command.js';
import type { Program } from '../../../platform/programs/schema.js';
import { sam } from '../messages.js';
import { lockVersion, versionStatusLabel } from './locks.js';
import { siteContentVersions } from '../schema.js';

/**
 * The City's decision on a pending version. Approved, it becomes public at `publishAt` (now when
 * null): scheduled or immediate. Rejected, it goes back to the operator with the reason.
 */
export async function decideVersion(ctx: CommandContext, program: Program, versionId: number, decision: { approve: boolean; publishAt?: Date | null; note?: string }): Promise<void> {
  // Re-read under the lock: of two decisions posted at once (or from a page loaded before the other), one wins; the other is refused.
  const v = await lockVersion(ctx, program.id, versionId);
  if (v.status !== 'pending') throw new AppError('conflict', sam('refuse.notPending', { status: versionStatusLabel(v.status) }));
  const note = (decision.note ?? '').trim().slice(0, 1000) || null;
  if (decision.approve) {
    const publishAt = decision.publishAt && decision.publishAt > ctx.now ? decision.publishAt : ctx.now;
    await ctx.tx.update(siteContentVersions).set({ status: 'approved', publishAt, decidedBy: ctx.actor.userId, decidedAt: ctx.now, note }).where(eq(siteContentVersions.id, v.id));
    ctx.audit({ action: 'site.content.approved', programId: program.id, targetType: 'site_content_version', targetId: v.id, diff: { status: ['pending', 'approved'], publishAt: publishAt.toISOString() } });
  } else {
    if (!note) throw new AppError('validation-failed', sam('refuse.rejectNoteRequired'), { fieldErrors: [{ field: 'note', message: sam('refuse.rejectNoteRequired') }] });
    await ctx.tx.update(siteContentVersions).set({ status: 'rejected', decidedBy: ctx.actor.userId, decidedAt: ctx.now, note }).where(eq(siteContentVersions.id, v.id));
    ctx.audit({ action: 'site.content.rejected', programId: program.id, targetType: 'site_content_version', targetId: v.id, diff: { status: ['pending', 'rejected'] } });
  }
}
