import { z } from 'zod';
import { settingSchemas as s, type SettingDef } from '../../platform/programs/setting-def.js';
import { syncPool } from './commands/budget.js';
import { sm } from './messages.js';

/** The guide's (手引き) rules and the pool; each change is audited with its before/after values. */
export const SETTLEMENT_SETTINGS: SettingDef[] = [
  { key: 'discountRate', kinds: ['campaign'], schema: s.percent, description: sm('setting.discountRate') },
  { key: 'capPerPersonNight', kinds: ['campaign'], schema: s.yen, description: sm('setting.capPerPersonNight') },
  { key: 'minPricePerPersonNight', kinds: ['campaign'], schema: s.yen, description: sm('setting.minPricePerPersonNight') },
  { key: 'maxNights', kinds: ['campaign'], schema: s.count(1, 365), description: sm('setting.maxNights') },
  {
    key: 'pool',
    kinds: ['campaign'],
    schema: s.yen,
    description: sm('setting.pool'),
    afterChange: (ctx, program) => syncPool(ctx, program),
  },
  { key: 'remitterCode', kinds: ['campaign'], schema: s.digits(10), description: sm('setting.remitterCode') },
  { key: 'remitterName', kinds: ['campaign'], schema: z.string({ message: sm('setting.remitterName.required') }).trim().min(1, sm('setting.remitterName.required')).max(40, sm('setting.remitterName.long')), description: sm('setting.remitterName') },
  { key: 'remitterBankCode', kinds: ['campaign'], schema: s.digits(4), description: sm('setting.remitterBankCode') },
  { key: 'remitterBranchCode', kinds: ['campaign'], schema: s.digits(3), description: sm('setting.remitterBranchCode') },
  { key: 'remitterAccountType', kinds: ['campaign'], schema: z.enum(['ordinary', 'checking'], { message: sm('setting.remitterAccountType.invalid') }), description: sm('setting.remitterAccountType') },
  { key: 'remitterAccountNumber', kinds: ['campaign'], schema: s.digits(7), description: sm('setting.remitterAccountNumber') },
];
