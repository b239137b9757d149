import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { programScope } from '../../../platform/vault/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { eventConfig } from '../config.js';
import { am } from '../messages.js';
import { findRegistration } from '../queries.js';
import { eventRegistrations } from '../schema.js';
import { lockCounter, takeFreeSeats } from '../seats.js';
import { notifyPromoted } from './notify-promoted.js';

/**
 * Merges a duplicate into the registration it repeats: the duplicate keeps its number (no gaps)
 * but leaves the roster as 重複統合; the kept one gets the better place (a seat beats the
 * waitlist) and the support requests of both. A seat freed this way goes to the next person waiting.
 */
export async function mergeRegistration(ctx: CommandContext, program: Program, duplicateId: number, keepId: number): Promise<void> {
  if (duplicateId === keepId) throw new AppError('validation-failed', am('reg.errMergeSelf'), { fieldErrors: [{ field: 'keepId', message: am('reg.errMergeSelfField') }] });
  await lockCounter(ctx.tx, program.id);
  const dup = await findRegistration(ctx.tx, duplicateId);
  const keep = await findRegistration(ctx.tx, keepId);
  if (!dup || !keep || dup.programId !== program.id || keep.programId !== program.id) throw new AppError('not-found');
  const live = (s: string) => s === 'confirmed' || s === 'waitlisted';
  if (!live(dup.status) || !live(keep.status)) throw new AppError('conflict', am('reg.errMergeCancelled'));
  const takeSeat = dup.status === 'confirmed' && keep.status === 'waitlisted' && dup.attendance === keep.attendance;
  const box = await ctx.deps.vault.box(ctx.tx, programScope(program.id));
  const notes = [keep.accommodationNoteSealed, dup.accommodationNoteSealed].filter((v): v is string => !!v).map((v) => box.openOrThrow(v));
  await ctx.tx.update(eventRegistrations).set({ status: 'merged', mergedInto: keep.id, groupId: null, updatedAt: ctx.now }).where(eq(eventRegistrations.id, dup.id));
  await ctx.tx
    .update(eventRegistrations)
    .set({
      status: takeSeat ? 'confirmed' : keep.status,
      accommodations: [...new Set([...keep.accommodations, ...dup.accommodations])],
      accommodationNoteSealed: box.sealOptional([...new Set(notes)].join('\n')),
      possibleDuplicateOf: null,
      updatedAt: ctx.now,
    })
    .where(eq(eventRegistrations.id, keep.id));
  ctx.audit({ action: 'events.registration.merged', programId: program.id, targetType: 'event_registration', targetId: dup.id, diff: { number: dup.number, into: keep.number, status: [dup.status, 'merged'] } });
  const promoted = dup.status === 'confirmed' && !takeSeat ? await takeFreeSeats(ctx.tx, program.id, eventConfig(program), ctx.now) : [];
  await notifyPromoted(ctx, box, program, promoted);
}
