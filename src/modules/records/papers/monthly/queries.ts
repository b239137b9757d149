import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../../../db/client.js';
import { recordsMonthlyReports, type MonthlyReport, type MonthlyReportStatus } from '../schema.js';

export async function listMonthlyReports(conn: Conn, programId: number): Promise<MonthlyReport[]> {
  return conn.select().from(recordsMonthlyReports).where(eq(recordsMonthlyReports.programId, programId)).orderBy(desc(recordsMonthlyReports.month));
}

export async function findMonthlyReport(conn: Conn, programId: number, month: string): Promise<MonthlyReport | undefined> {
  const [row] = await conn.select().from(recordsMonthlyReports).where(and(eq(recordsMonthlyReports.programId, programId), eq(recordsMonthlyReports.month, month)));
  return row;
}

/** Reports in a state, counted with the oldest (the inbox). */
export async function countReports(conn: Conn, programId: number, status: MonthlyReportStatus) {
  const [row] = await queryRows<{ n: number; oldest: Date | string | null }>(
    conn,
    sql`select count(*)::int as n, min(coalesce(sent_at, created_at)) as oldest from records_monthly_reports where program_id = ${programId} and status = ${status}`,
  );
  return row!;
}
