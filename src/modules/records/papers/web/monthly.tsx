import { Hono } from 'hono';
import { formatWareki, tokyoDate, tokyoDateTime } from '../../../../platform/calendar/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import { adminPage } from '../../../../platform/http/admin-page.js';
import { csrfToken } from '../../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../../platform/http/env.js';
import { submitForm } from '../../../../platform/http/form-action.js';
import { formFields } from '../../../../platform/http/form.js';
import { primaryRole, requireProgramRole } from '../../../../platform/http/guards.js';
import { runAs } from '../../../../platform/http/run-as.js';
import type { Role } from '../../../../platform/auth/schema.js';
import type { Program } from '../../../../platform/programs/schema.js';
import { Button, ButtonLink, Form, StatusBadge, Table, TextArea, TextField } from '../../../../ui/index.js';
import { pp } from '../messages.js';
import { collectFigures, previousMonth } from '../monthly/collect.js';
import { draftMonthlyReport, receiveMonthlyReport, refreshFigures, saveMonthlyReport, sendMonthlyReport } from '../monthly/commands.js';
import { monthQuery, parsePastMonth, warekiMonth } from '../monthly/month.js';
import { groupFigures, monthlyReportWorkbook, renderMonthlyReport, reportFilename } from '../monthly/pdf.js';
import { findMonthlyReport, listMonthlyReports } from '../monthly/queries.js';
import type { MonthlyReport } from '../schema.js';
import { fileDownload } from '../xlsx-buffer.js';
import { canAny, crumbs, fieldOf, FRESH, pageErrors, REPORT_READ, REPORT_RECEIVE, REPORT_WRITE, type FormState } from './shared.js';

export const monthlyAdmin = new Hono<AppEnv>();

const TONE = { draft: 'warning', sent: 'info', received: 'success' } as const;
const monthLabel = (month: string) => warekiMonth(month, formatWareki);
const base = (p: Program) => `/admin/records/${p.slug}/monthly`;

async function listPage(c: AppContext, program: Program, roles: Role[], form: FormState = FRESH) {
  const reports = await listMonthlyReports(c.get('deps').db, program.id);
  const field = fieldOf(form, 'draft');
  return adminPage(c, {
    title: pp('monthly.title'),
    breadcrumbs: crumbs(program, pp('monthly.title')),
    ...pageErrors(form),
    children: (
      <>
        <p>{pp('monthly.intro')}</p>
        <Table
          caption={pp('monthly.list')}
          columns={[
            { key: 'month', header: pp('monthly.col.month'), rowHeader: true },
            { key: 'status', header: pp('monthly.col.status') },
            { key: 'updated', header: pp('monthly.col.updated') },
          ]}
          rows={reports.map((r) => ({
            month: <a href={`${base(program)}?month=${r.month}`}>{monthLabel(r.month)}</a>,
            status: <StatusBadge tone={TONE[r.status]}>{pp(`monthly.status.${r.status}`)}</StatusBadge>,
            updated: tokyoDateTime(r.updatedAt),
          }))}
          emptyMessage={pp('monthly.empty')}
        />
        {canAny(roles, REPORT_WRITE) ? (
          <>
            <h2 class="app-heading-2">{pp('monthly.draftHeading')}</h2>
            <Form action={base(program)} csrfToken={csrfToken(c)}>
              <input type="hidden" name="_form" value="draft" />
              <TextField {...field('month')} value={field('month').value || previousMonth(tokyoDate(c.get('deps').clock.now()))} label={pp('monthly.month')} width="sm" />
              <Button>{pp('monthly.makeDraft')}</Button>
            </Form>
          </>
        ) : null}
      </>
    ),
  });
}

async function reportPage(c: AppContext, program: Program, roles: Role[], report: MonthlyReport, form: FormState = FRESH) {
  const field = fieldOf(form, 'text');
  const text = (name: 'summary' | 'issues' | 'plans') => ({ ...field(name), value: form.form === 'text' ? (form.values[name] ?? '') : report[name] });
  const editable = report.status === 'draft' && canAny(roles, REPORT_WRITE);
  const seen = <input type="hidden" name="seenUpdatedAt" value={report.updatedAt.toISOString()} />;
  const month = <input type="hidden" name="month" value={report.month} />;
  const q = `?month=${report.month}`;
  return adminPage(c, {
    title: pp('monthly.heading', { month: monthLabel(report.month) }),
    breadcrumbs: [{ label: program.name, href: '/admin' }, { label: pp('monthly.title'), href: base(program) }, { label: monthLabel(report.month) }],
    ...pageErrors(form),
    children: (
      <>
        <p>
          <StatusBadge tone={TONE[report.status]}>{pp(`monthly.status.${report.status}`)}</StatusBadge>
        </p>
        <p>
          <ButtonLink href={`${base(program)}/report.pdf${q}`} variant="secondary">{pp('monthly.pdf')}</ButtonLink>{' '}
          <ButtonLink href={`${base(program)}/report.xlsx${q}`} variant="secondary">{pp('monthly.xlsx')}</ButtonLink>
        </p>
        <h2 class="app-heading-2">{pp('monthly.figures')}</h2>
        {report.figures.length === 0 ? <p>{pp('monthly.noFigures')}</p> : null}
        {groupFigures(report.figures).map((g) => (
          <Table
            caption={g.title}
            columns={[
              { key: 'label', header: pp('monthly.col.label'), rowHeader: true },
              { key: 'value', header: pp('monthly.col.value'), numeric: true },
            ]}
            rows={g.rows.map((f) => ({ label: f.label, value: typeof f.value === 'number' ? f.value.toLocaleString('ja-JP') : f.value }))}
          />
        ))}
        {editable ? (
          <>
            <Form action={`${base(program)}/refresh`} csrfToken={csrfToken(c)}>
              {month}
              {seen}
              <Button variant="secondary">{pp('monthly.refresh')}</Button>
            </Form>
            <Form action={`${base(program)}/save`} csrfToken={csrfToken(c)}>
              {month}
              {seen}
              <input type="hidden" name="_form" value="text" />
              <TextArea {...text('summary')} label={pp('monthly.summary')} rows={6} />
              <TextArea {...text('issues')} label={pp('monthly.issues')} rows={4} />
              <TextArea {...text('plans')} label={pp('monthly.plans')} rows={4} />
              <Button>{pp('monthly.save')}</Button>
            </Form>
            <Form action={`${base(program)}/send`} csrfToken={csrfToken(c)}>
              {month}
              {seen}
              <Button>{pp('monthly.send')}</Button>
            </Form>
          </>
        ) : (
          <>
            <h2 class="app-heading-2">{pp('monthly.summary')}</h2>
            <p class="app-pre-wrap">{report.summary || pp('monthly.none')}</p>
            <h2 class="app-heading-2">{pp('monthly.issues')}</h2>
            <p class="app-pre-wrap">{report.issues || pp('monthly.none')}</p>
            <h2 class="app-heading-2">{pp('monthly.plans')}</h2>
            <p class="app-pre-wrap">{report.plans || pp('monthly.none')}</p>
          </>
        )}
        {report.status === 'sent' && canAny(roles, REPORT_RECEIVE) ? (
          <Form action={`${base(program)}/receive`} csrfToken={csrfToken(c)}>
            {month}
            <Button>{pp('monthly.receive')}</Button>
          </Form>
        ) : null}
      </>
    ),
  });
}

/** The report named by `month` (422 when that is not a month, 404 when there is no report for it). */
async function reportOf(c: AppContext, program: Program, text: string | undefined): Promise<MonthlyReport> {
  const month = monthQuery(text);
  if (!month) throw new AppError('validation-failed', pp('err.month'), { fieldErrors: [{ field: 'month', message: pp('err.month') }] });
  const report = await findMonthlyReport(c.get('deps').db, program.id, month);
  if (!report) throw new AppError('not-found');
  return report;
}

monthlyAdmin.get('/records/:slug/monthly', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), REPORT_READ);
  const month = c.req.query('month');
  if (month === undefined) return listPage(c, program, roles);
  return reportPage(c, program, roles, await reportOf(c, program, month));
});

monthlyAdmin.post('/records/:slug/monthly', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), REPORT_WRITE);
  const f = await formFields(c);
  const deps = c.get('deps');
  const rerender = (errors: FormState['errors'], status: number) => listPage(c, program, roles, { errors, values: f, status, form: 'draft' });
  let month: string;
  try {
    month = parsePastMonth(f.month, deps.clock.now());
  } catch (e) {
    if (e instanceof AppError) return rerender(e.fieldErrors, e.status);
    throw e;
  }
  const figures = await collectFigures(deps, program, month);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => draftMonthlyReport(ctx, program.id, month, figures),
    rerender,
    flash: pp('monthly.drafted', { month: monthLabel(month) }),
    redirect: `${base(program)}?month=${month}`,
  });
});

/** A POST about one report: the report named by the form's `month`, re-shown on a refusal. */
function reportAction(path: string, roles: Role[], run: (c: AppContext, program: Program, report: MonthlyReport, f: Record<string, string>) => Promise<Response>) {
  monthlyAdmin.post(`/records/:slug/monthly/${path}`, async (c) => {
    const found = await requireProgramRole(c, c.req.param('slug'), roles);
    const f = await formFields(c);
    const report = await reportOf(c, found.program, f.month);
    return run(c, found.program, report, f);
  });
}

const again = (c: AppContext, program: Program, report: MonthlyReport, f: Record<string, string>, formName?: string) => async (errors: FormState['errors'], status: number) => {
  const roles = (await requireProgramRole(c, program.slug, REPORT_READ)).roles;
  const fresh = (await findMonthlyReport(c.get('deps').db, program.id, report.month)) ?? report;
  return reportPage(c, program, roles, fresh, { errors, values: f, status, form: formName });
};

reportAction('save', REPORT_WRITE, async (c, program, report, f) =>
  submitForm(c, {
    role: primaryRole((await requireProgramRole(c, program.slug, REPORT_WRITE)).roles),
    run: (ctx) => saveMonthlyReport(ctx, program.id, report.month, f),
    rerender: again(c, program, report, f, 'text'),
    flash: pp('monthly.saved'),
    redirect: `${base(program)}?month=${report.month}`,
  }),
);

reportAction('refresh', REPORT_WRITE, async (c, program, report, f) => {
  const figures = await collectFigures(c.get('deps'), program, report.month);
  return submitForm(c, {
    role: primaryRole((await requireProgramRole(c, program.slug, REPORT_WRITE)).roles),
    run: (ctx) => refreshFigures(ctx, program.id, report.month, figures, f.seenUpdatedAt),
    rerender: again(c, program, report, f),
    flash: pp('monthly.refreshed'),
    redirect: `${base(program)}?month=${report.month}`,
  });
});

reportAction('send', REPORT_WRITE, async (c, program, report, f) =>
  submitForm(c, {
    role: primaryRole((await requireProgramRole(c, program.slug, REPORT_WRITE)).roles),
    run: (ctx) => sendMonthlyReport(ctx, program.id, report.month, f.seenUpdatedAt),
    rerender: again(c, program, report, f),
    flash: pp('monthly.sentFlash'),
    redirect: `${base(program)}?month=${report.month}`,
  }),
);

reportAction('receive', REPORT_RECEIVE, async (c, program, report, f) =>
  submitForm(c, {
    role: primaryRole((await requireProgramRole(c, program.slug, REPORT_RECEIVE)).roles),
    run: (ctx) => receiveMonthlyReport(ctx, program.id, report.month),
    rerender: again(c, program, report, f),
    flash: pp('monthly.receivedFlash'),
    redirect: `${base(program)}?month=${report.month}`,
  }),
);

for (const ext of ['pdf', 'xlsx'] as const) {
  monthlyAdmin.get(`/records/:slug/monthly/report.${ext}`, async (c) => {
    const { program, roles } = await requireProgramRole(c, c.req.param('slug'), REPORT_READ);
    const report = await reportOf(c, program, c.req.query('month'));
    const bytes = ext === 'pdf' ? await renderMonthlyReport(program, report) : await monthlyReportWorkbook(report);
    await runAs(c, primaryRole(roles), async (ctx) => ctx.audit({ action: 'records.report.exported', programId: program.id, targetType: 'records_monthly_report', targetId: report.id, diff: { month: report.month, format: ext } }));
    return fileDownload(bytes, `${reportFilename(report)}.${ext}`, ext);
  });
}
