import type { ProgramInbox } from '../../platform/module/manifest.js';
import { counted } from '../../platform/inbox/counted.js';
import { pm } from './messages.js';
import { pendingStaffRequests } from './queries.js';
import { openIncidents } from './incidents/queries.js';
import { im } from './incidents/messages.js';

/** Roster requests waiting for the City's approval. */
export const PRIVACY_INBOX: ProgramInbox[] = [
  {
    kinds: ['campaign', 'event'],
    roles: ['city'],
    items: async (deps, p) => [{ label: pm('inbox.pending'), ...counted(await pendingStaffRequests(deps.db, p.id)), href: `/admin/privacy/${p.slug}/staff` }],
  },
  {
    kinds: ['campaign', 'event'],
    roles: ['city', 'admin', 'operator'],
    items: async (deps, p) => {
      const open = await openIncidents(deps.db, p.id);
      return [{ label: im('inbox.open'), ...counted(open), due: open.due, href: `/admin/privacy/${p.slug}/incidents` }];
    },
  },
];
