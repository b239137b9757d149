import { z } from 'zod';
import type { SettingDef } from '../../platform/programs/settings.js';
import { syncPool } from './commands/budget.js';

const yen = z.string().regex(/^\d+$/, '0以上の整数（円）で指定してください').transform(Number).pipe(z.number().int().min(0).max(10_000_000_000));
const percent = z.string().regex(/^\d+$/, '0〜100の整数で指定してください').transform(Number).pipe(z.number().int().min(0).max(100));
const positive = z.string().regex(/^\d+$/, '1以上の整数で指定してください').transform(Number).pipe(z.number().int().min(1).max(365));

const digits = (n: number) => z.string().regex(new RegExp(`^\\d{${n}}$`), `${n}桁の数字で指定してください`);

/** The guide's (手引き) rules and the pool; each change is audited with its before/after values. */
export const SETTLEMENT_SETTINGS: SettingDef[] = [
  { key: 'discountRate', kinds: ['campaign'], schema: percent, description: '割引率（%）。既定 50' },
  { key: 'capPerPersonNight', kinds: ['campaign'], schema: yen, description: '1人1泊あたりの割引上限額（円）。既定 5000' },
  { key: 'minPricePerPersonNight', kinds: ['campaign'], schema: yen, description: '対象となる1人1泊あたりの最低宿泊料金（円、税込）。既定 3000' },
  { key: 'maxNights', kinds: ['campaign'], schema: positive, description: '1予約あたりの対象泊数の上限。既定 7' },
  {
    key: 'pool',
    kinds: ['campaign'],
    schema: yen,
    description: '割引相当分の原資（円）。既定 120000000（120,000千円）。配分済みの額より小さくはできない',
    afterChange: (ctx, program) => syncPool(ctx, program),
  },
  { key: 'remitterCode', kinds: ['campaign'], schema: digits(10), description: '総合振込の振込依頼人コード（銀行から付与される10桁）' },
  { key: 'remitterName', kinds: ['campaign'], schema: z.string().min(1).max(40), description: '振込依頼人名（カナ。半角カナに変換して使う）' },
  { key: 'remitterBankCode', kinds: ['campaign'], schema: digits(4), description: '振込元の銀行コード（4桁）' },
  { key: 'remitterBranchCode', kinds: ['campaign'], schema: digits(3), description: '振込元の支店コード（3桁）' },
  { key: 'remitterAccountType', kinds: ['campaign'], schema: z.enum(['ordinary', 'checking']), description: '振込元の預金種目: ordinary（普通）または checking（当座）' },
  { key: 'remitterAccountNumber', kinds: ['campaign'], schema: digits(7), description: '振込元の口座番号（7桁）' },
];
