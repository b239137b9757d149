import { and, eq, inArray } from 'drizzle-orm';
import { rolesHeldIn } from '../../../platform/auth/memberships.js';
import { findUserByEmail } from '../../../platform/auth/users.js';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { lockProgram } from '../../../platform/programs/queries.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { pm } from '../messages.js';
import { privacyStaff, type StaffKind } from '../schema.js';
import { staffDecisionSchema, staffRequestSchema } from '../validators.js';

/** The contractor's roles whose access to personal data the roster governs (the City's are not). */
export const ROSTERED_ROLES = ['admin', 'operator', 'agent'] as const;

/**
 * Asks the City to put someone on the roster (an addition, or a change after the old entry was
 * ended). The person is an account holding a contractor role in the program (or installation-wide
 * admin). Refused with 409 while they already have a live entry.
 */
export async function requestStaff(ctx: CommandContext, programId: number, input: unknown) {
  const v = parseOrThrow(staffRequestSchema, input);
  const program = await lockProgram(ctx.tx, programId);
  if (!program) throw new AppError('not-found');
  const user = await findUserByEmail(ctx.tx, v.email);
  if (!user) throw new AppError('validation-failed', pm('err.noUser'), { fieldErrors: [{ field: 'email', message: pm('err.noUser') }] });
  const held = [...(await rolesHeldIn(ctx.tx, user.id, programId)), ...(await rolesHeldIn(ctx.tx, user.id, null))];
  if (!held.some((r) => (ROSTERED_ROLES as readonly string[]).includes(r))) {
    throw new AppError('validation-failed', pm('err.notStaff'), { fieldErrors: [{ field: 'email', message: pm('err.notStaff') }] });
  }
  const [live] = await ctx.tx
    .select({ id: privacyStaff.id })
    .from(privacyStaff)
    .where(and(eq(privacyStaff.programId, programId), eq(privacyStaff.userId, user.id), inArray(privacyStaff.status, ['requested', 'approved'])));
  if (live) throw new AppError('conflict', pm('err.live'));
  const [row] = await ctx.tx
    .insert(privacyStaff)
    .values({
      programId,
      userId: user.id,
      kind: v.kind,
      affiliation: v.affiliation ?? '',
      duties: v.duties,
      trainedOn: v.trainedOn ?? null,
      pledgedOn: v.pledgedOn ?? null,
      reason: v.reason ?? '',
      requestedBy: ctx.actor.userId,
      requestedAt: ctx.now,
    })
    .returning();
  ctx.audit({ action: 'privacy.staff.requested', programId, targetType: 'privacy_staff', targetId: row!.id, diff: { userId: user.id, kind: v.kind } });
  return row!;
}

/** The City approves or rejects a request; a request already decided is 409. */
export async function decideStaff(ctx: CommandContext, id: number, input: unknown) {
  const v = parseOrThrow(staffDecisionSchema, input);
  const status = v.decision === 'approve' ? 'approved' : 'rejected';
  const [row] = await ctx.tx
    .update(privacyStaff)
    .set({ status, decidedBy: ctx.actor.userId, decidedAt: ctx.now, decisionComment: v.comment ?? '' })
    .where(and(eq(privacyStaff.id, id), eq(privacyStaff.status, 'requested')))
    .returning();
  if (!row) throw new AppError('conflict', pm('err.notPending'));
  ctx.audit({ action: status === 'approved' ? 'privacy.staff.approved' : 'privacy.staff.rejected', programId: row.programId, targetType: 'privacy_staff', targetId: id, diff: { userId: row.userId, kind: row.kind } });
  return row;
}

/** Ends an entry at once (a requested one is withdrawn): the person loses access to personal data immediately. */
export async function endStaff(ctx: CommandContext, id: number) {
  const [row] = await ctx.tx
    .update(privacyStaff)
    .set({ status: 'ended', endedBy: ctx.actor.userId, endedAt: ctx.now })
    .where(and(eq(privacyStaff.id, id), inArray(privacyStaff.status, ['requested', 'approved'])))
    .returning();
  if (!row) throw new AppError('conflict', pm('err.notLive'));
  ctx.audit({ action: 'privacy.staff.ended', programId: row.programId, targetType: 'privacy_staff', targetId: id, diff: { userId: row.userId } });
  return row;
}

/**
 * Puts people on the roster as approved without a City decision: for the demo and test fixtures
 * only (audited as such). Skips anyone already live on it.
 */
export async function seedApprovedStaff(ctx: CommandContext, programId: number, people: Array<{ userId: number; kind?: StaffKind; duties?: string }>) {
  let added = 0;
  for (const p of people) {
    const [live] = await ctx.tx
      .select({ id: privacyStaff.id })
      .from(privacyStaff)
      .where(and(eq(privacyStaff.programId, programId), eq(privacyStaff.userId, p.userId), inArray(privacyStaff.status, ['requested', 'approved'])));
    if (live) continue;
    await ctx.tx.insert(privacyStaff).values({
      programId,
      userId: p.userId,
      kind: p.kind ?? 'worker',
      duties: p.duties ?? '事務局業務',
      status: 'approved',
      requestedAt: ctx.now,
      decidedAt: ctx.now,
      reason: 'seed',
    });
    added++;
  }
  if (added) ctx.audit({ action: 'privacy.staff.seeded', programId, targetType: 'program', targetId: programId, diff: { added } });
  return added;
}
