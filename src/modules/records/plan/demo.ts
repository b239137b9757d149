import type { CommandContext } from '../../../platform/command.js';
import type { DemoSeed } from '../../../platform/module/manifest.js';
import { applyPreset } from './schedule/commands.js';

/** The plan's part of the demo: both programs' work schedules from their presets, so the Gantt chart shows the contract's course. */
export async function seedPlanDemo(ctx: CommandContext, seed: DemoSeed): Promise<void> {
  await applyPreset(ctx, seed.programs.campaign.id);
  await applyPreset(ctx, seed.programs.event.id);
}
