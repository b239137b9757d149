import { eq } from 'drizzle-orm';
import type { Role } from '../../../platform/auth/schema.js';
import type { CommandContext } from '../../../platform/command.js';
import { formatJaDate } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import { ERASED, programScope } from '../../../platform/vault/index.js';
import { findProgramById } from '../../../platform/programs/queries.js';
import { addEvent } from '../history.js';
import { cm } from '../messages.js';
import { openPersonal, str } from '../personal.js';
import { campaignApplications, type Application, type ApplicationStatus } from '../schema.js';
import type { DecisionInput } from '../validators.js';
import { queueApplicantMail } from './applicant-mail.js';
import { mailCityOfEscalation } from './city-mail.js';
import { ensureBusinessUser } from './business-user.js';
import { lockApplication } from './locks.js';
import { registerFacility } from './register-facility.js';

const REVIEWABLE: ApplicationStatus[] = ['submitted', 'answered'];

/** Which decision the caller's roles allow on this application, or an error saying why not. */
function check(app: Application, decision: DecisionInput['decision'], roles: Role[]): void {
  const staff = roles.includes('admin') || roles.includes('operator');
  if (decision === 'answer') {
    if (!roles.includes('city') && !roles.includes('admin')) throw new AppError('forbidden', cm('errAnswerForbidden'));
    if (app.status !== 'escalated') throw new AppError('conflict', cm('errNotEscalated', { status: cm(`status.${app.status}`) }));
    return;
  }
  if (!staff) throw new AppError('forbidden', cm('errDecideForbidden'));
  if (!REVIEWABLE.includes(app.status)) throw new AppError('conflict', cm('errNotReviewable', { status: cm(`status.${app.status}`) }));
}

export interface DecisionResult {
  application: Application;
  facilityId: number | null;
}

/**
 * One review decision. Operators approve, reject (reason), return for correction (reason) or
 * escalate to the City (question); the City answers an escalation with a recommendation, which
 * sends the application back to the operator's queue. Every decision that concerns the applicant
 * mails the contact address.
 *
 * The application is re-read under a row lock inside the transaction, so of two decisions posted
 * at once (two reviewers, or a page loaded before another decision) one wins and the other is
 * refused with `conflict`. `seenStatus`, the status the reviewer's page showed, also refuses a
 * decision on an application that changed since (e.g. the City answered meanwhile).
 */
export async function decideApplication(
  ctx: CommandContext,
  applicationId: number,
  input: DecisionInput,
  roles: Role[],
  opts: { seenStatus?: ApplicationStatus } = {},
): Promise<DecisionResult> {
  // A City answer given as "approve" / "reject" / "return" on an escalated application is its recommendation.
  const cityOnly = roles.includes('city') && !roles.includes('admin') && !roles.includes('operator');
  const decision = cityOnly && input.decision !== 'escalate' ? 'answer' : input.decision;
  const recommendation = input.recommendation ?? (decision === 'answer' && input.decision !== 'answer' ? (input.decision as 'approve' | 'reject' | 'return') : undefined);
  if (decision === 'answer' && input.reason === '') throw new AppError('validation-failed', cm('errAnswerRequired'), { fieldErrors: [{ field: 'reason', message: cm('errAnswerRequired') }] });
  const app = await lockApplication(ctx, applicationId);
  check(app, decision, roles);
  if (opts.seenStatus && opts.seenStatus !== app.status) {
    throw new AppError('conflict', cm('errStatusChanged', { seen: cm(`status.${opts.seenStatus}`), now: cm(`status.${app.status}`) }));
  }

  const box = await ctx.deps.vault.box(ctx.tx, programScope(app.programId));
  const personal = openPersonal(box, app.personal);
  const contact = personal === ERASED ? null : { email: str(personal.operator.contactEmail), name: str(personal.operator.contactName) };
  const set: Partial<typeof campaignApplications.$inferInsert> = { updatedAt: ctx.now };
  let facilityId: number | null = null;
  const mail = async (subject: Parameters<typeof queueApplicantMail>[3], body: Parameters<typeof queueApplicantMail>[4], params: Record<string, string> = {}) => {
    if (contact?.email) await queueApplicantMail(ctx, app, contact.email, subject, body, { contact: contact.name, number: app.number ?? '', reason: input.reason, ...params });
  };
  const portal = `${ctx.deps.config.publicBaseUrl}/${(await findProgramById(ctx.tx, app.programId))?.slug ?? ''}/business`;

  switch (decision) {
    case 'approve': {
      const users: number[] = app.applicantUserId ? [app.applicantUserId] : [];
      if (contact?.email) users.push((await ensureBusinessUser(ctx, app.programId, contact.email)).user.id);
      const facility = await registerFacility(ctx, app, users);
      facilityId = facility.id;
      Object.assign(set, { status: 'approved', facilityId, decidedAt: ctx.now, lastReason: input.reason || null });
      await mail('approvedSubject', 'approvedBody', { registrationNumber: facility.registrationNumber ?? '', registeredOn: formatJaDate(facility.registeredOn!), link: portal });
      break;
    }
    case 'reject':
      Object.assign(set, { status: 'rejected', decidedAt: ctx.now, lastReason: input.reason });
      await mail('rejectedSubject', 'rejectedBody');
      break;
    case 'return': {
      let applicantUserId = app.applicantUserId;
      // An application sent through the API has no account yet: its contact address gets one to correct it.
      if (!applicantUserId && contact?.email) applicantUserId = (await ensureBusinessUser(ctx, app.programId, contact.email)).user.id;
      Object.assign(set, {
        status: 'returned',
        lastReason: input.reason,
        applicantUserId,
        returnedSnapshot: { facility: app.facility, personal: app.personal, licenseNumber: app.licenseNumber, licenseIssuedOn: app.licenseIssuedOn },
      });
      await mail('returnedSubject', 'returnedBody', { link: `${portal}/apply` });
      break;
    }
    case 'escalate':
      Object.assign(set, { status: 'escalated', cityQuestion: input.reason, cityAnswer: null, cityRecommendation: null });
      await mail('escalatedSubject', 'escalatedBody');
      await mailCityOfEscalation(ctx, app);
      break;
    case 'answer':
      Object.assign(set, { status: 'answered', cityAnswer: input.reason, cityRecommendation: recommendation ?? null });
      break;
  }
  const [updated] = await ctx.tx.update(campaignApplications).set(set).where(eq(campaignApplications.id, app.id)).returning();
  const kind = ({ approve: 'approved', reject: 'rejected', return: 'returned', escalate: 'escalated', answer: 'answered' } as const)[decision];
  await addEvent(ctx, app.id, kind, decision === 'answer' && recommendation ? cm('event.recommended', { recommendation, reason: input.reason }) : input.reason || null);
  ctx.audit({
    action: `campaign.application.${kind}`,
    programId: app.programId,
    targetType: 'campaign_application',
    targetId: app.id,
    diff: { status: [app.status, updated!.status], ...(recommendation ? { recommendation } : {}), ...(facilityId ? { facilityId } : {}) },
  });
  return { application: updated!, facilityId };
}
