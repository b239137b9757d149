import type { RecordsPart } from '../parts.js';
import { planAuditActions } from './audit-actions.js';
import { seedPlanDemo } from './demo.js';
import { PLAN_INBOX } from './inbox.js';
import { plm } from './messages.js';
import { PLAN_ROUTE_ACCESS } from './route-access.js';
import { planRoutes } from './web/index.js';
import { PLAN_PATHS } from './web/openapi.js';

/** The plan (#18 items 1–2): schedule with its Gantt chart, meetings and minutes. */
export const planPart: RecordsPart = {
  routes: planRoutes,
  routeAccess: PLAN_ROUTE_ACCESS,
  auditActions: planAuditActions,
  openapi: PLAN_PATHS,
  inbox: PLAN_INBOX,
  demo: seedPlanDemo,
  tools: [{ kinds: ['campaign', 'event'], label: plm('tool'), href: (p) => `/admin/records/${p.slug}/schedule` }],
};
