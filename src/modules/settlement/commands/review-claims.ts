import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { sm } from '../messages.js';
import { claims } from '../schema.js';
import { reviewClaim } from './claim-lifecycle.js';

export const MAX_BULK_REVIEW = 500;

/**
 * Approves or rejects several reported stays at once, in the caller's one transaction: every
 * claim gets its own ledger movement and audit entry (through reviewClaim), and if any one cannot
 * be decided (not this program's, not awaiting review) nothing is decided.
 */
export async function reviewClaims(ctx: CommandContext, program: Program, ids: number[], decision: 'approve' | 'reject', reason: string): Promise<{ count: number; total: number }> {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  const fieldErrors = [];
  if (unique.length === 0) fieldErrors.push({ field: 'ids', message: sm('cmd.reviewNone') });
  if (unique.length > MAX_BULK_REVIEW) fieldErrors.push({ field: 'ids', message: sm('cmd.reviewTooMany', { max: MAX_BULK_REVIEW }) });
  if (decision === 'reject' && !reason.trim()) fieldErrors.push({ field: 'reason', message: sm('val.reasonRequired') });
  if (reason.length > 500) fieldErrors.push({ field: 'reason', message: sm('val.reasonLong') });
  if (fieldErrors.length) throw new AppError('validation-failed', sm('cmd.inputInvalid'), { fieldErrors });
  // Every chosen claim is locked up front, in ascending id order, before any money moves: two
  // overlapping bulk reviews then wait for each other at the first shared claim, holding no ledger
  // account (locking claim by claim between ledger movements could deadlock), and the statuses
  // checked here are the ones the decisions act on.
  const found = await ctx.tx
    .select({ id: claims.id, status: claims.status, ref: claims.bookingRef })
    .from(claims)
    .where(and(eq(claims.programId, program.id), inArray(claims.id, unique)))
    .orderBy(asc(claims.id))
    .for('update');
  if (found.length !== unique.length) throw new AppError('conflict', sm('cmd.reviewMissing'));
  const notWaiting = found.filter((c) => c.status !== 'stayed');
  if (notWaiting.length) {
    const refs = notWaiting.map((c) => c.ref).slice(0, 10).join(sm('fmt.listSeparator'));
    throw new AppError('conflict', sm('cmd.reviewNotWaiting', { refs, more: notWaiting.length > 10 ? sm('cmd.reviewNotWaiting.more') : '' }), {
      fieldErrors: [{ field: 'ids', message: sm('cmd.reviewNotWaiting.field') }],
    });
  }
  let total = 0;
  for (const id of unique) total += (await reviewClaim(ctx, program, id, decision, reason.trim())).discount;
  return { count: unique.length, total };
}
