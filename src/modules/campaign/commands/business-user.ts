import { grantRole } from '../../../platform/auth/grant-role.js';
import { sendPasswordLink } from '../../../platform/auth/password-reset.js';
import { createUser, findUserByEmail } from '../../../platform/auth/users.js';
import type { User } from '../../../platform/auth/schema.js';
import type { CommandContext } from '../../../platform/command.js';

/**
 * The business account for an e-mail address in a program: an existing account gets the
 * `business` role there through the platform's audited grant (which ends that account's sessions
 * when the role is new); a new one is created without a password and invited to set one (the
 * link in the mail also confirms the address).
 */
export async function ensureBusinessUser(ctx: CommandContext, programId: number, email: string): Promise<{ user: User; invited: boolean }> {
  const existing = await findUserByEmail(ctx.tx, email);
  if (existing) {
    await grantRole(ctx, { userId: existing.id, role: 'business', programId });
    return { user: existing, invited: false };
  }
  const { user } = await createUser(ctx, { email, role: 'business', programId });
  await sendPasswordLink(ctx, user, 'invite');
  return { user, invited: true };
}
