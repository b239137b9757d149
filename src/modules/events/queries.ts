import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { tokenHash } from './link-token.js';
import { eventGroups, eventProgramItems, eventRegistrations, type Attendance, type Channel, type EventRegistration, type RegistrationStatus } from './schema.js';

export async function findRegistration(conn: Conn, id: number): Promise<EventRegistration | undefined> {
  const [row] = await conn.select().from(eventRegistrations).where(eq(eventRegistrations.id, id));
  return row;
}

export async function findRegistrationByToken(conn: Conn, programId: number, token: string): Promise<EventRegistration | undefined> {
  if (!/^[0-9a-f]{40}$/.test(token)) return undefined;
  const [row] = await conn
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.programId, programId), eq(eventRegistrations.tokenHash, tokenHash(token))));
  return row;
}

export interface RosterFilter {
  status?: RegistrationStatus;
  channel?: Channel;
  attendance?: Attendance;
  /** Only people who asked for reasonable accommodation. */
  needs?: boolean;
  /** Only paper confirmations still to send. */
  toSend?: boolean;
}

/** The roster in 受付番号 order; personal fields are opened by the caller (and the view audited). */
export async function listRegistrations(conn: Conn, programId: number, f: RosterFilter = {}): Promise<EventRegistration[]> {
  const conds: SQL[] = [eq(eventRegistrations.programId, programId)];
  if (f.status) conds.push(eq(eventRegistrations.status, f.status));
  if (f.channel) conds.push(eq(eventRegistrations.channel, f.channel));
  if (f.attendance) conds.push(eq(eventRegistrations.attendance, f.attendance));
  if (f.needs) conds.push(sql`(jsonb_array_length(${eventRegistrations.accommodations}) > 0 or ${eventRegistrations.accommodationNoteSealed} is not null)`);
  if (f.toSend) conds.push(eq(eventRegistrations.printStatus, 'to-send'));
  return conn.select().from(eventRegistrations).where(and(...conds)).orderBy(asc(eventRegistrations.number));
}

export async function liveVenueRegistrations(conn: Conn, programId: number): Promise<EventRegistration[]> {
  return conn
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.programId, programId), eq(eventRegistrations.attendance, 'venue'), inArray(eventRegistrations.status, ['confirmed'])))
    .orderBy(asc(eventRegistrations.number));
}

export interface RosterCounts {
  byStatus: Record<string, number>;
  byChannel: Record<string, number>;
  byAttendance: Record<string, number>;
  checkedIn: number;
  walkIns: number;
}

/** Counts for the roster header and the event report (no personal data). */
export async function rosterCounts(conn: Conn, programId: number): Promise<RosterCounts> {
  const rows = await conn
    .select({
      status: eventRegistrations.status,
      channel: eventRegistrations.channel,
      attendance: eventRegistrations.attendance,
      checkedIn: sql<number>`count(${eventRegistrations.checkedInAt})::int`,
      n: sql<number>`count(*)::int`,
    })
    .from(eventRegistrations)
    .where(eq(eventRegistrations.programId, programId))
    .groupBy(eventRegistrations.status, eventRegistrations.channel, eventRegistrations.attendance);
  const out: RosterCounts = { byStatus: {}, byChannel: {}, byAttendance: {}, checkedIn: 0, walkIns: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    out.byStatus[r.status] = (out.byStatus[r.status] ?? 0) + n;
    if (r.status === 'confirmed' || r.status === 'waitlisted') {
      out.byChannel[r.channel] = (out.byChannel[r.channel] ?? 0) + n;
      if (r.status === 'confirmed') out.byAttendance[r.attendance] = (out.byAttendance[r.attendance] ?? 0) + n;
    }
    out.checkedIn += Number(r.checkedIn);
    if (r.channel === 'walk-in') out.walkIns += n;
  }
  return out;
}

export async function listProgramItems(conn: Conn, programId: number) {
  return conn.select().from(eventProgramItems).where(eq(eventProgramItems.programId, programId)).orderBy(asc(eventProgramItems.position), asc(eventProgramItems.id));
}

export async function listGroups(conn: Conn, programId: number) {
  return conn.select().from(eventGroups).where(eq(eventGroups.programId, programId)).orderBy(asc(eventGroups.number));
}
