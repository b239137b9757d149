import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { MonthlyFigures } from '../../platform/module/manifest.js';

/** Survey responses received in the month (Asia/Tokyo), by channel (月次報告書). */
export const surveysMonthlyFigures: MonthlyFigures = async (deps, program, month) => {
  const [r] = await queryRows<{ total: number; web: number; paper: number }>(
    deps.db,
    sql`select count(*)::int as total,
               count(*) filter (where channel = 'web')::int as web,
               count(*) filter (where channel = 'paper')::int as paper
        from survey_responses where program_id = ${program.id} and to_char(created_at at time zone 'Asia/Tokyo', 'YYYY-MM') = ${month}`,
  );
  return [
    { label: 'アンケートの回答（件）', value: r?.total ?? 0 },
    { label: 'うちウェブ（件）', value: r?.web ?? 0 },
    { label: 'うち紙（件）', value: r?.paper ?? 0 },
  ];
};
