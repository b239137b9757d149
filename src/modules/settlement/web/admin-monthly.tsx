import { Hono } from 'hono';
import type { Role } from '../../../platform/auth/schema.js';
import { isIsoDate, tokyoDateTime } from '../../../platform/calendar/index.js';
import { AppError, isAppError } from '../../../platform/errors/index.js';
import { contentDisposition } from '../../../platform/exports/content-disposition.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, DescriptionList, ErrorSummary, Form, Table, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { findBatch, markBatchPaid } from '../commands/close-month.js';
import { exportZenginFile } from '../commands/zengin-export.js';
import { sm, yen } from '../messages.js';
import { monthlyLines } from '../reports.js';
import { statementXlsx } from './statement-export.js';
import { RUN_ROLES, adminBase, crumbs, monthParam, settlementProgram } from './common.js';
import { runAs } from '../../../platform/http/run-as.js';
import { idParam } from '../../../platform/http/params.js';

const STAFF = ['admin', 'operator', 'city'] as const;

/** One closed month: the batch, and per business its payment with the statement downloads. */
export const settlementMonthly = new Hono<AppEnv>();

settlementMonthly.get('/settlement/:slug/monthly/:month', async (c) => {
  const { program, roles } = await settlementProgram(c, STAFF);
  return monthlyPage(c, program, roles, monthParam(c.req.param('month')));
});

/** 支払済みにする: the batch's money moves from approved to paid in the ledger (markBatchPaid). */
settlementMonthly.post('/settlement/:slug/monthly/:month/paid', async (c) => {
  const { program, roles } = await settlementProgram(c, RUN_ROLES);
  const month = monthParam(c.req.param('month'));
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => markBatchPaid(ctx, program, month),
    // No 全銀 file yet (409): the month's page, saying so.
    rerender: (errors, status) => monthlyPage(c, program, roles, month, { errors, status }),
    flash: (batch) => sm('admin.monthly.paid.done', { month, total: yen(batch.total) }),
    redirect: `${adminBase(program)}/monthly/${month}`,
  });
});

/** The 全銀協 総合振込 file of the batch for a bank business day (exportZenginFile, audited). */
settlementMonthly.post('/settlement/:slug/monthly/:month/zengin', async (c) => {
  const { program, roles } = await settlementProgram(c, RUN_ROLES);
  const month = monthParam(c.req.param('month'));
  const f = await formFields(c);
  const transferDate = (f.transferDate ?? '').trim();
  const invalid = (message: string, status = 422) => monthlyPage(c, program, roles, month, { errors: [{ field: 'transferDate', message }], values: f, status });
  if (!isIsoDate(transferDate)) return invalid(sm('err.transferDate'));
  let out;
  try {
    out = await runAs(c, primaryRole(roles), (ctx) => exportZenginFile(ctx, program, month, transferDate));
  } catch (e) {
    if (!isAppError(e) || e.status >= 500 || e.code === 'not-found') throw e;
    return invalid(e.message, e.status);
  }
  return new Response(new Uint8Array(out.file), {
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': contentDisposition(sm('export.zengin.file', { slug: program.slug, month, date: transferDate })),
      'Cache-Control': 'no-store',
    },
  });
});

async function monthlyPage(c: AppContext, program: Program, roles: Role[], month: string, form: { errors?: SummaryError[]; values?: Record<string, string>; status?: number } = {}) {
  const errors = form.errors ?? [];
  const db = c.get('deps').db;
  const batch = await findBatch({ tx: db }, program.id, month);
  if (!batch) throw new AppError('not-found');
  const lines = await monthlyLines(db, program.id, month);
  const runs = roles.includes('admin') || roles.includes('operator');
  const base = `${adminBase(program)}/monthly/${month}`;
  return adminPage(c, {
    title: sm('admin.monthly.title', { month, program: program.name }),
    breadcrumbs: crumbs(program, sm('admin.monthly.crumb', { month })),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: form.status,
    children: (
      <>
        <DescriptionList
          items={[
            { term: sm('term.status'), detail: batch.status === 'paid' ? sm('admin.monthly.paidAt', { at: batch.paidAt ? tokyoDateTime(batch.paidAt) : '' }) : sm('admin.monthly.unpaid') },
            { term: sm('admin.monthly.closedAt'), detail: tokyoDateTime(batch.closedAt) },
            { term: sm('term.claimCount'), detail: sm('fmt.count', { count: batch.claimCount.toLocaleString('ja-JP') }) },
            { term: sm('admin.monthly.total'), detail: yen(batch.total) },
            {
              term: sm('admin.monthly.zenginFile'),
              detail:
                batch.zenginSha256 && batch.zenginExportedAt
                  ? sm('admin.monthly.zenginDone', { at: tokyoDateTime(batch.zenginExportedAt), date: batch.transferDate ?? '—', sha256: batch.zenginSha256 })
                  : sm('admin.monthly.zenginNone'),
            },
          ]}
        />
        <p>
          <a href={`${base}/report.xlsx`}>{sm('admin.monthly.reportLink')}</a>
        </p>
        <Table
          caption={sm('admin.monthly.caption')}
          columns={[
            { key: 'name', header: sm('term.facility'), rowHeader: true },
            { key: 'claims', header: sm('term.claimCount'), numeric: true },
            { key: 'amount', header: sm('term.amount'), numeric: true },
            ...(runs ? [{ key: 'files', header: sm('term.statement') }] : []),
          ]}
          rows={lines.map((l) => ({
            name: l.name,
            claims: l.claims.toLocaleString('ja-JP'),
            amount: yen(l.amount),
            files: (
              <>
                <a href={`${base}/statements/${l.facilityId}`}>PDF<span class="visually-hidden">（{l.name}）</span></a>
                {' ／ '}
                <a href={`${base}/statements/${l.facilityId}/statement.xlsx`}>Excel<span class="visually-hidden">（{l.name}）</span></a>
              </>
            ),
          }))}
          emptyMessage={sm('admin.monthly.empty')}
        />
        {runs && (
          <>
            {batch.status === 'closed' && <h2 class="app-heading-2">{sm('admin.monthly.zengin.heading')}</h2>}
            {batch.status === 'closed' && <Form action={`${base}/zengin`} csrfToken={csrfToken(c)}>
              <TextField
                name="transferDate"
                label={sm('admin.monthly.zengin.date')}
                hint={sm('admin.monthly.zengin.hint')}
                required
                value={form.values?.transferDate ?? ''}
                error={errorFor(errors, 'transferDate')}
                width="sm"
              />
              <Button>{sm('admin.monthly.zengin.button')}</Button>
            </Form>}
            {batch.status === 'closed' && (
              <>
                <h2 class="app-heading-2">{sm('admin.monthly.paid.heading')}</h2>
                <p>{sm('admin.monthly.paid.intro')}</p>
                {batch.zenginSha256 ? (
                  <Form action={`${base}/paid`} csrfToken={csrfToken(c)}>
                    <Button>{sm('admin.monthly.paid.button', { month, total: yen(batch.total) })}</Button>
                  </Form>
                ) : (
                  <p>{sm('admin.monthly.paid.needsFile')}</p>
                )}
              </>
            )}
          </>
        )}
      </>
    ),
  });
}

/** The payment statement (支払明細書) of one business for one closed month, line by line, as xlsx. */
settlementMonthly.get('/settlement/:slug/monthly/:month/statements/:facility/statement.xlsx', async (c) => {
  const { program, roles } = await settlementProgram(c, RUN_ROLES);
  return statementXlsx(c, program, primaryRole(roles), monthParam(c.req.param('month')), idParam(c, 'facility'));
});
