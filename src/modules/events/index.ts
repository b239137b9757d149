// The public face of events: other modules import these and nothing else of events (the
// dependency test, test/platform/dependencies.test.ts, fails otherwise).
/** For seeding (the demo): fills an exchange meeting with its programme and fictional registrations. */
export { seedEventDemo } from './demo.js';

import { defineModule } from '../../platform/module/manifest.js';
import { eventsMonthlyFigures } from './monthly-figures.js';
import { EVENTS_INBOX } from './inbox.js';
import { eventsAuditActions } from './audit-actions.js';
import { eventsCommands } from './cli.js';
import { eventsJobHandlers, eventsSchedules } from './jobs.js';
import { eventMessages } from './messages.js';
import { EVENTS_ROUTE_ACCESS } from './route-access.js';
import * as schema from './schema.js';
import { EVENTS_SETTINGS } from './settings.js';
import { renderEventHome } from './web/home.js';
import { eventConfig } from './config.js';
import { eventDateText } from './format.js';
import { eventsRoutes } from './web/index.js';
import { EVENTS_PATHS } from './web/openapi.js';

/** The community exchange meeting: registration by web, e-mail and FAX, roster, groups, check-in. */
export const eventsModule = defineModule({
  name: 'events',
  monthlyFigures: eventsMonthlyFigures,
  demo: (ctx, seed) => import('./demo.js').then((m) => m.seedEventDemo(ctx, seed.programs.event.id)),
  schema,
  routes: eventsRoutes,
  cli: eventsCommands,
  jobs: eventsJobHandlers,
  schedules: eventsSchedules,
  settings: EVENTS_SETTINGS,
  routeAccess: EVENTS_ROUTE_ACCESS,
  openapi: EVENTS_PATHS,
  auditActions: eventsAuditActions,
  home: [{ kind: 'event', render: renderEventHome, listing: (program, locale) => eventDateText(eventConfig(program), locale) }],
  personalData: [
    {
      tables: ['event_registrations'],
      purpose: '情報交換会の参加受付・連絡・当日受付と報告（氏名、ふりがな、所属・役職、連絡先、配慮事項、質問）',
      roles: ['admin', 'operator', 'city'],
    },
  ],
  inbox: EVENTS_INBOX,
  tools: [{ kinds: ['event'], label: eventMessages('ja', 'toolEvent'), href: (p) => `/admin/events/${p.slug}`, main: true }],
});
