import type { Access } from '../../platform/module/manifest.js';

const PUBLIC_PAGES = [
  'GET /:slug/register',
  'POST /:slug/register',
  'GET /:slug/registration/:token',
  'POST /:slug/registration/:token',
  'GET /:slug/registration/:token/cancel',
  'POST /:slug/registration/:token/cancel',
  'GET /:slug/fax-sheet.pdf',
];

const RUN = 'program-staff:admin,operator';
const READ = 'program-staff:admin,operator,city';

/** Access classes of the events module's routes (see test/platform/route-access.ts). */
export const EVENTS_ROUTE_ACCESS: Record<string, Access> = {
  ...Object.fromEntries(PUBLIC_PAGES.flatMap((r) => [[r, 'public'], [r.replace(' /', ' /en/'), 'public']])),
  'POST /api/v1/programs/:slug/registrations': 'public',
  'GET /api/v1/programs/:slug/roster.xlsx': READ,
  'GET /admin/events/:slug': READ,
  'GET /admin/events/:slug/roster': READ,
  'GET /admin/events/:slug/roster.xlsx': READ,
  'GET /admin/events/:slug/reception.pdf': RUN,
  'GET /admin/events/:slug/name-cards.pdf': RUN,
  'GET /admin/events/:slug/registrations/new': RUN,
  'POST /admin/events/:slug/registrations/new': RUN,
  'GET /admin/events/registrations/:id': READ,
  'GET /admin/events/registrations/:id/confirmation.pdf': RUN,
  'POST /admin/events/registrations/:id/sent': RUN,
  'POST /admin/events/registrations/:id/merge': RUN,
  'GET /admin/events/registrations/:id/cancel': RUN,
  'POST /admin/events/registrations/:id/cancel': RUN,
  'POST /admin/events/registrations/:id/checkin': RUN,
  'GET /admin/events/:slug/to-send': RUN,
  'GET /admin/events/:slug/groups': RUN,
  'POST /admin/events/:slug/groups/assign': RUN,
  'POST /admin/events/:slug/groups/move': RUN,
  'POST /admin/events/:slug/groups/:number{[0-9]+}/facilitator': RUN,
  'GET /admin/events/:slug/groups.pdf': RUN,
  'GET /admin/events/:slug/checkin': RUN,
  'POST /admin/events/:slug/walk-in': RUN,
  'GET /admin/events/:slug/setup': RUN,
  'POST /admin/events/:slug/setup': RUN,
  'POST /admin/events/:slug/items': RUN,
  'POST /admin/events/:slug/items/:id{[0-9]+}/delete': RUN,
};
