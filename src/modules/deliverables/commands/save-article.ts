import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { findProgramById } from '../../../platform/programs/queries.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { renderArticlePdf } from '../articles/article-pdf.js';
import { bodyLengthWarning } from '../articles/length.js';
import { readSealedBytes } from '../files/sealed-bytes.js';
import { storeGeneratedBytes } from '../files/store-bytes.js';
import type { Preset } from '../presets.js';
import { deliverableArticles, deliverableHearings, type Article, type DeliverableVersion, type Hearing } from '../schema.js';
import { articleSchema } from '../validators.js';
import { currentPhotos } from './article-photos.js';
import { ensureDeliverable } from './ensure-deliverable.js';
import { recordVersion } from './record-version.js';
import { seedRegister } from './seed-register.js';

/** The text of an article version, as the diff compares it: with the photos' captions, so a changed caption is a change too. */
export const articleText = (a: { title: string; speakerTitle: string; body: string }, groupName: string, photos: Array<{ caption: string }> = []) =>
  `${a.title}\n${groupName}　${a.speakerTitle}\n\n${a.body}${photos.map((p, i) => `\n\n写真${i + 1}：${p.caption}`).join('')}`;

/** Each article is its own deliverable in the register, proofed in its own rounds (4–5 expected). */
export const articlePreset = (h: Pick<Hearing, 'id' | 'groupName'>): Preset => ({ key: `hearing-article-${h.id}`, title: `ヒアリング記事：${h.groupName}`, note: '§6(4) 市ホームページ掲載用PDF 校正4〜5回程度', requiredRounds: 4 });

/**
 * Saves the article of a heard group and renders it (with its photos and captions) to an A4 PDF
 * that becomes the next version of the article's own deliverable (`hearing-article-{id}`, with its
 * text, for the diff between rounds). The body's length outside 1,300–1,700 characters is a
 * warning, returned, not a refusal. The PDF is stored last and removed if the save does not commit.
 */
export async function saveArticle(ctx: CommandContext, hearingId: number, input: unknown): Promise<{ article: Article; version: DeliverableVersion; warning: string | null }> {
  const v = parseOrThrow(articleSchema, input);
  const [hearing] = await ctx.tx.select().from(deliverableHearings).where(eq(deliverableHearings.id, hearingId)).for('no key update');
  if (!hearing) throw new AppError('not-found');
  const program = await findProgramById(ctx.tx, hearing.programId);
  if (!program) throw new AppError('not-found');
  await seedRegister(ctx, program);
  const deliverableId = await ensureDeliverable(ctx, program.id, articlePreset(hearing));
  const [article] = await ctx.tx
    .insert(deliverableArticles)
    .values({ programId: program.id, hearingId, title: v.title, body: v.body, speakerTitle: v.speakerTitle, deliverableId, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoUpdate({ target: deliverableArticles.hearingId, set: { title: v.title, body: v.body, speakerTitle: v.speakerTitle, deliverableId, updatedAt: ctx.now } })
    .returning();
  const current = await currentPhotos(ctx, hearingId);
  const photos: Array<{ bytes: Buffer; caption: string }> = [];
  for (const p of current) photos.push({ bytes: await readSealedBytes(ctx, program.id, p), caption: p.caption });
  const pdf = await renderArticlePdf({ title: v.title, groupName: hearing.groupName, speakerTitle: v.speakerTitle, body: v.body, photos });
  const stored = await storeGeneratedBytes(ctx, program.id, pdf);
  const version = await recordVersion(ctx, deliverableId, { ...stored, filename: `article-${hearingId}.pdf`, note: hearing.groupName, text: articleText(v, hearing.groupName, current) });
  return { article: article!, version, warning: bodyLengthWarning(v.body) };
}
