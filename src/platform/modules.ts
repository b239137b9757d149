import { Hono } from 'hono';
import { AUDIT_ANCHOR_JOB, AUDIT_ANCHOR_SCHEDULE, auditAnchorJob } from './audit/anchor-job.js';
import { auditTrailAuditActions } from './audit/audit-actions.js';
import { auditCommands } from './audit/cli.js';
import * as auditSchema from './audit/schema.js';
import { auditAdmin } from './audit/web.js';
import { accountAuditActions } from './auth/audit-actions.js';
import { ACCOUNT_ROUTE_ACCESS } from './auth/route-access.js';
import * as authSchema from './auth/schema.js';
import { purgeExpiredSessions } from './auth/sessions.js';
import { purgeThrottle } from './auth/throttle.js';
import { purgeAccountRequests } from './auth/account-requests.js';
import { accountModuleRoutes } from './auth/web/index.js';
import { dbCommands } from './cli/db-commands.js';
import { platformCommands } from './cli/platform-commands.js';
import type { AppEnv } from './http/env.js';
import { PLATFORM_PATHS } from './http/openapi.js';
import * as jobsSchema from './jobs/schema.js';
import { mailAuditActions } from './mail/audit-actions.js';
import * as mailSchema from './mail/schema.js';
import { MAIL_JOB } from './mail/outbox.js';
import { sendMailJob } from './mail/send-job.js';
import { mailAdmin } from './mail/web.js';
import { defineModule, type ModuleManifest } from './module/manifest.js';
import { programsAuditActions } from './programs/audit-actions.js';
import { programCommands } from './programs/cli.js';
import { CORE_ROUTE_ACCESS } from './programs/route-access.js';
import * as programsSchema from './programs/schema.js';
import { COMMON_SETTINGS } from './programs/settings.js';
import { programsAdmin } from './programs/web/admin.js';
import { programsApi } from './programs/web/api.js';
import { programsPublic } from './programs/web/public.js';
import { vaultAuditActions } from './vault/audit-actions.js';
import { inboxAuditActions } from './inbox/audit-actions.js';
import { INBOX_DIGEST_JOB, INBOX_DIGEST_SCHEDULE, inboxDigestJob } from './inbox/digest-job.js';
import { inboxAdmin } from './inbox/web.js';
import * as vaultSchema from './vault/schema.js';
import * as formsSchema from './forms/schema.js';
import { purgeSubmissionKeys } from './forms/submission-keys.js';

const PURGE_JOB = 'auth.purge_sessions';

const coreAdmin = new Hono<AppEnv>();
for (const part of [programsAdmin, inboxAdmin, auditAdmin, mailAdmin]) coreAdmin.route('/', part);

/** Programs (tenancy), the back-office home, audit trail, outbox, jobs and the platform's CLI. */
export const coreModule = defineModule({
  name: 'core',
  schema: { ...programsSchema, ...auditSchema, ...vaultSchema, ...jobsSchema, ...mailSchema, ...formsSchema },
  routes: { public: programsPublic, admin: coreAdmin, api: programsApi },
  cli: [...platformCommands, ...auditCommands, ...dbCommands, ...programCommands],
  jobs: {
    [MAIL_JOB]: sendMailJob,
    [AUDIT_ANCHOR_JOB]: auditAnchorJob,
    [INBOX_DIGEST_JOB]: inboxDigestJob,
    [PURGE_JOB]: async ({ deps }) => {
      await purgeExpiredSessions(deps.db, deps.clock.now());
      await purgeThrottle(deps.db, deps.clock.now());
      await purgeAccountRequests(deps.db, deps.clock.now());
      await purgeSubmissionKeys(deps.db, deps.clock.now());
    },
  },
  schedules: [{ name: 'purge-sessions', at: '03:00', kind: PURGE_JOB }, AUDIT_ANCHOR_SCHEDULE, INBOX_DIGEST_SCHEDULE],
  settings: COMMON_SETTINGS,
  routeAccess: CORE_ROUTE_ACCESS,
  personalData: [{ tables: ['mail_outbox'], purpose: '通知メールの送信と送信記録（宛先、本文）', roles: ['admin'] }],
  auditActions: { ...programsAuditActions, ...auditTrailAuditActions, ...mailAuditActions, ...vaultAuditActions, ...inboxAuditActions },
});

/** Sign-in, second factor, password reset, own account, user administration, API sign-in. */
export const accountModule = defineModule({
  name: 'account',
  schema: authSchema,
  routes: accountModuleRoutes,
  openapi: PLATFORM_PATHS,
  routeAccess: ACCOUNT_ROUTE_ACCESS,
  personalData: [
    { tables: ['users'], purpose: 'システム利用者の認証と権限管理（メールアドレス、氏名、二要素認証の鍵）', roles: ['admin'] },
    { tables: ['account_requests'], purpose: '事業者アカウントの作成依頼（メールアドレス、24時間で失効）', roles: ['admin'] },
  ],
  auditActions: accountAuditActions,
});

/** The platform's own parts, installed before every domain module (src/modules/index.ts). */
export const PLATFORM_MODULES: ModuleManifest[] = [coreModule, accountModule];
