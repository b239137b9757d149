import type { CommandContext } from '../../../platform/command.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import { findProgramById } from '../../../platform/programs/queries.js';
import type { CampaignMessageKey } from '../messages.js';
import type { Application } from '../schema.js';
import { campaignMailSubject, campaignMailText } from './campaign-mail.js';

/**
 * Mails the applicant's contact address, in the caller's transaction. The subject is fixed text
 * after the program's name; the body carries only the applicant's own data, then the program's
 * secretariat and contact.
 */
export async function queueApplicantMail(
  ctx: CommandContext,
  app: Application,
  to: string,
  subject: CampaignMessageKey,
  body: CampaignMessageKey,
  params: Record<string, string | number>,
): Promise<void> {
  const program = (await findProgramById(ctx.tx, app.programId))!;
  await queueMail(ctx.tx, ctx.deps, {
    programId: app.programId,
    template: `campaign.${String(body).replace(/Body$/, '')}`,
    to,
    subject: campaignMailSubject(program, subject),
    text: campaignMailText(program, body, params),
  });
}
