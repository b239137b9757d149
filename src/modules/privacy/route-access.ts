import type { Access } from '../../platform/module/manifest.js';

const REQUEST = 'program-staff:admin,operator';
const DECIDE = 'program-staff:city';
const READ = 'program-staff:admin,operator,city';

/** Access classes of the privacy module's routes (see test/platform/route-access.ts). */
export const PRIVACY_ROUTE_ACCESS: Record<string, Access> = {
  'POST /api/v1/programs/:slug/staff': REQUEST,
  'POST /api/v1/staff/:id{[0-9]+}/decision': DECIDE,
  'DELETE /api/v1/staff/:id{[0-9]+}': REQUEST,
  'GET /admin/privacy/:slug/staff': READ,
  'POST /admin/privacy/:slug/staff': REQUEST,
  'GET /admin/privacy/:slug/staff.pdf': READ,
  'POST /admin/privacy/staff/:id{[0-9]+}/decision': DECIDE,
  'POST /admin/privacy/staff/:id{[0-9]+}/end': REQUEST,
  'GET /admin/privacy/:slug/incidents': 'program-staff:admin,operator,agent,city',
  'POST /admin/privacy/:slug/incidents': 'program-staff:admin,operator,agent',
  'GET /admin/privacy/incidents/:id{[0-9]+}': READ,
  'POST /admin/privacy/incidents/:id{[0-9]+}/updates': READ,
  'GET /admin/privacy/incidents/:id{[0-9]+}/report.pdf': READ,
  'GET /admin/privacy/:slug/erasure': READ,
  'GET /admin/privacy/:slug/erasure/certificate.pdf': READ,
  'POST /admin/privacy/:slug/erasure/request': 'program-staff:admin',
  'POST /admin/privacy/:slug/erasure/confirm': 'program-staff:admin,city',
  'GET /admin/privacy/:slug/handovers': READ,
  'POST /admin/privacy/:slug/handovers': REQUEST,
  'POST /admin/privacy/handovers/:id{[0-9]+}/confirm': READ,
  'POST /admin/privacy/handovers/:id{[0-9]+}/erase': REQUEST,
  'GET /admin/privacy/handovers/:id{[0-9]+}/record.pdf': READ,
  'GET /admin/privacy/handovers/:id{[0-9]+}/files': READ,
  'POST /admin/privacy/handovers/:id{[0-9]+}/files': REQUEST,
  'GET /admin/privacy/handovers/:id{[0-9]+}/files/download': READ,
  'GET /admin/privacy/staff/:id{[0-9]+}/pledge': READ,
  'POST /admin/privacy/staff/:id{[0-9]+}/pledge': REQUEST,
  'GET /admin/privacy/staff/:id{[0-9]+}/pledge/download': READ,
  'GET /api/v1/programs/:slug/staff': READ,
  'POST /api/v1/staff/:id{[0-9]+}/pledge': REQUEST,
};
