import type { Access } from '../../platform/module/manifest.js';

/**
 * Access classes of the settlement module's routes. Claims are also open to the program's
 * businesses (for their own facilities only, 404 otherwise), proven in the module's tests.
 */
export const SETTLEMENT_ROUTE_ACCESS: Record<string, Access> = {
  'POST /api/v1/programs/:slug/claims': 'program-staff:admin,operator,business',
  'POST /api/v1/claims/:id/cancel': 'program-staff:admin,operator,business',
  'POST /api/v1/claims/:id/stay': 'program-staff:admin,operator,business',
  'POST /api/v1/claims/:id/review': 'program-staff:admin,operator',
  'GET /api/v1/programs/:slug/budget': 'program-staff:admin,operator,city',
  'GET /api/v1/programs/:slug/facilities/:id/money': 'program-staff:admin,operator,city,business',
  'POST /api/v1/programs/:slug/payments': 'program-staff:admin,operator',
  'GET /admin/settlement/:slug': 'program-staff:admin,operator,city',
  'GET /:slug/business/claims': 'program-staff:business',
  'GET /:slug/business/claims/template.csv': 'program-staff:business',
  'POST /:slug/business/claims': 'program-staff:business',
  'POST /:slug/business/claims/upload': 'program-staff:business',
  'GET /:slug/business/claims/stays-template.csv': 'program-staff:business',
  'POST /:slug/business/claims/stays/upload': 'program-staff:business',
  'GET /:slug/business/claims/:id{[0-9]+}': 'program-staff:business',
  'POST /:slug/business/claims/:id{[0-9]+}/stay': 'program-staff:business',
  'POST /:slug/business/claims/:id{[0-9]+}/cancel': 'program-staff:business',
  'POST /:slug/business/claims/sales': 'program-staff:business',
  'GET /:slug/business/money': 'program-staff:business',
  'GET /:slug/business/money/monthly/:month/statements/:facility': 'program-staff:business',
  'GET /:slug/business/money/monthly/:month/statements/:facility/statement.xlsx': 'program-staff:business',
  'GET /admin/settlement/:slug/final-report.xlsx': 'program-staff:admin,operator,city',
  'GET /admin/settlement/:slug/monthly/:month/report.xlsx': 'program-staff:admin,operator,city',
  'GET /admin/settlement/:slug/monthly/:month/statements/:facility': 'program-staff:admin,operator',
  'GET /admin/settlement/:slug/allocations': 'program-staff:admin,operator',
  'POST /admin/settlement/:slug/allocations': 'program-staff:admin,operator',
  'GET /admin/settlement/:slug/settings': 'program-staff:admin,operator',
  'POST /admin/settlement/:slug/settings': 'program-staff:admin,operator',
  'GET /admin/settlement/:slug/claims': 'program-staff:admin,operator',
  'POST /admin/settlement/:slug/claims/review': 'program-staff:admin,operator',
  'GET /admin/settlement/:slug/monthly/:month': 'program-staff:admin,operator,city',
  'GET /admin/settlement/:slug/monthly/:month/statements/:facility/statement.xlsx': 'program-staff:admin,operator',
  'POST /admin/settlement/:slug/close': 'program-staff:admin,operator',
  'POST /admin/settlement/:slug/monthly/:month/paid': 'program-staff:admin,operator',
  'POST /admin/settlement/:slug/monthly/:month/zengin': 'program-staff:admin,operator',
};
