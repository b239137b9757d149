import { asc, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../../db/client.js';
import { privacyIncidents, privacyIncidentUpdates } from '../schema.js';

export async function listIncidents(conn: Conn, programId: number) {
  return conn.select().from(privacyIncidents).where(eq(privacyIncidents.programId, programId)).orderBy(desc(privacyIncidents.id));
}

export async function findIncident(conn: Conn, id: number) {
  const [row] = await conn.select().from(privacyIncidents).where(eq(privacyIncidents.id, id));
  return row;
}

export async function incidentTimeline(conn: Conn, id: number) {
  return conn.select().from(privacyIncidentUpdates).where(eq(privacyIncidentUpdates.incidentId, id)).orderBy(asc(privacyIncidentUpdates.id));
}

/** Open incidents: how many, since when, and the earliest report still due. */
export async function openIncidents(conn: Conn, programId: number) {
  const [row] = await queryRows<{ n: number; oldest: Date | string | null; due: string | null }>(
    conn,
    sql`select count(*)::int as n, min(created_at) as oldest,
          min(case when preliminary_reported_on is null then preliminary_due_on when final_reported_on is null then final_due_on end)::text as due
        from privacy_incidents where program_id = ${programId} and status = 'open'`,
  );
  return row!;
}
