import crypto from 'node:crypto';
import { AppError, type FieldError } from '../../../platform/errors/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { parseOrThrow } from '../../../platform/validation.js';
import type { Program } from '../../../platform/programs/schema.js';
import { MAX_BANNER_IMAGE_BYTES, sniffImageType, type ImageChange } from '../banner-image.js';
import { isPageKey } from '../defaults.js';
import { findContentByKey, listVersions, nextVersionNumber } from '../queries.js';
import { siteContents, siteContentVersions, type ContentKind, type SiteContent, type SiteContentVersion } from '../schema.js';
import { draftSchema } from '../validators.js';
import { lockContent } from './locks.js';

export interface SaveDraftTarget {
  /** An existing content, or a new one of `kind` (pages need `key`). */
  contentId?: number;
  kind?: ContentKind;
  key?: string;
  restoredFrom?: number;
  /** Banners: what happens to the image (default: keep the latest version's). */
  image?: ImageChange;
}

async function resolveImage(ctx: CommandContext, content: SiteContent | undefined, change: ImageChange): Promise<{ imageType: string; imageData: string | null }> {
  switch (change.kind) {
    case 'remove':
      return { imageType: '', imageData: null };
    case 'copy':
      return { imageType: change.data ? change.type : '', imageData: change.data };
    case 'upload': {
      if (change.bytes.length > MAX_BANNER_IMAGE_BYTES) throw imageError('画像ファイルは1MB以下にしてください');
      const type = sniffImageType(change.bytes);
      if (!type) throw imageError('画像ファイルは PNG・JPEG・GIF・WebP のいずれかにしてください');
      return { imageType: type, imageData: change.bytes.toString('base64') };
    }
    case 'keep': {
      const latest = content ? (await listVersions(ctx.tx, content.id))[0] : undefined;
      return { imageType: latest?.imageData ? latest.imageType : '', imageData: latest?.imageData ?? null };
    }
  }
}

const imageError = (message: string) => new AppError('validation-failed', message, { fieldErrors: [{ field: 'imageFile', message }] });

/** Saves a new draft version (never public until the City approves it). */
export async function saveDraft(ctx: CommandContext, program: Program, target: SaveDraftTarget, input: unknown): Promise<SiteContentVersion> {
  const data = parseOrThrow(draftSchema, input);
  // An existing content is locked: drafts saved at once get consecutive version numbers.
  let content = target.contentId ? await lockContent(ctx, program.id, target.contentId) : undefined;
  if (target.contentId && !content) throw new AppError('not-found');
  const kind = content?.kind ?? target.kind;
  if (!kind) throw new AppError('bad-request', '種類を指定してください');
  let image: { imageType: string; imageData: string | null } = { imageType: '', imageData: null };
  if (kind === 'banner') {
    image = await resolveImage(ctx, content, target.image ?? { kind: 'keep' });
    const errors: FieldError[] = [];
    if (!data.linkUrl) errors.push({ field: 'linkUrl', message: 'リンク先URLを入力してください' });
    if ((image.imageData || data.imageUrl) && !data.altJa) errors.push({ field: 'altJa', message: '画像の代替テキスト（日本語）を入力してください。画像に書かれている文字をそのまま入力します' });
    if (errors.length) throw new AppError('validation-failed', errors[0]!.message, { fieldErrors: errors });
  }
  if (!content) {
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
    .values({ ...data, ...image, contentId: content!.id, programId: program.id, number, status: 'draft', createdBy: ctx.actor.userId, createdAt: ctx.now, restoredFrom: target.restoredFrom ?? null })
    .returning();
  ctx.audit({
    action: target.restoredFrom ? 'site.content.restored' : 'site.content.draft_saved',
    programId: program.id,
    targetType: 'site_content_version',
    targetId: version!.id,
    diff: { contentId: content!.id, number, restoredFrom: target.restoredFrom ?? null, ...(kind === 'banner' ? { image: target.image?.kind ?? 'keep', imageType: image.imageType || null, sortOrder: data.sortOrder } : {}) },
  });
  return version!;
}
