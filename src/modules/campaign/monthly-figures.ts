import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { MonthlyFigures } from '../../platform/module/manifest.js';

/** Business applications in the month (Asia/Tokyo): submitted, approved, and approved to date (月次報告書). */
export const campaignMonthlyFigures: MonthlyFigures = async (deps, program, month) => {
  if (program.kind !== 'campaign') return [];
  const [r] = await queryRows<{ submitted: number; approved: number; total: number }>(
    deps.db,
    sql`select count(*) filter (where to_char(submitted_at at time zone 'Asia/Tokyo', 'YYYY-MM') = ${month})::int as submitted,
               count(*) filter (where status = 'approved' and to_char(decided_at at time zone 'Asia/Tokyo', 'YYYY-MM') = ${month})::int as approved,
               count(*) filter (where status = 'approved' and to_char(decided_at at time zone 'Asia/Tokyo', 'YYYY-MM') <= ${month})::int as total
        from campaign_applications where program_id = ${program.id}`,
  );
  return [
    { label: '参加申請の受付（件）', value: r?.submitted ?? 0 },
    { label: '参加申請の承認（件）', value: r?.approved ?? 0 },
    { label: '参加事業者（月末までの承認累計）', value: r?.total ?? 0 },
  ];
};
