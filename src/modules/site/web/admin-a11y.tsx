import { Hono } from 'hono';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { formFields } from '../../../platform/http/form.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { idParam } from '../../../platform/http/params.js';
import type { Role } from '../../../platform/auth/schema.js';
import type { Program } from '../../../platform/programs/schema.js';
import { Button, DateField, DescriptionList, ErrorSummary, Form, RadioGroup, SelectField, Table, TextArea, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { A11Y_STANDARD, CRITERIA } from '../a11y/criteria.js';
import { findA11yTest, listA11yResults, listA11yRuns, listA11yTests } from '../a11y-queries.js';
import { createA11yTest, decideA11yTest, recordA11yResult, requestA11yRun, submitA11yTest } from '../commands/a11y-tests.js';
import { sam } from '../messages.js';
import type { SiteA11yTest } from '../schema.js';
import { adminBase } from './admin-views.js';
import { contentPageHtml } from './content-page.js';
import { sendHtml } from './layout.js';
import { APPROVE_ROLES, EDIT_ROLES, READ_ROLES, staffCampaign } from './load.js';

/** Back-office pages of the accessibility tests: record, run axe, submit; the City approves. */
export const siteA11yAdmin = new Hono<AppEnv>();

const base = (p: Program) => `${adminBase(p)}/accessibility`;
const can = (roles: Role[], need: Role[]) => roles.some((r) => need.includes(r));
const crumbs = (p: Program, ...more: Array<{ label: string; href?: string }>) => [
  { label: sam('crumb.home'), href: '/admin' },
  { label: sam('crumb.site', { program: p.name }), href: adminBase(p) },
  ...more,
];
const notice = (errors: SummaryError[]) => (errors.length ? <ErrorSummary errors={errors} /> : undefined);

async function listPage(c: AppContext, program: Program, roles: Role[], values: Record<string, string> = {}, errors: SummaryError[] = [], status = 200) {
  const db = c.get('deps').db;
  const [tests, runs] = await Promise.all([listA11yTests(db, program.id), listA11yRuns(db, program.id)]);
  const edit = can(roles, EDIT_ROLES);
  const token = csrfToken(c);
  return adminPage(c, {
    title: sam('a11y.title', { program: program.name }),
    breadcrumbs: crumbs(program, { label: sam('a11y.crumb') }),
    notice: notice(errors),
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <p>
          {sam('a11y.intro')}<a href={`/${program.slug}/accessibility`}>{`/${program.slug}/accessibility`}</a>
        </p>
        <Table
          caption={sam('a11y.testsCaption')}
          columns={[
            { key: 'id', header: sam('a11y.testedOn'), rowHeader: true },
            { key: 'checker', header: sam('a11y.checker') },
            { key: 'pages', header: sam('a11y.pages'), numeric: true },
            { key: 'status', header: sam('a11y.status') },
          ]}
          rows={tests.map((t) => ({
            id: <a href={`${base(program)}/tests/${t.id}`}>{sam('a11y.testTitle', { id: t.id, date: t.testedOn })}</a>,
            checker: t.checker,
            pages: sam('a11y.pagesCount', { n: t.pages.length }),
            status: sam(`a11y.status.${t.status === 'approved' ? 'approvedOld' : t.status}`),
          }))}
          emptyMessage={sam('a11y.none')}
        />
        <h2 class="app-heading-2">{sam('a11y.runHeading')}</h2>
        <p>{sam('a11y.runIntro')}</p>
        {edit && (
          <Form action={`${base(program)}/runs`} csrfToken={token}>
            <Button>{sam('a11y.runStart')}</Button>
          </Form>
        )}
        <Table
          caption={sam('a11y.runsCaption')}
          columns={[
            { key: 'at', header: sam('a11y.runRequestedAt'), rowHeader: true },
            { key: 'status', header: sam('a11y.status') },
            { key: 'message', header: sam('a11y.runMessage') },
          ]}
          rows={runs.map((r) => ({
            at: tokyoDateTime(r.createdAt),
            status: sam(`a11y.run.${r.status}`),
            message: r.testId ? <a href={`${base(program)}/tests/${r.testId}`}>{sam('a11y.runTest', { id: r.testId })}</a> : (r.message ?? '—'),
          }))}
          emptyMessage={sam('a11y.none')}
        />
        {edit && (
          <>
            <h2 class="app-heading-2">{sam('a11y.newHeading')}</h2>
            <Form action={`${base(program)}/tests`} csrfToken={token}>
              <DateField name="testedOn" label={sam('a11y.testedOn')} required value={values.testedOn ?? ''} error={errorFor(errors, 'testedOn')} />
              <TextArea name="pages" label={sam('a11y.pages')} hint={sam('a11y.pagesHint')} required rows={5} value={values.pages ?? ''} error={errorFor(errors, 'pages')} />
              <TextField name="standard" label={sam('a11y.standard')} hint={sam('a11y.standardHint')} value={values.standard ?? A11Y_STANDARD} error={errorFor(errors, 'standard')} />
              <TextField name="checker" label={sam('a11y.checker')} hint={sam('a11y.checkerHint')} required value={values.checker ?? ''} error={errorFor(errors, 'checker')} />
              <Button>{sam('a11y.create')}</Button>
            </Form>
          </>
        )}
      </>
    ),
  });
}

siteA11yAdmin.get('/site/:slug/accessibility', async (c) => {
  const { program, roles } = await staffCampaign(c, READ_ROLES);
  return listPage(c, program, roles);
});

siteA11yAdmin.post('/site/:slug/accessibility/tests', async (c) => {
  const { program, roles } = await staffCampaign(c, EDIT_ROLES);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => createA11yTest(ctx, program, f),
    rerender: (errors, status) => listPage(c, program, roles, f, errors, status),
    flash: sam('a11y.flash.created'),
    redirect: (t) => `${base(program)}/tests/${t.id}`,
  });
});

siteA11yAdmin.post('/site/:slug/accessibility/runs', async (c) => {
  const { program, roles } = await staffCampaign(c, EDIT_ROLES);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => requestA11yRun(ctx, program),
    rerender: (errors, status) => listPage(c, program, roles, {}, errors, status),
    flash: sam('a11y.flash.runRequested'),
    redirect: base(program),
  });
});

async function testPage(c: AppContext, program: Program, roles: Role[], test: SiteA11yTest, values: Record<string, string> = {}, errors: SummaryError[] = [], status = 200) {
  const results = await listA11yResults(c.get('deps').db, test.id);
  const token = csrfToken(c);
  const editable = can(roles, EDIT_ROLES) && (test.status === 'draft' || test.status === 'returned');
  const deciding = can(roles, APPROVE_ROLES) && test.status === 'pending';
  const action = `${base(program)}/tests/${test.id}`;
  return adminPage(c, {
    title: sam('a11y.testTitle', { id: test.id, date: test.testedOn }),
    breadcrumbs: crumbs(program, { label: sam('a11y.crumb'), href: base(program) }, { label: sam('a11y.testTitle', { id: test.id, date: test.testedOn }) }),
    notice: notice(errors),
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <DescriptionList
          items={[
            { term: sam('a11y.status'), detail: sam(`a11y.status.${test.status === 'approved' ? 'approvedOld' : test.status}`) },
            { term: sam('a11y.testedOn'), detail: test.testedOn },
            { term: sam('a11y.standard'), detail: test.standard },
            { term: sam('a11y.checker'), detail: test.checker },
            {
              term: sam('a11y.pages'),
              detail: (
                <ul>
                  {test.pages.map((u) => (
                    <li>{u}</li>
                  ))}
                </ul>
              ),
            },
            ...(test.note ? [{ term: sam('a11y.returnNote'), detail: test.note }] : []),
          ]}
        />
        <p>
          <a href={`${action}/preview`}>{sam('a11y.preview')}</a> ／ <a href={`${action}/preview?lang=en`}>{sam('content.previewEn')}</a>
        </p>
        <Table
          caption={sam('a11y.resultsCaption')}
          columns={[
            { key: 'page', header: sam('a11y.page'), rowHeader: true },
            { key: 'criterion', header: sam('a11y.criterion') },
            { key: 'result', header: sam('a11y.result') },
            { key: 'note', header: sam('a11y.note') },
          ]}
          rows={results.map((r) => ({ page: r.pageUrl, criterion: r.criterion, result: sam(`a11y.result.${r.result}`), note: r.note }))}
          emptyMessage={sam('a11y.resultsNone')}
        />
        {editable && (
          <>
            <h2 class="app-heading-2">{sam('a11y.resultHeading')}</h2>
            <Form action={`${action}/results`} csrfToken={token}>
              <SelectField name="pageUrl" label={sam('a11y.page')} required width="full" options={test.pages.map((u) => ({ value: u, label: u }))} value={values.pageUrl} error={errorFor(errors, 'pageUrl')} />
              <SelectField
                name="criterion"
                label={sam('a11y.criterion')}
                required
                options={CRITERIA.map((cr) => ({ value: cr.id, label: sam('a11y.criterionOption', { id: cr.id, level: cr.level }) }))}
                value={values.criterion}
                error={errorFor(errors, 'criterion')}
              />
              <RadioGroup
                name="result"
                label={sam('a11y.result')}
                hint={sam('a11y.resultHint')}
                required
                inline
                options={(['pass', 'fail', 'na'] as const).map((v) => ({ value: v, label: sam(`a11y.result.${v}`) }))}
                value={values.result}
                error={errorFor(errors, 'result')}
              />
              <TextArea name="note" label={sam('a11y.note')} rows={2} value={values.note ?? ''} error={errorFor(errors, 'note')} />
              <Button>{sam('a11y.resultSave')}</Button>
            </Form>
            <Form action={`${action}/submit`} csrfToken={token}>
              <Button variant="secondary">{sam('a11y.submit')}</Button>
            </Form>
          </>
        )}
        {deciding && (
          <>
            <Form action={`${action}/approve`} csrfToken={token}>
              <Button>{sam('a11y.approve')}</Button>
            </Form>
            <Form action={`${action}/return`} csrfToken={token}>
              <TextArea name="note" label={sam('a11y.returnNote')} rows={2} error={errorFor(errors, 'note')} />
              <Button variant="secondary">{sam('a11y.return')}</Button>
            </Form>
          </>
        )}
      </>
    ),
  });
}

async function loadTest(c: AppContext, roles: Role[]) {
  const found = await staffCampaign(c, roles);
  const test = await findA11yTest(c.get('deps').db, found.program.id, idParam(c, 'tid'));
  if (!test) throw new AppError('not-found');
  return { ...found, test };
}

siteA11yAdmin.get('/site/:slug/accessibility/tests/:tid{[0-9]+}', async (c) => {
  const { program, roles, test } = await loadTest(c, READ_ROLES);
  return testPage(c, program, roles, test);
});

/** The policy page as it will look with this test's results (the page's live text around them). */
siteA11yAdmin.get('/site/:slug/accessibility/tests/:tid{[0-9]+}/preview', async (c) => {
  const { program, test } = await loadTest(c, READ_ROLES);
  if (c.req.query('lang') === 'en') c.set('locale', 'en');
  const results = await listA11yResults(c.get('deps').db, test.id);
  const res = sendHtml(c, await contentPageHtml(c, program, 'accessibility', undefined, { test, results }));
  res.headers.set('Cache-Control', 'no-store');
  return res;
});

siteA11yAdmin.post('/site/:slug/accessibility/tests/:tid{[0-9]+}/results', async (c) => {
  const { program, roles, test } = await loadTest(c, EDIT_ROLES);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => recordA11yResult(ctx, program, test.id, f),
    rerender: (errors, status) => testPage(c, program, roles, test, f, errors, status),
    flash: sam('a11y.flash.result'),
    redirect: `${base(program)}/tests/${test.id}`,
  });
});

siteA11yAdmin.post('/site/:slug/accessibility/tests/:tid{[0-9]+}/submit', async (c) => {
  const { program, roles, test } = await loadTest(c, EDIT_ROLES);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => submitA11yTest(ctx, program, test.id),
    rerender: (errors, status) => testPage(c, program, roles, test, {}, errors, status),
    flash: sam('a11y.flash.submitted'),
    redirect: `${base(program)}/tests/${test.id}`,
  });
});

siteA11yAdmin.post('/site/:slug/accessibility/tests/:tid{[0-9]+}/approve', async (c) => {
  const { program, roles, test } = await loadTest(c, APPROVE_ROLES);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => decideA11yTest(ctx, program, test.id, { approve: true }),
    flash: sam('a11y.flash.approved'),
    redirect: `${base(program)}/tests/${test.id}`,
  });
});

siteA11yAdmin.post('/site/:slug/accessibility/tests/:tid{[0-9]+}/return', async (c) => {
  const { program, roles, test } = await loadTest(c, APPROVE_ROLES);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => decideA11yTest(ctx, program, test.id, { approve: false, note: f.note }),
    rerender: async (errors, status, e) => {
      if (e.code !== 'validation-failed') throw e;
      return testPage(c, program, roles, test, {}, errors, status);
    },
    flash: sam('a11y.flash.returned'),
    redirect: `${base(program)}/tests/${test.id}`,
  });
});
