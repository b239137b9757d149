import { asc, eq, inArray } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { findFacilityEntry } from '../../campaign/index.js';
import { programSetting } from '../../../platform/programs/queries.js';
import { programs, type Program } from '../../../platform/programs/schema.js';
import { accountId, facilityBalances, move, programBalances } from '../ledger.js';
import { ledgerAccounts } from '../schema.js';
import { sm } from '../messages.js';
import { DEFAULT_POOL_YEN } from '../rules.js';
import { updateSoldOut } from './sold-out.js';

/**
 * Brings the pool account in line with the `pool` setting: funding enters or leaves the program.
 *
 * Serialised per program by a row lock on the program: two transactions funding a never-funded
 * pool at once would otherwise each add the whole pool. Under the lock the program is re-read, so
 * a stale `program` (read before a concurrent `pool` change) never rolls the pool back. The lock
 * is taken only when the pool differs from the setting, so the usual call costs one read.
 */
export async function syncPool(ctx: CommandContext, program: Program): Promise<void> {
  if ((await programBalances(ctx.tx, program.id)).pool === programSetting(program, 'pool', DEFAULT_POOL_YEN)) return;
  const [fresh] = await ctx.tx.select().from(programs).where(eq(programs.id, program.id)).for('no key update');
  if (!fresh) throw new AppError('not-found');
  const target = programSetting(fresh, 'pool', DEFAULT_POOL_YEN);
  const { pool } = await programBalances(ctx.tx, program.id);
  if (pool === target) return;
  const poolAccount = await accountId(ctx.tx, program.id, null, 'pool');
  if (target > pool) {
    await move(ctx.tx, { programId: program.id, from: null, to: poolAccount, amount: target - pool, reason: 'funded' });
  } else {
    try {
      await move(ctx.tx, { programId: program.id, from: poolAccount, to: null, amount: pool - target, reason: 'defunded' });
    } catch {
      throw new AppError('conflict', sm('cmd.poolBelowAllocated'));
    }
  }
  ctx.audit({ action: 'settlement.pool.synced', programId: program.id, diff: { pool: [pool, target] } });
}

/**
 * Locks the pool and the facilities' `available` accounts (created at zero on first use) for the
 * rest of the transaction, in ascending id order as the claim import does (so neither can wait on
 * the other in a cycle): allocation changes run one after the other, each reading the allocations
 * the previous one left.
 */
export async function lockAllocations(ctx: CommandContext, programId: number, facilityIds: number[]): Promise<void> {
  const ids = [await accountId(ctx.tx, programId, null, 'pool')];
  for (const f of facilityIds) ids.push(await accountId(ctx.tx, programId, f, 'available'));
  await ctx.tx.select({ id: ledgerAccounts.id }).from(ledgerAccounts).where(inArray(ledgerAccounts.id, ids)).orderBy(asc(ledgerAccounts.id)).for('update');
}

/**
 * Sets a facility's allocation. Money moves between the pool and the facility's available
 * account, so the sum of allocations can never pass the pool, and an allocation can never drop
 * below what the facility has already committed.
 */
export async function setAllocation(ctx: CommandContext, program: Program, facilityId: number, yen: number): Promise<{ before: number; after: number }> {
  if (!Number.isSafeInteger(yen) || yen < 0) throw new AppError('validation-failed', sm('cmd.allocationYen'), { fieldErrors: [{ field: 'yen', message: sm('cmd.allocationYen.field') }] });
  const facility = await findFacilityEntry(ctx.tx, facilityId);
  if (!facility || facility.programId !== program.id) throw new AppError('not-found', sm('cmd.facilityNotInProgram', { id: facilityId }));
  await syncPool(ctx, program);
  // Under the lock, `before` is the allocation as it is now: two changes at once never add up wrongly.
  await lockAllocations(ctx, program.id, [facilityId]);
  const before = (await facilityBalances(ctx.tx, program.id, facilityId)).allocation;
  const pool = await accountId(ctx.tx, program.id, null, 'pool');
  const available = await accountId(ctx.tx, program.id, facilityId, 'available');
  if (yen > before) {
    try {
      await move(ctx.tx, { programId: program.id, from: pool, to: available, amount: yen - before, reason: 'allocated' });
    } catch {
      const b = await programBalances(ctx.tx, program.id);
      const unallocated = b.pool - b.allocated;
      const max = (before + unallocated).toLocaleString('ja-JP');
      throw new AppError('budget-exhausted', sm('cmd.allocationOverPool', { unallocated: unallocated.toLocaleString('ja-JP'), max }), {
        fieldErrors: [{ field: 'yen', message: sm('cmd.allocationOverPool.field', { max }) }],
      });
    }
  } else if (yen < before) {
    try {
      await move(ctx.tx, { programId: program.id, from: available, to: pool, amount: before - yen, reason: 'deallocated' });
    } catch {
      const committed = before - (await facilityBalances(ctx.tx, program.id, facilityId)).available;
      const amount = committed.toLocaleString('ja-JP');
      throw new AppError('conflict', sm('cmd.allocationBelowCommitted', { committed: amount }), {
        fieldErrors: [{ field: 'yen', message: sm('cmd.allocationBelowCommitted.field', { committed: amount }) }],
      });
    }
  }
  await updateSoldOut(ctx, program.id, facilityId);
  ctx.audit({ action: 'settlement.allocation.set', programId: program.id, targetType: 'facility', targetId: facilityId, diff: { yen: [before, yen] } });
  return { before, after: yen };
}
