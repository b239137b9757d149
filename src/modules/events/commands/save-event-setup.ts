import { setProgramSettings } from '../../../platform/programs/commands/set-program-settings.js';
import type { CommandContext } from '../../../platform/command.js';
import type { Program } from '../../../platform/programs/schema.js';

/**
 * Saves the event's settings (validated by the settings registry). A larger capacity gives the
 * new seats to the people waiting, in order, and tells them: the capacity settings' own hook
 * (promoteWaitlist), which `jimukyoku program set` runs the same way.
 */
export async function saveEventSetup(ctx: CommandContext, program: Program, pairs: Array<[string, string]>): Promise<Program> {
  return setProgramSettings(ctx, program.slug, pairs);
}
