import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { decideVersion, listVersions, saveDraft, submitVersion } from '../../site/index.js';
import { cm } from '../messages.js';
import { callFaq, callLogs } from '../schema.js';
import { decisionSchema, faqSchema, type FaqInput } from '../validators.js';

/** The entry's wording as a version of its site content, sent to the City at once (site's 申請). */
async function submitWording(ctx: CommandContext, program: Program, contentId: number | undefined, v: FaqInput): Promise<number> {
  const version = await saveDraft(ctx, program, contentId ? { contentId } : { kind: 'faq' }, { titleJa: v.question, titleEn: v.questionEn ?? '', bodyJa: v.answer, bodyEn: v.answerEn ?? '' });
  await submitVersion(ctx, program, version.id);
  return version.contentId;
}

/**
 * Proposes an FAQ entry (agent, operator). From a call (`fromCall`), the call counts as one it
 * answered; only the category, question and answer given are kept — never the caller's name or
 * number. The wording goes to the City through the site's approval (the site's inbox and page).
 */
export async function proposeFaq(ctx: CommandContext, program: Program, input: unknown) {
  const v = parseOrThrow(faqSchema, input);
  if (v.fromCall !== undefined) {
    const [call] = await ctx.tx.select({ id: callLogs.id }).from(callLogs).where(and(eq(callLogs.id, v.fromCall), eq(callLogs.programId, program.id)));
    if (!call) throw new AppError('validation-failed', cm('err.noCall'), { fieldErrors: [{ field: 'fromCall', message: cm('err.noCall') }] });
  }
  const siteContentId = await submitWording(ctx, program, undefined, v);
  const [row] = await ctx.tx
    .insert(callFaq)
    .values({
      programId: program.id,
      category: v.category,
      question: v.question,
      answer: v.answer,
      questionEn: v.questionEn ?? '',
      answerEn: v.answerEn ?? '',
      siteContentId,
      fromCallId: v.fromCall ?? null,
      callCount: v.fromCall !== undefined ? 1 : 0,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: callFaq.id });
  ctx.audit({ action: 'calls.faq.proposed', programId: program.id, targetType: 'call_faq', targetId: row!.id, diff: { category: v.category, fromCall: v.fromCall ?? null, siteContentId } });
  return { id: row!.id, status: 'proposed' as const };
}

/**
 * The operator edits an entry (wording, English, category): the new wording goes to the City as
 * the site content's next version; a published entry stays as it is until the City approves it.
 */
export async function editFaq(ctx: CommandContext, program: Program, id: number, input: unknown) {
  const v = parseOrThrow(faqSchema, input);
  const [row] = await ctx.tx.select().from(callFaq).where(and(eq(callFaq.id, id), eq(callFaq.programId, program.id))).for('update');
  if (!row) throw new AppError('not-found');
  const siteContentId = await submitWording(ctx, program, row.siteContentId ?? undefined, v);
  await ctx.tx
    .update(callFaq)
    .set({ category: v.category, question: v.question, answer: v.answer, questionEn: v.questionEn ?? '', answerEn: v.answerEn ?? '', siteContentId, updatedAt: ctx.now })
    .where(eq(callFaq.id, id));
  ctx.audit({ action: 'calls.faq.edited', programId: program.id, targetType: 'call_faq', targetId: id, diff: { category: [row.category, v.category] } });
}

/**
 * The City's decision through the API: the site's decision on the entry's newest version waiting
 * for approval (approve publishes it now; reject needs a reason in the site, so a missing comment
 * reads 「理由の記載なし」). Nothing waiting is 409.
 */
export async function decideFaq(ctx: CommandContext, program: Program, id: number, input: unknown): Promise<{ status: 'published' | 'rejected' }> {
  const v = parseOrThrow(decisionSchema, input);
  const [row] = await ctx.tx.select().from(callFaq).where(and(eq(callFaq.id, id), eq(callFaq.programId, program.id))).for('update');
  if (!row) throw new AppError('not-found');
  const pending = row.siteContentId ? (await listVersions(ctx.tx, row.siteContentId)).find((x) => x.status === 'pending') : undefined;
  if (!pending) throw new AppError('conflict', cm('err.faqDecided'));
  const approve = v.decision === 'approve';
  await decideVersion(ctx, program, pending.id, { approve, note: v.comment ?? (approve ? undefined : cm('faq.noReason')) });
  return { status: approve ? 'published' : 'rejected' };
}

/** An agent answered a call with this entry: its count grows (the City sees why it exists). */
export async function countFaqUse(ctx: CommandContext, programId: number, id: number) {
  const rows = await ctx.tx
    .update(callFaq)
    .set({ callCount: sql`${callFaq.callCount} + 1` })
    .where(and(eq(callFaq.id, id), eq(callFaq.programId, programId)))
    .returning({ n: callFaq.callCount });
  if (!rows.length) throw new AppError('not-found');
  ctx.audit({ action: 'calls.faq.counted', programId, targetType: 'call_faq', targetId: id });
}
