import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { MonthlyFigures } from '../../platform/module/manifest.js';

/** Discount claims of stays checking out in the month, and the month's payment batch (月次報告書). */
export const settlementMonthlyFigures: MonthlyFigures = async (deps, program, month) => {
  if (program.kind !== 'campaign') return [];
  const [r] = await queryRows<{ claims: number; approved: number; discount: string | number; batch: string | number | null }>(
    deps.db,
    sql`select count(*) filter (where status <> 'cancelled')::int as claims,
               count(*) filter (where status in ('approved', 'paid'))::int as approved,
               coalesce(sum(discount) filter (where status in ('approved', 'paid')), 0) as discount,
               (select total from payment_batches b where b.program_id = ${program.id} and b.month = ${month}) as batch
        from claims where program_id = ${program.id} and to_char(check_out, 'YYYY-MM') = ${month}`,
  );
  return [
    { label: '割引の申請（件、取消しを除く）', value: r?.claims ?? 0 },
    { label: '割引の承認（件）', value: r?.approved ?? 0 },
    { label: '承認した割引額（円）', value: Number(r?.discount ?? 0) },
    { label: '月末締めの支払額（円）', value: r?.batch == null ? '未締め' : Number(r.batch) },
  ];
};
