import { Hono } from 'hono';
import { runCommand } from '../../../platform/command.js';
import { isAppError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { requireProgramRole } from '../../../platform/http/guards.js';
import { Button, ErrorSummary, Form, NotificationBanner, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { windowMessage } from '../commands/application-window.js';
import { saveDraft, submitApplication } from '../commands/save-application.js';
import { applicationWindow, campaignConfig } from '../config.js';
import { listDocuments } from '../documents.js';
import { findApplicantApplication } from '../queries.js';
import type { Application } from '../schema.js';
import { ApplicationFields } from './application-fields.js';
import { businessPage } from './business-page.js';
import { applicationFormValues, nestForm, readApplicationForm, type FormValues } from './form-values.js';

export const businessApply = new Hono<AppEnv>();

/** Error-summary links must land on a control: list items of a group point at the group. */
const summaryErrors = (errors: readonly SummaryError[]) => errors.map((e) => ({ ...e, field: e.field.replace(/^facility\.features\.\d+$/, 'facility.features') }));

async function applyPage(c: AppContext, program: Program, app: Application | undefined, opts: { values?: FormValues; errors?: SummaryError[]; status?: number } = {}) {
  const deps = c.get('deps');
  const cfg = campaignConfig(program);
  const errors = summaryErrors(opts.errors ?? []);
  const editable = !app || app.status === 'draft' || app.status === 'returned';
  const accepting = app?.status === 'returned' || applicationWindow(cfg, deps.clock.now()).open;
  const values = opts.values ?? (app ? await applicationFormValues(deps.db, deps, app) : { fields: {}, features: [] });
  const attached = app ? (await listDocuments(deps.db, app.id)).map((d) => d.filename) : [];
  const base = `/${program.slug}/business`;
  return businessPage(c, program, {
    title: '参加申請',
    breadcrumbs: [{ label: '参加申請' }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: !editable ? (
      <>
        <p>この申請（申請番号 {app!.number}）は提出済みです。審査の状況は事業者ページでご確認ください。</p>
        <p>
          <a href={base}>事業者ページへ</a>
        </p>
      </>
    ) : !accepting ? (
      <NotificationBanner kind="info" title={windowMessage(program, deps.clock.now())} />
    ) : (
      <>
        {app?.status === 'returned' && (
          <NotificationBanner kind="warning" title="修正をお願いします">
            <p>{app.lastReason}</p>
          </NotificationBanner>
        )}
        <p>{windowMessage(program, deps.clock.now())}</p>
        <p>すべての項目を入力して「申請する」を押してください。途中で「下書き保存」すると、あとで続きから入力できます。このページは日本語のみです。</p>
        <Form action={`${base}/apply`} csrfToken={csrfToken(c)} enctype="multipart/form-data">
          <ApplicationFields values={values} errors={errors} features={cfg.features} requiredAttachments={cfg.requiredAttachments} attached={attached} termsHref={`${base}/terms`} />
          <div class="app-button-row">
            <Button name="action" value="submit">
              {app?.status === 'returned' ? '修正して再提出する' : '申請する'}
            </Button>
            <Button name="action" value="draft" variant="secondary">
              下書き保存
            </Button>
          </div>
        </Form>
      </>
    ),
  });
}

businessApply.get('/:slug/business/apply', async (c) => {
  const { auth, program } = await requireProgramRole(c, c.req.param('slug'), ['business']);
  return applyPage(c, program, await findApplicantApplication(c.get('deps').db, program.id, auth.user.id));
});

businessApply.post('/:slug/business/apply', async (c) => {
  const { auth, program } = await requireProgramRole(c, c.req.param('slug'), ['business']);
  const deps = c.get('deps');
  const existing = await findApplicantApplication(deps.db, program.id, auth.user.id);
  const { values, uploads, action } = await readApplicationForm(c);
  const input = { program, body: nestForm(values), channel: 'web' as const, applicantUserId: auth.user.id, applicationId: existing?.id, uploads };
  try {
    const app = await runCommand(deps, actorOf(c, 'business'), (ctx) => (action === 'draft' ? saveDraft(ctx, input) : submitApplication(ctx, input)));
    setFlash(c, { kind: 'success', message: action === 'draft' ? '下書きを保存しました。' : `参加申請を受け付けました。申請番号は ${app.number} です。受付メールをお送りしました。` });
    return c.redirect(action === 'draft' ? `/${program.slug}/business/apply` : `/${program.slug}/business`, 303);
  } catch (e) {
    if (isAppError(e) && e.code === 'validation-failed') return applyPage(c, program, existing, { values, errors: e.fieldErrors, status: 422 });
    if (isAppError(e) && (e.code === 'window-closed' || e.code === 'conflict')) return applyPage(c, program, existing, { values, status: 409 });
    throw e;
  }
});
