import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../db/client.js';
import { users } from '../../platform/auth/schema.js';
import { privacyStaff, type StaffEntry } from './schema.js';

export type StaffRow = StaffEntry & { name: string; email: string };

/** Every entry of a program's roster, live and past, oldest first, with the person's name and address. */
export async function listStaff(conn: Conn, programId: number): Promise<StaffRow[]> {
  const rows = await conn
    .select({ s: privacyStaff, name: users.displayName, email: users.email })
    .from(privacyStaff)
    .innerJoin(users, eq(users.id, privacyStaff.userId))
    .where(eq(privacyStaff.programId, programId))
    .orderBy(asc(privacyStaff.id));
  return rows.map((r) => ({ ...r.s, name: r.name, email: r.email }));
}

export async function findStaffEntry(conn: Conn, id: number): Promise<StaffEntry | undefined> {
  const [row] = await conn.select().from(privacyStaff).where(eq(privacyStaff.id, id));
  return row;
}

/** Whether the user is approved on the program's roster now. */
export async function isApprovedStaff(conn: Conn, programId: number, userId: number): Promise<boolean> {
  const [row] = await conn
    .select({ id: privacyStaff.id })
    .from(privacyStaff)
    .where(and(eq(privacyStaff.programId, programId), eq(privacyStaff.userId, userId), eq(privacyStaff.status, 'approved')))
    .limit(1);
  return !!row;
}

/** Requests waiting for the City: count and since when. */
export async function pendingStaffRequests(conn: Conn, programId: number) {
  const [row] = await queryRows<{ n: number; oldest: Date | string | null }>(
    conn,
    sql`select count(*)::int as n, min(requested_at) as oldest from privacy_staff where program_id = ${programId} and status = 'requested'`,
  );
  return row;
}
