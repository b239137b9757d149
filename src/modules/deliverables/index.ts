import { registerStreamedUpload } from '../../platform/http/streamed-upload.js';
import { defineModule } from '../../platform/module/manifest.js';
import { deliverablesMonthlyFigures } from './monthly-figures.js';
import { deliverablesAuditActions } from './audit-actions.js';
import { DELIVERABLES_INBOX } from './inbox.js';
import { dm } from './messages.js';
import { DELIVERABLES_ROUTE_ACCESS } from './route-access.js';
import * as schema from './schema.js';
import { DELIVERABLES_SETTINGS } from './settings.js';
import { deliverablesRoutes } from './web/index.js';
import { DELIVERABLES_PATHS } from './web/openapi.js';

// Public face first: what other modules may call.
export { listDeliverables, businessDaysUntil, deliverableStatusByKey, type DeliverableStatusView } from './queries.js';
export { attachGeneratedVersion, type GeneratedVersion } from './commands/attach-generated-version.js';
// The encrypted file store (a fresh AES-256-GCM key per file; the caller seals the key with the program's box): surveys' paper scans.
export { storeGeneratedBytes, type StoredBytes } from './files/store-bytes.js';
export { openStored } from './files/intake.js';
export { fileStoreFor } from './files/store.js';

// Version uploads are read by their routes as a stream (a video of hundreds of MB), never whole.
registerStreamedUpload(/^\/api\/v1\/deliverables\/\d+\/versions$/);
registerStreamedUpload(/^\/admin\/deliverables\/items\/\d+\/versions$/);
registerStreamedUpload(/^\/admin\/deliverables\/hearings\/\d+\/photos$/);

/** Deliverables (成果物) of the contract: register, versions, proof rounds (校正), 校了 and delivery. */
export const deliverablesModule = defineModule({
  name: 'deliverables',
  monthlyFigures: deliverablesMonthlyFigures,
  demo: (ctx, seed) => import('./demo.js').then((m) => m.seedDeliverablesDemo(ctx, seed)),
  schema,
  routes: deliverablesRoutes,
  settings: DELIVERABLES_SETTINGS,
  routeAccess: DELIVERABLES_ROUTE_ACCESS,
  auditActions: deliverablesAuditActions,
  openapi: DELIVERABLES_PATHS,
  inbox: DELIVERABLES_INBOX,
  tools: [
    { kinds: ['campaign', 'event'], label: dm('tool'), href: (p) => `/admin/deliverables/${p.slug}` },
    { kinds: ['event'], label: dm('hearing.tool'), href: (p) => `/admin/deliverables/${p.slug}/hearings` },
  ],
  personalData: [
    { tables: ['deliverable_hearings'], purpose: 'ヒアリング対象団体の担当者への連絡（記事作成のための訪問調整）', roles: ['admin', 'operator', 'city'] },
    { tables: ['deliverable_article_photos'], purpose: 'ヒアリング記事の写真（人物が写りうるため暗号化して保管、公開は校了後の記事のみ）', roles: ['admin', 'operator', 'city'] },
    { tables: ['deliverable_versions'], purpose: '成果物の校正・納品（写真・スキャン等に個人が写りうるファイルを暗号化して保管）', roles: ['admin', 'operator', 'city'] },
  ],
});
