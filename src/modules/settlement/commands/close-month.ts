import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../../db/client.js';
import { addDays, isBusinessDay, tokyoDate } from '../../../platform/calendar/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { accountId, move } from '../ledger.js';
import { mailBatchBusinesses } from './business-mails.js';
import { sm } from '../messages.js';
import { paymentBatches, type PaymentBatch } from '../schema.js';

export function parseMonth(month: string): { first: string; next: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new AppError('validation-failed', sm('cmd.monthFormat'), { fieldErrors: [{ field: 'month', message: sm('cmd.monthFormat.field') }] });
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
  return { first: `${month}-01`, next };
}

export async function findBatch(ctx: { tx: Conn }, programId: number, month: string): Promise<PaymentBatch | undefined> {
  const [b] = await ctx.tx.select().from(paymentBatches).where(and(eq(paymentBatches.programId, programId), eq(paymentBatches.month, month)));
  return b;
}

/**
 * Closes a month: every approved stay that checked out by the end of it and is not yet in a batch
 * joins this month's batch (payment_batch_claims), in one statement. Closing again returns the same batch; a closed
 * batch never changes — a stay approved later goes into the next month's batch.
 */
export async function closeMonth(ctx: CommandContext, program: Program, month: string): Promise<{ batch: PaymentBatch; created: boolean }> {
  const { next } = parseMonth(month);
  const existing = await findBatch(ctx, program.id, month);
  if (existing) return { batch: existing, created: false };
  // Serialises closes of one program, so two operators closing at once get one batch.
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(720145100, ${program.id})`);
  const again = await findBatch(ctx, program.id, month);
  if (again) return { batch: again, created: false };
  const [batch] = await ctx.tx.insert(paymentBatches).values({ programId: program.id, month, claimCount: 0, total: 0, closedAt: ctx.now }).returning();
  const [sums] = await queryRows<{ n: number; total: string | number | null }>(
    ctx.tx,
    sql`with taken as (
          insert into payment_batch_claims (claim_id, batch_id, facility_id, amount)
          select c.id, ${batch!.id}, c.facility_id, c.discount from claims c
          where c.program_id = ${program.id} and c.status = 'approved' and c.check_out < ${next}
            and not exists (select 1 from payment_batch_claims m where m.claim_id = c.id)
          returning amount)
        select count(*)::int as n, sum(amount) as total from taken`,
  );
  const [updated] = await ctx.tx
    .update(paymentBatches)
    .set({ claimCount: Number(sums!.n), total: Number(sums!.total ?? 0) })
    .where(eq(paymentBatches.id, batch!.id))
    .returning();
  ctx.audit({ action: 'settlement.month.closed', programId: program.id, targetType: 'payment_batch', targetId: batch!.id, diff: { month, claims: updated!.claimCount, total: updated!.total } });
  // Each business of the batch hears that its statement is ready, in this transaction.
  await mailBatchBusinesses(ctx, program, updated!, 'ready');
  return { batch: updated!, created: true };
}

/**
 * The month-end close as operators run it: only a month that has ended (Asia/Tokyo) can be
 * closed, since stays checking out later in the month would otherwise miss it. closeMonth itself
 * stays unguarded for fixtures that close months ahead of the test clock (test/platform/route-seeds.ts).
 */
export async function closeEndedMonth(ctx: CommandContext, program: Program, month: string): Promise<{ batch: PaymentBatch; created: boolean }> {
  const { next } = parseMonth(month);
  const today = tokyoDate(ctx.now);
  if (today < next) {
    throw new AppError('conflict', sm('cmd.monthNotEnded', { year: month.slice(0, 4), month: month.slice(5, 7), next, today }), {
      fieldErrors: [{ field: 'month', message: sm('cmd.monthNotEnded.field') }],
    });
  }
  return closeMonth(ctx, program, month);
}

/** Per-facility totals of a batch: what each business is paid. */
export async function batchTotals(ctx: Pick<CommandContext, 'tx'>, batchId: number): Promise<Array<{ facilityId: number; claims: number; total: number }>> {
  const rows = await queryRows<{ facility_id: number; n: number; total: string | number }>(
    ctx.tx,
    sql`select facility_id, count(*)::int as n, sum(amount) as total from payment_batch_claims where batch_id = ${batchId} group by facility_id order by facility_id`,
  );
  return rows.map((r) => ({ facilityId: Number(r.facility_id), claims: Number(r.n), total: Number(r.total) }));
}

/** A transfer date must be a bank business day, on or after the close. */
export function checkTransferDate(date: string): void {
  if (!isBusinessDay(date)) {
    throw new AppError('validation-failed', sm('cmd.transferNotBankDay', { date, next: nextBankDay(date) }), { fieldErrors: [{ field: 'transferDate', message: sm('cmd.transferNotBankDay.field') }] });
  }
}

function nextBankDay(date: string): string {
  let d = addDays(date, 1);
  while (!isBusinessDay(d)) d = addDays(d, 1);
  return d;
}

/** The batch of a month, locked for the rest of the transaction (re-read under the lock). */
export async function lockBatch(ctx: { tx: Conn }, programId: number, month: string): Promise<PaymentBatch | undefined> {
  const [batch] = await ctx.tx.select().from(paymentBatches).where(and(eq(paymentBatches.programId, programId), eq(paymentBatches.month, month))).for('update');
  return batch;
}

/**
 * Marks a batch paid: the money moves from approved to paid in the ledger, per facility. Only a
 * batch whose 全銀 file was written can be paid (409 before): the money leaves through that file,
 * and its hash, recorded on the batch, says which one.
 */
export async function markBatchPaid(ctx: CommandContext, program: Program, month: string): Promise<PaymentBatch> {
  // Locked and re-read: two marks at once move the money once (the second finds the batch paid).
  const batch = await lockBatch(ctx, program.id, month);
  if (!batch) throw new AppError('not-found', sm('cmd.monthNotClosed', { month }));
  if (batch.status === 'paid') return batch;
  if (!batch.zenginSha256) throw new AppError('conflict', sm('cmd.paidWithoutZengin', { month }));
  for (const t of await batchTotals(ctx, batch.id)) {
    const from = await accountId(ctx.tx, program.id, t.facilityId, 'approved');
    const to = await accountId(ctx.tx, program.id, t.facilityId, 'paid');
    await move(ctx.tx, { programId: program.id, from, to, amount: t.total, reason: 'paid' });
  }
  await ctx.tx.execute(sql`update claims set status = 'paid', updated_at = ${ctx.now.toISOString()} where id in (select claim_id from payment_batch_claims where batch_id = ${batch.id})`);
  const [paid] = await ctx.tx.update(paymentBatches).set({ status: 'paid', paidAt: ctx.now }).where(eq(paymentBatches.id, batch.id)).returning();
  ctx.audit({ action: 'settlement.batch.paid', programId: program.id, targetType: 'payment_batch', targetId: batch.id, diff: { month, total: batch.total, zenginSha256: batch.zenginSha256, transferDate: batch.transferDate } });
  await mailBatchBusinesses(ctx, program, paid!, 'paid');
  return paid!;
}
