import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../../../platform/auth/schema.js';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import { findProgramById } from '../../../platform/programs/queries.js';
import { userIdsOfFacility } from '../../settlement/index.js';
import { cm } from '../messages.js';
import { facilities, type Facility } from '../schema.js';
import { campaignMailSubject, campaignMailText } from './campaign-mail.js';
import { decidePayoutChange } from './payout-change.js';
import { changedFields, profileOf } from './submit-profile-change.js';

export interface ProfileDecision {
  decision: 'approve' | 'reject';
  reason: string;
  /** `pendingSince` of the change the operator looked at (ISO): a newer submission is not decided blindly. */
  pendingSince: string;
}

/**
 * An operator approves or rejects a business's pending profile change. Approval copies the fields
 * into the facility (the public index follows through its version trigger); rejection needs a
 * reason. Either way the pending change is cleared, the decision is audited, and the facility's
 * business users are mailed.
 */
export async function decideProfileChange(ctx: CommandContext, facilityId: number, programId: number, input: ProfileDecision): Promise<Facility> {
  const reason = input.reason.trim();
  if (input.decision === 'reject' && !reason) throw new AppError('validation-failed', cm('errReasonRequired'), { fieldErrors: [{ field: 'reason', message: cm('errReasonRequired') }] });
  if (reason.length > 2000) throw new AppError('validation-failed', cm('errReasonLong'), { fieldErrors: [{ field: 'reason', message: cm('errReasonLong') }] });
  const [facility] = await ctx.tx.select().from(facilities).where(and(eq(facilities.id, facilityId), eq(facilities.programId, programId))).for('update');
  if (!facility) throw new AppError('not-found');
  const pending = facility.pendingProfile;
  if (!pending || !facility.pendingSince) throw new AppError('conflict', cm('errProfileDecided'));
  if (facility.pendingSince.toISOString() !== input.pendingSince) throw new AppError('conflict', cm('errProfileStale'));
  const changed = changedFields(profileOf(facility), pending);
  // A bank account given with the change takes effect (or is dropped) with it.
  const bankChanged = await decidePayoutChange(ctx, facility, input.decision === 'approve');
  const [updated] = await ctx.tx
    .update(facilities)
    .set({ ...(input.decision === 'approve' ? pending : {}), pendingProfile: null, pendingSince: null, updatedAt: ctx.now })
    .where(eq(facilities.id, facility.id))
    .returning();
  const before = profileOf(facility) as unknown as Record<string, unknown>;
  const after = pending as unknown as Record<string, unknown>;
  ctx.audit({
    action: input.decision === 'approve' ? 'campaign.facility.profile_approved' : 'campaign.facility.profile_rejected',
    programId,
    targetType: 'facility',
    targetId: facility.id,
    // Public facility information, and the names of the bank fields changed (their values stay sealed in the vault).
    diff: {
      ...(input.decision === 'approve' ? Object.fromEntries(changed.map((k) => [k, [before[k], after[k]]])) : { fields: changed }),
      ...(bankChanged.length ? { bankAccount: bankChanged } : {}),
      ...(reason ? { reason } : {}),
    },
  });
  // The users who act for the facility: settlement keeps the links.
  const linked = await userIdsOfFacility(ctx.tx, facility.id);
  const recipients = linked.length
    ? await ctx.tx.select({ email: users.email }).from(users).where(and(inArray(users.id, linked), eq(users.status, 'active'))).orderBy(users.id)
    : [];
  const program = (await findProgramById(ctx.tx, programId))!;
  for (const r of recipients) {
    await queueMail(ctx.tx, ctx.deps, {
      programId,
      template: input.decision === 'approve' ? 'campaign.profile_approved' : 'campaign.profile_rejected',
      to: r.email,
      subject: campaignMailSubject(program, input.decision === 'approve' ? 'profileApprovedSubject' : 'profileRejectedSubject'),
      text: campaignMailText(program, input.decision === 'approve' ? 'profileApprovedBody' : 'profileRejectedBody', { facility: updated!.name, reason: reason || '—' }),
    });
  }
  return updated!;
}
