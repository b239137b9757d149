// The public face of surveys: other modules import these and nothing else of surveys.
import { defineModule } from '../../platform/module/manifest.js';
import { surveysAuditActions } from './audit-actions.js';
import { surveysMonthlyFigures } from './monthly-figures.js';
import { surveysCommands } from './cli.js';
import { SURVEYS_INBOX } from './inbox.js';
import { sam } from './messages.js';
import { SURVEYS_ROUTE_ACCESS } from './route-access.js';
import * as schema from './schema.js';
import { SURVEYS_SETTINGS } from './settings.js';
import { surveysRoutes } from './web/index.js';
import { SURVEYS_PATHS } from './web/openapi.js';

// Public face first: what other modules may call.
export { lotteryNotice, type LotteryNotice } from './lottery-notice.js';

/** Surveys and prizes (issue 16): questionnaires approved by the City, web and paper answers, tallies, a re-checkable lottery, prize shipping. */
export const surveysModule = defineModule({
  name: 'surveys',
  monthlyFigures: surveysMonthlyFigures,
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
    {
      tables: ['survey_paper_sheets'],
      purpose: '紙のアンケート用紙のスキャン（抽選の応募欄に氏名・住所などが書かれていることがある。暗号化して保存し、応募者の個人情報の消去とともに削除）',
      roles: ['admin', 'operator'],
    },
  ],
  tools: [{ kinds: ['campaign', 'event'], label: sam('tool'), href: (p) => `/admin/surveys/${p.slug}` }],
});
