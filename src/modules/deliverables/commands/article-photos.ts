import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { programScope } from '../../../platform/vault/index.js';
import type { StoredBytes } from '../files/store-bytes.js';
import { dm } from '../messages.js';
import { deliverableArticlePhotos, deliverableHearings, type ArticlePhoto, type Hearing } from '../schema.js';
import { photoTextSchema } from '../validators.js';

/** About two photos per article (seed 000 §6(4)); a few more are allowed for choice. */
export const MAX_PHOTOS = 4;
/** A photo for an article is at most this large (a print-quality JPEG). */
export const PHOTO_MAX_BYTES = 20 * 1024 * 1024;

async function lockHearing(ctx: CommandContext, hearingId: number): Promise<Hearing> {
  const [h] = await ctx.tx.select().from(deliverableHearings).where(eq(deliverableHearings.id, hearingId)).for('no key update');
  if (!h) throw new AppError('not-found');
  return h;
}

/** The article's photos in order (removed ones left out). */
export async function currentPhotos(ctx: CommandContext, hearingId: number): Promise<ArticlePhoto[]> {
  return ctx.tx.select().from(deliverableArticlePhotos).where(and(eq(deliverableArticlePhotos.hearingId, hearingId), isNull(deliverableArticlePhotos.removedAt))).orderBy(asc(deliverableArticlePhotos.id));
}

/**
 * Adds a photo (PNG or JPEG, already in the store, encrypted with its own key) to a heard group's
 * article, with its caption and required alt text; its key is sealed with the program's data key.
 */
export async function addArticlePhoto(ctx: CommandContext, hearingId: number, stored: StoredBytes, input: unknown): Promise<ArticlePhoto> {
  const t = parseOrThrow(photoTextSchema, input);
  const hearing = await lockHearing(ctx, hearingId);
  const contentType = ({ png: 'image/png', jpeg: 'image/jpeg' } as Record<string, string>)[stored.file.type];
  if (!contentType) throw new AppError('unsupported-media-type', dm('err.photoType'), { fieldErrors: [{ field: 'file', message: dm('err.photoType') }] });
  if ((await currentPhotos(ctx, hearingId)).length >= MAX_PHOTOS) throw new AppError('conflict', dm('err.photoCount', { n: MAX_PHOTOS }));
  const box = await ctx.deps.vault.box(ctx.tx, programScope(hearing.programId));
  const [row] = await ctx.tx
    .insert(deliverableArticlePhotos)
    .values({
      programId: hearing.programId,
      hearingId,
      contentType,
      size: stored.file.size,
      storageKey: stored.storageKey,
      sealedKey: box.seal(stored.file.key.toString('base64')),
      iv: stored.file.iv.toString('base64'),
      tag: stored.file.tag.toString('base64'),
      caption: t.caption,
      alt: t.alt,
      createdAt: ctx.now,
    })
    .returning();
  ctx.audit({ action: 'deliverables.article.photo_added', programId: hearing.programId, targetType: 'deliverable_hearing', targetId: String(hearingId), diff: { photo: row!.id, type: contentType, size: stored.file.size } });
  return row!;
}

/** Changes a photo's caption and alt text, or takes it out of the article (`remove`). */
export async function updateArticlePhoto(ctx: CommandContext, hearingId: number, photoId: number, input: Record<string, unknown>): Promise<ArticlePhoto> {
  const hearing = await lockHearing(ctx, hearingId);
  const [photo] = await ctx.tx.select().from(deliverableArticlePhotos).where(and(eq(deliverableArticlePhotos.id, photoId), eq(deliverableArticlePhotos.hearingId, hearingId))).for('update');
  if (!photo) throw new AppError('not-found');
  if (photo.removedAt) throw new AppError('conflict', dm('err.photoRemoved'));
  const target = { programId: hearing.programId, targetType: 'deliverable_hearing', targetId: String(hearingId) };
  if (input['remove'] === '1') {
    const [row] = await ctx.tx.update(deliverableArticlePhotos).set({ removedAt: ctx.now }).where(eq(deliverableArticlePhotos.id, photo.id)).returning();
    ctx.audit({ action: 'deliverables.article.photo_removed', ...target, diff: { photo: photo.id } });
    return row!;
  }
  const t = parseOrThrow(photoTextSchema, input);
  const [row] = await ctx.tx.update(deliverableArticlePhotos).set({ caption: t.caption, alt: t.alt }).where(eq(deliverableArticlePhotos.id, photo.id)).returning();
  ctx.audit({ action: 'deliverables.article.photo_updated', ...target, diff: { photo: photo.id } });
  return row!;
}
