import { requestAccount } from '../../../platform/auth/account-requests.js';
import { chargeAnonymousMail } from '../../../platform/auth/mail-throttle.js';
import { findUserByEmail, emailSchema } from '../../../platform/auth/users.js';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import type { Program } from '../../../platform/programs/schema.js';
import { cm } from '../messages.js';
import { campaignMailSubject, campaignMailText } from './campaign-mail.js';

/**
 * An applicant asks for an account. Nothing is created here: a new address gets a link whose use
 * creates the account (it proves the address and sets the password); an address that already has
 * an account is told to sign in. Either way one mail, charged against the address's and the
 * client's hourly budget (429 beyond it), and the same answer on screen, so the form neither
 * reveals who is registered nor makes accounts or mails without limit.
 */
export async function requestApplicantAccount(ctx: CommandContext, program: Program, emailText: string): Promise<void> {
  const parsed = emailSchema.safeParse(emailText);
  if (!parsed.success) throw new AppError('validation-failed', cm('errEmail'), { fieldErrors: [{ field: 'email', message: cm('errEmail') }] });
  await chargeAnonymousMail(ctx, parsed.data);
  const existing = await findUserByEmail(ctx.tx, parsed.data);
  const base = ctx.deps.config.publicBaseUrl;
  if (existing) {
    await queueMail(ctx.tx, ctx.deps, {
      programId: null,
      template: 'campaign.account_exists',
      to: existing.email,
      subject: campaignMailSubject(program, 'accountExistsSubject'),
      text: campaignMailText(program, 'accountExistsBody', { link: `${base}/login?next=/${program.slug}/business`, forgot: `${base}/password/forgot` }),
    });
    ctx.audit({ action: 'campaign.applicant.account_reminded', programId: program.id, targetType: 'user', targetId: existing.id });
    return;
  }
  await requestAccount(ctx, {
    email: parsed.data,
    programId: program.id,
    role: 'business',
    landing: `/${program.slug}/business`,
    mail: { template: 'campaign.account_link', subject: campaignMailSubject(program, 'accountLinkSubject'), text: (link) => campaignMailText(program, 'accountLinkBody', { link }) },
  });
}
