// Public face first: the content approval flow, for contents another module makes (the call center's FAQ).
export { saveDraft } from './commands/save-draft.js';
export { submitVersion } from './commands/submit-version.js';
export { decideVersion } from './commands/decide-version.js';
export { listLiveContents, listVersions, type LiveContent } from './queries.js';
export type { SiteContentVersion, VersionStatus } from './schema.js';
import { defineModule } from '../../platform/module/manifest.js';
import { siteAuditActions } from './audit-actions.js';
import { siteCommands } from './cli.js';
import { siteJobHandlers } from './jobs.js';
import { SITE_INBOX } from './inbox.js';
import { siteMessages } from './messages.js';
import { SITE_ROUTE_ACCESS } from './route-access.js';
import * as schema from './schema.js';
import { SITE_SETTINGS } from './settings.js';
import { siteRoutes } from './web/index.js';
import { siteOpenApiPaths } from './web/openapi.js';
import { renderSiteHome } from './web/public.js';
import { campaignPeriodLine, siteIsOpen } from './public-dates.js';

/** The campaign's public website: facility search, content pages with City approval, open data. */
export const siteModule = defineModule({
  name: 'site',
  schema,
  routes: siteRoutes,
  cli: siteCommands,
  jobs: siteJobHandlers,
  settings: SITE_SETTINGS,
  openapi: siteOpenApiPaths,
  routeAccess: SITE_ROUTE_ACCESS,
  auditActions: siteAuditActions,
  home: [{ kind: 'campaign', render: renderSiteHome, listing: campaignPeriodLine, isPublic: siteIsOpen }],
  inbox: SITE_INBOX,
  tools: [{ kinds: ['campaign'], label: siteMessages('ja', 'toolSite'), href: (p) => `/admin/site/${p.slug}` }],
});
