import type { Access } from '../../platform/module/manifest.js';

const RUN = 'program-staff:admin,operator';
const READ = 'program-staff:admin,operator,city';
const BUSINESS = 'program-staff:business';

/**
 * Access classes of the campaign module's routes (see test/platform/route-access.ts). The
 * business pages are signed-in pages of the program's businesses; the application API is public
 * like the web form (a staff token submits on a business's behalf).
 */
export const CAMPAIGN_ROUTE_ACCESS: Record<string, Access> = {
  'GET /:slug/business': 'public',
  'GET /:slug/business/account': 'public',
  'POST /:slug/business/account': 'public',
  'GET /:slug/business/terms': 'public',
  'GET /:slug/business/terms.pdf': 'public',
  'GET /:slug/business/manual': 'public',
  'GET /:slug/business/manual.pdf': 'public',
  'GET /:slug/business/apply': BUSINESS,
  'GET /:slug/business/facilities/:id{[0-9]+}/profile': BUSINESS,
  'POST /:slug/business/facilities/:id{[0-9]+}/profile': BUSINESS,
  'POST /:slug/business/apply': BUSINESS,
  'GET /admin/campaign/:slug': READ,
  'GET /admin/campaign/:slug/settings': RUN,
  'POST /admin/campaign/:slug/settings': RUN,
  'POST /admin/campaign/:slug/reopen': 'program-staff:admin',
  'GET /admin/campaign/:slug/profiles': RUN,
  'POST /admin/campaign/:slug/profiles/:id{[0-9]+}/decision': RUN,
  'GET /admin/campaign/:slug/notices': RUN,
  'POST /admin/campaign/:slug/notices': RUN,
  'GET /admin/campaign/:slug/notices/:id{[0-9]+}': RUN,
  'POST /admin/campaign/:slug/notices/:id{[0-9]+}': RUN,
  'POST /admin/campaign/:slug/notices/:id{[0-9]+}/withdraw': RUN,
  'GET /admin/campaign/:slug/registry.xlsx': READ,
  'GET /admin/campaign/:slug/registry.csv': READ,
  'GET /admin/campaign/applications/:id': READ,
  'POST /admin/campaign/applications/:id/decision': READ,
  'GET /admin/campaign/applications/:id/documents/:docId{[0-9]+}': READ,
  'POST /admin/campaign/applications/:id/checklist': RUN,
  'POST /admin/campaign/applications/:id/note': RUN,
  'POST /admin/campaign/applications/:id/assign': RUN,
  'POST /api/v1/programs/:slug/applications': 'public',
  'GET /api/v1/programs/:slug/applications': READ,
  'POST /api/v1/applications/:id/decisions': READ,
  'GET /api/v1/programs/:slug/registry.xlsx': READ,
};
