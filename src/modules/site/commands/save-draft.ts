import crypto from 'node:crypto';
import { AppError, type FieldError } from '../../../platform/errors/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { parseOrThrow } from '../../../platform/validation.js';
import type { Program } from '../../../platform/programs/schema.js';
import { MAX_BANNER_IMAGE_BYTES, sniffImageType, type ImageChange } from '../banner-image.js';
import { isPageKey } from '../defaults.js';
import { sam } from '../messages.js';
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
      if (change.bytes.length > MAX_BANNER_IMAGE_BYTES) throw imageError(sam('refuse.imageTooLarge', { mb: MAX_BANNER_IMAGE_BYTES / 1024 / 1024 }));
      const type = sniffImageType(change.bytes);
      if (!type) throw imageError(sam('refuse.imageType'));
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
  if (!kind) throw new AppError('bad-request', sam('refuse.kindMissing'));
  let image: { imageType: string; imageData: string | null } = { imageType: '', imageData: null };
  if (kind === 'banner') {
    image = await resolveImage(ctx, content, target.image ?? { kind: 'keep' });
    const errors: FieldError[] = [];
    if (!data.linkUrl) errors.push({ field: 'linkUrl', message: sam('refuse.linkUrlRequired') });
    if ((image.imageData || data.imageUrl) && !data.altJa) errors.push({ field: 'altJa', message: sam('refuse.altJaRequired') });
    if (errors.length) throw new AppError('validation-failed', errors[0]!.message, { fieldErrors: errors });
  }
  if (!content) {
    let key = `${kind}-${crypto.randomUUID().slice(0, 8)}`;
    if (kind === 'page') {
      if (!target.key || !isPageKey(target.key)) throw new AppError('validation-failed', sam('refuse.pageKeyInvalid'), { fieldErrors: [{ field: 'key', message: sam('refuse.pageKeyField') }] });
      key = target.key;
      content = await findContentByKey(ctx.tx, program.id, key);
    }
    if (!content) {
      // Two people creating the same page at once: the second insert waits for the first and finds
      // the page made; its draft then becomes that page's next version instead of a unique-key error.
      [content] = await ctx.tx.insert(siteContents).values({ programId: program.id, kind, key }).onConflictDoNothing().returning();
      if (content) ctx.audit({ action: 'site.content.created', programId: program.id, targetType: 'site_content', targetId: content.id, diff: { kind, key } });
      else {
        const made = await findContentByKey(ctx.tx, program.id, key);
        content = made ? await lockContent(ctx, program.id, made.id) : undefined;
        if (!content) throw new AppError('conflict', sam('refuse.pageChanged'));
      }
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
