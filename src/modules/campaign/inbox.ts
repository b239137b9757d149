import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { ProgramInbox } from '../../platform/module/manifest.js';
import { counted } from '../../platform/inbox/counted.js';
import { cm } from './messages.js';

type Deps = Parameters<ProgramInbox['items']>[0];

/** A count and since when the oldest counted row has waited (`select count(*) as n, min(...) as oldest`). */
async function waiting(deps: Deps, query: ReturnType<typeof sql>): Promise<{ count: number; oldest: Date | null }> {
  const [row] = await queryRows<{ n: number; oldest: Date | string | null }>(deps.db, query);
  return counted(row);
}

/** Applications and profile changes waiting for the secretariat; questions waiting for the City. */
export const CAMPAIGN_INBOX: ProgramInbox[] = [
  {
    kinds: ['campaign'],
    roles: ['admin', 'operator'],
    items: async (deps, p) => [
      {
        label: cm('inbox.review'),
        ...(await waiting(deps, sql`select count(*)::int as n, min(coalesce(submitted_at, updated_at)) as oldest from campaign_applications where program_id = ${p.id} and status in ('submitted', 'answered')`)),
        href: `/admin/campaign/${p.slug}`,
      },
      {
        label: cm('inbox.profiles'),
        ...(await waiting(deps, sql`select count(*)::int as n, min(pending_since) as oldest from facilities where program_id = ${p.id} and pending_profile is not null`)),
        href: `/admin/campaign/${p.slug}/profiles`,
      },
    ],
  },
  {
    kinds: ['campaign'],
    roles: ['city'],
    items: async (deps, p) => [
      {
        label: cm('inbox.escalated'),
        ...(await waiting(deps, sql`select count(*)::int as n, min(updated_at) as oldest from campaign_applications where program_id = ${p.id} and status = 'escalated'`)),
        href: `/admin/campaign/${p.slug}?status=escalated`,
      },
    ],
  },
];
