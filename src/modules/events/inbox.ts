import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { ProgramInbox } from '../../platform/module/manifest.js';
import { counted } from '../../platform/inbox/counted.js';
import { am } from './messages.js';

/** Confirmation sheets still to be posted to people who applied by FAX, phone or post. */
export const EVENTS_INBOX: ProgramInbox[] = [
  {
    kinds: ['event'],
    roles: ['admin', 'operator'],
    items: async (deps, p) => {
      const [row] = await queryRows<{ n: number; oldest: Date | string | null }>(
        deps.db,
        sql`select count(*)::int as n, min(created_at) as oldest from event_registrations where program_id = ${p.id} and print_status = 'to-send'`,
      );
      return [{ label: am('inbox.toSend'), ...counted(row), href: `/admin/events/${p.slug}/to-send` }];
    },
  },
];
