import type { Access } from '../../../platform/module/manifest.js';

const EDIT = 'program-staff:admin,operator';
const READ = 'program-staff:admin,operator,city';

/** Access classes of the plan's routes (see test/platform/route-access.ts). */
export const PLAN_ROUTE_ACCESS: Record<string, Access> = {
  'GET /api/v1/programs/:slug/schedule': READ,
  'GET /api/v1/programs/:slug/schedule.svg': READ,
  'GET /admin/records/:slug/schedule': READ,
  'GET /admin/records/:slug/schedule.xlsx': READ,
  'GET /admin/records/:slug/schedule.pdf': READ,
  'POST /admin/records/:slug/schedule/preset': EDIT,
  'POST /admin/records/:slug/schedule/tasks': EDIT,
  'POST /admin/records/:slug/schedule/submit': EDIT,
  'GET /admin/records/schedule/tasks/:id{[0-9]+}': EDIT,
  'POST /admin/records/schedule/tasks/:id{[0-9]+}': EDIT,
  'POST /admin/records/schedule/tasks/:id{[0-9]+}/delete': EDIT,
  'GET /admin/records/:slug/meetings': READ,
  'POST /admin/records/:slug/meetings': EDIT,
  'GET /admin/records/meetings/:id{[0-9]+}': READ,
  'POST /admin/records/meetings/:id{[0-9]+}/minutes': EDIT,
  'POST /admin/records/meetings/:id{[0-9]+}/actions': EDIT,
  'POST /admin/records/meetings/:id{[0-9]+}/send': EDIT,
  'POST /admin/records/meetings/:id{[0-9]+}/answer': 'program-staff:city',
  'GET /admin/records/meetings/:id{[0-9]+}/minutes.pdf': READ,
};
