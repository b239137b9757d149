import type { Access } from '../module/manifest.js';

/** Access classes of the platform's own pages: program portal, back-office home, settings, audit, mail. */
export const CORE_ROUTE_ACCESS: Record<string, Access> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  // 404 without the METRICS_TOKEN bearer token (test/platform/metrics.test.ts).
  'GET /metrics': 'public',
  'GET /static/:file': 'public',
  'GET /favicon.ico': 'public',
  'GET /': 'public',
  'GET /:slug': 'public',
  'GET /en': 'public',
  'GET /en/:slug': 'public',
  'GET /api/v1/openapi.json': 'public',
  'GET /api/v1/docs': 'public',
  'GET /admin': 'staff',
  'GET /admin/inbox': 'staff',
  'GET /admin/programs/:slug/settings': 'program-staff:admin,operator',
  'POST /admin/programs/:slug/settings': 'program-staff:admin,operator',
  'GET /admin/audit': 'audit',
  'GET /admin/audit/export.xlsx': 'audit',
  'GET /admin/audit/export.csv': 'audit',
  'GET /admin/mail': 'installation-admin',
  'GET /admin/mail/:id{[0-9]+}': 'installation-admin',
};
