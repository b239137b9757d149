import { eq } from 'drizzle-orm';
import { AppError } from '../../../platform/errors/index.js';
import type { CommandContext } from '../../../platform/command.js';
import type { Program } from '../../../platform/programs/schema.js';
import { lockVersion, VERSION_STATUS_LABELS } from './locks.js';
import { siteContentVersions } from '../schema.js';

/** A draft goes to the City for approval (申請). */
export async function submitVersion(ctx: CommandContext, program: Program, versionId: number): Promise<void> {
  const v = await lockVersion(ctx, program.id, versionId);
  if (v.status !== 'draft' && v.status !== 'rejected') throw new AppError('conflict', `この版は承認依頼できる状態ではありません（現在の状態: ${VERSION_STATUS_LABELS[v.status]}）。画面を開き直して確認してください`);
  await ctx.tx.update(siteContentVersions).set({ status: 'pending', submittedAt: ctx.now }).where(eq(siteContentVersions.id, v.id));
  ctx.audit({ action: 'site.content.submitted', programId: program.id, targetType: 'site_content_version', targetId: v.id, diff: { status: [v.status, 'pending'] } });
}
