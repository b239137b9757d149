import { findUserByEmail, emailSchema } from '../../../platform/auth/users.js';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import type { Program } from '../../../platform/programs/schema.js';
import { cm } from '../messages.js';
import { ensureBusinessUser } from './business-user.js';

/**
 * An applicant asks for an account: a new address gets an invitation whose link confirms it and
 * sets the password; an address that already has an account is told to sign in. The answer on
 * screen is the same either way, so the form does not reveal who is registered.
 */
export async function requestApplicantAccount(ctx: CommandContext, program: Program, emailText: string): Promise<void> {
  const parsed = emailSchema.safeParse(emailText);
  if (!parsed.success) throw new AppError('validation-failed', cm('errEmail'), { fieldErrors: [{ field: 'email', message: cm('errEmail') }] });
  const existing = await findUserByEmail(ctx.tx, parsed.data);
  if (existing) {
    const base = ctx.deps.config.publicBaseUrl;
    await queueMail(ctx.tx, ctx.deps, {
      programId: null,
      template: 'campaign.account_exists',
      to: existing.email,
      subject: cm('accountExistsSubject'),
      text: cm('accountExistsBody', { link: `${base}/login?next=/${program.slug}/business`, forgot: `${base}/password/forgot` }),
    });
    ctx.audit({ action: 'campaign.applicant.account_reminded', programId: program.id, targetType: 'user', targetId: existing.id });
    return;
  }
  await ensureBusinessUser(ctx, program.id, parsed.data);
}
