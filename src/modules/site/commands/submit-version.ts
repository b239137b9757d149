import { eq } from 'drizzle-orm';
import { AppError } from '../../../platform/errors/index.js';
import type { CommandContext } from '../../../platform/command.js';
import type { Program } from '../../../platform/programs/schema.js';
import { sam } from '../messages.js';
import { lockVersion, versionStatusLabel } from './locks.js';
import { siteContentVersions } from '../schema.js';

/** A draft goes to the City for approval (申請). */
export async function submitVersion(ctx: CommandContext, program: Program, versionId: number): Promise<void> {
  const v = await lockVersion(ctx, program.id, versionId);
  if (v.status !== 'draft' && v.status !== 'rejected') throw new AppError('conflict', sam('refuse.notSubmittable', { status: versionStatusLabel(v.status) }));
  await ctx.tx.update(siteContentVersions).set({ status: 'pending', submittedAt: ctx.now }).where(eq(siteContentVersions.id, v.id));
  ctx.audit({ action: 'site.content.submitted', programId: program.id, targetType: 'site_content_version', targetId: v.id, diff: { status: [v.status, 'pending'] } });
}
