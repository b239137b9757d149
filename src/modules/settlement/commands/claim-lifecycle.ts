import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { findFacilityEntry } from '../../campaign/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { accountId, move } from '../ledger.js';
import { CLAIM_STATUS_LABELS, sm, type SettlementMessageKey } from '../messages.js';
import { computeDiscount, type DiscountRules } from '../rules.js';
import { claims, type Claim, type ClaimStatus } from '../schema.js';
import type { StayInput } from '../validators.js';
import { sourceAccount } from './reserve-claim.js';
import { updateSoldOut } from './sold-out.js';

/** Locks the claim row for the rest of the transaction, so two decisions on one claim run one after the other. */
export async function lockClaim(ctx: CommandContext, id: number): Promise<Claim> {
  const [claim] = await ctx.tx.select().from(claims).where(eq(claims.id, id)).for('update');
  if (!claim) throw new AppError('not-found');
  return claim;
}

function expectStatus(claim: Claim, allowed: ClaimStatus[], action: SettlementMessageKey & `cmd.claimStatus.${string}`): void {
  if (!allowed.includes(claim.status)) throw new AppError('conflict', sm('cmd.claimStatus', { ref: claim.bookingRef, status: CLAIM_STATUS_LABELS[claim.status], action: sm(action) }));
}

async function setStatus(ctx: CommandContext, claim: Claim, status: ClaimStatus, extra: Partial<Claim> = {}): Promise<Claim> {
  const [updated] = await ctx.tx.update(claims).set({ ...extra, status, updatedAt: ctx.now }).where(eq(claims.id, claim.id)).returning();
  return updated!;
}

/** Gives reserved money back to where it came from. */
async function release(ctx: CommandContext, program: Program, claim: Claim, amount: number, reason: string): Promise<void> {
  const reserved = await accountId(ctx.tx, program.id, claim.facilityId, 'reserved');
  const to = await sourceAccount(ctx, program, claim.facilityId);
  await move(ctx.tx, { programId: program.id, from: reserved, to, amount, reason, claimId: claim.id });
  await updateSoldOut(ctx, program.id, claim.facilityId);
}

/** A cancelled or no-show booking releases its money. */
export async function cancelClaim(ctx: CommandContext, program: Program, id: number, noShow = false): Promise<Claim> {
  const claim = await lockClaim(ctx, id);
  if (claim.status === 'cancelled') return claim;
  expectStatus(claim, ['reserved'], 'cmd.claimStatus.cancel');
  await release(ctx, program, claim, claim.discount, 'released');
  ctx.audit({ action: noShow ? 'settlement.claim.no_show' : 'settlement.claim.cancelled', programId: program.id, targetType: 'claim', targetId: id, diff: { released: claim.discount } });
  return setStatus(ctx, claim, 'cancelled');
}

/**
 * The stay as it happened (実績): nights, guests and price may only go down. The discount is
 * recomputed under the rules of the reservation and the difference released.
 */
export async function reportStay(ctx: CommandContext, program: Program, id: number, stay: StayInput): Promise<Claim> {
  const claim = await lockClaim(ctx, id);
  expectStatus(claim, ['reserved'], 'cmd.claimStatus.report');
  const over: string[] = [];
  if (stay.nights > claim.nights) over.push('nights');
  if (stay.guests > claim.guests) over.push('guests');
  if (stay.totalPrice > claim.totalPrice) over.push('totalPrice');
  if (over.length) {
    throw new AppError('validation-failed', sm('cmd.stayOver'), {
      fieldErrors: over.map((field) => ({ field, message: sm('cmd.stayOver.field') })),
    });
  }
  const facility = await findFacilityEntry(ctx.tx, claim.facilityId);
  const result = computeDiscount(claim.rules as unknown as DiscountRules, { ...stay, bookedOn: claim.bookedOn, checkIn: claim.checkIn }, facility?.registeredOn ?? null);
  const discount = result.ok ? Math.min(result.discount, claim.discount) : 0;
  await release(ctx, program, claim, claim.discount - discount, 'adjusted');
  ctx.audit({ action: 'settlement.claim.stay_reported', programId: program.id, targetType: 'claim', targetId: id, diff: { discount: [claim.discount, discount], stay } });
  return setStatus(ctx, claim, 'stayed', { stay, discount, reviewReason: result.ok ? null : result.message });
}

/** The secretariat's decision on a reported stay: approval commits the money to payment. */
export async function reviewClaim(ctx: CommandContext, program: Program, id: number, decision: 'approve' | 'reject', reason: string): Promise<Claim> {
  const claim = await lockClaim(ctx, id);
  expectStatus(claim, ['stayed'], decision === 'approve' ? 'cmd.claimStatus.approve' : 'cmd.claimStatus.reject');
  if (decision === 'approve') {
    const reserved = await accountId(ctx.tx, program.id, claim.facilityId, 'reserved');
    const approved = await accountId(ctx.tx, program.id, claim.facilityId, 'approved');
    await move(ctx.tx, { programId: program.id, from: reserved, to: approved, amount: claim.discount, reason: 'approved', claimId: id });
  } else {
    await release(ctx, program, claim, claim.discount, 'rejected');
  }
  ctx.audit({ action: `settlement.claim.${decision === 'approve' ? 'approved' : 'rejected'}`, programId: program.id, targetType: 'claim', targetId: id, diff: { reason } });
  return setStatus(ctx, claim, decision === 'approve' ? 'approved' : 'rejected', { reviewReason: reason || null });
}
