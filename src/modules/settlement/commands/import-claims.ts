import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { addDays, isIsoDate } from '../../../platform/calendar/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { CsvFileError, parseCsvObjects, type CsvSource } from '../../../platform/imports/csv.js';
import { issuesToFieldErrors } from '../../../platform/validation.js';
import { facilityDirectory, facilityEntriesOf, type FacilityEntry } from '../../campaign/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { sm } from '../messages.js';
import { computeDiscount, rulesOf, type DiscountRules } from '../rules.js';

import { CLAIM_LIMITS, claimSchema, type ClaimInput } from '../validators.js';
import { poolAccount, requestHash } from './reserve-claim.js';
import { updateSoldOut } from './sold-out.js';
import { MAX_ID } from '../../../platform/ids.js';

export const CLAIM_CSV_COLUMNS = ['facilityId', 'bookingRef', 'bookedOn', 'checkIn', 'nights', 'guests', 'totalPrice'] as const;
const BATCH = 5000;
const MAX_LISTED_ERRORS = 1000;

export interface ImportOptions {
  /** `all`: one bad row rejects the file; `valid`: the valid rows are registered, the others listed. */
  mode: 'all' | 'valid';
  /** A business may import only for these facilities; staff for any of the program's. */
  facilityIds?: ReadonlySet<number>;
}

export interface RowError {
  line: number;
  field?: string;
  message: string;
}

export interface ImportResult {
  rows: number;
  reserved: number;
  alreadyRegistered: number;
  discountTotal: number;
  errors: RowError[];
  errorCount: number;
  committed: boolean;
}

interface Accepted {
  input: ClaimInput;
  discount: number;
  hash: string;
  source: number;
}

/**
 * Registers many claims from a booking system's CSV in one transaction, in constant memory:
 * rows are validated and priced in batches, money is taken from each facility's account in file
 * order (row locks held to the end), and claims, ledger entries and balances are written in bulk.
 * Killing the process mid-import leaves nothing: the transaction never commits. A row that does
 * not decode cleanly in the file's encoding is refused by its line like any other bad row.
 */
export async function importClaims(ctx: CommandContext, program: Program, source: CsvSource, opts: ImportOptions): Promise<ImportResult> {
  const rules = rulesOf(program);
  if (!rules) throw new AppError('conflict', sm('cmd.campaignPeriodUnset'));
  const result: ImportResult = { rows: 0, reserved: 0, alreadyRegistered: 0, discountTotal: 0, errors: [], errorCount: 0, committed: false };
  const fail = (e: RowError) => {
    result.errorCount++;
    if (result.errors.length < MAX_LISTED_ERRORS) result.errors.push(e);
  };
  const facilityCache = new Map<number, FacilityEntry | null>();
  /** Remaining money per source account, read once under a row lock. */
  const balances = new Map<number, number>();
  const sourceOf = new Map<number, number>();
  const touched = new Set<number>();
  const reservedOf = new Map<number, number>();
  /** The money moved, per pair of accounts, posted once at the end (see postMoves). */
  const moves: Moves = new Map();
  let pending: Array<{ line: number; row: Record<string, string> }> = [];

  /**
   * The previous batch's write, still running on the database while the next batch is read,
   * checked and hashed here (the two overlap; queries never do: the next batch's queries wait for it).
   */
  let writing: Promise<void> | null = null;
  const flush = async () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    const accepted = await priceBatch(ctx, program, rules, batch, { facilityCache, balances, sourceOf, reservedOf, fail, opts, result }, writing);
    writing = null;
    // Written even after an error in an all-or-nothing import (the transaction is rolled back
    // then): later batches find duplicates of these rows in the table (see priceBatch).
    if (accepted.length) {
      writing = writeBatch(ctx, program, accepted, reservedOf, moves);
      // Awaited before the next query; this only keeps a failure from counting as unhandled meanwhile.
      writing.catch(() => undefined);
    }
    for (const a of accepted) touched.add(a.input.facilityId);
  };

  try {
    for await (const rec of parseCsvObjects(source, CLAIM_CSV_COLUMNS)) {
      result.rows++;
      if (rec.unreadable) {
        fail({ line: rec.line, message: rec.unreadable });
        continue;
      }
      pending.push(rec);
      if (pending.length >= BATCH) await flush();
    }
    await flush();
    await writing;
  } catch (e) {
    // Never leave a query running on the transaction the caller is about to roll back.
    await (writing as Promise<void> | null)?.catch(() => undefined);
    if (e instanceof CsvFileError) throw new AppError('validation-failed', e.message, { fieldErrors: [{ field: 'file', message: e.message }] });
    throw e;
  }
  if (opts.mode === 'all' && result.errorCount > 0) {
    // Nothing of a rejected file may stay: the caller's transaction is rolled back.
    throw new ImportRejected(result);
  }
  await postMoves(ctx, program, moves);
  for (const f of await soldOutCandidates(ctx, program, touched)) await updateSoldOut(ctx, program.id, f);
  result.committed = true;
  ctx.audit({ action: 'settlement.claims.imported', programId: program.id, diff: { rows: result.rows, reserved: result.reserved, alreadyRegistered: result.alreadyRegistered, discountTotal: result.discountTotal, rejected: result.errorCount, mode: opts.mode } });
  return result;
}

/**
 * The touched facilities whose public mark updateSoldOut would change: those with an allocation
 * whose exhaustion (available = 0) disagrees with the mark. For every other facility updateSoldOut
 * returns without a change, so one statement replaces up to three per facility.
 */
async function soldOutCandidates(ctx: CommandContext, program: Program, touched: Set<number>): Promise<number[]> {
  if (!touched.size) return [];
  const rows = await queryRows<{ id: number }>(
    ctx.tx,
    sql`select f.id from ${facilityDirectory} f join ledger_accounts a on a.program_id = ${program.id} and a.facility_id = f.id and a.kind = 'available'
        where f.id = any(${toPgArray([...touched])}::int[]) and (a.balance = 0) <> (f.sold_out_on is not null) order by f.id`,
  );
  return rows.map((r) => Number(r.id));
}

/** Thrown to roll back an all-or-nothing import; carries the per-row report. */
export class ImportRejected extends AppError {
  constructor(readonly result: ImportResult) {
    super('validation-failed', sm('import.rejected', { count: result.errorCount }), {
      fieldErrors: result.errors.map((e) => ({ field: `line${e.line}${e.field ? '.' + e.field : ''}`, message: e.message })),
    });
  }
}

interface PriceState {
  facilityCache: Map<number, FacilityEntry | null>;
  balances: Map<number, number>;
  sourceOf: Map<number, number>;
  reservedOf: Map<number, number>;
  fail: (e: RowError) => void;
  opts: ImportOptions;
  result: ImportResult;
}

async function priceBatch(
  ctx: CommandContext,
  program: Program,
  rules: DiscountRules,
  rows: Array<{ line: number; row: Record<string, string> }>,
  st: PriceState,
  previousWrite: Promise<void> | null,
): Promise<Accepted[]> {
  const parsed: Array<{ line: number; input: ClaimInput; hash: string }> = [];
  for (const { line, row } of rows) {
    const quick = quickClaim(row);
    if (quick) {
      parsed.push({ line, input: quick, hash: requestHash(quick) });
      continue;
    }
    const r = claimSchema.safeParse({
      ...row,
      facilityId: Number(row.facilityId),
      nights: Number(row.nights),
      guests: Number(row.guests),
      totalPrice: Number(row.totalPrice),
    });
    if (!r.success) for (const fe of issuesToFieldErrors(r.error.issues)) st.fail({ line, field: fe.field, message: fe.message });
    else parsed.push({ line, input: r.data, hash: requestHash(r.data) });
  }
  await previousWrite;
  const ids = [...new Set(parsed.map((p) => p.input.facilityId).filter((id) => !st.facilityCache.has(id)))];
  if (ids.length) {
    const found = await facilityEntriesOf(ctx.tx, program.id, ids);
    for (const id of ids) st.facilityCache.set(id, found.find((f) => f.id === id) ?? null);
  }
  // Bookings already in the table, and whether this transaction wrote them (an earlier batch of
  // this file: an in-file duplicate). The table, not a set of every key seen, remembers the
  // file's earlier rows, so memory does not grow with the file.
  const existing = new Map<string, { hash: string; inThisFile: boolean }>();
  if (parsed.length) {
    const refs = await queryRows<{ facility_id: number; booking_ref: string; request_hash: string; mine: boolean }>(
      ctx.tx,
      sql`select facility_id, booking_ref, request_hash, xmin = pg_current_xact_id()::xid as mine from claims
          where (facility_id, booking_ref) in (select * from unnest(${toPgArray(parsed.map((p) => p.input.facilityId))}::int[], ${toPgArray(parsed.map((p) => p.input.bookingRef))}::text[]))`,
    );
    for (const r of refs) existing.set(`${r.facility_id}\u0000${r.booking_ref}`, { hash: r.request_hash, inThisFile: r.mine === true });
  }
  const batchRefs = new Set<string>();
  await prepareAccounts(ctx, program, parsed.map((p) => p.input.facilityId).filter((id) => !!st.facilityCache.get(id)), st);
  const accepted: Accepted[] = [];
  for (const { line, input, hash } of parsed) {
    const facility = st.facilityCache.get(input.facilityId);
    if (!facility || (st.opts.facilityIds && !st.opts.facilityIds.has(facility.id))) {
      st.fail({ line, field: 'facilityId', message: sm('cmd.facilityNotFound', { id: input.facilityId }) });
      continue;
    }
    const key = `${input.facilityId}\u0000${input.bookingRef}`;
    const prior = existing.get(key);
    if (batchRefs.has(key) || prior?.inThisFile) {
      st.fail({ line, field: 'bookingRef', message: sm('import.duplicateInFile', { ref: input.bookingRef }) });
      continue;
    }
    if (prior !== undefined) {
      if (prior.hash === hash) st.result.alreadyRegistered++;
      else st.fail({ line, field: 'bookingRef', message: sm('cmd.bookingRefTaken', { ref: input.bookingRef }) });
      continue;
    }
    batchRefs.add(key);
    const priced = computeDiscount(rules, input, facility.registeredOn);
    if (!priced.ok) {
      st.fail({ line, message: sm('import.withDetail', { message: priced.message, detail: priced.code }) });
      continue;
    }
    const source = st.sourceOf.get(facility.id)!;
    const left = st.balances.get(source)!;
    if (left < priced.discount) {
      st.fail({ line, message: sm('import.budgetExhausted') });
      continue;
    }
    st.balances.set(source, left - priced.discount);
    accepted.push({ input, discount: priced.discount, hash, source });
    st.result.reserved++;
    st.result.discountTotal += priced.discount;
  }
  return accepted;
}

/**
 * Resolves, for the facilities of a batch not seen before, their source account (allocation or
 * pool) and reserved account, and locks and reads each source once for the whole import: a few
 * statements per batch instead of several per facility.
 */
async function prepareAccounts(ctx: CommandContext, program: Program, facilityIds: number[], st: PriceState): Promise<void> {
  const fresh = [...new Set(facilityIds)].filter((id) => !st.sourceOf.has(id));
  if (!fresh.length) return;
  const ids = toPgArray(fresh);
  await ctx.tx.execute(
    sql`insert into ledger_accounts (program_id, facility_id, kind, balance) select ${program.id}, f, 'reserved', 0 from unnest(${ids}::int[]) as f on conflict do nothing`,
  );
  const rows = await queryRows<{ id: number; facility_id: number; kind: string }>(
    ctx.tx,
    sql`select id, facility_id, kind from ledger_accounts where program_id = ${program.id} and facility_id = any(${ids}::int[]) and kind in ('available', 'reserved')`,
  );
  let pool: number | null = null;
  for (const f of fresh) {
    const available = rows.find((r) => r.facility_id === f && r.kind === 'available');
    st.reservedOf.set(f, rows.find((r) => r.facility_id === f && r.kind === 'reserved')!.id);
    st.sourceOf.set(f, available ? available.id : (pool ??= await poolAccount(ctx, program)));
  }
  const unlocked = [...new Set(fresh.map((f) => st.sourceOf.get(f)!))].filter((id) => !st.balances.has(id));
  if (unlocked.length) {
    const locked = await queryRows<{ id: number; balance: string | number }>(ctx.tx, sql`select id, balance from ledger_accounts where id = any(${toPgArray(unlocked)}::int[]) order by id for update`);
    for (const r of locked) st.balances.set(r.id, Number(r.balance));
  }
}

const intIn = (s: string | undefined, min: number, max: number): number | null => {
  const n = Number(s);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
};

/**
 * The row as claimSchema would give it, when it plainly passes every check of claimSchema (the
 * same checks, or stricter); null sends the row through claimSchema for its messages. Saves the
 * schema's per-row cost on the clean rows that make up nearly all of a booking system's file.
 */
function quickClaim(row: Record<string, string>): ClaimInput | null {
  const facilityId = intIn(row.facilityId, 1, MAX_ID);
  const nights = intIn(row.nights, 1, CLAIM_LIMITS.nights);
  const guests = intIn(row.guests, 1, CLAIM_LIMITS.guests);
  const totalPrice = intIn(row.totalPrice, 1, CLAIM_LIMITS.totalPrice);
  const bookingRef = typeof row.bookingRef === 'string' ? row.bookingRef.trim() : '';
  const { bookedOn, checkIn } = row;
  if (facilityId === null || nights === null || guests === null || totalPrice === null) return null;
  if (bookingRef.length < 1 || bookingRef.length > CLAIM_LIMITS.bookingRefLength || !isIsoDate(bookedOn) || !isIsoDate(checkIn)) return null;
  return { facilityId, bookingRef, bookedOn, checkIn, nights, guests, totalPrice };
}

function toPgArray(values: Array<string | number>): string {
  return '{' + values.map((v) => (typeof v === 'number' ? String(v) : '"' + v.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"')).join(',') + '}';
}

/** Money an import moves from one account to another, summed over its claims. */
type Moves = Map<string, { from: number; to: number; amount: number }>;

/** Writes a batch's claims in one statement and adds their money to `moves`. */
async function writeBatch(ctx: CommandContext, program: Program, accepted: Accepted[], reservedAccount: Map<number, number>, moves: Moves): Promise<void> {
  const col = <T extends string | number>(f: (a: Accepted) => T) => toPgArray(accepted.map(f));
  const rulesJson = JSON.stringify(rulesOf(program));
  const now = ctx.now.toISOString();
  await ctx.tx.execute(
    sql`insert into claims (program_id, facility_id, booking_ref, booked_on, check_in, check_out, nights, guests, total_price, discount, rules, request_hash, created_at, updated_at)
        select ${program.id}, f, r, b::date, ci::date, co::date, n, g, p, d, ${rulesJson}::jsonb, h, ${now}, ${now}
        from unnest(${col((a) => a.input.facilityId)}::int[], ${col((a) => a.input.bookingRef)}::text[], ${col((a) => a.input.bookedOn)}::text[],
                    ${col((a) => a.input.checkIn)}::text[], ${col((a) => addDays(a.input.checkIn, a.input.nights))}::text[],
                    ${col((a) => a.input.nights)}::int[], ${col((a) => a.input.guests)}::int[], ${col((a) => a.input.totalPrice)}::int[],
                    ${col((a) => a.discount)}::int[], ${col((a) => a.hash)}::text[]) as t(f, r, b, ci, co, n, g, p, d, h)`,
  );
  for (const a of accepted) {
    if (a.discount === 0) continue;
    const to = reservedAccount.get(a.input.facilityId)!;
    const key = `${a.source}>${to}`;
    const m = moves.get(key);
    if (m) m.amount += a.discount;
    else moves.set(key, { from: a.source, to, amount: a.discount });
  }
}

/**
 * Posts the import's money at the end, in two statements: one ledger entry per pair of accounts
 * (a facility's allocation or the pool → its reserved account) for the sum of the file's claims
 * — a batch posting, as a bank posts a transfer file; the claims are its detail and
 * ledgerIsBalanced holds as before — and each account's balance changed once. Every source was
 * locked (FOR UPDATE) when first met and its balance tracked in memory, so updating it once at the
 * end changes nothing another transaction can see, and the check constraint still refuses any
 * overdraft. (Per-claim entries cost two foreign-key checks each, about half the import's time in
 * the database; updating the same rows every batch left a growing chain of row versions.)
 */
async function postMoves(ctx: CommandContext, program: Program, moves: Moves): Promise<void> {
  const list = [...moves.values()].filter((m) => m.amount > 0);
  if (!list.length) return;
  const deltas = new Map<number, number>();
  for (const m of list) {
    deltas.set(m.from, (deltas.get(m.from) ?? 0) - m.amount);
    deltas.set(m.to, (deltas.get(m.to) ?? 0) + m.amount);
  }
  const changes = [...deltas].filter(([, d]) => d !== 0);
  await ctx.tx.execute(
    sql`update ledger_accounts a set balance = a.balance + c.delta
        from unnest(${toPgArray(changes.map(([id]) => id))}::int[], ${toPgArray(changes.map(([, d]) => d))}::bigint[]) as c(id, delta)
        where a.id = c.id`,
  );
  await ctx.tx.execute(
    sql`insert into ledger_entries (program_id, from_account, to_account, amount, reason, at)
        select ${program.id}, f, t, amount, 'reserved', ${ctx.now.toISOString()}
        from unnest(${toPgArray(list.map((m) => m.from))}::int[], ${toPgArray(list.map((m) => m.to))}::int[], ${toPgArray(list.map((m) => m.amount))}::bigint[]) as m(f, t, amount)`,
  );
}
