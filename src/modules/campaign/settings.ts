import { z } from 'zod';
import { isIsoDate } from '../../platform/calendar/index.js';
import type { SettingDef } from '../../platform/programs/settings.js';

const isoDate = z.string().trim().refine(isIsoDate, 'YYYY-MM-DD 形式の実在する日付で指定してください');
const text = (max: number) => z.string().max(max, `${max}文字以内で指定してください`);
/** A `|`-separated list (e.g. `駐車場|温泉`), stored as an array. */
const list = z
  .string()
  .transform((s) => s.split('|').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(40, '各項目は40文字以内で指定してください')).max(50, '50項目以内で指定してください'));
const attachments = z
  .string()
  .transform((s) => s.split(/[|,]/).map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(['license', 'photo'], { message: 'license または photo を指定してください' })));

const C = ['campaign'] as Array<'campaign'>;

/** Settings keys of the campaign module (documented in docs/modules/campaign.md). Dates are Asia/Tokyo, inclusive. */
export const CAMPAIGN_SETTINGS: SettingDef[] = [
  { key: 'applicationOpens', kinds: C, schema: isoDate, description: '参加申請の受付開始日 (YYYY-MM-DD、この日の0時から)' },
  { key: 'applicationCloses', kinds: C, schema: isoDate, description: '参加申請の受付終了日 (YYYY-MM-DD、この日の24時まで。キャンペーン開始日以降は受け付けない)' },
  { key: 'campaignStarts', kinds: C, schema: isoDate, description: 'キャンペーン期間の開始日 (YYYY-MM-DD)' },
  { key: 'campaignEnds', kinds: C, schema: isoDate, description: 'キャンペーン期間の終了日 (YYYY-MM-DD)' },
  { key: 'registryDeadline', kinds: C, schema: isoDate, description: '参加事業者データ（確定データ）の発注者への納品期限 (YYYY-MM-DD)' },
  { key: 'termsText', kinds: C, schema: text(20000), description: '募集要項の本文（空行で段落を分ける）' },
  { key: 'manualText', kinds: C, schema: text(50000), description: '参加事業者用マニュアルの本文（「# 」で始まる行は見出し）' },
  { key: 'requiredAttachments', kinds: C, schema: attachments, description: '申請に必須の添付書類 (license|photo、既定 license)' },
  { key: 'facilityFeatures', kinds: C, schema: list, description: '施設の特色の選択肢 (| 区切り)' },
];
