import { defineModule } from '../../platform/module/manifest.js';
import { campaignAuditActions } from './audit-actions.js';
import { campaignCommands } from './cli.js';
import { cm } from './messages.js';
import { CAMPAIGN_ROUTE_ACCESS } from './route-access.js';
import * as schema from './schema.js';
import { CAMPAIGN_SETTINGS } from './settings.js';
import { CAMPAIGN_PATHS } from './web/openapi.js';
import { campaignRoutes } from './web/index.js';

/** Business recruitment and review: applications, the register of facilities, notices, profiles. */
export const campaignModule = defineModule({
  name: 'campaign',
  schema,
  routes: campaignRoutes,
  cli: campaignCommands,
  settings: CAMPAIGN_SETTINGS,
  openapi: CAMPAIGN_PATHS,
  routeAccess: CAMPAIGN_ROUTE_ACCESS,
  auditActions: campaignAuditActions,
  tools: [{ kinds: ['campaign'], label: cm('toolApplications'), href: (p) => `/admin/campaign/${p.slug}`, main: true }],
});
