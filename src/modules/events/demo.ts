import { addDays, tokyoDate } from '../../platform/calendar/index.js';
import type { CommandContext } from '../../platform/command.js';
import { findProgramById } from '../../platform/programs/queries.js';
import { addProgramItem } from './commands/program-items.js';
import { registerParticipant } from './commands/register-participant.js';
import { saveEventSetup } from './commands/save-event-setup.js';

const ITEMS = [
  { startTime: '14:00', minutes: 30, title: '話題提供「町内会運営のデジタル化」', titleEn: 'Talk: digital tools for neighbourhood associations', speakers: '講師：東北デモ大学 准教授 青葉 一郎\n司会：事務局 宮城野 さくら', streamed: true },
  { startTime: '14:30', minutes: 40, title: '活動事例発表・質疑応答・クロストーク', titleEn: 'Case reports, questions and cross-talk', speakers: 'パネリスト：デモ台町内会 会長 若林 健\nパネリスト：デモ原連合町内会 事務局長 泉 由美\nパネリスト：デモ丘自治会 副会長 太白 誠', streamed: true },
  { startTime: '15:10', minutes: 40, title: '参加者による情報交換（グループ）', titleEn: 'Group exchange among participants', speakers: 'ファシリテーター：各グループ1名', streamed: false },
  { startTime: '15:50', minutes: 10, title: 'まとめ', titleEn: 'Wrap-up', speakers: '講師：東北デモ大学 准教授 青葉 一郎', streamed: true },
];

const ORGS = ['デモ台町内会', 'デモ原連合町内会', 'デモ丘自治会', 'デモ川町内会', 'デモ森町内会', 'デモ浜町内会'];
const FAMILY = [['青葉', 'あおば'], ['若林', 'わかばやし'], ['宮城野', 'みやぎの'], ['太白', 'たいはく'], ['泉', 'いずみ'], ['秋保', 'あきう'], ['作並', 'さくなみ']] as const;
const GIVEN = [['花子', 'はなこ'], ['太郎', 'たろう'], ['美咲', 'みさき'], ['健一', 'けんいち'], ['由美', 'ゆみ'], ['誠', 'まこと']] as const;
const CHANNELS = ['web', 'web', 'web', 'email', 'fax', 'web', 'phone', 'web', 'post', 'web'] as const;

/**
 * Fills the demo exchange meeting: settings, the two-hour programme, and about 20 registrations
 * of fictional people from fictional 町内会, through every channel (all addresses `.invalid`).
 */
export async function seedEventDemo(ctx: CommandContext, programId: number): Promise<void> {
  let program = (await findProgramById(ctx.tx, programId))!;
  const today = tokyoDate(ctx.now);
  program = await saveEventSetup(ctx, program, [
    ['eventDate', addDays(today, 30)],
    ['startTime', '14:00'],
    ['endTime', '16:00'],
    ['registrationOpens', addDays(today, -14)],
    ['registrationCloses', addDays(today, 21)],
    ['capacity', '14'],
    ['onlineCapacity', 'none'],
    ['onlineEnabled', 'true'],
    ['onlineUrl', 'https://meet.demo.jimukyoku.invalid/koryukai'],
    ['titleEn', '[Demo] Exchange meeting on diverse ways of running neighbourhood associations'],
    ['summary', '町内会等の運営の効率化（デジタル化など）について、講師の話題提供と活動事例の発表を聞き、参加者どうしで情報交換する交流会です（デモ）。'],
    ['summaryEn', 'An exchange meeting on running neighbourhood associations more easily, including digital tools: a talk, case reports and a group exchange (demo).'],
    ['venueName', 'せんだいメディアテーク 1階 オープンスクエア'],
    ['venueAddress', '仙台市青葉区春日町2-1'],
    ['venueAccess', '地下鉄南北線「勾当台公園駅」公園2出口から徒歩約6分'],
    ['venueAccessEn', 'About 6 minutes on foot from Kotodai-koen Station (Namboku Line), exit Koen 2'],
    ['venueAccessibility', '会場は1階で段差はありません。多目的トイレ、エレベーターがあります。手話通訳・要約筆記が必要な方は申込時にお知らせください。'],
    ['venueAccessibilityEn', 'The venue is on the ground floor with step-free access, an accessible toilet and lifts. Tell us when you apply if you need sign language or captions.'],
    ['applyEmail', 'koryukai@demo.jimukyoku.invalid'],
    ['applyFax', '022-000-0000'],
    ['contactPhone', '022-000-0001'],
    ['contactEmail', 'koryukai@demo.jimukyoku.invalid'],
  ]);
  for (const item of ITEMS) await addProgramItem(ctx, programId, item);
  for (let i = 0; i < 20; i++) {
    const [family, familyKana] = FAMILY[i % FAMILY.length]!;
    const [given, givenKana] = GIVEN[i % GIVEN.length]!;
    const channel = CHANNELS[i % CHANNELS.length]!;
    const paper = channel === 'fax' || channel === 'post' || channel === 'phone';
    await registerParticipant(
      ctx,
      program,
      {
        name: `${family} ${given}`,
        nameKana: `${familyKana} ${givenKana}`,
        organization: ORGS[i % ORGS.length],
        orgRole: i % 3 === 0 ? '会長' : i % 3 === 1 ? '役員' : '会員',
        email: paper ? '' : `demo${i + 1}@demo.jimukyoku.invalid`,
        phone: channel === 'phone' || channel === 'post' ? `022-000-${String(1000 + i)}` : '',
        fax: channel === 'fax' ? `022-000-${String(2000 + i)}` : '',
        attendance: i % 5 === 4 ? 'online' : 'venue',
        accommodations: i === 2 ? ['wheelchair'] : i === 7 ? ['hearing'] : [],
        channel,
        receivedOn: today,
      },
      { staff: true },
    );
  }
}
