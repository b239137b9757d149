import { z } from 'zod';
import { settingSchemas as s, type SettingDef } from '../../platform/programs/setting-def.js';
import { cm } from './messages.js';

const attachments = z
  .string()
  .transform((v) => v.split(/[|,]/).map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(['license', 'photo'], { message: cm('errAttachments') })));

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;

/**
 * English names of features: `温泉=Hot spring|駐車場=Parking` (or one pair a line), stored as
 * `{ 温泉: 'Hot spring', … }`. The English side carries no Japanese.
 */
export const featureNamesEnSchema = z
  .string()
  .transform((v) => v.split(/[|\n]/).map((x) => x.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.string().max(100, cm('errFeatureEn')).refine((x) => /^[^=]+=[^=]+$/.test(x) && !JAPANESE.test(x.split('=')[1]!), cm('errFeatureEn')))
      .max(50, cm('errFeatureEn')),
  )
  .transform((pairs) => Object.fromEntries(pairs.map((x) => x.split('=').map((y) => y.trim()) as [string, string])));

const C = ['campaign'] as Array<'campaign'>;

/** Settings keys of the campaign module (documented in docs/modules/campaign.md). Dates are Asia/Tokyo, inclusive. */
export const CAMPAIGN_SETTINGS: SettingDef[] = [
  { key: 'applicationOpens', kinds: C, schema: s.isoDate, description: '参加申請の受付開始日 (YYYY-MM-DD、この日の0時から)' },
  { key: 'applicationCloses', kinds: C, schema: s.isoDate, description: '参加申請の受付終了日 (YYYY-MM-DD、この日の24時まで。キャンペーン開始日以降は受け付けない)' },
  { key: 'campaignStarts', kinds: C, schema: s.isoDate, description: 'キャンペーン期間の開始日 (YYYY-MM-DD)' },
  { key: 'campaignEnds', kinds: C, schema: s.isoDate, description: 'キャンペーン期間の終了日 (YYYY-MM-DD)' },
  { key: 'registryDeadline', kinds: C, schema: s.isoDate, description: '参加事業者データ（確定データ）の発注者への納品期限 (YYYY-MM-DD)' },
  { key: 'termsText', kinds: C, schema: s.text(20000, { keepSpaces: true }), description: '募集要項の本文（空行で段落を分ける）' },
  { key: 'manualText', kinds: C, schema: s.text(50000, { keepSpaces: true }), description: '参加事業者用マニュアルの本文（「# 」で始まる行は見出し）' },
  { key: 'requiredAttachments', kinds: C, schema: attachments, description: '申請に必須の添付書類 (license|photo、既定 license)' },
  { key: 'facilityFeatures', kinds: C, schema: s.list(), description: '施設の特色の選択肢 (| 区切り)' },
  { key: 'facilityFeaturesEn', kinds: C, schema: featureNamesEnSchema, description: '特色の英語名（英語のページに表示。「温泉=Hot spring|駐車場=Parking」の形、| 区切り）' },
];
