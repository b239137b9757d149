import { Hono } from 'hono';
import { runCommand } from '../../../platform/command.js';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import { exportResponse, type Column } from '../../../platform/exports/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { DescriptionList, Table } from '../../../ui/index.js';
import { findBatch } from '../commands/close-month.js';
import { yen } from '../messages.js';
import { monthlyLines, statementLines, type StatementLine } from '../reports.js';
import { RUN_ROLES, adminBase, crumbs, monthParam, settlementProgram } from './common.js';

const STAFF = ['admin', 'operator', 'city'] as const;

/** One closed month: the batch, and per business its payment with the statement downloads. */
export const settlementMonthly = new Hono<AppEnv>();

settlementMonthly.get('/settlement/:slug/monthly/:month', async (c) => {
  const { program, roles } = await settlementProgram(c, STAFF);
  const month = monthParam(c.req.param('month'));
  const db = c.get('deps').db;
  const batch = await findBatch({ tx: db }, program.id, month);
  if (!batch) throw new AppError('not-found');
  const lines = await monthlyLines(db, program.id, month);
  const runs = roles.includes('admin') || roles.includes('operator');
  const base = `${adminBase(program)}/monthly/${month}`;
  return adminPage(c, {
    title: `${month} の月次支払：${program.name}`,
    breadcrumbs: crumbs(program, `${month} の月次支払`),
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
      </>
    ),
  });
});

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
