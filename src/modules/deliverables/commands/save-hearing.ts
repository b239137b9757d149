import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { programScope } from '../../../platform/vault/index.js';
import { deliverableHearings, type Hearing } from '../schema.js';
import { hearingSchema } from '../validators.js';

/**
 * Adds (id null) or updates a hearing record; the contact person is sealed with the program's
 * data key (an empty contact on update keeps the stored one). The audit entry names no contact.
 */
export async function saveHearing(ctx: CommandContext, programId: number, id: number | null, input: unknown): Promise<Hearing> {
  const v = parseOrThrow(hearingSchema, input);
  const box = await ctx.deps.vault.box(ctx.tx, programScope(programId));
  const fields = { groupName: v.groupName, visitOn: v.visitOn, place: v.place, cityStaff: v.cityStaff, notes: v.notes, status: v.status, honorariumYen: v.honorariumYen, honorariumPaidOn: v.honorariumPaidOn, updatedAt: ctx.now };
  let row: Hearing | undefined;
  if (id === null) {
    [row] = await ctx.tx.insert(deliverableHearings).values({ programId, ...fields, contactSealed: box.sealOptional(v.contact), createdAt: ctx.now }).returning();
  } else {
    const [old] = await ctx.tx.select().from(deliverableHearings).where(and(eq(deliverableHearings.id, id), eq(deliverableHearings.programId, programId))).for('update');
    if (!old) throw new AppError('not-found');
    [row] = await ctx.tx
      .update(deliverableHearings)
      .set({ ...fields, ...(v.contact ? { contactSealed: box.seal(v.contact) } : {}) })
      .where(eq(deliverableHearings.id, id))
      .returning();
  }
  ctx.audit({ action: 'deliverables.hearing.saved', programId, targetType: 'hearing', targetId: String(row!.id), diff: { groupName: v.groupName, status: v.status, honorariumPaidOn: v.honorariumPaidOn, contactChanged: !!v.contact } });
  return row!;
}
