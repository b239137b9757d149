import { setProgramSettings } from '../../../platform/programs/commands/set-program-settings.js';
import type { CommandContext } from '../../../platform/command.js';
import { programScope } from '../../../platform/vault/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { eventConfig } from '../config.js';
import { lockCounter, takeFreeSeats } from '../seats.js';
import { notifyPromoted } from './notify-promoted.js';

/**
 * Saves the event's settings (validated by the settings registry). A larger capacity gives the
 * new seats to the people waiting, in order, and tells them.
 */
export async function saveEventSetup(ctx: CommandContext, program: Program, pairs: Array<[string, string]>): Promise<Program> {
  await lockCounter(ctx.tx, program.id);
  const updated = await setProgramSettings(ctx, program.slug, pairs);
  const promoted = await takeFreeSeats(ctx.tx, program.id, eventConfig(updated), ctx.now);
  if (promoted.length) await notifyPromoted(ctx, await ctx.deps.vault.box(ctx.tx, programScope(program.id)), updated, promoted);
  return updated;
}
