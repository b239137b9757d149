import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { users } from '../../../platform/auth/schema.js';
import { formatJaDate, tokyoDate } from '../../../platform/calendar/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import type { Program } from '../../../platform/programs/schema.js';
import { facilityDirectory } from '../../campaign/index.js';
import { monthLabel, sm, yen } from '../messages.js';
import { facilityUsers, type PaymentBatch } from '../schema.js';

/**
 * Mails each business of a batch about its own money, in the caller's transaction (the close or
 * the payment): `ready` when the month is closed and its statement can be downloaded, `paid` when
 * the batch is marked paid. Each mail goes to the active users who act for the facility and holds
 * only that facility's name, the month, its count and amount (and the payment date): nothing of
 * any other business. Nobody linked to a facility: no mail for it.
 */
export async function mailBatchBusinesses(ctx: CommandContext, program: Program, batch: PaymentBatch, kind: 'ready' | 'paid'): Promise<number> {
  const rows = await queryRows<{ facility_id: number; name: string; n: number; total: string | number; email: string }>(
    ctx.tx,
    sql`select t.facility_id, f.name, t.n, t.total, u.email
        from (select facility_id, count(*)::int as n, sum(amount) as total from payment_batch_claims where batch_id = ${batch.id} group by facility_id) t
        join ${facilityDirectory} f on f.id = t.facility_id
        join ${facilityUsers} fu on fu.facility_id = t.facility_id
        join ${users} u on u.id = fu.user_id and u.status = 'active'
        order by t.facility_id, u.id`,
  );
  const month = monthLabel(batch.month);
  const url = `${ctx.deps.config.publicBaseUrl}/${program.slug}/business/money`;
  const paidOn = formatJaDate(batch.transferDate ?? tokyoDate(batch.paidAt ?? ctx.now));
  for (const r of rows) {
    const params = { facility: r.name, program: program.name, month, claims: Number(r.n).toLocaleString('ja-JP'), amount: yen(Number(r.total)), date: paidOn, url };
    await queueMail(ctx.tx, ctx.deps, {
      programId: program.id,
      template: kind === 'ready' ? 'settlement.statement_ready' : 'settlement.paid',
      to: r.email,
      subject: sm(kind === 'ready' ? 'mail.statementReady.subject' : 'mail.paid.subject', { month }),
      text: sm(kind === 'ready' ? 'mail.statementReady.body' : 'mail.paid.body', params),
    });
  }
  return rows.length;
}
