import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { cm } from '../messages.js';
import { facilities, type Facility, type FacilityProfile } from '../schema.js';
import { bankAccountSchema, facilitySchema } from '../validators.js';
import { givesBankAccount, stagePayoutChange } from './payout-change.js';
import { lockFacility } from './locks.js';

/** The public fields of a facility as it is listed now. */
export function profileOf(f: Facility): FacilityProfile {
  return { name: f.name, nameKana: f.nameKana, nameEn: f.nameEn, type: f.type, postalCode: f.postalCode, address: f.address, ward: f.ward, phone: f.phone, url: f.url, rooms: f.rooms, features: f.features, description: f.description };
}

/** The fields whose value differs between two profiles (feature lists compared as sets). */
export function changedFields(before: FacilityProfile, after: FacilityProfile): Array<keyof FacilityProfile> {
  return (Object.keys(after) as Array<keyof FacilityProfile>).filter((k) =>
    k === 'features' ? [...before.features].sort().join('|') !== [...after.features].sort().join('|') : before[k] !== after[k],
  );
}

/**
 * A business submits a change of its facility's public profile, and may give a new bank account
 * to be paid to (`bankAccount`: all its fields empty or absent = no change). It is validated like
 * the application's facility and bank fields (features: the program's list plus those the
 * facility already has) and kept as pending until an operator approves it — the account sealed in
 * the vault; a newer submission replaces a pending one. Nothing public changes here.
 */
export async function submitProfileChange(ctx: CommandContext, facilityId: number, body: unknown, features: readonly string[], bankAccount: unknown = null): Promise<Facility> {
  // Re-read under the lock: the change is compared with the listing as it is now, and an operator's decision on the previous submission is not crossed.
  const facility = await lockFacility(ctx, facilityId);
  const allowed = [...new Set([...features, ...facility.features])];
  const bank = givesBankAccount(bankAccount) ? bankAccount : null;
  // Facility and bank fields checked together, so every error is shown at once.
  const { facility: profile } = parseOrThrow(z.object({ facility: facilitySchema(allowed), bankAccount: bank === null ? z.unknown() : bankAccountSchema }), { facility: body, bankAccount: bank });
  const changed = changedFields(profileOf(facility), profile);
  const bankChanged = await stagePayoutChange(ctx, facility, bank);
  if (changed.length === 0 && bankChanged.length === 0) throw new AppError('validation-failed', cm('errProfileUnchanged'), { fieldErrors: [{ field: 'facility.name', message: cm('errProfileUnchanged') }] });
  const [updated] = await ctx.tx
    .update(facilities)
    .set({ pendingProfile: profile, pendingSince: ctx.now, updatedAt: ctx.now })
    .where(eq(facilities.id, facility.id))
    .returning();
  ctx.audit({
    action: 'campaign.facility.profile_submitted',
    programId: facility.programId,
    targetType: 'facility',
    targetId: facility.id,
    // Names of the bank fields only: their values are sealed in the vault.
    diff: { fields: changed, ...(bankChanged.length ? { bankAccount: bankChanged } : {}), replacedPending: facility.pendingProfile !== null },
  });
  return updated!;
}
