import { Hono } from 'hono';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { requireProgramRole } from '../../../platform/http/guards.js';
import { Button, ErrorSummary, Form, NotificationBanner, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { windowMessage } from '../commands/application-window.js';
import { saveDraft, submitApplication } from '../commands/save-application.js';
import { applicationWindow, campaignConfig } from '../config.js';
import { listDocuments } from '../documents.js';
import { cm } from '../messages.js';
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
    title: cm('apply.title'),
    breadcrumbs: [{ label: cm('apply.title') }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: !editable ? (
      <>
        <p>{cm('apply.done', { number: app!.number ?? '' })}</p>
        <p>
          <a href={base}>{cm('apply.toPortal')}</a>
        </p>
      </>
    ) : !accepting ? (
      <NotificationBanner kind="info" title={windowMessage(program, deps.clock.now())} />
    ) : (
      <>
        {app?.status === 'returned' && (
          <NotificationBanner kind="warning" title={cm('apply.returnedTitle')}>
            <p>{app.lastReason}</p>
          </NotificationBanner>
        )}
        <p>{windowMessage(program, deps.clock.now())}</p>
        <p>{cm('apply.instructions')}</p>
        <Form action={`${base}/apply`} csrfToken={csrfToken(c)} enctype="multipart/form-data">
          <ApplicationFields values={values} errors={errors} features={cfg.features} requiredAttachments={cfg.requiredAttachments} attached={attached} termsHref={`${base}/terms`} />
          <div class="app-button-row">
            <Button name="action" value="submit">
              {app?.status === 'returned' ? cm('apply.resubmit') : cm('apply.submit')}
            </Button>
            <Button name="action" value="draft" variant="secondary">
              {cm('apply.draft')}
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
  return submitForm(c, {
    role: 'business',
    run: (ctx) => (action === 'draft' ? saveDraft(ctx, input) : submitApplication(ctx, input)),
    rerender: (errors, status, e) => {
      if (e.code === 'validation-failed') return applyPage(c, program, existing, { values, errors, status });
      // The window closed or the application was submitted meanwhile: the page says how things stand now.
      if (e.code === 'window-closed' || e.code === 'conflict') return applyPage(c, program, existing, { values, status: 409 });
      throw e;
    },
    flash: (app) => (action === 'draft' ? cm('apply.flashDraft') : cm('apply.flashSubmitted', { number: app.number ?? '' })),
    redirect: action === 'draft' ? `/${program.slug}/business/apply` : `/${program.slug}/business`,
  });
});
