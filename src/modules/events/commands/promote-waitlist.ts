import type { CommandContext } from '../../../platform/command.js';
import type { Program } from '../../../platform/programs/schema.js';
import { programScope } from '../../../platform/vault/index.js';
import type { EventRegistration } from '../schema.js';
import { eventConfig } from '../config.js';
import { lockCounter, takeFreeSeats } from '../seats.js';
import { notifyPromoted } from './notify-promoted.js';

/**
 * Gives the seats the event's capacity now leaves free to the people waiting, first come first
 * served, and tells them (mail or a printed notice, each audited). Run after a capacity change,
 * whoever makes it — the back-office setup form and `jimukyoku program set` alike, through the
 * capacity settings' afterChange hook (settings.ts) — in the change's transaction. Takes the
 * roster lock after the program's, as every settings change does, so the two never deadlock.
 */
export async function promoteWaitlist(ctx: CommandContext, program: Program): Promise<EventRegistration[]> {
  await lockCounter(ctx.tx, program.id);
  const promoted = await takeFreeSeats(ctx.tx, program.id, eventConfig(program), ctx.now);
  if (promoted.length) await notifyPromoted(ctx, await ctx.deps.vault.box(ctx.tx, programScope(program.id)), program, promoted);
  return promoted;
}
