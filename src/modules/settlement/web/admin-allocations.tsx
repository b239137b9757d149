import { Hono } from 'hono';
import { runCommand } from '../../../platform/command.js';
import { isAppError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, DescriptionList, ErrorSummary, Form, SelectField, Table, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../programs/schema.js';
import { setAllocation } from '../commands/budget.js';
import { moveAllocation } from '../commands/move-allocation.js';
import { programBalances } from '../ledger.js';
import { yen } from '../messages.js';
import { facilityLines } from '../reports.js';
import { RUN_ROLES, adminBase, crumbs, parseYen, settlementProgram } from './common.js';

/** 配分枠: each facility's allocation and how much of it is used; set or move allocations. */
export const settlementAllocations = new Hono<AppEnv>();

async function allocationsPage(c: AppContext, program: Program, opts: { errors?: SummaryError[]; values?: Record<string, string>; status?: number } = {}) {
  const db = c.get('deps').db;
  const [b, lines] = await Promise.all([programBalances(db, program.id), facilityLines(db, program.id)]);
  const errors = opts.errors ?? [];
  const v = opts.values ?? {};
  const base = adminBase(program);
  const options = lines.map((l) => ({ value: String(l.facilityId), label: `${l.name}（${l.registrationNumber ?? `ID ${l.facilityId}`}）` }));
  return adminPage(c, {
    title: `施設ごとの配分枠：${program.name}`,
    breadcrumbs: crumbs(program, '配分枠'),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <DescriptionList
          items={[
            { term: '原資', detail: yen(b.pool) },
            { term: '配分済み（合計）', detail: yen(b.allocated) },
            { term: '未配分', detail: yen(b.pool - b.allocated) },
          ]}
        />
        <p>配分枠のない施設は原資から直接割引を受け付けます。配分枠を使い切った施設は公開サイトで「販売終了」と表示されます。</p>
        <Table
          caption="施設ごとの配分枠と使用状況"
          columns={[
            { key: 'name', header: '施設', rowHeader: true },
            { key: 'allocation', header: '配分額', numeric: true },
            { key: 'reserved', header: '予約済み', numeric: true },
            { key: 'approved', header: '承認済み', numeric: true },
            { key: 'paid', header: '支払済み', numeric: true },
            { key: 'remaining', header: '残額', numeric: true },
            { key: 'state', header: '販売' },
          ]}
          rows={lines.map((l) => ({
            name: `${l.name}（${l.registrationNumber ?? `ID ${l.facilityId}`}）`,
            allocation: l.hasAllocation ? yen(l.allocation) : '配分なし',
            reserved: yen(l.reserved),
            approved: yen(l.approved),
            paid: yen(l.paid),
            remaining: l.hasAllocation ? yen(l.available) : '—',
            state: l.soldOutOn ? `販売終了（${l.soldOutOn}〜）` : '販売中',
          }))}
          emptyMessage="登録施設はまだありません"
        />
        <h2 class="app-heading-2">配分額を設定する</h2>
        <Form action={`${base}/allocations`} csrfToken={csrfToken(c)}>
          <input type="hidden" name="action" value="set" />
          <SelectField name="facility" label="施設" required options={options} value={v.facility} error={errorFor(errors, 'facility')} width="lg" />
          <TextField name="yen" label="配分額（円）" hint="この施設の配分枠の総額。予約・承認・支払済みの額より小さくはできません。" required inputmode="numeric" value={v.yen} error={errorFor(errors, 'yen')} />
          <Button>設定する</Button>
        </Form>
        <h2 class="app-heading-2">配分額を別の施設へ移す</h2>
        <Form action={`${base}/allocations`} csrfToken={csrfToken(c)}>
          <input type="hidden" name="action" value="move" />
          <SelectField name="from" label="移し元の施設" required options={options} value={v.from} error={errorFor(errors, 'from')} width="lg" />
          <SelectField name="to" label="移し先の施設" required options={options} value={v.to} error={errorFor(errors, 'to')} width="lg" />
          <TextField name="moveYen" label="移す額（円）" hint="移し元の残額（未使用分）まで移せます。" required inputmode="numeric" value={v.moveYen} error={errorFor(errors, 'moveYen')} />
          <Button>移す</Button>
        </Form>
      </>
    ),
  });
}

settlementAllocations.get('/settlement/:slug/allocations', async (c) => {
  const { program } = await settlementProgram(c, RUN_ROLES);
  return allocationsPage(c, program);
});

settlementAllocations.post('/settlement/:slug/allocations', async (c) => {
  const { program, roles } = await settlementProgram(c, RUN_ROLES);
  const f = await formFields(c);
  const errors: SummaryError[] = [];
  const move = f.action === 'move';
  const id = (name: string) => {
    const n = Number(f[name]);
    if (!Number.isSafeInteger(n) || n <= 0) errors.push({ field: name, message: '施設を選んでください' });
    return n;
  };
  const amount = (name: string) => {
    const n = parseYen(f[name]);
    if (n === null) errors.push({ field: name, message: '金額を0以上の整数（円）で入力してください' });
    return n ?? 0;
  };
  const target = move ? [id('from'), id('to'), amount('moveYen')] : [id('facility'), amount('yen')];
  if (errors.length) return allocationsPage(c, program, { errors, values: f, status: 422 });
  try {
    await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), async (ctx) => {
      if (move) await moveAllocation(ctx, program, target[0]!, target[1]!, target[2]!);
      else await setAllocation(ctx, program, target[0]!, target[1]!);
    });
  } catch (e) {
    if (!isAppError(e) || e.status >= 500) throw e;
    const errs = e.fieldErrors.length ? e.fieldErrors.map((fe) => ({ ...fe, field: move && fe.field === 'yen' ? 'moveYen' : fe.field })) : [{ field: move ? 'from' : 'facility', message: e.message }];
    return allocationsPage(c, program, { errors: errs, values: f, status: e.code === 'not-found' ? 422 : e.status });
  }
  setFlash(c, { kind: 'success', message: move ? `${yen(target[2]!)}を移しました` : `配分額を${yen(target[1]!)}に設定しました` });
  return c.redirect(`${adminBase(program)}/allocations`, 303);
});
