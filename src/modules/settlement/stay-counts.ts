import { sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../db/client.js';

/**
 * Approved stays (claims approved or paid) per facility of a program: what another module counts
 * against (the surveys module's response rate per facility). No personal data.
 */
export async function approvedStaysByFacility(conn: Conn, programId: number): Promise<Map<number, number>> {
  const rows = await queryRows<{ facility_id: number; n: number }>(
    conn,
    sql`select facility_id, count(*)::int as n from claims where program_id = ${programId} and status in ('approved', 'paid') group by 1`,
  );
  return new Map(rows.map((r) => [Number(r.facility_id), Number(r.n)]));
}
