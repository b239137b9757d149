import { z } from 'zod';
import { settingSchemas as s, type SettingDef } from '../../platform/programs/setting-def.js';
import { promoteWaitlist } from './commands/promote-waitlist.js';

/** `none` (or empty) means no limit. */
const optionalLimit = z.union([z.enum(['none', '']).transform(() => null), s.count(0)]);

const E = ['event'] as Array<'event'>;

/** A capacity change, from the setup form or `program set`: seats it frees go to the people waiting. */
const promoteAfterCapacityChange: SettingDef['afterChange'] = async (ctx, program) => {
  await promoteWaitlist(ctx, program);
};

/** Settings keys of the events module (documented in docs/modules/events.md). */
export const EVENTS_SETTINGS: SettingDef[] = [
  { key: 'eventDate', kinds: E, schema: s.isoDate, description: '開催日 (YYYY-MM-DD)' },
  { key: 'startTime', kinds: E, schema: s.time, description: '開始時刻 (HH:MM)' },
  { key: 'endTime', kinds: E, schema: s.time, description: '終了時刻 (HH:MM)' },
  { key: 'registrationOpens', kinds: E, schema: s.isoDate, description: '申込受付の開始日 (YYYY-MM-DD、この日の0時から)' },
  { key: 'registrationCloses', kinds: E, schema: s.isoDate, description: '申込受付の締切日 (YYYY-MM-DD、この日の24時まで)' },
  { key: 'capacity', kinds: E, schema: s.count(1), description: '会場参加の定員（超えた申込はキャンセル待ち。増やすとキャンセル待ちの方を受付順に繰り上げ）', afterChange: promoteAfterCapacityChange },
  { key: 'onlineCapacity', kinds: E, schema: optionalLimit, description: 'オンライン視聴の定員（none で上限なし。増やすとキャンセル待ちの方を繰り上げ）', afterChange: promoteAfterCapacityChange },
  { key: 'onlineEnabled', kinds: E, schema: s.bool, description: 'オンライン視聴を行うか (true/false)' },
  { key: 'onlineUrl', kinds: E, schema: s.url, description: '視聴URL（オンライン参加の登録者にだけ通知）' },
  { key: 'titleEn', kinds: E, schema: s.text(200), description: '英語の催し名' },
  { key: 'summary', kinds: E, schema: s.text(2000), description: '催しの概要（日本語）' },
  { key: 'summaryEn', kinds: E, schema: s.text(2000), description: '催しの概要（英語）' },
  { key: 'venueName', kinds: E, schema: s.text(200), description: '会場名' },
  { key: 'venueNameEn', kinds: E, schema: s.text(200), description: '会場名（英語）' },
  { key: 'venueAddress', kinds: E, schema: s.text(300), description: '会場の所在地' },
  { key: 'venueAccess', kinds: E, schema: s.text(1000), description: '会場への交通手段' },
  { key: 'venueAccessEn', kinds: E, schema: s.text(1000), description: '会場への交通手段（英語）' },
  { key: 'venueAccessibility', kinds: E, schema: s.text(1000), description: '会場のバリアフリー情報' },
  { key: 'venueAccessibilityEn', kinds: E, schema: s.text(1000), description: '会場のバリアフリー情報（英語）' },
  { key: 'applyEmail', kinds: E, schema: s.email, description: 'メール申込の宛先' },
  { key: 'applyFax', kinds: E, schema: z.string().trim().regex(/^[0-9-]{10,13}$/, 'FAX番号を数字とハイフンで指定してください'), description: 'FAX申込の宛先番号' },
  { key: 'reminderDaysBefore', kinds: E, schema: s.count(1), description: '開催の何日前にリマインダーを送るか（既定 3）' },
  { key: 'groupSize', kinds: E, schema: s.count(2), description: 'グループ交流の1グループの人数（既定 6）' },
];
