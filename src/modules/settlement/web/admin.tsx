import { Hono } from 'hono';
import type { Role } from '../../../platform/auth/schema.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { exportResponse, type Column } from '../../../platform/exports/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { primaryRole, requireProgramRole } from '../../../platform/http/guards.js';
import { AppError } from '../../../platform/errors/index.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { Button, DescriptionList, ErrorSummary, Form, Table, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { closeEndedMonth } from '../commands/close-month.js';
import { programBalances } from '../ledger.js';
import { sm, yen } from '../messages.js';
import { committedByDay, facilityLines, monthlyLines, type FacilityLine, type MonthLine } from '../reports.js';
import { listPaymentBatches } from '../queries.js';
import { BurnDownChart } from './chart.js';
import { statementPdf } from './statement-export.js';
import { RUN_ROLES, adminBase, monthParam, settlementProgram } from './common.js';
import { runAs } from '../../../platform/http/run-as.js';
import { idParam } from '../../../platform/http/params.js';

export const settlementAdmin = new Hono<AppEnv>();

const STAFF = ['admin', 'operator', 'city'] as const;


settlementAdmin.get('/settlement/:slug', async (c) => {
  const { program, roles } = await settlementProgram(c, STAFF);
  return dashboardPage(c, program, roles);
});

/** 月末締め from the dashboard: closeEndedMonth, as `jimukyoku settlement close` does. */
settlementAdmin.post('/settlement/:slug/close', async (c) => {
  const { program, roles } = await settlementProgram(c, RUN_ROLES);
  const f = await formFields(c);
  const month = (f.month ?? '').trim();
  const invalid = (message: string, status = 422) => dashboardPage(c, program, roles, { errors: [{ field: 'month', message }], values: f, status });
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return invalid(sm('err.closeMonth'));
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => closeEndedMonth(ctx, program, month),
    // The whole reason (which month, from when it can be closed) beside the field.
    rerender: (_errors, status, e) => invalid(e.message, status),
    flash: ({ batch, created }) => (created ? sm('admin.close.done', { month, count: batch.claimCount.toLocaleString('ja-JP'), total: yen(batch.total) }) : sm('admin.close.already', { month })),
    redirect: `${adminBase(program)}/monthly/${month}`,
  });
});

async function dashboardPage(c: AppContext, program: Program, roles: Role[], form: { errors?: SummaryError[]; values?: Record<string, string>; status?: number } = {}) {
  const runs = roles.includes('admin') || roles.includes('operator');
  const errors = form.errors ?? [];
  const db = c.get('deps').db;
  const [b, points, batches] = await Promise.all([
    programBalances(db, program.id),
    committedByDay(db, program.id),
    listPaymentBatches(db, program.id),
  ]);
  const base = `/admin/settlement/${program.slug}`;
  return adminPage(c, {
    title: sm('admin.title', { program: program.name }),
    breadcrumbs: [{ label: sm('crumb.home'), href: '/admin' }, { label: sm('crumb.settlement') }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: form.status,
    children: (
      <>
        <DescriptionList
          items={[
            { term: sm('term.pool'), detail: yen(b.pool) },
            { term: sm('term.allocated'), detail: yen(b.allocated) },
            { term: sm('term.reserved'), detail: yen(b.reserved) },
            { term: sm('term.approved'), detail: yen(b.approved) },
            { term: sm('term.paid'), detail: yen(b.paid) },
            { term: sm('admin.remainingUnused'), detail: yen(b.pool - b.reserved - b.approved - b.paid) },
          ]}
        />
        {runs && (
          <>
            <h2 class="app-heading-2">{sm('admin.run.heading')}</h2>
            <ul>
              <li>
                <a href={`${base}/allocations`}>{sm('admin.run.allocations')}</a>
              </li>
              <li>
                <a href={`${base}/settings`}>{sm('admin.run.settings')}</a>
              </li>
              <li>
                <a href={`${base}/claims`}>{sm('admin.run.claims')}</a>
              </li>
            </ul>
            <h2 class="app-heading-2">{sm('admin.close.heading')}</h2>
            <Form action={`${base}/close`} csrfToken={csrfToken(c)}>
              <TextField
                name="month"
                label={sm('admin.close.month')}
                hint={sm('admin.close.hint')}
                required
                value={form.values?.month ?? lastMonth(c.get('deps').clock.now())}
                error={errorFor(errors, 'month')}
                width="sm"
              />
              <Button>{sm('admin.close.button')}</Button>
            </Form>
          </>
        )}
        <figure class="app-figure">
          <figcaption>{sm('admin.chart.caption')}</figcaption>
          <BurnDownChart pool={b.pool} points={points} />
        </figure>
        <Table
          caption={sm('admin.days.caption')}
          columns={[
            { key: 'date', header: sm('admin.days.date') },
            { key: 'committed', header: sm('admin.days.committed'), numeric: true },
            { key: 'remaining', header: sm('term.remaining'), numeric: true },
          ]}
          rows={points.map((p) => ({ date: p.date, committed: yen(p.committed), remaining: yen(b.pool - p.committed) }))}
          emptyMessage={sm('admin.days.empty')}
        />
        <h2 class="app-heading-2">{sm('admin.reports.heading')}</h2>
        <ul>
          <li>
            <a href={`${base}/final-report.xlsx`}>{sm('admin.reports.final')}</a>
          </li>
          {batches.map((batch) => (
            <li>
              <a href={`${base}/monthly/${batch.month}`}>
                {sm('admin.reports.batch', { month: batch.month, count: batch.claimCount, total: yen(batch.total), status: sm(batch.status === 'paid' ? 'term.paid' : 'term.closed') })}
              </a>
              {' ／ '}
              <a href={`${base}/monthly/${batch.month}/report.xlsx`}>{sm('admin.reports.batchExcel', { month: batch.month })}</a>
            </li>
          ))}
        </ul>
      </>
    ),
  });
}

/** The month before today's (Asia/Tokyo): the one usually closed. */
function lastMonth(now: Date): string {
  const [y, m] = tokyoDate(now).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const FINAL_COLUMNS: Column<FacilityLine>[] = [
  { header: sm('export.final.registrationNumber'), value: (r) => r.registrationNumber ?? '' },
  { header: sm('term.facilityName'), value: (r) => r.name },
  { header: sm('term.allocation'), value: (r) => r.allocation, kind: 'yen' },
  { header: sm('export.final.reserved'), value: (r) => r.reserved, kind: 'yen' },
  { header: sm('term.approved'), value: (r) => r.approved, kind: 'yen' },
  { header: sm('term.paid'), value: (r) => r.paid, kind: 'yen' },
  { header: sm('term.claimCount'), value: (r) => r.claims, kind: 'int' },
];

const MONTH_COLUMNS: Column<MonthLine>[] = [
  { header: sm('export.monthly.facilityId'), value: (r) => r.facilityId, kind: 'int' },
  { header: sm('term.facilityName'), value: (r) => r.name },
  { header: sm('term.month'), value: (r) => r.month },
  { header: sm('term.claimCount'), value: (r) => r.claims, kind: 'int' },
  { header: sm('term.guests'), value: (r) => r.guests, kind: 'int' },
  { header: sm('export.monthly.guestNights'), value: (r) => r.guestNights, kind: 'int' },
  { header: sm('term.nights'), value: (r) => r.nights, kind: 'int' },
  { header: sm('term.amount'), value: (r) => r.amount, kind: 'yen' },
];

settlementAdmin.get('/settlement/:slug/final-report.xlsx', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), STAFF);
  const rows = await runAs(c, primaryRole(roles), async (ctx) => {
    ctx.audit({ action: 'settlement.final_report.exported', programId: program.id });
    return facilityLines(ctx.tx, program.id);
  });
  return exportResponse('xlsx', sm('export.final.file', { slug: program.slug }), rows, FINAL_COLUMNS, sm('export.final.sheet'));
});

settlementAdmin.get('/settlement/:slug/monthly/:month/report.xlsx', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), STAFF);
  const month = monthParam(c.req.param('month'));
  const rows = await runAs(c, primaryRole(roles), async (ctx) => {
    ctx.audit({ action: 'settlement.monthly_report.exported', programId: program.id, diff: { month } });
    return monthlyLines(ctx.tx, program.id, month);
  });
  return exportResponse('xlsx', sm('export.monthly.file', { slug: program.slug, month }), rows, MONTH_COLUMNS, month);
});

/** The payment statement (支払明細書) of one business for one closed month. */
settlementAdmin.get('/settlement/:slug/monthly/:month/statements/:facility', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), ['admin', 'operator']);
  return statementPdf(c, program, primaryRole(roles), monthParam(c.req.param('month')), idParam(c, 'facility'));
});
