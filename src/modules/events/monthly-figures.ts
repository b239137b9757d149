import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { MonthlyFigures } from '../../platform/module/manifest.js';

/** Registrations received in the month, by outcome (月次報告書). */
export const eventsMonthlyFigures: MonthlyFigures = async (deps, program, month) => {
  if (program.kind !== 'event') return [];
  const [r] = await queryRows<{ received: number; confirmed: number; waitlisted: number; cancelled: number }>(
    deps.db,
    sql`select count(*) filter (where status <> 'merged')::int as received,
               count(*) filter (where status = 'confirmed')::int as confirmed,
               count(*) filter (where status = 'waitlisted')::int as waitlisted,
               count(*) filter (where status = 'cancelled')::int as cancelled
        from event_registrations where program_id = ${program.id} and to_char(received_on, 'YYYY-MM') = ${month}`,
  );
  return [
    { label: '参加申込みの受付（件）', value: r?.received ?? 0 },
    { label: 'うち参加確定（件）', value: r?.confirmed ?? 0 },
    { label: 'うちキャンセル待ち（件）', value: r?.waitlisted ?? 0 },
    { label: 'うち取消し（件）', value: r?.cancelled ?? 0 },
  ];
};
