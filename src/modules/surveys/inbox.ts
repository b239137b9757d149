import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { counted } from '../../platform/inbox/counted.js';
import type { ProgramInbox } from '../../platform/module/manifest.js';
import { sam } from './messages.js';

const BOTH = ['campaign', 'event'] as Array<'campaign' | 'event'>;

/** The questionnaire waiting for the City's approval; the draw for the City to see; paper and prizes waiting for staff. */
export const SURVEYS_INBOX: ProgramInbox[] = [
  {
    kinds: BOTH,
    roles: ['city'],
    items: async (deps, p) => {
      const [q] = await queryRows<{ n: number; oldest: Date | string | null }>(
        deps.db,
        sql`select count(*)::int as n, min(updated_at) as oldest from survey_questionnaires q where program_id = ${p.id} and status = 'draft'
            and version = (select max(version) from survey_questionnaires where program_id = ${p.id})`,
      );
      const [d] = await queryRows<{ n: number; oldest: Date | string | null }>(
        deps.db,
        sql`select count(*)::int as n, min(drawn_at) as oldest from survey_lotteries where program_id = ${p.id} and drawn_at is not null and confirmed_at is null`,
      );
      return [
        { label: sam('inbox.approval'), ...counted(q), href: `/admin/surveys/${p.slug}` },
        { label: sam('inbox.draw'), ...counted(d), href: `/admin/surveys/${p.slug}/lottery` },
      ];
    },
  },
  {
    kinds: BOTH,
    roles: ['admin', 'operator'],
    items: async (deps, p) => {
      const [s] = await queryRows<{ n: number; oldest: Date | string | null }>(
        deps.db,
        sql`select count(*)::int as n, min(created_at) as oldest from survey_paper_sheets where program_id = ${p.id} and response_id is null`,
      );
      return [{ label: sam('inbox.paper'), ...counted(s), href: `/admin/surveys/${p.slug}/paper` }];
    },
  },
];
