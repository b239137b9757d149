import { and, asc, eq, ilike, isNotNull, or, sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { cm } from './messages.js';
import { campaignApplications, type ApplicationStatus } from './schema.js';

export interface ApplicationStatusEntry {
  number: string;
  facilityName: string;
  status: ApplicationStatus;
  /** 審査中, 参加決定… (the back office's label). */
  statusLabel: string;
  /** Where the application stands: 受付, 審査, 結果通知済み. */
  stage: string;
}

const STAGE: Record<ApplicationStatus, string> = {
  draft: '申請前',
  submitted: '審査',
  returned: '申請者の修正待ち',
  escalated: '審査（市に照会中）',
  answered: '審査',
  approved: '結果通知済み',
  rejected: '結果通知済み',
};

/**
 * An application's status and stage by its number (A-000001) or part of its facility's name, for
 * the call center: status and stage only, never the applicant's personal data. The caller audits
 * the look-up.
 */
export async function lookUpApplicationStatus(conn: Conn, programId: number, q: string, limit = 10): Promise<ApplicationStatusEntry[]> {
  const query = q.trim();
  if (!query) return [];
  const byNumber = /^[aA]-?\d{1,6}$/.test(query) ? `A-${query.replace(/^[aA]-?/, '').padStart(6, '0')}` : null;
  const like = `%${query.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
  const rows = await conn
    .select({ number: campaignApplications.number, facility: campaignApplications.facility, status: campaignApplications.status })
    .from(campaignApplications)
    .where(
      and(
        eq(campaignApplications.programId, programId),
        isNotNull(campaignApplications.number),
        byNumber ? eq(campaignApplications.number, byNumber) : or(ilike(sql`${campaignApplications.facility}->>'name'`, like), ilike(sql`${campaignApplications.facility}->>'nameKana'`, like)),
      ),
    )
    .orderBy(asc(campaignApplications.number))
    .limit(limit);
  return rows.map((r) => ({
    number: r.number!,
    facilityName: typeof r.facility.name === 'string' ? r.facility.name : '',
    status: r.status,
    statusLabel: cm(`status.${r.status}`),
    stage: STAGE[r.status],
  }));
}
