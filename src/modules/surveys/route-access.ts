import type { Access } from '../../platform/module/manifest.js';

const PUBLIC_PAGES = ['GET /:slug/survey', 'POST /:slug/survey', 'GET /:slug/survey/thanks', 'GET /:slug/survey/lottery'];

const RUN = 'program-staff:admin,operator';
const READ = 'program-staff:admin,operator,city';

/** Access classes of the surveys module's routes (see test/platform/route-access.ts). */
export const SURVEYS_ROUTE_ACCESS: Record<string, Access> = {
  ...Object.fromEntries(PUBLIC_PAGES.flatMap((r) => [[r, 'public'], [r.replace(' /', ' /en/'), 'public']])),
  'POST /api/v1/programs/:slug/survey/responses': 'public',
  'POST /api/v1/programs/:slug/survey/approval': 'program-staff:city',
  'GET /api/v1/programs/:slug/survey/tally': READ,
  'GET /admin/surveys/:slug': READ,
  'GET /admin/surveys/:slug/report.pdf': READ,
  'GET /admin/surveys/:slug/responses.xlsx': READ,
  'GET /admin/surveys/:slug/responses.csv': READ,
  'POST /admin/surveys/:slug/questionnaire': RUN,
  'GET /admin/surveys/:slug/paper': RUN,
  'POST /admin/surveys/:slug/paper': RUN,
  'POST /admin/surveys/:slug/paper/settle': RUN,
  'POST /admin/surveys/:slug/paper/scan': RUN,
  'GET /admin/surveys/:slug/paper/scan': RUN,
  'POST /admin/surveys/:slug/approval': 'program-staff:city',
  'POST /admin/surveys/:slug/lottery/commit': RUN,
  'GET /admin/surveys/:slug/lottery': READ,
  'GET /admin/surveys/:slug/facilities': READ,
  'GET /admin/surveys/:slug/cards.pdf': RUN,
  'POST /admin/surveys/:slug/facilities/remind': RUN,
  'POST /admin/surveys/:slug/lottery/draw': RUN,
  'POST /admin/surveys/:slug/lottery/confirm': 'program-staff:city',
  'POST /admin/surveys/:slug/prizes': RUN,
  'POST /admin/surveys/:slug/shipments/prepare': RUN,
  'POST /admin/surveys/:slug/shipments/update': RUN,
  'POST /admin/surveys/:slug/entrants/erase': RUN,
  'GET /admin/surveys/:slug/labels.pdf': RUN,
  'GET /admin/surveys/:slug/carrier.csv': RUN,
};
