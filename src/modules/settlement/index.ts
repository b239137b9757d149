// The public face of settlement: other modules import these and nothing else of settlement (the
// dependency test, test/platform/dependencies.test.ts, fails otherwise). They come first, so that
// they are ready even when another module reaches this file through an import cycle while the
// manifest below is still loading (campaign imports settlement, settlement imports campaign).
export { facilityIdsOfUser, grantFacilityAccess, userIdsOfFacility } from './facility-access.js';
export { facilityBalances } from './ledger.js';
/** Approved stays per facility (the surveys module's response rate). */
export { approvedStaysByFacility } from './stay-counts.js';
export { businessSettlementLinks } from './portal-links.js';
/** For seeding (the demo): a facility's allocation, as the allocation page sets it. */
export { setAllocation } from './commands/budget.js';

import { defineModule } from '../../platform/module/manifest.js';
import { settlementMonthlyFigures } from './monthly-figures.js';
import { SETTLEMENT_INBOX } from './inbox.js';
import { settlementAuditActions } from './audit-actions.js';
import { settlementCommands } from './cli.js';
import { sm } from './messages.js';
import { SETTLEMENT_ROUTE_ACCESS } from './route-access.js';
import * as schema from './schema.js';
import { SETTLEMENT_SETTINGS } from './settings.js';
import { settlementRoutes } from './web/index.js';
import { SETTLEMENT_PATHS } from './web/openapi.js';

/** Discount reimbursement against the fixed budget: allocations, claims, stays, month-end close, 全銀 file. */
export const settlementModule = defineModule({
  name: 'settlement',
  monthlyFigures: settlementMonthlyFigures,
  demo: (ctx, seed) => import('./demo.js').then((m) => m.seedSettlementDemo(ctx, seed)),
  schema,
  routes: settlementRoutes,
  cli: settlementCommands,
  settings: SETTLEMENT_SETTINGS,
  routeAccess: SETTLEMENT_ROUTE_ACCESS,
  openapi: SETTLEMENT_PATHS,
  auditActions: settlementAuditActions,
  inbox: SETTLEMENT_INBOX,
  tools: [{ kinds: ['campaign'], label: sm('tool.settlement'), href: (p) => `/admin/settlement/${p.slug}` }],
});
