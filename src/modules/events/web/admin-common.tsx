import type { AppContext } from '../../../platform/http/env.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import type { BreadcrumbItem } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { CHANNELS, ATTENDANCES, REGISTRATION_STATUSES, type Attendance, type Channel, type RegistrationStatus } from '../schema.js';
import { am } from '../messages.js';
import type { RosterFilter } from '../queries.js';

export const adminBase = (p: Program) => `/admin/events/${p.slug}`;

export function crumbs(p: Program, ...more: BreadcrumbItem[]): BreadcrumbItem[] {
  return [{ label: am('crumb.home'), href: '/admin' }, { label: p.name, href: adminBase(p) }, ...more];
}

/** The roster filter from the query string; unknown values are ignored. */
export function rosterFilter(c: AppContext): RosterFilter {
  const q = c.req.query();
  return {
    status: (REGISTRATION_STATUSES as readonly string[]).includes(q.status ?? '') ? (q.status as RegistrationStatus) : undefined,
    channel: (CHANNELS as readonly string[]).includes(q.channel ?? '') ? (q.channel as Channel) : undefined,
    attendance: (ATTENDANCES as readonly string[]).includes(q.attendance ?? '') ? (q.attendance as Attendance) : undefined,
    needs: q.needs === 'true' || undefined,
  };
}

export function filenameDate(c: AppContext): string {
  return tokyoDate(c.get('deps').clock.now());
}
