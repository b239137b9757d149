import type { ProgramInbox } from '../../platform/module/manifest.js';
import { tokyoDate } from '../../platform/calendar/index.js';
import { cm } from './messages.js';
import { linePlans } from './queries.js';
import { callCenterConfig } from './settings.js';
import { shortDays, warnRange } from './staffing.js';

type InboxDeps = Parameters<ProgramInbox['items']>[0];
type InboxProgram = Parameters<ProgramInbox['items']>[1];

/** Days of the next two weeks (in the call center's period) with fewer lines planned than needed; due: the first of them. */
async function lineShortageItem(deps: InboxDeps, p: InboxProgram) {
  const cfg = callCenterConfig(p);
  const range = warnRange(cfg, tokyoDate(deps.clock.now()));
  const short = range ? shortDays(range, cfg, await linePlans(deps.db, p.id, range.from, range.to)) : [];
  const first = short[0]?.date ?? null;
  return { label: cm('inbox.linesShort'), count: short.length, oldest: null, due: first, href: `/admin/calls/${p.slug}/reports${first ? `?month=${first.slice(0, 7)}` : ''}` };
}
import { countOpenCallbacks, pendingTallies, recentSubmissions } from './queries.js';

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
    items: async (deps, p) => [
      { label: cm('inbox.dailyToSubmit'), ...(await pendingTallies(deps.db, p.id, 'daily')), href: `/admin/calls/${p.slug}/reports` },
      { label: cm('inbox.monthlyToSubmit'), ...(await pendingTallies(deps.db, p.id, 'monthly')), href: `/admin/calls/${p.slug}/reports` },
      await lineShortageItem(deps, p),
    ],
  },
  {
    kinds: ['campaign'],
    roles: ['city'],
    items: async (deps, p) => {
      // Tallies submitted in the last 7 days, for the City to read, counted on time and late.
      const subs = await recentSubmissions(deps.db, p.id, new Date(deps.clock.now().getTime() - 7 * 86_400_000));
      const onTime = subs.filter((s) => s.onTime).length;
      return [{ label: cm('inbox.submittedDaily', { onTime, late: subs.length - onTime }), count: subs.length, oldest: subs.at(-1)?.submittedAt ?? null, href: `/admin/calls/${p.slug}/reports` }];
    },
  },
  // FAQ entries wait for the City (and come back to the operator) in the site's approval inbox.
];
