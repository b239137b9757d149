import type { CommandContext } from '../../../platform/command.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import { cm, type CampaignMessageKey } from '../messages.js';
import type { Application } from '../schema.js';

/**
 * Mails the applicant's contact address, in the caller's transaction. The subject is fixed text;
 * the body carries only the applicant's own data.
 */
export async function queueApplicantMail(
  ctx: CommandContext,
  app: Application,
  to: string,
  subject: CampaignMessageKey,
  body: CampaignMessageKey,
  params: Record<string, string | number>,
): Promise<void> {
  await queueMail(ctx.tx, ctx.deps, { programId: app.programId, template: `campaign.${String(body).replace(/Body$/, '')}`, to, subject: cm(subject), text: cm(body, params) });
}
