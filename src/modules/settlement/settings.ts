import { z } from 'zod';
import { settingSchemas as s, type SettingDef } from '../../platform/programs/setting-def.js';
import { syncPool } from './commands/budget.js';

/** The guide's (手引き) rules and the pool; each change is audited with its before/after values. */
export const SETTLEMENT_SETTINGS: SettingDef[] = [
  { key: 'discountRate', kinds: ['campaign'], schema: s.percent, description: '割引率（%）。既定 50' },
  { key: 'capPerPersonNight', kinds: ['campaign'], schema: s.yen, description: '1人1泊あたりの割引上限額（円）。既定 5000' },
  { key: 'minPricePerPersonNight', kinds: ['campaign'], schema: s.yen, description: '対象となる1人1泊あたりの最低宿泊料金（円、税込）。既定 3000' },
  { key: 'maxNights', kinds: ['campaign'], schema: s.count(1, 365), description: '1予約あたりの対象泊数の上限。既定 7' },
  {
    key: 'pool',
    kinds: ['campaign'],
    schema: s.yen,
    description: '割引相当分の原資（円）。既定 120000000（120,000千円）。配分済みの額より小さくはできない',
    afterChange: (ctx, program) => syncPool(ctx, program),
  },
  { key: 'remitterCode', kinds: ['campaign'], schema: s.digits(10), description: '総合振込の振込依頼人コード（銀行から付与される10桁）' },
  { key: 'remitterName', kinds: ['campaign'], schema: z.string().trim().min(1, '振込依頼人名を指定してください').max(40, '40文字以内で指定してください'), description: '振込依頼人名（カナ。半角カナに変換して使う）' },
  { key: 'remitterBankCode', kinds: ['campaign'], schema: s.digits(4), description: '振込元の銀行コード（4桁）' },
  { key: 'remitterBranchCode', kinds: ['campaign'], schema: s.digits(3), description: '振込元の支店コード（3桁）' },
  { key: 'remitterAccountType', kinds: ['campaign'], schema: z.enum(['ordinary', 'checking'], { message: 'ordinary（普通）または checking（当座）を指定してください' }), description: '振込元の預金種目: ordinary（普通）または checking（当座）' },
  { key: 'remitterAccountNumber', kinds: ['campaign'], schema: s.digits(7), description: '振込元の口座番号（7桁）' },
];
