import { AppError } from '../../../platform/errors/index.js';
import type { CommandContext } from '../../../platform/command.js';
import type { Program } from '../../../platform/programs/schema.js';
import { facilityBalances } from '../ledger.js';
import { lockAllocations, setAllocation, syncPool } from './budget.js';

/**
 * Moves part of one facility's allocation to another, in one transaction: the giver's allocation
 * shrinks first (its money returns to the pool), then the receiver's grows. Each side is an
 * audited setAllocation, so the pool can never be passed and nothing committed can be taken away.
 */
export async function moveAllocation(ctx: CommandContext, program: Program, fromFacility: number, toFacility: number, yen: number): Promise<void> {
  const fieldErrors = [];
  if (!Number.isSafeInteger(yen) || yen <= 0) fieldErrors.push({ field: 'moveYen', message: '移す額を1円以上の整数で入力してください' });
  if (fromFacility === toFacility) fieldErrors.push({ field: 'to', message: '移し元と別の施設を選んでください' });
  if (fieldErrors.length) throw new AppError('validation-failed', '入力に誤りがあります', { fieldErrors });
  // Both allocations locked (in one ascending order, so opposite moves cannot deadlock) before they are read.
  await syncPool(ctx, program);
  await lockAllocations(ctx, program.id, [fromFacility, toFacility]);
  const from = await facilityBalances(ctx.tx, program.id, fromFacility);
  if (from.available < yen) {
    throw new AppError('conflict', `移し元の施設の未使用の配分額は${from.available.toLocaleString('ja-JP')}円です。それを超えて移すことはできません`, {
      fieldErrors: [{ field: 'moveYen', message: `${from.available.toLocaleString('ja-JP')}円以下で指定してください` }],
    });
  }
  const to = await facilityBalances(ctx.tx, program.id, toFacility);
  await setAllocation(ctx, program, fromFacility, from.allocation - yen);
  await setAllocation(ctx, program, toFacility, to.allocation + yen);
}
