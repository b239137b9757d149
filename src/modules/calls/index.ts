// The public face of calls: other modules import these and nothing else of calls.
/** For the campaign site (site module): the call center on the contact page, the FAQ on the FAQ page. */
export { CallCenterContact, faqSection } from './web/public-sections.js';
import { defineModule } from '../../platform/module/manifest.js';
import { callsMonthlyFigures } from './monthly-figures.js';
import { callsAuditActions } from './audit-actions.js';
import { CALLS_INBOX } from './inbox.js';
import { callsCommands } from './cli.js';
import { callsJobHandlers, callsSchedules } from './jobs.js';
import { cm } from './messages.js';
import { CALLS_ROUTE_ACCESS } from './route-access.js';
import * as schema from './schema.js';
import { CALLS_SETTINGS } from './settings.js';
import { callsRoutes } from './web/index.js';
import { CALLS_PATHS } from './web/openapi.js';

/** The call center (seed 002 §6-4): call log, tallies to the City, phone-system hook, FAQ from calls. */
export const callsModule = defineModule({
  name: 'calls',
  monthlyFigures: callsMonthlyFigures,
  demo: (ctx, seed) => import('./demo.js').then((m) => m.seedCallsDemo(ctx, seed)),
  schema,
  routes: callsRoutes,
  cli: callsCommands,
  jobs: callsJobHandlers,
  schedules: callsSchedules,
  settings: CALLS_SETTINGS,
  routeAccess: CALLS_ROUTE_ACCESS,
  openapi: CALLS_PATHS,
  auditActions: callsAuditActions,
  inbox: CALLS_INBOX,
  tools: [{ kinds: ['campaign'], label: cm('tool'), href: (p) => `/admin/calls/${p.slug}` }],
  personalData: [{ tables: ['call_logs'], purpose: 'コールセンターでの問い合わせへの対応と折り返し（相手の氏名・電話番号、任意）', roles: ['admin', 'operator', 'agent'] }],
});
