import { sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../db/client.js';
import { facilityDirectory } from '../campaign/index.js';

export interface DayPoint {
  date: string;
  committed: number;
}

/**
 * Money committed (reserved, approved or paid) at the end of each Asia/Tokyo day on which it
 * changed, from the ledger entries: reservations add, releases subtract.
 */
export async function committedByDay(conn: Conn, programId: number): Promise<DayPoint[]> {
  const rows = await queryRows<{ day: string; delta: string | number }>(
    conn,
    sql`select to_char(at at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as day,
          sum(case when reason = 'reserved' then amount when reason in ('released', 'rejected', 'adjusted') then -amount else 0 end) as delta
        from ledger_entries where program_id = ${programId} group by 1 order by 1`,
  );
  let running = 0;
  return rows.map((r) => ({ date: r.day, committed: (running += Number(r.delta)) }));
}

export interface FacilityLine {
  facilityId: number;
  name: string;
  registrationNumber: string | null;
  /** False when the facility draws on the pool directly (no 配分枠). */
  hasAllocation: boolean;
  allocation: number;
  /** Allocation not yet committed (the facility's 残額). */
  available: number;
  reserved: number;
  approved: number;
  paid: number;
  claims: number;
  soldOutOn: string | null;
}

/**
 * Per facility: allocation and money by stage (the final report: plan vs paid). Grouped by every
 * facility column read: a view has no primary key for PostgreSQL to group the others by.
 */
export async function facilityLines(conn: Conn, programId: number): Promise<FacilityLine[]> {
  const rows = await queryRows<{ id: number; name: string; registration_number: string | null; available: string; reserved: string; approved: string; paid: string; has_allocation: boolean; claims: number; sold_out_on: string | null }>(
    conn,
    sql`select f.id, f.name, f.registration_number, f.sold_out_on::text as sold_out_on,
          coalesce(sum(a.balance) filter (where a.kind = 'available'), 0) as available,
          coalesce(sum(a.balance) filter (where a.kind = 'reserved'), 0) as reserved,
          coalesce(sum(a.balance) filter (where a.kind = 'approved'), 0) as approved,
          coalesce(sum(a.balance) filter (where a.kind = 'paid'), 0) as paid,
          bool_or(a.kind = 'available') as has_allocation,
          (select count(*)::int from claims c where c.facility_id = f.id and c.status in ('reserved', 'stayed', 'approved', 'paid')) as claims
        from ${facilityDirectory} f left join ledger_accounts a on a.facility_id = f.id and a.program_id = f.program_id
        where f.program_id = ${programId}
        group by f.id, f.name, f.registration_number, f.sold_out_on order by f.registration_number nulls last, f.id`,
  );
  return rows.map((r) => {
    const [available, reserved, approved, paid] = [r.available, r.reserved, r.approved, r.paid].map(Number) as [number, number, number, number];
    return {
      facilityId: r.id,
      name: r.name,
      registrationNumber: r.registration_number,
      hasAllocation: !!r.has_allocation,
      allocation: r.has_allocation ? available + reserved + approved + paid : 0,
      available,
      reserved,
      approved,
      paid,
      claims: Number(r.claims),
      soldOutOn: r.sold_out_on,
    };
  });
}

export interface MonthLine {
  facilityId: number;
  name: string;
  month: string;
  claims: number;
  guests: number;
  nights: number;
  /** 人泊: guests × nights summed over the stays (a 2-guest, 2-night stay counts 4). */
  guestNights: number;
  amount: number;
}

/** The monthly payment report per business: the stays of each closed batch. */
export async function monthlyLines(conn: Conn, programId: number, month: string): Promise<MonthLine[]> {
  const rows = await queryRows<{ facility_id: number; name: string; n: number; guests: string; nights: string; guest_nights: string; amount: string }>(
    conn,
    sql`select c.facility_id, f.name, count(*)::int as n,
          sum(coalesce((c.stay->>'guests')::int, c.guests)) as guests, sum(coalesce((c.stay->>'nights')::int, c.nights)) as nights,
          sum(coalesce((c.stay->>'guests')::int, c.guests) * coalesce((c.stay->>'nights')::int, c.nights)) as guest_nights, sum(m.amount) as amount
        from payment_batch_claims m join payment_batches b on b.id = m.batch_id join claims c on c.id = m.claim_id join ${facilityDirectory} f on f.id = c.facility_id
        where b.program_id = ${programId} and b.month = ${month}
        group by c.facility_id, f.name order by c.facility_id`,
  );
  return rows.map((r) => ({ facilityId: r.facility_id, name: r.name, month, claims: Number(r.n), guests: Number(r.guests), nights: Number(r.nights), guestNights: Number(r.guest_nights), amount: Number(r.amount) }));
}

export interface StatementLine {
  bookingRef: string;
  checkIn: string;
  checkOut: string;
  nights: number;
  guests: number;
  totalPrice: number;
  discount: number;
}

/** The stays one business is paid for in one closed month (the 支払明細 lines), by check-out. */
export async function statementLines(conn: Conn, programId: number, month: string, facilityId: number): Promise<StatementLine[]> {
  const rows = await queryRows<{ booking_ref: string; check_in: string; check_out: string; nights: number; guests: number; total_price: number; discount: number }>(
    conn,
    sql`select c.booking_ref, c.check_in::text, c.check_out::text,
          coalesce((c.stay->>'nights')::int, c.nights) as nights, coalesce((c.stay->>'guests')::int, c.guests) as guests,
          coalesce((c.stay->>'totalPrice')::int, c.total_price) as total_price, m.amount as discount
        from payment_batch_claims m join payment_batches b on b.id = m.batch_id join claims c on c.id = m.claim_id
        where b.program_id = ${programId} and b.month = ${month} and m.facility_id = ${facilityId}
        order by c.check_out, c.id`,
  );
  return rows.map((r) => ({ bookingRef: r.booking_ref, checkIn: r.check_in, checkOut: r.check_out, nights: Number(r.nights), guests: Number(r.guests), totalPrice: Number(r.total_price), discount: Number(r.discount) }));
}

export interface FacilityMonth {
  facilityId: number;
  month: string;
  claims: number;
  amount: number;
  status: 'closed' | 'paid';
  /** The day the money was sent: the transfer date when one is recorded, else the day it was marked paid (Asia/Tokyo). */
  paidOn: string | null;
}

/**
 * The closed months of the given facilities (a business's own), newest first: what each month's
 * statement pays the facility, and whether and when it was paid.
 */
export async function facilityMonths(conn: Conn, programId: number, facilityIds: number[]): Promise<FacilityMonth[]> {
  if (!facilityIds.length) return [];
  const rows = await queryRows<{ facility_id: number; month: string; n: number; amount: string | number; status: 'closed' | 'paid'; paid_on: string | null }>(
    conn,
    sql`select m.facility_id, b.month, count(*)::int as n, sum(m.amount) as amount, b.status,
          case when b.status = 'paid' then coalesce(b.transfer_date::text, to_char(b.paid_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD')) end as paid_on
        from payment_batch_claims m join payment_batches b on b.id = m.batch_id
        where b.program_id = ${programId} and m.facility_id in (${sql.join(facilityIds.map((id) => sql`${id}`), sql`, `)})
        group by m.facility_id, b.id, b.month, b.status, b.transfer_date, b.paid_at
        order by b.month desc, m.facility_id`,
  );
  return rows.map((r) => ({ facilityId: Number(r.facility_id), month: r.month, claims: Number(r.n), amount: Number(r.amount), status: r.status, paidOn: r.paid_on }));
}
