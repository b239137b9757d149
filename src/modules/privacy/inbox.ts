import type { ProgramInbox } from '../../platform/module/manifest.js';
import { counted } from '../../platform/inbox/counted.js';
import { pm } from './messages.js';
import { pendingStaffRequests } from './queries.js';

/** Roster requests waiting for the City's approval. */
export const PRIVACY_INBOX: ProgramInbox[] = [
  {
    kinds: ['campaign', 'event'],
    roles: ['city'],
    items: async (deps, p) => [{ label: pm('inbox.pending'), ...counted(await pendingStaffRequests(deps.db, p.id)), href: `/admin/privacy/${p.slug}/staff` }],
  },
];
