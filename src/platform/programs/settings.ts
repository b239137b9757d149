import { z } from 'zod';
import { programSettingMessages as m } from './messages.js';
import type { Program } from './schema.js';
import { settingSchemas as s, type SettingDef } from './setting-def.js';

export type { SettingDef } from './setting-def.js';

const partyName = z.string().trim().min(1, m('ja', 'errPartyName')).max(100, m('ja', 'errPartyName'));
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, m('ja', 'errDateFormat'))
  .refine((v) => !Number.isNaN(Date.parse(v + 'T00:00:00Z')) && new Date(v + 'T00:00:00Z').toISOString().startsWith(v), m('ja', 'errDateMissing'));
const BOTH: Array<Program['kind']> = ['campaign', 'event'];

/** Keys every program has, whatever modules are installed. */
export const COMMON_SETTINGS: SettingDef[] = [
  { key: 'startsOn', kinds: BOTH, schema: isoDate, description: '契約期間の開始日 (YYYY-MM-DD)' },
  { key: 'endsOn', kinds: BOTH, schema: isoDate, description: '契約期間の終了日 (YYYY-MM-DD)' },
  { key: 'client', kinds: BOTH, schema: partyName, description: '発注者名' },
  { key: 'contractor', kinds: BOTH, schema: partyName, description: '受注者名' },
  {
    key: 'requireTwoFactor',
    kinds: BOTH,
    schema: s.bool,
    description: 'true にすると、この事業の職員ロール (operator, agent, city) に二要素認証を必須とする (admin は常に必須)',
  },
  { key: 'contactEmail', kinds: BOTH, schema: z.string().trim().email(m('ja', 'errEmail')), description: '公開ページ（キャンペーンサイトのお問い合わせページ、交流会の催しページ）に表示する事務局のメールアドレス' },
  { key: 'contactPhone', kinds: BOTH, schema: z.string().trim().regex(/^[0-9-]{10,13}$/, m('ja', 'errPhone')), description: '公開ページ（キャンペーンサイトのお問い合わせページ、交流会の催しページ）に表示する事務局の電話番号' },
];

/** Columns of the programs table that `program set` may also change. */
export const COLUMN_SETTINGS = ['name', 'startsOn', 'endsOn', 'client', 'contractor'] as const;

export function findSetting(settings: readonly SettingDef[], key: string, kind: Program['kind']): SettingDef | undefined {
  return settings.find((d) => d.key === key && d.kinds.includes(kind));
}
