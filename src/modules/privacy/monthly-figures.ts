import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { MonthlyFigures } from '../../platform/module/manifest.js';

/** Incidents discovered in the month and those still open (counts only; 月次報告書). */
export const privacyMonthlyFigures: MonthlyFigures = async (deps, program, month) => {
  const [r] = await queryRows<{ discovered: number; open: number }>(
    deps.db,
    sql`select count(*) filter (where to_char(discovered_on, 'YYYY-MM') = ${month})::int as discovered,
               count(*) filter (where status = 'open')::int as open
        from privacy_incidents where program_id = ${program.id}`,
  );
  return [
    { label: '個人情報の事故の発生（件）', value: r?.discovered ?? 0 },
    { label: '対応中の事故（件）', value: r?.open ?? 0 },
  ];
};
