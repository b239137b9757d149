import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { ProgramInbox } from '../../platform/module/manifest.js';
import { counted } from '../../platform/inbox/counted.js';
import { sm } from './messages.js';

/** Reported stays waiting for the secretariat's review. */
export const SETTLEMENT_INBOX: ProgramInbox[] = [
  {
    kinds: ['campaign'],
    roles: ['admin', 'operator'],
    items: async (deps, p) => {
      const [row] = await queryRows<{ n: number; oldest: Date | string | null }>(deps.db, sql`select count(*)::int as n, min(updated_at) as oldest from claims where program_id = ${p.id} and status = 'stayed'`);
      return [{ label: sm('inbox.stays'), ...counted(row), href: `/admin/settlement/${p.slug}/claims` }];
    },
  },
];
