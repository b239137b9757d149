import { Hono } from 'hono';
import type { Role } from '../../../platform/auth/schema.js';
import { runCommand } from '../../../platform/command.js';
import { isIsoDate, tokyoDateTime } from '../../../platform/calendar/index.js';
import { AppError, isAppError } from '../../../platform/errors/index.js';
import { contentDisposition } from '../../../platform/exports/content-disposition.js';
import { exportResponse, type Column } from '../../../platform/exports/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, DescriptionList, ErrorSummary, Form, Table, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../programs/schema.js';
import { findBatch, markBatchPaid } from '../commands/close-month.js';
import { exportZenginFile } from '../commands/zengin-export.js';
import { yen } from '../messages.js';
import { monthlyLines, statementLines, type StatementLine } from '../reports.js';
import { RUN_ROLES, adminBase, crumbs, monthParam, settlementProgram } from './common.js';

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
  const batch = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => markBatchPaid(ctx, program, month));
  setFlash(c, { kind: 'success', message: `${month} の支払（${yen(batch.total)}）を支払済みにしました` });
  return c.redirect(`${adminBase(program)}/monthly/${month}`, 303);
});

/** The 全銀協 総合振込 file of the batch for a bank business day (exportZenginFile, audited). */
settlementMonthly.post('/settlement/:slug/monthly/:month/zengin', async (c) => {
  const { program, roles } = await settlementProgram(c, RUN_ROLES);
  const month = monthParam(c.req.param('month'));
  const f = await formFields(c);
  const transferDate = (f.transferDate ?? '').trim();
  const invalid = (message: string, status = 422) => monthlyPage(c, program, roles, month, { errors: [{ field: 'transferDate', message }], values: f, status });
  if (!isIsoDate(transferDate)) return invalid('振込指定日を YYYY-MM-DD 形式（例: 2025-07-10）で入力してください');
  let out;
  try {
    out = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => exportZenginFile(ctx, program, month, transferDate));
  } catch (e) {
    if (!isAppError(e) || e.status >= 500 || e.code === 'not-found') throw e;
    return invalid(e.message, e.status);
  }
  return new Response(new Uint8Array(out.file), {
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': contentDisposition(`総合振込_${program.slug}_${month}_${transferDate}.txt`),
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
    title: `${month} の月次支払：${program.name}`,
    breadcrumbs: crumbs(program, `${month} の月次支払`),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: form.status,
    children: (
      <>
        <DescriptionList
          items={[
            { term: '状態', detail: batch.status === 'paid' ? `支払済み（${batch.paidAt ? tokyoDateTime(batch.paidAt) : ''}）` : '締め済み（未払い）' },
            { term: '締めた日時', detail: tokyoDateTime(batch.closedAt) },
            { term: '件数', detail: `${batch.claimCount.toLocaleString('ja-JP')}件` },
            { term: '支払額の合計', detail: yen(batch.total) },
          ]}
        />
        <p>
          <a href={`${base}/report.xlsx`}>月次支払報告（事業者別）Excel</a>
        </p>
        <Table
          caption="事業者別の支払額"
          columns={[
            { key: 'name', header: '施設', rowHeader: true },
            { key: 'claims', header: '件数', numeric: true },
            { key: 'amount', header: '支払額', numeric: true },
            ...(runs ? [{ key: 'files', header: '支払明細書' }] : []),
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
          emptyMessage="この月に支払う宿泊はありません"
        />
        {runs && (
          <>
            <h2 class="app-heading-2">振込ファイル（全銀協 総合振込）</h2>
            <Form action={`${base}/zengin`} csrfToken={csrfToken(c)}>
              <TextField
                name="transferDate"
                label="振込指定日"
                hint="YYYY-MM-DD 形式。銀行の営業日で、締めた日以降の日付。事業者ごとに申請時の振込先口座への振込を1件ずつ書き出します（Shift_JIS、120バイト固定長）。書き出しは監査記録に残ります。"
                required
                value={form.values?.transferDate ?? ''}
                error={errorFor(errors, 'transferDate')}
                width="sm"
              />
              <Button>振込ファイルを書き出す</Button>
            </Form>
            {batch.status === 'closed' && (
              <>
                <h2 class="app-heading-2">支払の記録</h2>
                <p>振込が済んだら、支払済みにしてください。台帳で承認済みの額が支払済みに移り、元に戻せません。</p>
                <Form action={`${base}/paid`} csrfToken={csrfToken(c)}>
                  <Button>{`${month} の支払（${yen(batch.total)}）を支払済みにする`}</Button>
                </Form>
              </>
            )}
          </>
        )}
      </>
    ),
  });
}

const STATEMENT_COLUMNS = (name: string, month: string): Column<StatementLine>[] => [
  { header: '施設名', value: () => name },
  { header: '対象月', value: () => month },
  { header: '予約番号', value: (r) => r.bookingRef },
  { header: 'チェックイン', value: (r) => r.checkIn },
  { header: 'チェックアウト', value: (r) => r.checkOut },
  { header: '泊数', value: (r) => r.nights, kind: 'int' },
  { header: '人数', value: (r) => r.guests, kind: 'int' },
  { header: '宿泊料金（税込）', value: (r) => r.totalPrice, kind: 'yen' },
  { header: '支払額（割引相当分）', value: (r) => r.discount, kind: 'yen' },
];

/** The payment statement (支払明細書) of one business for one closed month, line by line, as xlsx. */
settlementMonthly.get('/settlement/:slug/monthly/:month/statements/:facility/statement.xlsx', async (c) => {
  const { program, roles } = await settlementProgram(c, RUN_ROLES);
  const month = monthParam(c.req.param('month'));
  const facilityId = Number(c.req.param('facility'));
  if (!Number.isSafeInteger(facilityId)) throw new AppError('not-found');
  const result = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), async (ctx) => {
    const line = (await monthlyLines(ctx.tx, program.id, month)).find((l) => l.facilityId === facilityId);
    if (!line) return null;
    ctx.audit({ action: 'settlement.statement.exported', programId: program.id, targetType: 'facility', targetId: facilityId, diff: { month, format: 'xlsx' } });
    return { line, rows: await statementLines(ctx.tx, program.id, month, facilityId) };
  });
  if (!result) throw new AppError('not-found');
  const total: StatementLine = { bookingRef: '合計', checkIn: '', checkOut: '', nights: result.line.nights, guests: result.line.guests, totalPrice: result.rows.reduce((a, r) => a + r.totalPrice, 0), discount: result.line.amount };
  return exportResponse('xlsx', `支払明細書_${month}_${facilityId}`, [...result.rows, total], STATEMENT_COLUMNS(result.line.name, month), '支払明細');
});
