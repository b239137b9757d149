import { Hono } from 'hono';
import { addDays, formatJaDate, isIsoDate, tokyoDate, tokyoDateTime } from '../../../platform/calendar/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { formFields } from '../../../platform/http/form.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { contentDisposition } from '../../../platform/exports/index.js';
import type { Role } from '../../../platform/auth/schema.js';
import type { Program } from '../../../platform/programs/schema.js';
import { Button, ErrorSummary, Form, Table, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { setLinePlans } from '../commands/line-plan.js';
import { submitTally } from '../commands/submit-tally.js';
import { isMonth } from '../due.js';
import { cm, rm } from '../messages.js';
import { findSubmission, linePlans, listSubmissions } from '../queries.js';
import { buildReport, crossRows, reportPdf, reportXlsx, type Report } from '../report.js';
import { READ_ROLES, RUN_ROLES } from '../roles.js';
import { CATEGORIES } from '../schema.js';
import { callCenterConfig } from '../settings.js';
import { staffingMonth } from '../staffing.js';
import { deskBase, deskCrumbs } from './desk.js';
import { categoryLabel } from './format.js';
import { callsProgram, dateParam, monthParam } from './load.js';

export const callsReports = new Hono<AppEnv>();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function CrossTable({ r }: { r: Report }) {
  return (
    <Table
      caption={rm('crossCaption')}
      columns={[{ key: 'type', header: rm('colType'), rowHeader: true }, ...CATEGORIES.map((k) => ({ key: k, header: categoryLabel(k), numeric: true })), { key: 'total', header: rm('colTotal'), numeric: true }]}
      rows={crossRows(r.tally).map((cr) => ({ type: cr.label, ...Object.fromEntries(CATEGORIES.map((k) => [k, String(cr.counts[k] ?? 0)])), total: String(cr.total) }))}
    />
  );
}

/** A bar per day, drawn without script; the table after it carries the same numbers. */
function DayChart({ r }: { r: Report }) {
  const max = Math.max(1, ...r.byDay.map((d) => d.total));
  const w = 12;
  const h = 120;
  return (
    <figure>
      <svg role="img" aria-labelledby="chart-t chart-d" viewBox={`0 0 ${r.byDay.length * w + 30} ${h + 20}`} width="100%" height="160">
        <title id="chart-t">{rm('chartTitle')}</title>
        <desc id="chart-d">{rm('chartDesc', { month: r.key })}</desc>
        {r.byDay.map((d, i) => {
          const bh = Math.round((d.total / max) * h);
          return <rect x={20 + i * w} y={h - bh} width={w - 2} height={bh} fill="#1a5fb4" />;
        })}
        <text x="0" y="10" font-size="9">{String(max)}</text>
        <text x="0" y={String(h + 15)} font-size="9">{r.byDay[0]?.date.slice(5) ?? ''}</text>
      </svg>
      <figcaption>{rm('chartTitle')}</figcaption>
    </figure>
  );
}

async function SubmissionLine({ c, program, r }: { c: AppContext; program: Program; r: Report }) {
  const sub = await findSubmission(c.get('deps').db, program.id, r.period, r.key);
  return <p>{sub?.submittedAt ? rm('submittedAt', { at: tokyoDateTime(sub.submittedAt), onTime: sub.onTime ? cm('onTime') : cm('late') }) : rm('notSubmitted')}</p>;
}

async function reportsPage(c: AppContext, program: Program, roles: Role[], form: { errors?: SummaryError[]; status?: number } = {}) {
  const db = c.get('deps').db;
  const base = deskBase(program);
  const today = tokyoDate(c.get('deps').clock.now());
  const qd = c.req.query('date') ?? '';
  const qm = c.req.query('month') ?? '';
  const date = isIsoDate(qd) ? qd : addDays(today, -1);
  const month = isMonth(qm) ? qm : date.slice(0, 7);
  const [daily, monthly, subs, plans] = await Promise.all([
    buildReport(db, program, 'daily', date),
    buildReport(db, program, 'monthly', month),
    listSubmissions(db, program.id),
    linePlans(db, program.id, `${month}-01`, `${month}-31`),
  ]);
  const canRun = roles.some((r) => RUN_ROLES.includes(r));
  const staffing = staffingMonth(month, callCenterConfig(program), plans);
  const errors = form.errors ?? [];
  const totals = (r: Report) => rm('total', { total: r.tally.total, simple: r.tally.simple, detailed: r.tally.total - r.tally.simple, missed: r.tally.missed });
  return adminPage(c, {
    title: rm('title'),
    breadcrumbs: deskCrumbs(program, rm('title')),
    hasErrors: errors.length > 0,
    status: form.status,
    children: (
      <>
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <Form action={`${base}/reports`} method="get" label={rm('show')}>
          <TextField name="date" label={rm('date')} type="date" value={date} width="sm" />
          <TextField name="month" label={rm('month')} value={month} width="sm" />
          <Button preventDoubleSubmit={false} variant="secondary">{rm('show')}</Button>
        </Form>
        <section aria-labelledby="daily-h">
          <h2 class="app-heading-2" id="daily-h">{rm('dailyHeading')}：{formatJaDate(date)}</h2>
          <p>{rm('due', { due: daily.due })}</p>
          <SubmissionLine c={c} program={program} r={daily} />
          <p>{totals(daily)}</p>
          <CrossTable r={daily} />
          <p>
            <a href={`${base}/daily/${date}/report.xlsx`}>{rm('xlsx')}</a> ／ <a href={`${base}/daily/${date}/report.pdf`}>{rm('pdf')}</a>
          </p>
          {canRun && (
            <Form action={`${base}/daily/${date}/submit`} csrfToken={csrfToken(c)}>
              <Button>{rm('submit')}</Button>
            </Form>
          )}
        </section>
        <section aria-labelledby="monthly-h">
          <h2 class="app-heading-2" id="monthly-h">{rm('monthlyHeading')}：{month}</h2>
          <p>{rm('due', { due: formatJaDate(monthly.due) })}</p>
          <SubmissionLine c={c} program={program} r={monthly} />
          <p>{totals(monthly)}</p>
          <CrossTable r={monthly} />
          <DayChart r={monthly} />
          <Table caption={rm('dayCaption')} columns={[{ key: 'date', header: rm('colDate'), rowHeader: true }, { key: 'n', header: rm('colCount'), numeric: true }]} rows={monthly.byDay.map((d) => ({ date: d.date, n: String(d.total) }))} />
          <p>
            <a href={`${base}/monthly/${month}/report.xlsx`}>{rm('xlsx')}</a> ／ <a href={`${base}/monthly/${month}/report.pdf`}>{rm('pdf')}</a>
          </p>
          {canRun && (
            <Form action={`${base}/monthly/${month}/submit`} csrfToken={csrfToken(c)}>
              <Button>{rm('submit')}</Button>
            </Form>
          )}
        </section>
        <section aria-labelledby="subs-h">
          <h2 class="app-heading-2" id="subs-h">{rm('submissionsHeading')}</h2>
          <Table
            caption={rm('submissionsHeading')}
            columns={[{ key: 'p', header: rm('colPeriod'), rowHeader: true }, { key: 'due', header: rm('colDue') }, { key: 's', header: rm('colSubmitted') }, { key: 'o', header: rm('colOnTime') }]}
            rows={subs.map((s) => ({ p: s.periodKey, due: tokyoDateTime(s.dueAt), s: s.submittedAt ? tokyoDateTime(s.submittedAt) : rm('notSubmitted'), o: s.submittedAt ? (s.onTime ? cm('onTime') : cm('late')) : '' }))}
          />
        </section>
        <section aria-labelledby="staff-h">
          <h2 class="app-heading-2" id="staff-h">{rm('staffingHeading', { month })}</h2>
          <p>{rm('staffingHint')}</p>
          <Form action={`${base}/lines?month=${month}`} csrfToken={csrfToken(c)} label={rm('staffingHeading', { month })}>
            <Table
              caption={rm('staffingHeading', { month })}
              columns={[{ key: 'date', header: rm('colDate'), rowHeader: true }, { key: 'req', header: rm('colRequired'), numeric: true }, { key: 'plan', header: rm('colPlanned') }, { key: 'state', header: rm('colState') }]}
              rows={staffing.map((d) => ({
                date: formatJaDate(d.date),
                req: d.open ? String(d.required) : '—',
                plan: canRun ? <TextField name={`lines_${d.date}`} label={rm('linesFor', { date: d.date })} value={d.planned ?? ''} inputmode="numeric" width="sm" error={errorFor(errors, `lines_${d.date}`)} /> : String(d.planned ?? '—'),
                state: !d.open ? rm('closed') : `${d.short ? rm('short') : rm('ok')}${d.peak ? `（${rm('peak')}）` : ''}`,
              }))}
            />
            {canRun && <Button>{rm('saveLines')}</Button>}
          </Form>
        </section>
      </>
    ),
  });
}

callsReports.get('/calls/:slug/reports', async (c) => {
  const { program, roles } = await callsProgram(c, READ_ROLES);
  return reportsPage(c, program, roles);
});

for (const period of ['daily', 'monthly'] as const) {
  const param = period === 'daily' ? ':date' : ':month';
  for (const fmt of ['xlsx', 'pdf'] as const) {
    callsReports.get(`/calls/:slug/${period}/${param}/report.${fmt}`, async (c) => {
      const { program } = await callsProgram(c, READ_ROLES);
      const key = period === 'daily' ? dateParam(c) : monthParam(c);
      const r = await buildReport(c.get('deps').db, program, period, key);
      const bytes = fmt === 'xlsx' ? await reportXlsx(r) : await reportPdf(r);
      const name = period === 'daily' ? cm('file.daily', { slug: program.slug, date: key }) : cm('file.monthly', { slug: program.slug, month: key });
      return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': fmt === 'xlsx' ? XLSX : 'application/pdf', 'Content-Disposition': contentDisposition(`${name}.${fmt}`) } });
    });
  }
  callsReports.post(`/calls/:slug/${period}/${param}/submit`, async (c) => {
    const { program, roles } = await callsProgram(c, RUN_ROLES);
    const key = period === 'daily' ? dateParam(c) : monthParam(c);
    return submitForm(c, {
      role: primaryRole(roles),
      run: (ctx) => submitTally(ctx, program.id, period, key),
      rerender: (errors, status) => reportsPage(c, program, roles, { errors, status }),
      flash: (r) => cm('submitted', { onTime: r.onTime ? cm('onTime') : cm('late') }),
      redirect: `${deskBase(program)}/reports?${period === 'daily' ? 'date' : 'month'}=${key}`,
    });
  });
}

callsReports.post('/calls/:slug/lines', async (c) => {
  const { program, roles } = await callsProgram(c, RUN_ROLES);
  const f = await formFields(c);
  const plans = Object.fromEntries(Object.entries(f).filter(([k]) => k.startsWith('lines_')).map(([k, v]) => [k.slice(6), v]));
  const qm = c.req.query('month') ?? '';
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => setLinePlans(ctx, program.id, plans),
    rerender: (errors, status) => reportsPage(c, program, roles, { errors, status }),
    flash: rm('linesSaved'),
    redirect: `${deskBase(program)}/reports${isMonth(qm) ? `?month=${qm}` : ''}`,
  });
});
