import type { CommandContext } from '../../platform/command.js';
import type { DemoSeed } from '../../platform/module/manifest.js';
import { addDays } from '../../platform/calendar/index.js';
import { pdfToBuffer } from '../../platform/pdf/index.js';
import { attachGeneratedVersion } from './commands/attach-generated-version.js';
import { seedRegister } from './commands/seed-register.js';
import { sendRound } from './commands/send-round.js';

/**
 * Deliverables' part of the demo: both programs' registers, and the campaign's flyer (チラシ) with
 * its first version sent to the City for proof (校正中).
 */
export async function seedDeliverablesDemo(ctx: CommandContext, seed: DemoSeed): Promise<void> {
  await seedRegister(ctx, seed.programs.event);
  const bytes = await pdfToBuffer((doc) => {
    doc.font('jp-bold').fontSize(20).text('【デモ】仙台市宿泊促進キャンペーン');
    doc.font('jp').fontSize(12).text('チラシ（A4）初校。デモ用の架空の原稿です。');
  }, { title: 'チラシ 初校（デモ）' });
  const at = seed.on(addDays(seed.today, -3), '16:00');
  const { deliverableId, version } = await attachGeneratedVersion(at, { programId: seed.programs.campaign.id, key: 'flyer', filename: 'flyer-demo-v1.pdf', bytes, note: '初校（デモ）' });
  await sendRound(at, deliverableId, { version });
}
