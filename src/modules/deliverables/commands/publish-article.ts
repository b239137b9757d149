import { and, desc, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { dm } from '../messages.js';
import { deliverableArticles, deliverableHearings, deliverableRounds, deliverables, deliverableVersions, type Article } from '../schema.js';
import { currentPhotos } from './article-photos.js';
import { articleText } from './save-article.js';

/**
 * Publishes a heard group's article on the program's public pages: only once the version holding
 * its present text and photos was approved (校了) in its deliverable's rounds. What is published
 * is a snapshot (text, captions, alt texts, the photos' ids), so later edits do not reach the page
 * until they are approved and published again. `publish: false` withdraws it.
 */
export async function publishArticle(ctx: CommandContext, hearingId: number, publish: boolean): Promise<Article> {
  const [hearing] = await ctx.tx.select().from(deliverableHearings).where(eq(deliverableHearings.id, hearingId)).for('no key update');
  if (!hearing) throw new AppError('not-found');
  const [article] = await ctx.tx.select().from(deliverableArticles).where(eq(deliverableArticles.hearingId, hearingId)).for('update');
  if (!article || article.deliverableId === null) throw new AppError('conflict', dm('err.noArticle'));
  const target = { programId: hearing.programId, targetType: 'deliverable_article', targetId: String(article.id) };
  if (!publish) {
    if (!article.publishedAt) throw new AppError('conflict', dm('err.notPublished'));
    const [row] = await ctx.tx.update(deliverableArticles).set({ publishedAt: null, published: null }).where(eq(deliverableArticles.id, article.id)).returning();
    ctx.audit({ action: 'deliverables.article.unpublished', ...target });
    return row!;
  }
  const [d] = await ctx.tx.select().from(deliverables).where(eq(deliverables.id, article.deliverableId)).for('no key update');
  const [approved] = await ctx.tx
    .select({ number: deliverableVersions.number, text: deliverableVersions.text, createdAt: deliverableVersions.createdAt })
    .from(deliverableRounds)
    .innerJoin(deliverableVersions, eq(deliverableVersions.id, deliverableRounds.versionId))
    .where(and(eq(deliverableRounds.deliverableId, article.deliverableId), eq(deliverableRounds.decision, 'approve')))
    .orderBy(desc(deliverableRounds.number))
    .limit(1);
  const photos = await currentPhotos(ctx, hearingId);
  // The approved version must be this text with these captions, and no photo added since it was made.
  const current = approved && approved.text === articleText(article, hearing.groupName, photos) && photos.every((p) => p.createdAt <= approved.createdAt);
  if (!d || (d.status !== 'approved' && d.status !== 'delivered') || !current) throw new AppError('conflict', dm('err.notApprovedArticle'));
  const published = { title: article.title, groupName: hearing.groupName, speakerTitle: article.speakerTitle, body: article.body, version: approved.number, photos: photos.map((p) => ({ id: p.id, caption: p.caption, alt: p.alt })) };
  const [row] = await ctx.tx.update(deliverableArticles).set({ publishedAt: ctx.now, published }).where(eq(deliverableArticles.id, article.id)).returning();
  ctx.audit({ action: 'deliverables.article.published', ...target, diff: { version: approved.number, photos: photos.length } });
  return row!;
}
