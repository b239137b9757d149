import { isUniqueViolation, type CommandContext } from '../../../platform/command.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import { grantFacilityAccess } from '../../settlement/index.js';
import { cm } from '../messages.js';
import { nextRegistrationNumber } from '../numbering.js';
import { findLicenseHolder } from '../queries.js';
import { facilities, type Application, type Facility, type FacilityProfile } from '../schema.js';

/** The refusal of an approval whose licence number a registered facility holds already (409). */
async function licenseHeld(ctx: CommandContext, app: Application): Promise<AppError | null> {
  const holder = app.licenseNumber ? await findLicenseHolder(ctx.tx, app.programId, app.licenseNumber) : undefined;
  if (!holder) return null;
  return new AppError('conflict', cm('errLicenseHeld', { license: app.licenseNumber!, facility: holder.name, registrationNumber: holder.registrationNumber ?? `#${holder.id}` }));
}

/**
 * Registers the facility of an approved application: registration number, registration date (the
 * Tokyo day of approval, from which its bookings are eligible), public listing and the licence
 * number, which the facility then holds exclusively: an approval whose number a registered
 * facility of the program holds is refused with `conflict` (409), also when two approvals race
 * (the unique index facilities_license decides). The given business users may act for it.
 */
export async function registerFacility(ctx: CommandContext, app: Application, userIds: number[]): Promise<Facility> {
  const held = await licenseHeld(ctx, app);
  if (held) throw held;
  const profile = app.facility as unknown as FacilityProfile;
  const registrationNumber = await nextRegistrationNumber(ctx.tx, app.programId);
  const [facility] = await ctx.tx
    .insert(facilities)
    .values({
      programId: app.programId,
      name: profile.name,
      nameKana: profile.nameKana,
      nameEn: profile.nameEn ?? '',
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
      licenseNumber: app.licenseNumber,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
    .catch((e: unknown) => {
      // Another approval of the same number committed first (this insert waited for it).
      if (isUniqueViolation(e) && app.licenseNumber) throw new AppError('conflict', cm('errLicenseTaken', { license: app.licenseNumber }));
      throw e;
    });
  for (const id of new Set(userIds)) await grantFacilityAccess(ctx.tx, facility!.id, id);
  ctx.audit({ action: 'campaign.facility.registered', programId: app.programId, targetType: 'facility', targetId: facility!.id, diff: { registrationNumber, applicationId: app.id } });
  return facility!;
}
