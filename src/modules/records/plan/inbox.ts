import { addDays, tokyoDate } from '../../../platform/calendar/index.js';
import { counted } from '../../../platform/inbox/counted.js';
import type { Deps } from '../../../platform/deps.js';
import type { ProgramInbox } from '../../../platform/module/manifest.js';
import type { Program } from '../../../platform/programs/schema.js';
import { meetingMonths, minutesIn } from './meetings/queries.js';
import { plm } from './messages.js';
import { scheduleApproval } from './schedule/queries.js';

const meetingsHref = (p: Program) => `/admin/records/${p.slug}/meetings`;

/**
 * The calendar months (YYYY-MM) that have ended without a meeting, from the month the contract
 * (else the program's record) starts to the month before today, within the contract (002 §9-3).
 */
export async function monthsWithoutMeeting(deps: Deps, p: Program): Promise<string[]> {
  const today = tokyoDate(deps.clock.now());
  const from = (p.startsOn ?? tokyoDate(p.createdAt)).slice(0, 7);
  let to = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  if (p.endsOn && p.endsOn.slice(0, 7) < to) to = p.endsOn.slice(0, 7);
  if (to < from) return [];
  const held = await meetingMonths(deps.db, p.id, from, to);
  const missing: string[] = [];
  for (let m = from; m <= to; m = addDays(`${m}-28`, 7).slice(0, 7)) if (!held.has(m)) missing.push(m);
  return missing;
}

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

export const PLAN_INBOX: ProgramInbox[] = [
  {
    kinds: ['campaign', 'event'],
    roles: ['city'],
    items: async (deps, p) => [{ label: plm('inbox.minutes'), ...counted(await minutesIn(deps.db, p.id, 'sent')), href: meetingsHref(p) }],
  },
  {
    kinds: ['campaign', 'event'],
    roles: ['admin', 'operator'],
    items: async (deps, p) => [{ label: plm('inbox.commented'), ...counted(await minutesIn(deps.db, p.id, 'commented')), href: meetingsHref(p) }],
  },
  {
    // 002 §9-3: at least one meeting a month on a campaign; shown to both sides.
    kinds: ['campaign'],
    roles: ['city', 'admin', 'operator'],
    items: async (deps, p) => {
      const missing = await monthsWithoutMeeting(deps, p);
      if (!missing.length) return [];
      return [{ label: plm('inbox.noMeeting', { month: missing.map(monthLabel).join('、') }), count: missing.length, href: meetingsHref(p) }];
    },
  },
  {
    kinds: ['campaign', 'event'],
    roles: ['admin', 'operator'],
    items: async (deps, p) => {
      const a = await scheduleApproval(deps.db, p.id);
      return a.state === 'reapproval' ? [{ label: plm('inbox.reapproval'), count: 1, oldest: a.latest?.submittedAt ?? null, href: `/admin/records/${p.slug}/schedule` }] : [];
    },
  },
];
