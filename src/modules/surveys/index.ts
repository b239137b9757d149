// The public face of surveys: other modules import these and nothing else of surveys.
import { defineModule } from '../../platform/module/manifest.js';
import { surveysAuditActions } from './audit-actions.js';
import { surveysCommands } from './cli.js';
import { SURVEYS_INBOX } from './inbox.js';
import { sam } from './messages.js';
import { SURVEYS_ROUTE_ACCESS } from './route-access.js';
import * as schema from './schema.js';
import { SURVEYS_SETTINGS } from './settings.js';
import { surveysRoutes } from './web/index.js';
import { SURVEYS_PATHS } from './web/openapi.js';

/** Surveys and prizes (issue 16): questionnaires approved by the City, web and paper answers, tallies, a re-checkable lottery, prize shipping. */
export const surveysModule = defineModule({
  name: 'surveys',
  demo: (ctx, seed) => import('./demo.js').then((m) => m.seedSurveysDemo(ctx, seed)),
  schema,
  routes: surveysRoutes,
  cli: surveysCommands,
  settings: SURVEYS_SETTINGS,
  routeAccess: SURVEYS_ROUTE_ACCESS,
  openapi: SURVEYS_PATHS,
  auditActions: surveysAuditActions,
  inbox: SURVEYS_INBOX,
  personalData: [
    {
      tables: ['survey_entries'],
      purpose: 'アンケート回答者のプレゼント抽選と賞品の発送（氏名、郵便番号、住所、電話番号、メールアドレス。応募者のみ、発送の完了後に消去）',
      roles: ['admin', 'operator'],
    },
  ],
  tools: [{ kinds: ['campaign', 'event'], label: sam('tool'), href: (p) => `/admin/surveys/${p.slug}` }],
});
