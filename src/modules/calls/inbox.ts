import type { ProgramInbox } from '../../platform/module/manifest.js';
import { cm } from './messages.js';
import { countFaq, countOpenCallbacks } from './queries.js';

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
  {
    kinds: ['campaign'],
    roles: ['admin', 'operator'],
    items: async (deps, p) => [{ label: cm('inbox.faqProposed'), ...(await countFaq(deps.db, p.id)), href: `/admin/calls/${p.slug}/faq` }],
  },
  {
    kinds: ['campaign'],
    roles: ['city'],
    items: async (deps, p) => [{ label: cm('inbox.faqToApprove'), ...(await countFaq(deps.db, p.id)), href: `/admin/calls/${p.slug}/faq` }],
  },
];
