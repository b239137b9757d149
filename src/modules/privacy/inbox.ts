import type { ProgramInbox } from '../../platform/module/manifest.js';
import { counted } from '../../platform/inbox/counted.js';
import { pm } from './messages.js';
import { pendingStaffRequests } from './queries.js';
import { openIncidents } from './incidents/queries.js';
import { im } from './incidents/messages.js';
import { tokyoDate } from '../../platform/calendar/index.js';
import { programSetting } from '../../platform/programs/queries.js';
import { em } from './erasure/messages.js';
import { findErasure } from './erasure/queries.js';
import { hm } from './handovers/messages.js';
import { receivedDataDue } from './handovers/queries.js';

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
  {
    // The retention date passed without an erasure; an erasure whose report is not made yet.
    kinds: ['campaign', 'event'],
    roles: ['admin', 'operator'],
    items: async (deps, p) => {
      const erasure = await findErasure(deps.db, p.id);
      const retention = programSetting<string | null>(p, 'retentionUntil', null);
      const href = `/admin/privacy/${p.slug}/erasure`;
      if (!erasure) return retention && retention <= tokyoDate(deps.clock.now()) ? [{ label: em('inbox.retention'), count: 1, due: retention, href }] : [];
      return erasure.certificateIssuedAt ? [] : [{ label: em('inbox.certificate'), count: 1, oldest: erasure.executedAt, due: erasure.certificateDueOn, href }];
    },
  },
  {
    // Data received from the City whose use-until date has come, not yet erased.
    kinds: ['campaign', 'event'],
    roles: ['admin', 'operator'],
    items: async (deps, p) => {
      const r = await receivedDataDue(deps.db, p.id, tokyoDate(deps.clock.now()));
      return [{ label: hm('inbox.useUntil'), count: r.n, due: r.due, href: `/admin/privacy/${p.slug}/handovers` }];
    },
  },
];
