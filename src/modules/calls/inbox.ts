import type { ProgramInbox } from '../../platform/module/manifest.js';
import { cm } from './messages.js';
import { countOpenCallbacks } from './queries.js';

/** Work waiting at the call center (labels and counts only: the digest mails them). */
export const CALLS_INBOX: ProgramInbox[] = [
  {
    kinds: ['campaign'],
    roles: ['admin', 'operator', 'agent'],
    items: async (deps, p) => {
      const cb = await countOpenCallbacks(deps.db, p.id);
      return [{ label: cm('inbox.callbacks'), ...cb, href: `/admin/calls/${p.slug}` }];
    },
  },
];
