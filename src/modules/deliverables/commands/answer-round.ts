import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { dm } from '../messages.js';
import { latestRound } from '../queries.js';
import { deliverableComments, deliverableRounds, deliverables, type DeliverableRound } from '../schema.js';
import { answerRequestSchema } from '../validators.js';
import { lockDeliverable } from './lock.js';

/**
 * The City's answer to the open round: comments (general or pinned), or approval (校了).
 * Approval before the required rounds is 409 `rounds-required` unless a reason is given.
 */
export async function answerRound(ctx: CommandContext, deliverableId: number, roundNumber: number, input: unknown): Promise<DeliverableRound> {
  const a = parseOrThrow(answerRequestSchema, input);
  const d = await lockDeliverable(ctx, deliverableId);
  const last = await latestRound(ctx.tx, d.id);
  if (!last || last.number !== roundNumber || last.decision !== null || d.status !== 'in-proof') throw new AppError('conflict', dm('err.roundNotOpen'));
  const comments = a.comments ?? [];
  const reason = a.reason?.trim() || null;
  if (a.decision === 'comments' && !comments.length) throw new AppError('validation-failed', dm('err.commentsEmpty'), { fieldErrors: [{ field: 'comments', message: dm('err.commentsEmpty') }] });
  const early = a.decision === 'approve' && roundNumber < d.requiredRounds;
  if (early && !reason) throw new AppError('rounds-required', undefined, { detail: { requiredRounds: d.requiredRounds, round: roundNumber } });
  const [round] = await ctx.tx
    .update(deliverableRounds)
    .set({ decision: a.decision, reason: early ? reason : null, answeredAt: ctx.now, answeredBy: ctx.actor.userId })
    .where(eq(deliverableRounds.id, last.id))
    .returning();
  if (comments.length) {
    await ctx.tx.insert(deliverableComments).values(comments.map((c) => ({ roundId: last.id, page: c.page ?? null, x: c.x ?? null, y: c.y ?? null, text: c.text, createdAt: ctx.now, createdBy: ctx.actor.userId })));
  }
  if (a.decision === 'approve') await ctx.tx.update(deliverables).set({ status: 'approved', updatedAt: ctx.now }).where(eq(deliverables.id, d.id));
  ctx.audit({
    action: a.decision === 'approve' ? 'deliverables.round.approved' : 'deliverables.round.commented',
    programId: d.programId,
    targetType: 'deliverable',
    targetId: String(d.id),
    diff: { key: d.key, round: roundNumber, comments: comments.length, ...(early ? { earlyApproval: true, requiredRounds: d.requiredRounds } : {}) },
  });
  return round!;
}
