import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { findProgramById } from '../../../platform/programs/queries.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { renderArticlePdf } from '../articles/article-pdf.js';
import { bodyLengthWarning } from '../articles/length.js';
import { storeGeneratedBytes } from '../files/store-bytes.js';
import { deliverableArticles, deliverableHearings, deliverables, type Article, type DeliverableVersion } from '../schema.js';
import { articleSchema } from '../validators.js';
import { recordVersion } from './record-version.js';
import { seedRegister } from './seed-register.js';

/** The text of an article version, as the diff compares it. */
export const articleText = (a: { title: string; speakerTitle: string; body: string }, groupName: string) => `${a.title}\n${groupName}　${a.speakerTitle}\n\n${a.body}`;

/**
 * Saves the article of a heard group and renders it to an A4 PDF that becomes the next version
 * of the program's `hearing-articles` deliverable (with its text, for the diff between rounds).
 * The body's length outside 1,300–1,700 characters is a warning, returned, not a refusal.
 */
export async function saveArticle(ctx: CommandContext, hearingId: number, input: unknown): Promise<{ article: Article; version: DeliverableVersion; warning: string | null }> {
  const v = parseOrThrow(articleSchema, input);
  const [hearing] = await ctx.tx.select().from(deliverableHearings).where(eq(deliverableHearings.id, hearingId)).for('no key update');
  if (!hearing) throw new AppError('not-found');
  const program = await findProgramById(ctx.tx, hearing.programId);
  if (!program) throw new AppError('not-found');
  await seedRegister(ctx, program);
  const [target] = await ctx.tx.select().from(deliverables).where(and(eq(deliverables.programId, program.id), eq(deliverables.key, 'hearing-articles')));
  if (!target) throw new AppError('not-found');
  const [article] = await ctx.tx
    .insert(deliverableArticles)
    .values({ programId: program.id, hearingId, title: v.title, body: v.body, speakerTitle: v.speakerTitle, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoUpdate({ target: deliverableArticles.hearingId, set: { title: v.title, body: v.body, speakerTitle: v.speakerTitle, updatedAt: ctx.now } })
    .returning();
  const pdf = await renderArticlePdf({ title: v.title, groupName: hearing.groupName, speakerTitle: v.speakerTitle, body: v.body });
  // Removed again if this transaction does not commit (a refusal after this point, a conflict).
  const stored = await storeGeneratedBytes(ctx, program.id, pdf);
  const version = await recordVersion(ctx, target.id, { ...stored, filename: `article-${hearingId}.pdf`, note: hearing.groupName, text: articleText(v, hearing.groupName) });
  return { article: article!, version, warning: bodyLengthWarning(v.body) };
}
