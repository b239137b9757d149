import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { addDays } from '../../../platform/calendar/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { stableStringify } from '../../../platform/audit/hash.js';
import type { FacilityEntry } from '../../campaign/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { accountId, facilityBalances } from '../ledger.js';
import type { ClaimAccountIds } from '../facility-access.js';
import { sm } from '../messages.js';
import { computeDiscount, rulesOf } from '../rules.js';
import { claims, type Claim } from '../schema.js';
import type { ClaimInput } from '../validators.js';
import { syncPool } from './budget.js';
import { updateSoldOut } from './sold-out.js';

export function requestHash(input: ClaimInput): string {
  return crypto.createHash('sha256').update(claimText(input)).digest('hex');
}

const CLAIM_KEYS = 'bookedOn,bookingRef,checkIn,facilityId,guests,nights,totalPrice';

/**
 * stableStringify(input), written out for the claim's seven keys (the import hashes every row):
 * the same text, so hashes stored earlier still match; any other shape goes the general way.
 */
function claimText(input: ClaimInput): string {
  if (Object.keys(input).sort().join(',') !== CLAIM_KEYS) return stableStringify(input);
  const { bookedOn, bookingRef, checkIn, facilityId, guests, nights, totalPrice } = input;
  if (typeof bookedOn !== 'string' || typeof bookingRef !== 'string' || typeof checkIn !== 'string' || ![facilityId, guests, nights, totalPrice].every(Number.isSafeInteger)) return stableStringify(input);
  return `{"bookedOn":${JSON.stringify(bookedOn)},"bookingRef":${JSON.stringify(bookingRef)},"checkIn":${JSON.stringify(checkIn)},"facilityId":${facilityId},"guests":${guests},"nights":${nights},"totalPrice":${totalPrice}}`;
}

/** Where a facility's committed money comes from: its allocation if it has one, else the pool. */
export async function sourceAccount(ctx: CommandContext, program: Program, facilityId: number): Promise<number> {
  const b = await facilityBalances(ctx.tx, program.id, facilityId);
  if (b.hasAllocation) return accountId(ctx.tx, program.id, facilityId, 'available');
  return poolAccount(ctx, program);
}

/**
 * A claim's source (the facility's allocation, else the pool) and its reserved account: taken from
 * `known` when the caller already read them (claimTargetForActor), else in one read when they
 * exist (the usual case); missing accounts are created as before.
 */
async function claimAccounts(ctx: CommandContext, program: Program, facilityId: number, known?: ClaimAccountIds): Promise<{ from: number; reserved: number; fromAllocation: boolean }> {
  if (known?.reserved !== undefined && (known.available ?? known.pool) !== undefined) {
    return { from: (known.available ?? known.pool)!, reserved: known.reserved, fromAllocation: known.available !== undefined };
  }
  const rows = await queryRows<{ id: number; kind: string; facility_id: number | null }>(
    ctx.tx,
    sql`select id, kind, facility_id from ledger_accounts where program_id = ${program.id}
        and ((facility_id = ${facilityId} and kind in ('available', 'reserved')) or (facility_id is null and kind = 'pool'))`,
  );
  const find = (kind: string) => rows.find((r) => r.kind === kind)?.id;
  const available = find('available');
  const from = available ?? find('pool') ?? (await poolAccount(ctx, program));
  const reserved = find('reserved') ?? (await accountId(ctx.tx, program.id, facilityId, 'reserved'));
  return { from, reserved, fromAllocation: available !== undefined };
}

/**
 * The program's pool account, funded on first use; afterwards the `pool` setting keeps it in
 * line (its afterChange hook), so the hot path does not re-add the ledger on every claim.
 */
export async function poolAccount(ctx: CommandContext, program: Program): Promise<number> {
  const [existing] = await queryRows<{ id: number }>(ctx.tx, sql`select id from ledger_accounts where program_id = ${program.id} and facility_id is null and kind = 'pool'`);
  if (existing) return existing.id;
  await syncPool(ctx, program);
  return accountId(ctx.tx, program.id, null, 'pool');
}

export async function findClaimByBooking(ctx: Pick<CommandContext, 'tx'>, facilityId: number, bookingRef: string): Promise<Claim | undefined> {
  const [row] = await ctx.tx.select().from(claims).where(and(eq(claims.facilityId, facilityId), eq(claims.bookingRef, bookingRef)));
  return row;
}

/**
 * Registers a discounted sale and reserves its discount. Idempotent on (facility, bookingRef):
 * the same body again returns the existing claim (`created: false`), a different body is a conflict.
 */
export async function reserveClaim(ctx: CommandContext, program: Program, facility: FacilityEntry, input: ClaimInput, known?: ClaimAccountIds): Promise<{ claim: Claim; created: boolean }> {
  const hash = requestHash(input);
  // An earlier claim for the booking answers first, whatever the rules say now.
  const earlier = async () => {
    const existing = await findClaimByBooking(ctx, facility.id, input.bookingRef);
    if (!existing) return null;
    if (existing.requestHash === hash) return { claim: existing, created: false };
    throw new AppError('conflict', sm('cmd.bookingRefTaken', { ref: input.bookingRef }));
  };
  const rules = rulesOf(program);
  if (!rules) {
    const found = await earlier();
    if (found) return found;
    throw new AppError('conflict', sm('cmd.campaignPeriodUnset'));
  }
  const result = computeDiscount(rules, input, facility.registeredOn);
  if (!result.ok) {
    const found = await earlier();
    if (found) return found;
    throw new AppError('rule-refused', result.message, { detail: { reason: result.code } });
  }
  const accounts = await claimAccounts(ctx, program, facility.id, known);
  const claim: Claim = {
    id: 0,
    programId: program.id,
    facilityId: facility.id,
    bookingRef: input.bookingRef,
    bookedOn: input.bookedOn,
    checkIn: input.checkIn,
    checkOut: addDays(input.checkIn, input.nights),
    nights: input.nights,
    guests: input.guests,
    totalPrice: input.totalPrice,
    discount: result.discount,
    status: 'reserved',
    rules: { ...rules },
    requestHash: hash,
    stay: null,
    reviewReason: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  // One statement on the usual path: the claim, the debit, the credit and the ledger entry. A
  // booking already registered — also by a concurrent request, whose commit the insert waits for —
  // inserts nothing and is answered as before.
  const written = await insertReserving(ctx, claim, accounts);
  if (!written) {
    const found = await earlier();
    if (found) return found;
    // Inserted and rolled back by another transaction between the two statements: try once more.
    throw new AppError('conflict', sm('cmd.bookingRefRace', { ref: input.bookingRef }));
  }
  claim.id = written.id;
  // updateSoldOut changes nothing for a facility drawing on the pool (it has no allocation), nor
  // when money is left in the allocation and the facility was not marked when this transaction read it.
  if (accounts.fromAllocation && (written.left === null || written.left === 0 || facility.soldOutOn)) await updateSoldOut(ctx, program.id, facility.id);
  ctx.audit({ action: 'settlement.claim.reserved', programId: program.id, targetType: 'claim', targetId: claim.id, diff: { facilityId: facility.id, discount: result.discount } });
  return { claim, created: true };
}

/**
 * Inserts the claim and moves its discount from `from` to `reserved` with its ledger entry, in
 * one statement; the debit is conditional on the balance (and the check constraint backs it).
 * Null when the booking already exists (nothing written); budget-exhausted (the caller's
 * transaction then rolls the claim back) when the source cannot cover the discount.
 */
async function insertReserving(ctx: CommandContext, c: Claim, a: { from: number; reserved: number }): Promise<{ id: number; left: number | null } | null> {
  const d = c.discount;
  const [row] = await queryRows<{ id: string | number; left: string | number | null }>(
    ctx.tx,
    sql`with c as (
          insert into claims (program_id, facility_id, booking_ref, booked_on, check_in, check_out, nights, guests, total_price, discount, rules, request_hash, created_at, updated_at)
          values (${c.programId}, ${c.facilityId}, ${c.bookingRef}, ${c.bookedOn}::date, ${c.checkIn}::date, ${c.checkOut}::date, ${c.nights}, ${c.guests}, ${c.totalPrice}, ${d},
                  ${JSON.stringify(c.rules)}::jsonb, ${c.requestHash}, ${c.createdAt.toISOString()}, ${c.updatedAt.toISOString()})
          on conflict (facility_id, booking_ref) do nothing
          returning id),
        debit as (update ledger_accounts set balance = balance - ${d} where id = ${a.from} and ${d}::bigint > 0 and balance >= ${d} and exists (select 1 from c) returning balance),
        credit as (update ledger_accounts set balance = balance + ${d} where id = ${a.reserved} and exists (select 1 from debit)),
        entry as (insert into ledger_entries (program_id, from_account, to_account, amount, reason, claim_id, at)
                  select ${c.programId}, ${a.from}, ${a.reserved}, ${d}, 'reserved', c.id, ${c.createdAt.toISOString()} from c where exists (select 1 from debit))
        select c.id, (select balance from debit) as left from c`,
  );
  if (!row) return null;
  if (d > 0 && row.left === null) throw new AppError('budget-exhausted', sm('cmd.budgetExhausted'), { detail: { shortOf: 'reserved' } });
  return { id: Number(row.id), left: row.left === null ? null : Number(row.left) };
}
