import { asc, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../../../db/client.js';
import { recordsActionItems, recordsMeetings, type ActionItem, type Meeting } from '../schema.js';

export async function listMeetings(conn: Conn, programId: number): Promise<Meeting[]> {
  return conn.select().from(recordsMeetings).where(eq(recordsMeetings.programId, programId)).orderBy(desc(recordsMeetings.heldOn), desc(recordsMeetings.id));
}

export async function findMeeting(conn: Conn, id: number): Promise<Meeting | undefined> {
  const [row] = await conn.select().from(recordsMeetings).where(eq(recordsMeetings.id, id));
  return row;
}

export async function listActionItems(conn: Conn, meetingId: number): Promise<ActionItem[]> {
  return conn.select().from(recordsActionItems).where(eq(recordsActionItems.meetingId, meetingId)).orderBy(asc(recordsActionItems.id));
}

/** Minutes in a state (sent: awaiting the City; commented: back with the contractor), with the oldest. */
export async function minutesIn(conn: Conn, programId: number, status: 'sent' | 'commented') {
  const [row] = await queryRows<{ n: number; oldest: Date | string | null }>(
    conn,
    sql`select count(*)::int as n, min(updated_at) as oldest from records_meetings where program_id = ${programId} and minutes_status = ${status}`,
  );
  return row;
}

/** The months (YYYY-MM) in which the program held a meeting, between two months inclusive. */
export async function meetingMonths(conn: Conn, programId: number, from: string, to: string): Promise<Set<string>> {
  const rows = await queryRows<{ m: string }>(
    conn,
    sql`select distinct to_char(held_on, 'YYYY-MM') as m from records_meetings where program_id = ${programId} and held_on >= ${`${from}-01`}::date and held_on < (${`${to}-01`}::date + interval '1 month')`,
  );
  return new Set(rows.map((r) => r.m));
}
