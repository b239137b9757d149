import type { CommandContext } from '../../../platform/command.js';
import type { DemoSeed } from '../../../platform/module/manifest.js';
import { applyPreset } from './schedule/commands.js';

/**
 * The plan's part of the demo: the campaign's work schedule from its preset, so the Gantt chart
 * shows the contract's course. The exchange meeting's is left empty for a newcomer to make from
 * its preset (「ひな形から作成」).
 */
export async function seedPlanDemo(ctx: CommandContext, seed: DemoSeed): Promise<void> {
  await applyPreset(ctx, seed.programs.campaign.id);
}
