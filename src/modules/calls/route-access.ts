import type { Access } from '../../platform/module/manifest.js';

const DESK = 'program-staff:admin,operator,agent';
const RUN = 'program-staff:admin,operator';
const READ = 'program-staff:admin,operator,agent,city';

/** Access classes of the calls module's routes (see test/platform/route-access.ts). */
export const CALLS_ROUTE_ACCESS: Record<string, Access> = {
  'POST /api/v1/programs/:slug/calls': DESK,
  'GET /api/v1/programs/:slug/calls/daily/:date': READ,
  'GET /api/v1/programs/:slug/calls/monthly/:month': READ,
  'POST /api/v1/programs/:slug/calls/daily/:date/submit': RUN,
  'POST /api/v1/programs/:slug/calls/monthly/:month/submit': RUN,
  'GET /admin/calls/:slug': DESK,
  'POST /admin/calls/:slug/log': DESK,
  'POST /admin/calls/:slug/count': DESK,
  'POST /admin/calls/:slug/callbacks/done': DESK,
  'GET /admin/calls/:slug/status': DESK,
  'GET /api/v1/programs/:slug/faq': 'public',
  'POST /api/v1/programs/:slug/faq': DESK,
  'POST /api/v1/faq/:id/decision': 'program-staff:city',
  'GET /admin/calls/:slug/faq': READ,
  'POST /admin/calls/:slug/faq/propose': DESK,
  'POST /admin/calls/:slug/faq/edit': RUN,
  'POST /admin/calls/:slug/complete': DESK,
  'POST /api/v1/cti/:token': 'public',
  'GET /admin/calls/:slug/reports': READ,
  'GET /admin/calls/:slug/daily/:date/report.xlsx': READ,
  'GET /admin/calls/:slug/daily/:date/report.pdf': READ,
  'GET /admin/calls/:slug/monthly/:month/report.xlsx': READ,
  'GET /admin/calls/:slug/monthly/:month/report.pdf': READ,
  'POST /admin/calls/:slug/daily/:date/submit': RUN,
  'POST /admin/calls/:slug/monthly/:month/submit': RUN,
  'POST /admin/calls/:slug/lines': RUN,
  'POST /admin/calls/:slug/faq/used': DESK,
};
