import { addBusinessDays, tokyoInstant } from '../../platform/calendar/index.js';
import type { CommandContext } from '../../platform/command.js';
import type { DemoSeed } from '../../platform/module/manifest.js';
import { logCall } from './commands/log-call.js';
import { submitTally } from './commands/submit-tally.js';
import type { CallerType, Category, Outcome } from './schema.js';

/** A day at the call center: fictional questions, no caller's name or number. */
const CALLS: Array<[string, CallerType, Category, Outcome | '', string, string]> = [
  ['09:05', 'user', 'overview', 'answered', 'キャンペーンの期間を知りたい（デモ）', '期間と対象の宿泊をご案内しました。'],
  ['09:40', 'user', 'facilities', 'answered', '秋保温泉で使える施設は？（デモ）', '施設検索ページの地区・特色での絞り込みをご案内しました。'],
  ['10:15', 'business', 'participation', 'answered', '実績報告のCSVの書き方（デモ）', '事業者マニュアルの該当ページをご案内しました。'],
  ['10:50', 'user', 'overview', '', '', ''],
  ['11:20', 'business', 'application', 'callback', '追加募集の申請書類について（デモ）', '担当者から折り返します。'],
  ['13:10', 'user', 'facilities', 'answered', '販売終了の施設について（デモ）', '割引枠が終了した施設であることをご説明しました。'],
  ['13:45', 'other', 'other', '', '', ''],
  ['14:30', 'user', 'overview', 'answered', '予約後に割引を受けられるか（デモ）', '予約時に施設へ申し出るようご案内しました。'],
  ['15:05', 'business', 'participation', 'city', '割引の対象になる料金の範囲（デモ）', '市に確認のうえ回答します。'],
  ['16:20', 'user', 'overview', '', '', ''],
];

/** Calls' part of the demo: a business day of call logs two business days back, and its daily tally submitted to the City the next morning. */
export async function seedCallsDemo(ctx: CommandContext, seed: DemoSeed): Promise<void> {
  const programId = seed.programs.campaign.id;
  const day = addBusinessDays(seed.today, -2);
  const at = seed.on(day, '17:30');
  for (const [time, callerType, category, outcome, question, answer] of CALLS) {
    const [h, m] = time.split(':').map(Number) as [number, number];
    await logCall(at, programId, { callerType, category, outcome, question, answer, durationSeconds: 120 + h * 7, receivedAt: tokyoInstant(day, h, m).toISOString() });
  }
  await submitTally(seed.on(addBusinessDays(seed.today, -1), '10:00'), programId, 'daily', day);
}
