import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { cm } from '../messages.js';
import { facilities, type Facility, type FacilityProfile } from '../schema.js';
import { facilitySchema } from '../validators.js';
import { lockFacility } from './locks.js';

/** The public fields of a facility as it is listed now. */
export function profileOf(f: Facility): FacilityProfile {
  return { name: f.name, nameKana: f.nameKana, type: f.type, postalCode: f.postalCode, address: f.address, ward: f.ward, phone: f.phone, url: f.url, rooms: f.rooms, features: f.features, description: f.description };
}

/** The fields whose value differs between two profiles (feature lists compared as sets). */
export function changedFields(before: FacilityProfile, after: FacilityProfile): Array<keyof FacilityProfile> {
  return (Object.keys(after) as Array<keyof FacilityProfile>).filter((k) =>
    k === 'features' ? [...before.features].sort().join('|') !== [...after.features].sort().join('|') : before[k] !== after[k],
  );
}

/**
 * A business submits a change of its facility's public profile. It is validated like the
 * application's facility fields (features: the program's list plus those the facility already
 * has) and kept as pending until an operator approves it; a newer submission replaces a pending
 * one. Nothing public changes here.
 */
export async function submitProfileChange(ctx: CommandContext, facilityId: number, body: unknown, features: readonly string[]): Promise<Facility> {
  // Re-read under the lock: the change is compared with the listing as it is now, and an operator's decision on the previous submission is not crossed.
  const facility = await lockFacility(ctx, facilityId);
  const allowed = [...new Set([...features, ...facility.features])];
  const { facility: profile } = parseOrThrow(z.object({ facility: facilitySchema(allowed) }), { facility: body });
  const changed = changedFields(profileOf(facility), profile);
  if (changed.length === 0) throw new AppError('validation-failed', cm('errProfileUnchanged'), { fieldErrors: [{ field: 'facility.name', message: cm('errProfileUnchanged') }] });
  const [updated] = await ctx.tx
    .update(facilities)
    .set({ pendingProfile: profile, pendingSince: ctx.now, updatedAt: ctx.now })
    .where(eq(facilities.id, facility.id))
    .returning();
  ctx.audit({ action: 'campaign.facility.profile_submitted', programId: facility.programId, targetType: 'facility', targetId: facility.id, diff: { fields: changed, replacedPending: facility.pendingProfile !== null } });
  return updated!;
}
