import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { tokyoDate } from '../../platform/calendar/index.js';
import { counted } from '../../platform/inbox/counted.js';
import type { ProgramInbox } from '../../platform/module/manifest.js';
import { dm } from './messages.js';

type Row = { n: number; oldest: Date | string | null; due?: string | null };

/** Deliverables past their due date and not delivered: both the secretariat and the City see them. */
const overdue: ProgramInbox['items'] = async (deps, p) => {
  const today = tokyoDate(deps.clock.now());
  const [row] = await queryRows<Row>(deps.db, sql`select count(*)::int as n, min(due_on)::text as due, min(created_at) as oldest from deliverables where program_id = ${p.id} and status <> 'delivered' and due_on < ${today}`);
  return [{ label: dm('inbox.overdue'), ...counted(row), due: row?.due ?? null, href: `/admin/deliverables/${p.slug}` }];
};

export const DELIVERABLES_INBOX: ProgramInbox[] = [
  { kinds: ['campaign', 'event'], roles: ['admin', 'operator'], items: overdue },
  { kinds: ['campaign', 'event'], roles: ['city'], items: overdue },
  {
    kinds: ['campaign', 'event'],
    roles: ['city'],
    items: async (deps, p) => {
      const [row] = await queryRows<Row>(deps.db, sql`select count(*)::int as n, min(r.sent_at) as oldest from deliverable_rounds r join deliverables d on d.id = r.deliverable_id where d.program_id = ${p.id} and r.decision is null`);
      const [rec] = await queryRows<Row>(deps.db, sql`select count(*)::int as n, min(delivered_at) as oldest from deliverables where program_id = ${p.id} and status = 'delivered' and received_at is null`);
      return [
        { label: dm('inbox.awaitingCity'), ...counted(row), href: `/admin/deliverables/${p.slug}` },
        { label: dm('inbox.receipt'), ...counted(rec), href: `/admin/deliverables/${p.slug}` },
      ];
    },
  },
  {
    kinds: ['campaign', 'event'],
    roles: ['admin', 'operator'],
    items: async (deps, p) => {
      const [row] = await queryRows<Row>(
        deps.db,
        sql`select count(*)::int as n, min(r.answered_at) as oldest from deliverable_rounds r join deliverables d on d.id = r.deliverable_id
            where d.program_id = ${p.id} and d.status = 'in-proof' and r.decision = 'comments' and r.number = (select max(number) from deliverable_rounds x where x.deliverable_id = d.id)`,
      );
      return [{ label: dm('inbox.commentsBack'), ...counted(row), href: `/admin/deliverables/${p.slug}` }];
    },
  },
];
