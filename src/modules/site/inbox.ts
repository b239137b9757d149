import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { tokyoDate } from '../../platform/calendar/index.js';
import type { ProgramInbox } from '../../platform/module/manifest.js';
import { counted } from '../../platform/inbox/counted.js';
import { sam } from './messages.js';

/**
 * Contents of the campaign website whose latest version is in this state: how many, since when the
 * oldest has waited, and the earliest day one of them is to be published (the City's deadline).
 */
async function latestVersionsIn(deps: Parameters<ProgramInbox['items']>[0], programId: number, status: 'pending' | 'rejected') {
  const [row] = await queryRows<{ n: number; oldest: Date | string | null; due: Date | string | null }>(
    deps.db,
    sql`select count(*)::int as n, min(coalesce(v.decided_at, v.submitted_at, v.created_at)) as oldest, min(v.publish_at) as due from site_content_versions v
        where v.program_id = ${programId} and v.status = ${status}
          and not exists (select 1 from site_content_versions w where w.content_id = v.content_id and w.id > v.id)`,
  );
  return { ...counted(row), due: row?.due ? tokyoDate(new Date(row.due)) : null };
}

/** Accessibility tests in this state: how many and since when the oldest has waited. */
async function a11yTestsIn(deps: Parameters<ProgramInbox['items']>[0], programId: number, status: 'pending' | 'returned') {
  const [row] = await queryRows<{ n: number; oldest: Date | string | null }>(
    deps.db,
    sql`select count(*)::int as n, min(coalesce(decided_at, submitted_at, created_at)) as oldest from site_a11y_tests where program_id = ${programId} and status = ${status}`,
  );
  return { count: Number(row?.n ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null, due: null };
}

/** The City approves what the secretariat submits; the secretariat reworks what the City sends back. */
export const SITE_INBOX: ProgramInbox[] = [
  {
    kinds: ['campaign'],
    roles: ['admin', 'city'],
    items: async (deps, p) => [
      { label: sam('inbox.pending'), ...(await latestVersionsIn(deps, p.id, 'pending')), href: `/admin/site/${p.slug}` },
      { label: sam('inbox.a11yPending'), ...(await a11yTestsIn(deps, p.id, 'pending')), href: `/admin/site/${p.slug}/accessibility` },
    ],
  },
  {
    kinds: ['campaign'],
    roles: ['operator'],
    items: async (deps, p) => [
      { label: sam('inbox.rejected'), ...(await latestVersionsIn(deps, p.id, 'rejected')), href: `/admin/site/${p.slug}` },
      { label: sam('inbox.a11yReturned'), ...(await a11yTestsIn(deps, p.id, 'returned')), href: `/admin/site/${p.slug}/accessibility` },
    ],
  },
];
