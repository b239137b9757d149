import type { Access } from '../../platform/module/manifest.js';

/** Access classes of the site module's routes (campaign website; see docs/modules/site.md). */
const PUBLIC_PATHS = [
  '/:slug/facilities',
  '/:slug/facilities/:id{[0-9]+}',
  '/:slug/:page{howto|for-business|faq|accessibility|privacy|contact}',
  '/:slug/opendata',
  '/:slug/opendata/facilities.csv',
  '/:slug/opendata/facilities.json',
  '/:slug/banners/:vid{[0-9]+}/image',
];

export const SITE_ROUTE_ACCESS: Record<string, Access> = {
  ...Object.fromEntries(PUBLIC_PATHS.flatMap((p) => [[`GET ${p}`, 'public'], [`GET /en${p}`, 'public']])),
  'GET /api/v1/programs/:slug/facilities': 'public',
  'GET /admin/site/:slug': 'program-staff:admin,operator,city',
  'GET /admin/site/:slug/new': 'program-staff:admin,operator',
  'POST /admin/site/:slug/contents': 'program-staff:admin,operator',
  'GET /admin/site/:slug/contents/:id{[0-9]+}': 'program-staff:admin,operator,city',
  'POST /admin/site/:slug/contents/:id{[0-9]+}/drafts': 'program-staff:admin,operator',
  'POST /admin/site/:slug/versions/:vid{[0-9]+}/submit': 'program-staff:admin,operator',
  'POST /admin/site/:slug/versions/:vid{[0-9]+}/approve': 'program-staff:admin,city',
  'POST /admin/site/:slug/versions/:vid{[0-9]+}/reject': 'program-staff:admin,city',
  'POST /admin/site/:slug/versions/:vid{[0-9]+}/restore': 'program-staff:admin,operator',
  'GET /admin/site/:slug/versions/:vid{[0-9]+}/preview': 'program-staff:admin,operator,city',
  'GET /admin/site/:slug/accessibility': 'program-staff:admin,operator,city',
  'POST /admin/site/:slug/accessibility/tests': 'program-staff:admin,operator',
  'POST /admin/site/:slug/accessibility/runs': 'program-staff:admin,operator',
  'GET /admin/site/:slug/accessibility/tests/:tid{[0-9]+}': 'program-staff:admin,operator,city',
  'GET /admin/site/:slug/accessibility/tests/:tid{[0-9]+}/preview': 'program-staff:admin,operator,city',
  'POST /admin/site/:slug/accessibility/tests/:tid{[0-9]+}/results': 'program-staff:admin,operator',
  'POST /admin/site/:slug/accessibility/tests/:tid{[0-9]+}/submit': 'program-staff:admin,operator',
  'POST /admin/site/:slug/accessibility/tests/:tid{[0-9]+}/approve': 'program-staff:admin,city',
  'POST /admin/site/:slug/accessibility/tests/:tid{[0-9]+}/return': 'program-staff:admin,city',
};
