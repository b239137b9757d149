import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { CommandContext } from '../../platform/command.js';
import type { Program } from '../../platform/programs/schema.js';
import { accountId } from './ledger.js';

/**
 * The demo's weeks of history in bulk (a few hundred stays would otherwise cost a dozen round
 * trips each and keep a newcomer's first start waiting): the same rows, ledger movements and
 * audit entries that reportStay and reviewClaim write, in a few statements. Used by the demo only,
 * for stays reported exactly as booked; the latest weeks go through the commands themselves.
 */

const textArray = (values: string[]) => `{${values.join(',')}}`;
const intArray = (values: number[]) => `{${values.join(',')}}`;

/** Stays reported as booked: the discount stands (reportStay would recompute the same), nothing is released. */
export async function reportStaysAsBooked(ctx: CommandContext, program: Program, refs: string[]): Promise<void> {
  if (!refs.length) return;
  const rows = await queryRows<{ id: number; discount: number; nights: number; guests: number; total_price: number }>(
    ctx.tx,
    sql`update claims set status = 'stayed', stay = jsonb_build_object('nights', nights, 'guests', guests, 'totalPrice', total_price), review_reason = null, updated_at = ${ctx.now.toISOString()}
        where program_id = ${program.id} and status = 'reserved' and booking_ref = any(${textArray(refs)}::text[])
        returning id, discount, nights, guests, total_price`,
  );
  if (rows.length !== refs.length) throw new Error(`demo: ${refs.length - rows.length} stays not reportable`);
  for (const r of rows) {
    const discount = Number(r.discount);
    const stay = { nights: Number(r.nights), guests: Number(r.guests), totalPrice: Number(r.total_price) };
    ctx.audit({ action: 'settlement.claim.stay_reported', programId: program.id, targetType: 'claim', targetId: Number(r.id), diff: { discount: [discount, discount], stay } });
  }
}

/** Reported stays approved: each claim's discount moves from its facility's reserved to approved account. */
export async function approveStays(ctx: CommandContext, program: Program, refs: string[]): Promise<void> {
  if (!refs.length) return;
  const rows = await queryRows<{ id: number; facility_id: number; discount: number }>(
    ctx.tx,
    sql`update claims set status = 'approved', review_reason = null, updated_at = ${ctx.now.toISOString()}
        where program_id = ${program.id} and status = 'stayed' and booking_ref = any(${textArray(refs)}::text[])
        returning id, facility_id, discount`,
  );
  if (rows.length !== refs.length) throw new Error(`demo: ${refs.length - rows.length} stays not approvable`);
  const moving = rows.filter((r) => Number(r.discount) > 0);
  const accounts = new Map<number, { reserved: number; approved: number }>();
  for (const f of new Set(moving.map((r) => Number(r.facility_id)))) {
    accounts.set(f, { reserved: await accountId(ctx.tx, program.id, f, 'reserved'), approved: await accountId(ctx.tx, program.id, f, 'approved') });
  }
  if (moving.length) {
    const from = moving.map((r) => accounts.get(Number(r.facility_id))!.reserved);
    const to = moving.map((r) => accounts.get(Number(r.facility_id))!.approved);
    const amount = moving.map((r) => Number(r.discount));
    // One entry per claim, and each account's balance changed once (the check constraint refuses an overdraft).
    await ctx.tx.execute(
      sql`insert into ledger_entries (program_id, from_account, to_account, amount, reason, claim_id, at)
          select ${program.id}, f, t, a, 'approved', c, ${ctx.now.toISOString()}
          from unnest(${intArray(from)}::int[], ${intArray(to)}::int[], ${intArray(amount)}::bigint[], ${intArray(moving.map((r) => Number(r.id)))}::bigint[]) as m(f, t, a, c)`,
    );
    await ctx.tx.execute(
      sql`update ledger_accounts l set balance = l.balance + d.delta
          from (select acc, sum(delta) as delta from unnest(${intArray([...from, ...to])}::int[], ${intArray([...amount.map((a) => -a), ...amount])}::bigint[]) as x(acc, delta) group by acc) d
          where l.id = d.acc`,
    );
  }
  for (const r of rows) ctx.audit({ action: 'settlement.claim.approved', programId: program.id, targetType: 'claim', targetId: Number(r.id), diff: { reason: '' } });
}
