import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { MonthlyFigures } from '../../platform/module/manifest.js';

/** Calls received in the month, by caller (月次報告書). */
export const callsMonthlyFigures: MonthlyFigures = async (deps, program, month) => {
  if (program.kind !== 'campaign') return [];
  const [r] = await queryRows<{ total: number; user: number; business: number }>(
    deps.db,
    sql`select count(*)::int as total,
               count(*) filter (where caller_type = 'user')::int as user,
               count(*) filter (where caller_type = 'business')::int as business
        from call_logs where program_id = ${program.id} and to_char(day, 'YYYY-MM') = ${month}`,
  );
  return [
    { label: '問い合わせ（件）', value: r?.total ?? 0 },
    { label: 'うち利用者から（件）', value: r?.user ?? 0 },
    { label: 'うち事業者から（件）', value: r?.business ?? 0 },
  ];
};
