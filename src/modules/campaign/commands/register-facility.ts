import type { CommandContext } from '../../../platform/command.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { grantFacilityAccess } from '../../settlement/index.js';
import { nextRegistrationNumber } from '../numbering.js';
import { facilities, type Application, type Facility, type FacilityProfile } from '../schema.js';

/**
 * Registers the facility of an approved application: registration number, registration date (the
 * Tokyo day of approval, from which its bookings are eligible) and public listing; the given
 * business users may act for it.
 */
export async function registerFacility(ctx: CommandContext, app: Application, userIds: number[]): Promise<Facility> {
  const profile = app.facility as unknown as FacilityProfile;
  const registrationNumber = await nextRegistrationNumber(ctx.tx, app.programId);
  const [facility] = await ctx.tx
    .insert(facilities)
    .values({
      programId: app.programId,
      name: profile.name,
      nameKana: profile.nameKana,
      type: profile.type,
      postalCode: profile.postalCode,
      address: profile.address,
      ward: profile.ward,
      phone: profile.phone,
      url: profile.url,
      rooms: profile.rooms,
      features: profile.features,
      description: profile.description ?? '',
      registrationNumber,
      registeredOn: tokyoDate(ctx.now),
      status: 'registered',
      applicationId: app.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  for (const id of new Set(userIds)) await grantFacilityAccess(ctx.tx, facility!.id, id);
  ctx.audit({ action: 'campaign.facility.registered', programId: app.programId, targetType: 'facility', targetId: facility!.id, diff: { registrationNumber, applicationId: app.id } });
  return facility!;
}
