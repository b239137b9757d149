import { z } from 'zod';
import type { CommandContext } from '../../platform/command.js';
import { programSettingMessages as m } from './messages.js';
import type { Program } from './schema.js';
import { CAMPAIGN_SETTINGS } from '../campaign/settings.js';
import { EVENTS_SETTINGS } from '../events/settings.js';
import { SETTLEMENT_SETTINGS } from '../settlement/settings.js';
import { SITE_SETTINGS } from '../site/settings.js';

/**
 * The settings a program accepts, by key. A module adds its keys to SETTINGS here (one explicit
 * list, no registration side effects); README.md documents each key.
 */
export interface SettingDef {
  key: string;
  kinds: Array<Program['kind']>;
  /** Parses the text given on the CLI or in a form into the stored value. */
  schema: z.ZodType;
  description: string;
  /** Runs in the same transaction after the change, with the updated program; throwing undoes it. */
  afterChange?: (ctx: CommandContext, program: Program) => Promise<void>;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, m('ja', 'errDateFormat'))
  .refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s), m('ja', 'errDateMissing'));
const bool = z.enum(['true', 'false'], { message: m('ja', 'errBool') }).transform((v) => v === 'true');
const partyName = z.string().trim().min(1, m('ja', 'errPartyName')).max(100, m('ja', 'errPartyName'));

export const SETTINGS: SettingDef[] = [
  { key: 'startsOn', kinds: ['campaign', 'event'], schema: isoDate, description: '契約期間の開始日 (YYYY-MM-DD)' },
  { key: 'endsOn', kinds: ['campaign', 'event'], schema: isoDate, description: '契約期間の終了日 (YYYY-MM-DD)' },
  { key: 'client', kinds: ['campaign', 'event'], schema: partyName, description: '発注者名' },
  { key: 'contractor', kinds: ['campaign', 'event'], schema: partyName, description: '受注者名' },
  {
    key: 'requireTwoFactor',
    kinds: ['campaign', 'event'],
    schema: bool,
    description: 'true にすると、この事業の職員ロール (operator, agent, city) に二要素認証を必須とする (admin は常に必須)',
  },
  { key: 'contactEmail', kinds: ['campaign', 'event'], schema: z.string().trim().email(m('ja', 'errEmail')), description: '公開ページ（キャンペーンサイトのお問い合わせページ、交流会の催しページ）に表示する事務局のメールアドレス' },
  { key: 'contactPhone', kinds: ['campaign', 'event'], schema: z.string().trim().regex(/^[0-9-]{10,13}$/, m('ja', 'errPhone')), description: '公開ページ（キャンペーンサイトのお問い合わせページ、交流会の催しページ）に表示する事務局の電話番号' },
  ...CAMPAIGN_SETTINGS,
  ...EVENTS_SETTINGS,
  ...SETTLEMENT_SETTINGS,
  ...SITE_SETTINGS,
];

/** Columns of the programs table that `program set` may also change. */
export const COLUMN_SETTINGS = ['name', 'startsOn', 'endsOn', 'client', 'contractor'] as const;

export function findSetting(key: string, kind: Program['kind']): SettingDef | undefined {
  return SETTINGS.find((s) => s.key === key && s.kinds.includes(kind));
}
