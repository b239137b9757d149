import { counted } from '../../../platform/inbox/counted.js';
import type { ProgramInbox } from '../../../platform/module/manifest.js';
import { pp } from './messages.js';
import { countReports } from './monthly/queries.js';
import { structureChangedSinceNotice } from './notices/queries.js';

/** The papers' waiting work: a 体制変更届 to file, a monthly report to complete, one for the City to receive. */
export const PAPERS_INBOX: ProgramInbox[] = [
  {
    kinds: ['campaign', 'event'],
    roles: ['admin', 'operator'],
    items: async (deps, p) => {
      const change = await structureChangedSinceNotice(deps.db, p);
      return [
        { label: pp('inbox.structureChanged'), count: change.changed ? 1 : 0, oldest: change.since, href: `/admin/records/${p.slug}/notices` },
        { label: pp('inbox.monthlyDraft'), ...counted(await countReports(deps.db, p.id, 'draft')), href: `/admin/records/${p.slug}/monthly` },
      ];
    },
  },
  {
    kinds: ['campaign', 'event'],
    roles: ['city'],
    items: async (deps, p) => [{ label: pp('inbox.monthlySent'), ...counted(await countReports(deps.db, p.id, 'sent')), href: `/admin/records/${p.slug}/monthly` }],
  },
];
