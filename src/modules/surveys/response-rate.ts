import { sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../db/client.js';
import { facilityNamesOf } from '../campaign/index.js';
import { approvedStaysByFacility } from '../settlement/index.js';

export interface FacilityRate {
  id: number;
  code: string;
  name: string;
  responses: number;
  stays: number;
  /** Responses per approved stay, as a percentage (null without stays). */
  rate: number | null;
}

/** The facility code a QR card carries: the facility's number in the program. */
export const facilityCode = (id: number) => String(id);

/** Responses per facility against its approved stays (campaigns). */
export async function facilityRates(db: Conn, programId: number): Promise<FacilityRate[]> {
  const facilities = await facilityNamesOf(db, programId);
  const stays = await approvedStaysByFacility(db, programId);
  const counts = await queryRows<{ code: string; n: number }>(db, sql`select facility_code as code, count(*)::int as n from survey_responses where program_id = ${programId} and facility_code is not null group by 1`);
  const by = new Map(counts.map((c) => [c.code, Number(c.n)]));
  return facilities.map((f) => {
    const code = facilityCode(f.id);
    const responses = by.get(code) ?? 0;
    const s = stays.get(f.id) ?? 0;
    return { id: f.id, code, name: f.name, responses, stays: s, rate: s ? Math.round((responses / s) * 1000) / 10 : null };
  });
}
