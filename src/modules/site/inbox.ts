import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { ProgramInbox } from '../../platform/module/manifest.js';
import { sam } from './messages.js';

/** Contents of the campaign website whose latest version is in this state, for the back-office home. */
async function latestVersionsIn(deps: Parameters<ProgramInbox['items']>[0], programId: number, status: 'pending' | 'rejected'): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    deps.db,
    sql`select count(*)::int as n from site_content_versions v
        where v.program_id = ${programId} and v.status = ${status}
          and not exists (select 1 from site_content_versions w where w.content_id = v.content_id and w.id > v.id)`,
  );
  return row?.n ?? 0;
}

/** The City approves what the secretariat submits; the secretariat reworks what the City sends back. */
export const SITE_INBOX: ProgramInbox[] = [
  {
    kinds: ['campaign'],
    roles: ['admin', 'city'],
    items: async (deps, p) => [{ label: sam('inbox.pending'), count: await latestVersionsIn(deps, p.id, 'pending'), href: `/admin/site/${p.slug}` }],
  },
  {
    kinds: ['campaign'],
    roles: ['operator'],
    items: async (deps, p) => [{ label: sam('inbox.rejected'), count: await latestVersionsIn(deps, p.id, 'rejected'), href: `/admin/site/${p.slug}` }],
  },
];
