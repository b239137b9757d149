import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { MonthlyFigures } from '../../platform/module/manifest.js';

/** The register at the time of the report, and what was delivered in the month (月次報告書). */
export const deliverablesMonthlyFigures: MonthlyFigures = async (deps, program, month) => {
  const [r] = await queryRows<{ planned: number; proof: number; approved: number; delivered: number; deliveredInMonth: number }>(
    deps.db,
    sql`select count(*) filter (where status = 'planned')::int as planned,
               count(*) filter (where status = 'in-proof')::int as proof,
               count(*) filter (where status = 'approved')::int as approved,
               count(*) filter (where status = 'delivered')::int as delivered,
               count(*) filter (where to_char(delivered_on, 'YYYY-MM') = ${month})::int as "deliveredInMonth"
        from deliverables where program_id = ${program.id}`,
  );
  return [
    { label: '当月に納品した成果物（件）', value: r?.deliveredInMonth ?? 0 },
    { label: '成果物: 未着手（件）', value: r?.planned ?? 0 },
    { label: '成果物: 校正中（件）', value: r?.proof ?? 0 },
    { label: '成果物: 校了（件）', value: r?.approved ?? 0 },
    { label: '成果物: 納品済み（件）', value: r?.delivered ?? 0 },
  ];
};
