import { and, asc, eq, sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { facilities, type Facility } from './schema.js';

export async function listRegisteredFacilities(conn: Conn, programId: number): Promise<Facility[]> {
  return conn
    .select()
    .from(facilities)
    .where(and(eq(facilities.programId, programId), eq(facilities.status, 'registered')))
    .orderBy(asc(facilities.nameKana));
}

export async function countFacilities(conn: Conn, programId: number): Promise<number> {
  const [row] = await conn.select({ n: sql<number>`count(*)::int` }).from(facilities).where(eq(facilities.programId, programId));
  return Number(row?.n ?? 0);
}
