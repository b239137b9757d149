import type { CommandContext } from '../../../platform/command.js';
import type { Program } from '../../../platform/programs/schema.js';
import { DEFAULT_BANNERS } from '../defaults.js';
import { sam } from '../messages.js';
import { siteContents, siteContentVersions } from '../schema.js';

/**
 * Creates the three tourism banners the specification asks for (§6-2-5) as ordinary banner
 * contents with an approved first version, once per campaign: from then on they are edited,
 * reordered, approved and restored like any banner. Fixed keys make it idempotent, also when two
 * instances race (the second insert does nothing). Returns how many were created.
 */
export async function presetBanners(ctx: CommandContext, program: Program): Promise<number> {
  let created = 0;
  for (const [i, b] of DEFAULT_BANNERS.entries()) {
    const [content] = await ctx.tx.insert(siteContents).values({ programId: program.id, kind: 'banner', key: b.key, sortOrder: (i + 1) * 10 }).onConflictDoNothing().returning();
    if (!content) continue;
    const [version] = await ctx.tx
      .insert(siteContentVersions)
      .values({
        contentId: content.id,
        programId: program.id,
        number: 1,
        status: 'approved',
        titleJa: b.titleJa,
        titleEn: b.titleEn,
        linkUrl: b.linkUrl,
        sortOrder: (i + 1) * 10,
        publishAt: ctx.now,
        createdAt: ctx.now,
        decidedAt: ctx.now,
        note: sam('preset.note'),
      })
      .returning();
    ctx.audit({ action: 'site.content.preset', programId: program.id, targetType: 'site_content_version', targetId: version!.id, diff: { contentId: content.id, key: b.key } });
    created++;
  }
  return created;
}
