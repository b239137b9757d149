import { sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../db/client.js';

/**
 * The next number of a series inside one program. The program row is locked first, so concurrent
 * transactions on PostgreSQL take turns instead of picking the same number. FOR NO KEY UPDATE, not
 * FOR UPDATE: a transaction that has inserted a row referencing the program (an approval's new
 * business user and membership) holds a KEY SHARE lock on it, which FOR UPDATE would wait for —
 * two approvals in one program at once deadlocked so.
 */
async function nextInSeries(conn: Conn, programId: number, table: 'campaign_applications' | 'facilities', column: 'number' | 'registration_number', prefix: string): Promise<string> {
  await conn.execute(sql`select id from programs where id = ${programId} for no key update`);
  const rows = await queryRows<{ n: number | string | null }>(
    conn,
    sql`select coalesce(max(substr(${sql.identifier(column)}, ${prefix.length + 1}::int)::int), 0) as n from ${sql.identifier(table)}
        where program_id = ${programId} and ${sql.identifier(column)} like ${prefix + '%'} and substr(${sql.identifier(column)}, ${prefix.length + 1}::int) ~ '^[0-9]+$'`,
  );
  return prefix + String(Number(rows[0]?.n ?? 0) + 1).padStart(6, '0');
}

/** 申請番号: A-000001, A-000002… */
export const nextApplicationNumber = (conn: Conn, programId: number) => nextInSeries(conn, programId, 'campaign_applications', 'number', 'A-');

/** 登録番号: R-000001… (imported facilities keep theirs in the same series). */
export const nextRegistrationNumber = (conn: Conn, programId: number) => nextInSeries(conn, programId, 'facilities', 'registration_number', 'R-');
