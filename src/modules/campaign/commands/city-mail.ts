import { programMemberEmails } from '../../../platform/auth/memberships.js';
import type { CommandContext } from '../../../platform/command.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import { findProgramById } from '../../../platform/programs/queries.js';
import { cm } from '../messages.js';
import type { Application } from '../schema.js';

/**
 * Tells the program's City staff at once that an application waits for their answer, in the
 * caller's transaction. Only the application's number and a link: the question and the
 * applicant's data stay behind the sign-in.
 */
export async function mailCityOfEscalation(ctx: CommandContext, app: Application): Promise<void> {
  const program = await findProgramById(ctx.tx, app.programId);
  if (!program) return;
  const link = `${ctx.deps.config.publicBaseUrl}/admin/campaign/applications/${app.id}`;
  const subject = cm('cityEscalatedSubject', { program: program.name, number: app.number ?? '' });
  const text = cm('cityEscalatedBody', { program: program.name, number: app.number ?? '', link, inbox: `${ctx.deps.config.publicBaseUrl}/admin/inbox` });
  for (const to of await programMemberEmails(ctx.tx, app.programId, 'city')) {
    await queueMail(ctx.tx, ctx.deps, { programId: app.programId, template: 'campaign.city_escalated', to, subject, text, lang: 'ja' });
  }
}
