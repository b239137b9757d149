import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../db/client.js';
import { AppError } from '../../platform/errors/index.js';
import { sm } from './messages.js';
import { ledgerAccounts, ledgerEntries } from './schema.js';

export type AccountKind = (typeof ledgerAccounts.$inferSelect)['kind'];

/** The id of a ledger account, created at zero on first use. */
export async function accountId(conn: Conn, programId: number, facilityId: number | null, kind: AccountKind): Promise<number> {
  const find = () =>
    conn
      .select({ id: ledgerAccounts.id })
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.programId, programId), facilityId === null ? isNull(ledgerAccounts.facilityId) : eq(ledgerAccounts.facilityId, facilityId), eq(ledgerAccounts.kind, kind)));
  const [found] = await find();
  if (found) return found.id;
  await conn.execute(sql`insert into ledger_accounts (program_id, facility_id, kind, balance) values (${programId}, ${facilityId}, ${kind}, 0) on conflict do nothing`);
  const [created] = await find();
  return created!.id;
}

export interface Movement {
  programId: number;
  /** Null when money enters the program (funding). */
  from: number | null;
  /** Null when money leaves the program (defunding). */
  to: number | null;
  amount: number;
  reason: string;
  claimId?: number | null;
}

/**
 * Moves money between two accounts and records the double entry. The debit is conditional on
 * the balance, and the balance is checked by the database: when it would go negative, nothing moves
 * and `budget-exhausted` is thrown.
 */
export async function move(conn: Conn, m: Movement): Promise<void> {
  await moveReturning(conn, m);
}

/**
 * move(), answering the debited account's balance afterwards (null when money enters the
 * program). Between two accounts the debit, the credit and the entry are one statement: the
 * credit and the entry happen only when the conditional debit did.
 */
export async function moveReturning(conn: Conn, m: Movement): Promise<number | null> {
  if (!Number.isSafeInteger(m.amount) || m.amount < 0) throw new Error(`bad amount ${m.amount}`);
  if (m.amount === 0) return null;
  if (m.from !== null && m.to !== null && m.from !== m.to) {
    const [row] = await queryRows<{ left: string | number | null }>(
      conn,
      sql`with debit as (update ledger_accounts set balance = balance - ${m.amount} where id = ${m.from} and balance >= ${m.amount} returning balance),
          credit as (update ledger_accounts set balance = balance + ${m.amount} where id = ${m.to} and exists (select 1 from debit)),
          entry as (insert into ledger_entries (program_id, from_account, to_account, amount, reason, claim_id)
                    select ${m.programId}, ${m.from}, ${m.to}, ${m.amount}, ${m.reason}, ${m.claimId ?? null} where exists (select 1 from debit))
          select (select balance from debit) as left`,
    );
    if (row?.left === null || row?.left === undefined) throw new AppError('budget-exhausted', sm('cmd.budgetExhausted'), { detail: { shortOf: m.reason } });
    return Number(row.left);
  }
  if (m.from !== null) {
    const debited = await queryRows<{ id: number }>(conn, sql`update ledger_accounts set balance = balance - ${m.amount} where id = ${m.from} and balance >= ${m.amount} returning id`);
    if (debited.length === 0) throw new AppError('budget-exhausted', sm('cmd.budgetExhausted'), { detail: { shortOf: m.reason } });
  }
  if (m.to !== null) await conn.execute(sql`update ledger_accounts set balance = balance + ${m.amount} where id = ${m.to}`);
  await conn.insert(ledgerEntries).values({ programId: m.programId, fromAccount: m.from, toAccount: m.to, amount: m.amount, reason: m.reason, claimId: m.claimId ?? null });
  return null;
}

export interface Balances {
  pool: number;
  allocated: number;
  available: number;
  reserved: number;
  approved: number;
  paid: number;
}

/** Balances derived from the materialised accounts; `allocated` is what facilities hold in any stage. */
export async function programBalances(conn: Conn, programId: number): Promise<Balances> {
  const rows = await queryRows<{ kind: AccountKind; has_facility: boolean; total: string | number }>(
    conn,
    sql`select kind, facility_id is not null as has_facility, coalesce(sum(balance), 0) as total from ledger_accounts where program_id = ${programId} group by kind, facility_id is not null`,
  );
  const sum = (kind: AccountKind) => rows.filter((r) => r.kind === kind).reduce((a, r) => a + Number(r.total), 0);
  const unallocated = sum('pool');
  const available = sum('available');
  const reserved = sum('reserved');
  const approved = sum('approved');
  const paid = sum('paid');
  return { pool: unallocated + available + reserved + approved + paid, allocated: available + reserved + approved + paid, available, reserved, approved, paid };
}

/** Every account's balance equals the sum of its entries (a check for reports and tests). */
export async function ledgerIsBalanced(conn: Conn, programId: number): Promise<boolean> {
  const rows = await queryRows<{ mismatches: number }>(
    conn,
    // One pass over the entries (hash joins), not two scans per account: entries have no index on
    // their accounts, and the per-account subqueries took minutes at a million claims.
    sql`with acc as (select id, balance from ledger_accounts where program_id = ${programId}),
        moved as (
          select e.to_account as id, e.amount as delta from ledger_entries e join acc on acc.id = e.to_account
          union all
          select e.from_account, -e.amount from ledger_entries e join acc on acc.id = e.from_account),
        sums as (select id, sum(delta) as total from moved group by id)
        select count(*)::int as mismatches from acc left join sums on sums.id = acc.id
        where acc.balance <> coalesce(sums.total, 0)`,
  );
  return Number(rows[0]!.mismatches) === 0;
}

/** A facility's balances by kind; `hasAllocation` is false when it never received an allocation. */
export async function facilityBalances(conn: Conn, programId: number, facilityId: number): Promise<Record<Exclude<AccountKind, 'pool'>, number> & { hasAllocation: boolean; allocation: number }> {
  const rows = await conn
    .select({ kind: ledgerAccounts.kind, balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.programId, programId), eq(ledgerAccounts.facilityId, facilityId)));
  const get = (k: AccountKind) => rows.find((r) => r.kind === k)?.balance ?? 0;
  const b = { available: get('available'), reserved: get('reserved'), approved: get('approved'), paid: get('paid') };
  return { ...b, hasAllocation: rows.some((r) => r.kind === 'available'), allocation: b.available + b.reserved + b.approved + b.paid };
}

/**
 * What a business sees of one facility's money, in yen: its allocation (配分額) and how much of it
 * is reserved, approved (awaiting payment), paid and still free (`remaining`). A facility without
 * an allocation (it draws on the pool) has allocation 0 and remaining 0.
 */
export interface FacilityMoney {
  allocation: number;
  reserved: number;
  approved: number;
  paid: number;
  remaining: number;
  hasAllocation: boolean;
}

/** facilityBalances as a business reads them (the portal's money page and the money API). */
export async function facilityMoney(conn: Conn, programId: number, facilityId: number): Promise<FacilityMoney> {
  const b = await facilityBalances(conn, programId, facilityId);
  return { allocation: b.hasAllocation ? b.allocation : 0, reserved: b.reserved, approved: b.approved, paid: b.paid, remaining: b.hasAllocation ? b.available : 0, hasAllocation: b.hasAllocation };
}
