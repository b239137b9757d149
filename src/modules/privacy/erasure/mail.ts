import { sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../../db/client.js';

/** The program's sent-mail rows that still carry a body (sealed text or HTML). */
const withBody = (programId: number) => sql`program_id = ${programId} and (text_sealed <> '' or html_sealed is not null)`;

/** How many of the program's mails still carry a body. */
export async function mailBodiesHeld(conn: Conn, programId: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(conn, sql`select count(*)::int as n from mail_outbox where ${withBody(programId)}`);
  return row!.n;
}

/**
 * Purges the bodies of the program's mails (mail_outbox rows carry the program's id and are sealed
 * under its key): text and HTML are emptied, the row stays — sealed recipient, subject (never
 * personal data), template, times and status — as the record that the mail was sent. A mail not
 * sent yet is not sent any more (failed, `data erased`, as the mail job marks it).
 */
export async function blankProgramMail(conn: Conn, programId: number): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    conn,
    sql`update mail_outbox set text_sealed = '', html_sealed = null,
          last_error = case when status in ('queued', 'held') then 'data erased' else last_error end,
          status = case when status in ('queued', 'held') then 'failed' else status end
        where ${withBody(programId)} returning id`,
  );
  return rows.length;
}
