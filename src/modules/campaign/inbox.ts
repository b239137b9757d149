import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { ProgramInbox } from '../../platform/module/manifest.js';
import { cm } from './messages.js';

type Deps = Parameters<ProgramInbox['items']>[0];

const one = async (deps: Deps, query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(deps.db, query))[0]?.n ?? 0;

/** Applications and profile changes waiting for the secretariat; questions waiting for the City. */
export const CAMPAIGN_INBOX: ProgramInbox[] = [
  {
    kinds: ['campaign'],
    roles: ['admin', 'operator'],
    items: async (deps, p) => [
      {
        label: cm('inbox.review'),
        count: await one(deps, sql`select count(*)::int as n from campaign_applications where program_id = ${p.id} and status in ('submitted', 'answered')`),
        href: `/admin/campaign/${p.slug}`,
      },
      {
        label: cm('inbox.profiles'),
        count: await one(deps, sql`select count(*)::int as n from facilities where program_id = ${p.id} and pending_profile is not null`),
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
        count: await one(deps, sql`select count(*)::int as n from campaign_applications where program_id = ${p.id} and status = 'escalated'`),
        href: `/admin/campaign/${p.slug}?status=escalated`,
      },
    ],
  },
];
