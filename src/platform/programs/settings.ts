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
  { key: 'startsOn', kinds: BOTH, schema: isoDate, description: m('ja', 'descStartsOn') },
  { key: 'endsOn', kinds: BOTH, schema: isoDate, description: m('ja', 'descEndsOn') },
  { key: 'client', kinds: BOTH, schema: partyName, description: m('ja', 'descClient') },
  { key: 'contractor', kinds: BOTH, schema: partyName, description: m('ja', 'descContractor') },
  {
    key: 'requireTwoFactor',
    kinds: BOTH,
    schema: s.bool,
    description: m('ja', 'descRequireTwoFactor'),
  },
  { key: 'contactEmail', kinds: BOTH, schema: z.string().trim().email(m('ja', 'errEmail')), description: m('ja', 'descContactEmail') },
  { key: 'contactPhone', kinds: BOTH, schema: z.string().trim().regex(/^[0-9-]{10,13}$/, m('ja', 'errPhone')), description: m('ja', 'descContactPhone') },
];

/** Columns of the programs table that `program set` may also change. */
export const COLUMN_SETTINGS = ['name', 'startsOn', 'endsOn', 'client', 'contractor'] as const;

export function findSetting(settings: readonly SettingDef[], key: string, kind: Program['kind']): SettingDef | undefined {
  return settings.find((d) => d.key === key && d.kinds.includes(kind));
}
