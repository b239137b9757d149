import { eq } from 'drizzle-orm';
import { chargeAnonymousMail } from '../../../platform/auth/mail-throttle.js';
import type { CommandContext } from '../../../platform/command.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { AppError, type FieldError } from '../../../platform/errors/index.js';
import { issuesToFieldErrors } from '../../../platform/validation.js';
import { programScope, type Box } from '../../../platform/vault/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { campaignConfig } from '../config.js';
import { checkUploads, documentField, listDocuments, storeDocument, type Upload } from '../documents.js';
import { addEvent } from '../history.js';
import { cm } from '../messages.js';
import { nextApplicationNumber } from '../numbering.js';
import { sealPersonal, str, type StoredPersonal } from '../personal.js';
import { applicationsWithLicense } from '../queries.js';
import { campaignApplications, type Application } from '../schema.js';
import { applicationSchema, withEmptyGroups, type ApplicationInput } from '../validators.js';
import { assertWindowOpen } from './application-window.js';
import { lockApplication } from './locks.js';
import { queueApplicantMail } from './applicant-mail.js';

export interface SaveInput {
  program: Program;
  /** Nested object `{ facility, operator, license, bankAccount, agreeToTerms }` as given. */
  body: unknown;
  channel: Application['channel'];
  applicantUserId: number | null;
  /** The id of the applicant's existing draft or returned application, if any: re-read under a lock here. */
  applicationId?: number;
  uploads?: Upload[];
}

/** The input with the existing application as it is now, locked for the rest of the transaction. */
type Current = Omit<SaveInput, 'applicationId'> & { application?: Application };

async function current(ctx: CommandContext, input: SaveInput): Promise<Current> {
  const application = input.applicationId === undefined ? undefined : await lockApplication(ctx, input.applicationId, input.program.id);
  return { ...input, application };
}

/** Only the applicant's own draft or returned application may be changed. */
function assertEditable(application: Application | undefined): void {
  if (application && application.status !== 'draft' && application.status !== 'returned') {
    throw new AppError('conflict', cm('errSubmitted'));
  }
}

/** A returned application is corrected whatever the date; anything else needs an open window. */
function assertAccepting(ctx: CommandContext, input: Current): void {
  if (input.application?.status !== 'returned') assertWindowOpen(input.program, ctx.now);
}

async function upsert(ctx: CommandContext, input: Current, values: Partial<typeof campaignApplications.$inferInsert>): Promise<Application> {
  if (input.application) {
    const [row] = await ctx.tx.update(campaignApplications).set({ ...values, updatedAt: ctx.now }).where(eq(campaignApplications.id, input.application.id)).returning();
    return row!;
  }
  const [row] = await ctx.tx
    .insert(campaignApplications)
    .values({ programId: input.program.id, channel: input.channel, applicantUserId: input.applicantUserId, createdAt: ctx.now, updatedAt: ctx.now, ...values })
    .returning();
  return row!;
}

async function storeUploads(ctx: CommandContext, box: Box, programId: number, applicationId: number, uploads: Upload[]): Promise<void> {
  const { accepted, errors } = checkUploads(uploads);
  if (errors.length) throw new AppError('validation-failed', cm('errFiles'), { fieldErrors: errors });
  for (const u of accepted) {
    await storeDocument(ctx.tx, box, applicationId, u);
    ctx.audit({ action: 'campaign.application.document_uploaded', programId, targetType: 'campaign_application', targetId: applicationId, diff: { kind: u.kind, size: u.bytes.length, type: u.contentType } });
  }
}

/** Saves whatever was entered as a draft (no completeness check); files are still checked. */
export async function saveDraft(ctx: CommandContext, saveInput: SaveInput): Promise<Application> {
  const input = await current(ctx, saveInput);
  assertEditable(input.application);
  assertAccepting(ctx, input);
  const body = withEmptyGroups(input.body);
  const box = await ctx.deps.vault.box(ctx.tx, programScope(input.program.id));
  const license = body.license as Record<string, unknown>;
  // A draft's licence number stays inside the sealed value; the column holds submitted numbers.
  const personal: StoredPersonal = {
    operator: body.operator as Record<string, unknown>,
    bankAccount: body.bankAccount as Record<string, unknown>,
    license: { number: str(license.number).slice(0, 100), issuedOn: str(license.issuedOn).slice(0, 20) },
  };
  const app = await upsert(ctx, input, {
    facility: body.facility as Record<string, unknown>,
    personal: sealPersonal(box, personal),
    agreedAt: body.agreeToTerms === true || body.agreeToTerms === 'true' ? ctx.now : null,
  });
  await storeUploads(ctx, box, input.program.id, app.id, input.uploads ?? []);
  await addEvent(ctx, app.id, 'saved');
  ctx.audit({ action: 'campaign.application.draft_saved', programId: input.program.id, targetType: 'campaign_application', targetId: app.id });
  return app;
}

/**
 * Validates and submits a complete application (new, a draft, or a returned one being corrected):
 * every field error, file error and missing required document is reported at once, and nothing is
 * written unless all is well. A licence number another application already gives is accepted (a
 * number must not be squatted by whoever sends it first): both go to the review queue flagged as
 * possible duplicates, and only the facility an approval registers holds the number.
 */
export async function submitApplication(ctx: CommandContext, saveInput: SaveInput): Promise<Application> {
  const input = await current(ctx, saveInput);
  assertEditable(input.application);
  assertAccepting(ctx, input);
  const cfg = campaignConfig(input.program);
  const parsed = applicationSchema(cfg.features, tokyoDate(ctx.now)).safeParse(withEmptyGroups(input.body));
  const errors: FieldError[] = parsed.success ? [] : issuesToFieldErrors(parsed.error.issues);
  const uploads = input.uploads ?? [];
  const { errors: fileErrors } = checkUploads(uploads);
  errors.push(...fileErrors);
  if (input.channel === 'web') {
    const existing = input.application ? await listDocuments(ctx.tx, input.application.id) : [];
    for (const kind of cfg.requiredAttachments) {
      const field = documentField(kind);
      if (!existing.some((d) => d.kind === kind) && !uploads.some((u) => u.kind === kind) && !errors.some((e) => e.field === field)) {
        errors.push({ field, message: cm('errFileRequired', { label: cm(field) }) });
      }
    }
  }
  if (errors.length || !parsed.success) throw new AppError('validation-failed', cm('errInput'), { fieldErrors: errors });
  return writeSubmission(ctx, input, parsed.data);
}

async function writeSubmission(ctx: CommandContext, input: Current, data: ApplicationInput): Promise<Application> {
  // An application sent without signing in (the public API) mails its receipt to an address the
  // sender chose: charged against that address's and the client's hourly budget (429 beyond it).
  await chargeAnonymousMail(ctx, data.operator.contactEmail);
  const box = await ctx.deps.vault.box(ctx.tx, programScope(input.program.id));
  const resubmission = input.application?.status === 'returned';
  const number = input.application?.number ?? (await nextApplicationNumber(ctx.tx, input.program.id));
  const app = await upsert(ctx, input, {
    number,
    status: 'submitted',
    facility: data.facility,
    personal: sealPersonal(box, { operator: data.operator, bankAccount: data.bankAccount }),
    contactEmailIndex: box.blindIndex(data.operator.contactEmail),
    licenseNumber: data.license.number,
    licenseIssuedOn: data.license.issuedOn,
    agreedAt: ctx.now,
    submittedAt: input.application?.submittedAt ?? ctx.now,
    lastReason: resubmission ? input.application!.lastReason : null,
  });
  await storeUploads(ctx, box, input.program.id, app.id, input.uploads ?? []);
  await addEvent(ctx, app.id, resubmission ? 'resubmitted' : 'submitted');
  const duplicates = await applicationsWithLicense(ctx.tx, input.program.id, data.license.number, app.id);
  ctx.audit({
    action: resubmission ? 'campaign.application.resubmitted' : 'campaign.application.submitted',
    programId: input.program.id,
    targetType: 'campaign_application',
    targetId: app.id,
    diff: { number, channel: app.channel, ...(duplicates.length ? { possibleDuplicateOf: duplicates.map((d) => d.number ?? `#${d.id}`) } : {}) },
  });
  await queueApplicantMail(ctx, app, data.operator.contactEmail, 'receiptSubject', 'receiptBody', { contact: data.operator.contactName, number, facility: data.facility.name });
  return app;
}
