import { AppError } from '../../../platform/errors/index.js';
import type { CommandContext } from '../../../platform/command.js';
import type { Program } from '../../../platform/programs/schema.js';
import { facilityBalances } from '../ledger.js';
import { sm } from '../messages.js';
import { lockAllocations, setAllocation, syncPool } from './budget.js';

/**
 * Moves part of one facility's allocation to another, in one transaction: the giver's allocation
 * shrinks first (its money returns to the pool), then the receiver's grows. Each side is an
 * audited setAllocation, so the pool can never be passed and nothing committed can be taken away.
 */
export async function moveAllocation(ctx: CommandContext, program: Program, fromFacility: number, toFacility: number, yen: number): Promise<void> {
  const fieldErrors = [];
  if (!Number.isSafeInteger(yen) || yen <= 0) fieldErrors.push({ field: 'moveYen', message: sm('cmd.moveYen') });
  if (fromFacility === toFacility) fieldErrors.push({ field: 'to', message: sm('cmd.moveSameFacility') });
  if (fieldErrors.length) throw new AppError('validation-failed', sm('cmd.inputInvalid'), { fieldErrors });
  // Both allocations locked (in one ascending order, so opposite moves cannot deadlock) before they are read.
  await syncPool(ctx, program);
  await lockAllocations(ctx, program.id, [fromFacility, toFacility]);
  const from = await facilityBalances(ctx.tx, program.id, fromFacility);
  if (from.available < yen) {
    const available = from.available.toLocaleString('ja-JP');
    throw new AppError('conflict', sm('cmd.moveOverAvailable', { available }), {
      fieldErrors: [{ field: 'moveYen', message: sm('cmd.moveOverAvailable.field', { available }) }],
    });
  }
  const to = await facilityBalances(ctx.tx, program.id, toFacility);
  await setAllocation(ctx, program, fromFacility, from.allocation - yen);
  await setAllocation(ctx, program, toFacility, to.allocation + yen);
}
