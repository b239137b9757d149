// The public face of privacy: other modules (and the demo, and test fixtures) import these and nothing else.
export { seedApprovedStaff } from './commands/staff.js';
// The roster as it stands (records: the contract notices state the delivery structure).
export { listStaff, type StaffRow } from './queries.js';

import { defineModule } from '../../platform/module/manifest.js';
import { privacyMonthlyFigures } from './monthly-figures.js';
import { privacyAuditActions } from './audit-actions.js';
import { privacyCommands } from './cli.js';
import { staffRosterGate } from './gate.js';
import { PRIVACY_INBOX } from './inbox.js';
import { pm } from './messages.js';
import { PRIVACY_ROUTE_ACCESS } from './route-access.js';
import * as schema from './schema.js';
import { PRIVACY_SETTINGS } from './settings.js';
import { privacyRoutes } from './web/index.js';
import { PRIVACY_PATHS } from './web/openapi.js';

/**
 * Personal information in practice (個人情報 特記仕様書): the staff roster the City approves, which
 * gates every view and export of a program's personal data.
 */
export const privacyModule = defineModule({
  name: 'privacy',
  monthlyFigures: privacyMonthlyFigures,
  demo: (ctx, seed) => import('./demo.js').then((m) => m.seedPrivacyDemo(ctx, seed)),
  schema,
  routes: privacyRoutes,
  cli: privacyCommands,
  settings: PRIVACY_SETTINGS,
  routeAccess: PRIVACY_ROUTE_ACCESS,
  openapi: PRIVACY_PATHS,
  auditActions: privacyAuditActions,
  inbox: PRIVACY_INBOX,
  personalDataGate: staffRosterGate,
  personalData: [
    {
      tables: ['privacy_files'],
      purpose: '誓約書の写し（作業従事者名簿）と市から受領したデータのファイル（受け渡し記録）。ファイルは DATA_DIR/privacy に暗号化して保管し、鍵を事業のデータ鍵で封印',
      roles: ['admin', 'operator', 'city'],
    },
  ],
  tools: [{ kinds: ['campaign', 'event'], label: pm('tool'), href: (p) => `/admin/privacy/${p.slug}/staff` }],
});
