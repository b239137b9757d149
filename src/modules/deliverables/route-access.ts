import type { Access } from '../../platform/module/manifest.js';

const READ = 'program-staff:admin,operator,city';
const RUN = 'program-staff:admin,operator';
const CITY = 'program-staff:city';
/** The published interview articles (Japanese and /en). */
const PUBLIC_PATHS = ['/:slug/articles', '/:slug/articles/:aid{[0-9]+}', '/:slug/articles/:aid{[0-9]+}/photos/:pid{[0-9]+}'];

/** Access classes of the deliverables module's routes (see test/platform/route-access.ts). */
export const DELIVERABLES_ROUTE_ACCESS: Record<string, Access> = {
  'GET /api/v1/programs/:slug/deliverables': READ,
  'POST /api/v1/deliverables/:id/versions': RUN,
  'POST /api/v1/deliverables/:id/rounds': RUN,
  'POST /api/v1/deliverables/:id/rounds/:round/answer': CITY,
  'POST /api/v1/deliverables/:id/delivery': RUN,
  'POST /api/v1/deliverables/:id/receipt': CITY,
  'GET /api/v1/deliverables/:id/trail.pdf': READ,
  'GET /admin/deliverables/:slug': READ,
  'GET /admin/deliverables/items/:id': READ,
  'POST /admin/deliverables/items/:id/versions': RUN,
  'POST /admin/deliverables/items/:id/rounds': RUN,
  'POST /admin/deliverables/items/:id/rounds/:round/answer': CITY,
  'POST /admin/deliverables/items/:id/delivery': RUN,
  'POST /admin/deliverables/items/:id/receipt': CITY,
  'POST /admin/deliverables/items/:id/edit': RUN,
  'GET /admin/deliverables/items/:id/trail.pdf': READ,
  'GET /admin/deliverables/items/:id/versions/:n/file': READ,
  'GET /admin/deliverables/items/:id/versions/:n/pages/:page': READ,
  'GET /admin/deliverables/items/:id/rounds/:round/pages/:page': READ,
  'GET /admin/deliverables/items/:id/compare': READ,
  'GET /admin/deliverables/:slug/hearings': READ,
  'GET /admin/deliverables/:slug/hearings/new': RUN,
  'POST /admin/deliverables/:slug/hearings/new': RUN,
  'GET /admin/deliverables/hearings/:hid': READ,
  'POST /admin/deliverables/hearings/:hid': RUN,
  'GET /admin/deliverables/hearings/:hid/article': RUN,
  'POST /admin/deliverables/hearings/:hid/article': RUN,
  'POST /admin/deliverables/hearings/:hid/article/publish': RUN,
  'POST /admin/deliverables/hearings/:hid/photos': RUN,
  'POST /admin/deliverables/hearings/:hid/photos/:pid': RUN,
  'GET /admin/deliverables/hearings/:hid/photos/:pid': RUN,
  'GET /admin/deliverables/items/:id/diff': READ,
  ...Object.fromEntries(PUBLIC_PATHS.flatMap((p) => [[`GET ${p}`, 'public'], [`GET /en${p}`, 'public']])),
};
