import type { CommandContext } from '../../platform/command.js';
import type { DemoSeed } from '../../platform/module/manifest.js';
import { seedApprovedStaff } from './commands/staff.js';

/**
 * Privacy's part of the demo: the staff rosters as the City would have approved them
 * (enforceStaffRoster is on by default) — the campaign's admin, operator and agent, the exchange
 * meeting's admin and operator.
 */
export async function seedPrivacyDemo(ctx: CommandContext, seed: DemoSeed): Promise<void> {
  const { admin, operator, agent } = seed.users;
  await seedApprovedStaff(ctx, seed.programs.campaign.id, [
    { userId: admin, kind: 'officer' },
    { userId: operator, kind: 'manager' },
    { userId: agent, kind: 'worker' },
  ]);
  await seedApprovedStaff(ctx, seed.programs.event.id, [
    { userId: admin, kind: 'officer' },
    { userId: operator, kind: 'manager' },
  ]);
}
