import { defineModule } from '../../platform/module/manifest.js';
import { settlementAuditActions } from './audit-actions.js';
import { settlementCommands } from './cli.js';
import { sm } from './messages.js';
import { SETTLEMENT_ROUTE_ACCESS } from './route-access.js';
import * as schema from './schema.js';
import { SETTLEMENT_SETTINGS } from './settings.js';
import { settlementRoutes } from './web/index.js';

/** Discount reimbursement against the fixed budget: allocations, claims, stays, month-end close, 全銀 file. */
export const settlementModule = defineModule({
  name: 'settlement',
  schema,
  routes: settlementRoutes,
  cli: settlementCommands,
  settings: SETTLEMENT_SETTINGS,
  routeAccess: SETTLEMENT_ROUTE_ACCESS,
  auditActions: settlementAuditActions,
  tools: [{ kinds: ['campaign'], label: sm('tool.settlement'), href: (p) => `/admin/settlement/${p.slug}` }],
});
