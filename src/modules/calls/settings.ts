import { z } from 'zod';
import { settingSchemas as s, type SettingDef } from '../../platform/programs/setting-def.js';
import { programSetting } from '../../platform/programs/queries.js';
import type { Program } from '../../platform/programs/schema.js';

const C = ['campaign'] as Array<'campaign'>;

const hours = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, '受付時間は 09:00-17:00 の形で指定してください')
  .refine((v) => v.slice(0, 5) < v.slice(6), '受付時間の終わりは始まりより後にしてください');

/** Settings keys of the call center (documented in docs/modules/calls.md and README). */
export const CALLS_SETTINGS: SettingDef[] = [
  { key: 'callCenterPhone', kinds: C, schema: s.phone, description: 'コールセンターの電話番号（公開のお問い合わせページに表示）' },
  { key: 'callCenterUserOpens', kinds: C, schema: s.isoDate, description: '利用者（旅行者）向け受付の開始日 (YYYY-MM-DD)' },
  { key: 'callCenterUserCloses', kinds: C, schema: s.isoDate, description: '利用者（旅行者）向け受付の終了日 (YYYY-MM-DD)' },
  { key: 'callCenterBusinessOpens', kinds: C, schema: s.isoDate, description: '事業者向け受付の開始日 (YYYY-MM-DD)' },
  { key: 'callCenterBusinessCloses', kinds: C, schema: s.isoDate, description: '事業者向け受付の終了日 (YYYY-MM-DD)' },
  { key: 'callCenterHours', kinds: C, schema: hours, description: '受付時間（既定 09:00-17:00）' },
  { key: 'callCenterDays', kinds: C, schema: z.enum(['weekdays', 'all'], { message: 'weekdays（平日のみ）か all（毎日）を指定してください' }), description: '受付日：weekdays（平日、既定）または all（土日祝日も）' },
  { key: 'callCenterLines', kinds: C, schema: s.count(1, 100), description: '通常の回線数（既定 2、仕様書の下限）' },
  { key: 'callCenterPeakLines', kinds: C, schema: s.count(1, 100), description: '開始前後の繁忙期の回線数（既定 3）' },
  { key: 'callCenterPeakFrom', kinds: C, schema: s.isoDate, description: '繁忙期14日間の初日 (YYYY-MM-DD)' },
];

export interface CallCenterConfig {
  phone: string | null;
  userOpens: string | null;
  userCloses: string | null;
  businessOpens: string | null;
  businessCloses: string | null;
  hours: string;
  days: 'weekdays' | 'all';
  lines: number;
  peakLines: number;
  peakFrom: string | null;
}

export function callCenterConfig(p: Program): CallCenterConfig {
  return {
    phone: programSetting<string | null>(p, 'callCenterPhone', null),
    userOpens: programSetting<string | null>(p, 'callCenterUserOpens', null),
    userCloses: programSetting<string | null>(p, 'callCenterUserCloses', null),
    businessOpens: programSetting<string | null>(p, 'callCenterBusinessOpens', null),
    businessCloses: programSetting<string | null>(p, 'callCenterBusinessCloses', null),
    hours: programSetting(p, 'callCenterHours', '09:00-17:00'),
    days: programSetting<'weekdays' | 'all'>(p, 'callCenterDays', 'weekdays'),
    lines: programSetting(p, 'callCenterLines', 2),
    peakLines: programSetting(p, 'callCenterPeakLines', 3),
    peakFrom: programSetting<string | null>(p, 'callCenterPeakFrom', null),
  };
}
