import { Hono } from 'hono';
import { desc, eq } from 'drizzle-orm';
import type { Role } from '../../../platform/auth/schema.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { runCommand } from '../../../platform/command.js';
import { exportResponse, type Column } from '../../../platform/exports/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { primaryRole, requireProgramRole } from '../../../platform/http/guards.js';
import { AppError, isAppError } from '../../../platform/errors/index.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import { setFlash } from '../../../platform/http/flash.js';
import { formFields } from '../../../platform/http/form.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import { Button, DescriptionList, ErrorSummary, Form, Table, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../programs/schema.js';
import { closeEndedMonth } from '../commands/close-month.js';
import { programBalances } from '../ledger.js';
import { yen } from '../messages.js';
import { committedByDay, facilityLines, monthlyLines, type FacilityLine, type MonthLine } from '../reports.js';
import { paymentBatches } from '../schema.js';
import { BurnDownChart } from './chart.js';
import { drawStatement } from './statement-pdf.js';
import { RUN_ROLES, adminBase, monthParam, settlementProgram } from './common.js';

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
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return invalid('締める月を YYYY-MM 形式（例: 2025-06）で入力してください');
  let closed;
  try {
    closed = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => closeEndedMonth(ctx, program, month));
  } catch (e) {
    if (!isAppError(e) || e.status >= 500) throw e;
    return invalid(e.message, e.status);
  }
  const { batch, created } = closed;
  setFlash(c, { kind: 'success', message: created ? `${month} を締めました（${batch.claimCount.toLocaleString('ja-JP')}件、${yen(batch.total)}）` : `${month} はすでに締めてあります（締めた内容は変わりません）` });
  return c.redirect(`${adminBase(program)}/monthly/${month}`, 303);
});

async function dashboardPage(c: AppContext, program: Program, roles: Role[], form: { errors?: SummaryError[]; values?: Record<string, string>; status?: number } = {}) {
  const runs = roles.includes('admin') || roles.includes('operator');
  const errors = form.errors ?? [];
  const db = c.get('deps').db;
  const [b, points, batches] = await Promise.all([
    programBalances(db, program.id),
    committedByDay(db, program.id),
    db.select().from(paymentBatches).where(eq(paymentBatches.programId, program.id)).orderBy(desc(paymentBatches.month)),
  ]);
  const base = `/admin/settlement/${program.slug}`;
  return adminPage(c, {
    title: `予算と精算：${program.name}`,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: '予算と精算' }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: form.status,
    children: (
      <>
        <DescriptionList
          items={[
            { term: '原資', detail: yen(b.pool) },
            { term: '配分済み', detail: yen(b.allocated) },
            { term: '予約済み', detail: yen(b.reserved) },
            { term: '承認済み', detail: yen(b.approved) },
            { term: '支払済み', detail: yen(b.paid) },
            { term: '残額（未使用）', detail: yen(b.pool - b.reserved - b.approved - b.paid) },
          ]}
        />
        {runs && (
          <>
            <h2 class="app-heading-2">運営</h2>
            <ul>
              <li>
                <a href={`${base}/allocations`}>施設ごとの配分枠（設定・移動）</a>
              </li>
              <li>
                <a href={`${base}/settings`}>割引ルールと原資（手引き）</a>
              </li>
              <li>
                <a href={`${base}/claims`}>実績報告の審査（一括承認・却下）</a>
              </li>
            </ul>
            <h2 class="app-heading-2">月末締め</h2>
            <Form action={`${base}/close`} csrfToken={csrfToken(c)}>
              <TextField
                name="month"
                label="締める月"
                hint="YYYY-MM 形式（例: 2025-06）。その月までにチェックアウトした承認済みの宿泊が、この月の支払になります。終わった月だけ締められます。締めた月は変わりません（後から承認された分は翌月以降の支払になります）。"
                required
                value={form.values?.month ?? lastMonth(c.get('deps').clock.now())}
                error={errorFor(errors, 'month')}
                width="sm"
              />
              <Button>締める</Button>
            </Form>
          </>
        )}
        <figure class="app-figure">
          <figcaption>予算残額の推移（日別）</figcaption>
          <BurnDownChart pool={b.pool} points={points} />
        </figure>
        <Table
          caption="日別の使用額と残額"
          columns={[
            { key: 'date', header: '日付' },
            { key: 'committed', header: '使用額（累計）', numeric: true },
            { key: 'remaining', header: '残額', numeric: true },
          ]}
          rows={points.map((p) => ({ date: p.date, committed: yen(p.committed), remaining: yen(b.pool - p.committed) }))}
          emptyMessage="まだ予約はありません"
        />
        <h2 class="app-heading-2">報告書</h2>
        <ul>
          <li>
            <a href={`${base}/final-report.xlsx`}>最終報告（施設別 配分額と支払額）Excel</a>
          </li>
          {batches.map((batch) => (
            <li>
              <a href={`${base}/monthly/${batch.month}`}>
                {batch.month} 月次支払（{batch.claimCount}件、{yen(batch.total)}、{batch.status === 'paid' ? '支払済み' : '締め済み'}）：事業者別の支払明細書（PDF・Excel）
              </a>
              {' ／ '}
              <a href={`${base}/monthly/${batch.month}/report.xlsx`}>{batch.month} 月次支払報告 Excel</a>
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
  { header: '登録番号', value: (r) => r.registrationNumber ?? '' },
  { header: '施設名', value: (r) => r.name },
  { header: '配分額', value: (r) => r.allocation, kind: 'yen' },
  { header: '予約中', value: (r) => r.reserved, kind: 'yen' },
  { header: '承認済み', value: (r) => r.approved, kind: 'yen' },
  { header: '支払済み', value: (r) => r.paid, kind: 'yen' },
  { header: '件数', value: (r) => r.claims, kind: 'int' },
];

const MONTH_COLUMNS: Column<MonthLine>[] = [
  { header: '施設ID', value: (r) => r.facilityId, kind: 'int' },
  { header: '施設名', value: (r) => r.name },
  { header: '対象月', value: (r) => r.month },
  { header: '件数', value: (r) => r.claims, kind: 'int' },
  { header: '人泊（人数）', value: (r) => r.guests, kind: 'int' },
  { header: '泊数', value: (r) => r.nights, kind: 'int' },
  { header: '支払額', value: (r) => r.amount, kind: 'yen' },
];

settlementAdmin.get('/settlement/:slug/final-report.xlsx', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), STAFF);
  const rows = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), async (ctx) => {
    ctx.audit({ action: 'settlement.final_report.exported', programId: program.id });
    return facilityLines(ctx.tx, program.id);
  });
  return exportResponse('xlsx', `最終報告_${program.slug}`, rows, FINAL_COLUMNS, '施設別');
});

settlementAdmin.get('/settlement/:slug/monthly/:month/report.xlsx', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), STAFF);
  const month = monthParam(c.req.param('month'));
  const rows = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), async (ctx) => {
    ctx.audit({ action: 'settlement.monthly_report.exported', programId: program.id, diff: { month } });
    return monthlyLines(ctx.tx, program.id, month);
  });
  return exportResponse('xlsx', `月次支払報告_${program.slug}_${month}`, rows, MONTH_COLUMNS, month);
});

/** The payment statement (支払明細書) of one business for one closed month. */
settlementAdmin.get('/settlement/:slug/monthly/:month/statements/:facility', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), ['admin', 'operator']);
  const month = monthParam(c.req.param('month'));
  const facilityId = Number(c.req.param('facility'));
  if (!Number.isSafeInteger(facilityId)) throw new AppError('not-found');
  const line = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), async (ctx) => {
    ctx.audit({ action: 'settlement.statement.printed', programId: program.id, targetType: 'facility', targetId: facilityId, diff: { month } });
    return (await monthlyLines(ctx.tx, program.id, month)).find((l) => l.facilityId === facilityId);
  });
  if (!line) throw new AppError('not-found');
  return pdfResponse(`支払明細書_${month}_${facilityId}`, (doc) => drawStatement(doc, program.name, line), { title: `支払明細書 ${month}` });
});
