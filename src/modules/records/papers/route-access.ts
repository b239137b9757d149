import type { Access } from '../../../platform/module/manifest.js';
import { NOTICE_KINDS } from './schema.js';

const READ = 'program-staff:admin,operator,city';
const WRITE = 'program-staff:admin,operator';

/** Access classes of the papers' routes (notices, monthly reports, accounts). */
export const PAPERS_ROUTE_ACCESS: Record<string, Access> = {
  ...Object.fromEntries(NOTICE_KINDS.flatMap((k) => [[`GET /admin/records/:slug/notices/${k}.pdf`, READ], [`GET /api/v1/programs/:slug/notices/${k}.pdf`, READ]])),
  'GET /admin/records/:slug/notices': READ,
  'POST /admin/records/:slug/notices': WRITE,
  'GET /admin/records/:slug/monthly': READ,
  'POST /admin/records/:slug/monthly': WRITE,
  'POST /admin/records/:slug/monthly/save': WRITE,
  'POST /admin/records/:slug/monthly/refresh': WRITE,
  'POST /admin/records/:slug/monthly/send': WRITE,
  'POST /admin/records/:slug/monthly/receive': 'program-staff:city',
  'GET /admin/records/:slug/monthly/report.pdf': READ,
  'GET /admin/records/:slug/monthly/report.xlsx': READ,
  'GET /admin/records/:slug/accounts': WRITE,
  'GET /admin/records/:slug/accounts.xlsx': WRITE,
  'GET /admin/records/:slug/accounts/receipt': WRITE,
  'POST /admin/records/:slug/accounts/preset': WRITE,
  'POST /admin/records/:slug/accounts/lines': WRITE,
  'POST /admin/records/:slug/accounts/expenses': WRITE,
  'POST /admin/records/:slug/accounts/honoraria': WRITE,
  'POST /admin/records/:slug/accounts/honoraria/paid': WRITE,
  'POST /api/v1/programs/:slug/honoraria': WRITE,
};
