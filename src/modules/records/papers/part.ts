import type { RecordsPart } from '../parts.js';
import { papersAuditActions } from './audit-actions.js';
import { PAPERS_INBOX } from './inbox.js';
import { pp } from './messages.js';
import { monthlyJobHandlers, monthlySchedules } from './monthly/jobs.js';
import { papersMonthlyFigures } from './monthly-figures.js';
import { PAPERS_ROUTE_ACCESS } from './route-access.js';
import { PAPERS_SETTINGS } from './settings.js';
import { papersRoutes } from './web/index.js';
import { PAPERS_PATHS } from './web/openapi.js';

/** The papers (#18 items 3–5): contract notices, the monthly progress report, the program's accounts. */
export const papersPart: RecordsPart = {
  routes: papersRoutes,
  settings: PAPERS_SETTINGS,
  routeAccess: PAPERS_ROUTE_ACCESS,
  auditActions: papersAuditActions,
  openapi: PAPERS_PATHS,
  inbox: PAPERS_INBOX,
  jobs: monthlyJobHandlers,
  schedules: monthlySchedules,
  monthlyFigures: papersMonthlyFigures,
  tools: [
    { kinds: ['campaign', 'event'], label: pp('tool.notices'), href: (p) => `/admin/records/${p.slug}/notices` },
    { kinds: ['campaign', 'event'], label: pp('tool.monthly'), href: (p) => `/admin/records/${p.slug}/monthly` },
    { kinds: ['campaign', 'event'], label: pp('tool.accounts'), href: (p) => `/admin/records/${p.slug}/accounts` },
  ],
  personalData: [
    { tables: ['records_expenses'], purpose: '事業の経理（支出の支払先と領収書のスキャンの保管、会計処理）', roles: ['admin', 'operator'] },
    { tables: ['records_honoraria'], purpose: '講師・発表団体・司会等への謝礼金の支払と源泉徴収（支払先の氏名・住所）', roles: ['admin', 'operator'] },
  ],
};
