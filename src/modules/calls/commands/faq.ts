import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { cm } from '../messages.js';
import { callFaq, callLogs } from '../schema.js';
import { decisionSchema, faqSchema } from '../validators.js';

/**
 * Proposes an FAQ entry (agent, operator). From a call (`fromCall`), the call counts as one it
 * answered; only the category, question and answer given are kept — never the caller's name or number.
 */
export async function proposeFaq(ctx: CommandContext, programId: number, input: unknown) {
  const v = parseOrThrow(faqSchema, input);
  if (v.fromCall !== undefined) {
    const [call] = await ctx.tx.select({ id: callLogs.id }).from(callLogs).where(and(eq(callLogs.id, v.fromCall), eq(callLogs.programId, programId)));
    if (!call) throw new AppError('validation-failed', cm('err.noCall'), { fieldErrors: [{ field: 'fromCall', message: cm('err.noCall') }] });
  }
  const [row] = await ctx.tx
    .insert(callFaq)
    .values({
      programId,
      category: v.category,
      question: v.question,
      answer: v.answer,
      questionEn: v.questionEn ?? '',
      answerEn: v.answerEn ?? '',
      status: 'proposed',
      fromCallId: v.fromCall ?? null,
      callCount: v.fromCall !== undefined ? 1 : 0,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: callFaq.id, status: callFaq.status });
  ctx.audit({ action: 'calls.faq.proposed', programId, targetType: 'call_faq', targetId: row!.id, diff: { category: v.category, fromCall: v.fromCall ?? null } });
  return row!;
}

/** The operator edits a proposed entry (wording, English) before the City decides. */
export async function editFaq(ctx: CommandContext, programId: number, id: number, input: unknown) {
  const v = parseOrThrow(faqSchema, input);
  const rows = await ctx.tx
    .update(callFaq)
    .set({ category: v.category, question: v.question, answer: v.answer, questionEn: v.questionEn ?? '', answerEn: v.answerEn ?? '', updatedAt: ctx.now })
    .where(and(eq(callFaq.id, id), eq(callFaq.programId, programId), eq(callFaq.status, 'proposed')))
    .returning({ id: callFaq.id });
  if (!rows.length) throw new AppError('conflict', cm('err.notProposed'));
  ctx.audit({ action: 'calls.faq.edited', programId, targetType: 'call_faq', targetId: id, diff: { category: v.category } });
}

/** The City approves (published at once) or rejects a proposed entry; a decided one is 409. */
export async function decideFaq(ctx: CommandContext, programId: number, id: number, input: unknown): Promise<{ status: 'published' | 'rejected' }> {
  const v = parseOrThrow(decisionSchema, input);
  const status = v.decision === 'approve' ? 'published' : 'rejected';
  const rows = await ctx.tx
    .update(callFaq)
    .set({ status, comment: v.comment ?? null, decidedAt: ctx.now, updatedAt: ctx.now })
    .where(and(eq(callFaq.id, id), eq(callFaq.programId, programId), eq(callFaq.status, 'proposed')))
    .returning({ id: callFaq.id });
  if (!rows.length) throw new AppError('conflict', cm('err.faqDecided'));
  ctx.audit({ action: 'calls.faq.decided', programId, targetType: 'call_faq', targetId: id, diff: { status } });
  return { status };
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
