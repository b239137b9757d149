import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../../db/client.js';
import { privacyHandovers } from '../schema.js';

export async function listHandovers(conn: Conn, programId: number) {
  return conn.select().from(privacyHandovers).where(eq(privacyHandovers.programId, programId)).orderBy(asc(privacyHandovers.id));
}

export async function findHandover(conn: Conn, id: number) {
  const [row] = await conn.select().from(privacyHandovers).where(eq(privacyHandovers.id, id));
  return row;
}

/** Data received from the City not yet erased whose use-until date has come. */
export async function receivedDataDue(conn: Conn, programId: number, today: string) {
  const [row] = await queryRows<{ n: number; due: string | null }>(
    conn,
    sql`select count(*)::int as n, min(use_until)::text as due from privacy_handovers
        where program_id = ${programId} and direction = 'from-city' and erased_at is null and use_until <= ${today}`,
  );
  return row!;
}
