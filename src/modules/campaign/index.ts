// The public face of campaign: other modules import these and nothing else of campaign (the
// dependency test, test/platform/dependencies.test.ts, fails otherwise). They come first, so that
// they are ready even when another module reaches this file through an import cycle while the
// manifest below is still loading (settlement imports campaign, campaign imports settlement).
export { FACILITY_TYPES, WARDS, facilityDirectory, facilityIdColumn, type FacilityEntry, type FacilityProfile, type FacilityType, type Ward } from './schema.js';
export {
  facilityDirectoryColumns,
  facilityEntriesOf,
  facilityNamesOf,
  findFacilityEntry,
  insertRegisteredFacilities,
  listPublicFacilities,
  lockFacilityEntry,
  setFacilitySoldOut,
  soldOutMarkStatement,
  type NewFacility,
  type PublicFacility,
} from './facility-directory.js';
/** For English public pages: a feature's English name (the program's own, else a common one). */
export { featureNameEn } from './feature-names.js';
export { payoutAccountOf, setPayoutAccount, type PayoutAccount } from './payout-account.js';
/** For the call center: an application's status and stage by number or facility name (the caller audits it). */
export { lookUpApplicationStatus, type ApplicationStatusEntry } from './status-lookup.js';
export { businessPage } from './web/business-page.js';

import { defineModule } from '../../platform/module/manifest.js';
import { campaignMonthlyFigures } from './monthly-figures.js';
import { CAMPAIGN_INBOX } from './inbox.js';
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
  monthlyFigures: campaignMonthlyFigures,
  demo: (ctx, seed) => import('./demo.js').then((m) => m.seedCampaignDemo(ctx, seed)),
  schema,
  routes: campaignRoutes,
  cli: campaignCommands,
  settings: CAMPAIGN_SETTINGS,
  openapi: CAMPAIGN_PATHS,
  routeAccess: CAMPAIGN_ROUTE_ACCESS,
  auditActions: campaignAuditActions,
  personalData: [
    {
      tables: ['campaign_applications', 'campaign_documents', 'facility_payout_accounts'],
      purpose: '参加事業者の審査・登録と割引相当分の支払い（代表者・担当者の氏名と連絡先、振込口座、許可証の写し）',
      roles: ['admin', 'operator', 'city'],
    },
  ],
  inbox: CAMPAIGN_INBOX,
  tools: [{ kinds: ['campaign'], label: cm('toolApplications'), href: (p) => `/admin/campaign/${p.slug}`, main: true }],
});
