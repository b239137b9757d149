import crypto from 'node:crypto';
import { AppError } from '../../../platform/errors/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { parseOrThrow } from '../../../platform/validation.js';
import type { Program } from '../../programs/schema.js';
import { isPageKey } from '../defaults.js';
import { findContent, findContentByKey, nextVersionNumber } from '../queries.js';
import { siteContents, siteContentVersions, type ContentKind, type SiteContentVersion } from '../schema.js';
import { draftSchema } from '../validators.js';

export interface SaveDraftTarget {
  /** An existing content, or a new one of `kind` (pages need `key`). */
  contentId?: number;
  kind?: ContentKind;
  key?: string;
  restoredFrom?: number;
}

/** Saves a new draft version (never public until the City approves it). */
export async function saveDraft(ctx: CommandContext, program: Program, target: SaveDraftTarget, input: unknown): Promise<SiteContentVersion> {
  const data = parseOrThrow(draftSchema, input);
  let content = target.contentId ? await findContent(ctx.tx, program.id, target.contentId) : undefined;
  if (target.contentId && !content) throw new AppError('not-found');
  if (!content) {
    const kind = target.kind;
    if (!kind) throw new AppError('bad-request', '種類を指定してください');
    let key = `${kind}-${crypto.randomUUID().slice(0, 8)}`;
    if (kind === 'page') {
      if (!target.key || !isPageKey(target.key)) throw new AppError('validation-failed', 'ページの種類が正しくありません', { fieldErrors: [{ field: 'key', message: 'ページを選んでください' }] });
      key = target.key;
      content = await findContentByKey(ctx.tx, program.id, key);
    }
    if (!content) {
      [content] = await ctx.tx.insert(siteContents).values({ programId: program.id, kind, key }).returning();
      ctx.audit({ action: 'site.content.created', programId: program.id, targetType: 'site_content', targetId: content!.id, diff: { kind, key } });
    }
  }
  const number = await nextVersionNumber(ctx.tx, content!.id);
  const [version] = await ctx.tx
    .insert(siteContentVersions)
    .values({ ...data, contentId: content!.id, programId: program.id, number, status: 'draft', createdBy: ctx.actor.userId, createdAt: ctx.now, restoredFrom: target.restoredFrom ?? null })
    .returning();
  ctx.audit({
    action: target.restoredFrom ? 'site.content.restored' : 'site.content.draft_saved',
    programId: program.id,
    targetType: 'site_content_version',
    targetId: version!.id,
    diff: { contentId: content!.id, number, restoredFrom: target.restoredFrom ?? null },
  });
  return version!;
}
