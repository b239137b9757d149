import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import { exportResponse, type Column } from '../../../platform/exports/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { runAs } from '../../../platform/http/run-as.js';
import { parseId } from '../../../platform/ids.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { programScope, type Box } from '../../../platform/vault/index.js';
import type { Role } from '../../../platform/auth/schema.js';
import { Button, ErrorSummary, Form, SelectField, Table, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { confirmDraw, drawLottery } from '../commands/lottery.js';
import { changeShipment, eraseEntrants, prepareShipments, savePrize } from '../commands/prizes.js';
import { drawLabels, type Label } from '../labels.js';
import { entriesByIds, findLottery, prizesOf, shipmentsOf, type EntrySealed, type ShipmentRow } from '../queries.js';
import { APPROVE_ROLES, READ_ROLES, RUN_ROLES, staffSurvey } from './load.js';

export const surveysAdminLottery = new Hono<AppEnv>();

const STATUS: Record<string, string> = { preparing: '発送準備', shipped: '発送済み', delivered: '配達完了', undelivered: '不着' };

function opened(box: Box, e: EntrySealed | undefined) {
  const o = (v: string | null | undefined) => {
    if (!v) return '消去済み';
    const x = box.open(v);
    return typeof x === 'string' ? x : '消去済み';
  };
  return { name: o(e?.nameSealed), postalCode: o(e?.postalCodeSealed), address: o(e?.addressSealed), phone: o(e?.phoneSealed) };
}

async function lotteryPage(c: AppContext, program: Program, roles: Role[], opts: { errors?: SummaryError[]; status?: number } = {}) {
  const db = c.get('deps').db;
  const l = await findLottery(db, program.id);
  const canRun = roles.some((r) => RUN_ROLES.includes(r));
  const prizes = await prizesOf(db, program.id);
  const shipments = await shipmentsOf(db, program.id);
  const errors = opts.errors ?? [];
  const base = `/admin/surveys/${program.slug}`;
  const order = l?.drawnOrder ?? [];
  // Winners' names and addresses: only for the people who ship, and every view is audited.
  const people = canRun && order.length
    ? await runAs(c, primaryRole(roles), async (ctx) => {
        const box = await ctx.deps.vault.box(ctx.tx, programScope(program.id));
        const entries = await entriesByIds(ctx.tx, program.id, order);
        ctx.audit({ action: 'surveys.entries.viewed', programId: program.id, targetType: 'program', targetId: program.id, diff: { entries: order.length } });
        return new Map(order.map((id) => [id, opened(box, entries.find((e) => e.id === id))]));
      })
    : null;
  const shipmentOf = new Map(shipments.map((s) => [s.entryId, s]));
  const actions = (s: ShipmentRow | undefined) => {
    if (!s || !canRun) return '';
    const form = (action: string, label: string, extra?: Child) => (
      <Form action={`${base}/shipments/update`} csrfToken={csrfToken(c)}>
        <input type="hidden" name="shipment" value={String(s.id)} />
        <input type="hidden" name="action" value={action} />
        {extra}
        <Button variant="secondary">{label}</Button>
      </Form>
    );
    if (s.status === 'preparing') return form('shipped', '発送済みにする', <><TextField name="carrier" label="運送会社" width="sm" /><TextField name="trackingNumber" label="伝票番号" width="sm" /></>);
    if (s.status === 'shipped') return <>{form('delivered', '配達完了')}{form('undelivered', '不着（返送）')}</>;
    if (s.status === 'undelivered' && !s.decisionNote) return form('decided', '市の判断を記録する', <><TextField name="note" label="市の判断" /><SelectField name="passToAlternate" label="補欠に繰り上げるか" options={[{ value: 'false', label: '繰り上げない' }, { value: 'true', label: '次の補欠に繰り上げる' }]} /></>);
    return s.decisionNote ?? '';
  };
  return adminPage(c, {
    title: `プレゼント抽選と賞品: ${program.name}`,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: 'アンケート', href: base }, { label: '抽選と賞品' }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <h2>抽選の記録</h2>
        {l ? (
          <ul>
            <li>乱数のハッシュ値（事前に公開）：<code>{l.seedHash}</code>（{tokyoDate(l.committedAt)}）</li>
            {l.drawnAt ? (
              <>
                <li>抽選日：{tokyoDate(l.drawnAt)}　応募 {l.entryCount}件　当選 {l.winners}名　補欠 {l.alternates}名</li>
                <li>乱数：<code>{l.seed}</code></li>
                <li>応募者一覧のハッシュ値：<code>{l.entryListHash}</code></li>
                <li>当選（応募番号順位）：{order.slice(0, l.winners ?? 0).join('、')}　補欠：{order.slice(l.winners ?? 0).join('、') || 'なし'}</li>
                <li>市の確認：{l.confirmedAt ? `確認済み（${tokyoDate(l.confirmedAt)}）` : '未確認'}</li>
              </>
            ) : (
              <li>抽選前</li>
            )}
          </ul>
        ) : (
          <p>抽選の乱数はまだ固定されていません。</p>
        )}
        {roles.includes('city') && l?.drawnAt && !l.confirmedAt && (
          <Form action={`${base}/lottery/confirm`} csrfToken={csrfToken(c)}>
            <p>抽選の記録（乱数、応募者一覧のハッシュ値、当選・補欠の順位）を確認したら、確認済みにしてください。受信箱の項目が消えます。</p>
            <Button>抽選の記録を確認した</Button>
          </Form>
        )}
        {canRun && l && !l.drawnAt && (
          <Form action={`${base}/lottery/draw`} csrfToken={csrfToken(c)}>
            <TextField name="winners" label="当選者数" width="sm" inputmode="numeric" required error={errorFor(errors, 'winners')} />
            <TextField name="alternates" label="補欠の数" width="sm" inputmode="numeric" error={errorFor(errors, 'alternates')} />
            <Button>抽選する（応募者一覧を固定し乱数を公開）</Button>
          </Form>
        )}
        {people && (
          <Table
            caption="当選者・補欠（個人情報）"
            columns={[{ key: 'rank', header: '順位', rowHeader: true }, { key: 'entry', header: '応募番号', numeric: true }, { key: 'name', header: '氏名' }, { key: 'address', header: '送付先' }, { key: 'shipment', header: '発送' }, { key: 'action', header: '操作' }]}
            rows={order.map((id, i) => {
              const p = people.get(id)!;
              const s = shipmentOf.get(id);
              return { rank: i < (l?.winners ?? 0) ? `当選 ${i + 1}` : `補欠 ${i + 1 - (l?.winners ?? 0)}`, entry: String(id), name: p.name, address: `〒${p.postalCode} ${p.address}`, shipment: s ? `${s.prize}：${STATUS[s.status]}${s.trackingNumber ? `（${s.carrier} ${s.trackingNumber}）` : ''}` : '', action: actions(s) };
            })}
          />
        )}
        <h2>賞品</h2>
        <Table
          caption="賞品の在庫"
          columns={[{ key: 'name', header: '賞品', rowHeader: true }, { key: 'stock', header: '数量', numeric: true }, { key: 'used', header: '発送に充当', numeric: true }, { key: 'kept', header: '保管場所' }, { key: 'action', header: '' }]}
          rows={prizes.map((p) => ({
            name: p.name,
            stock: String(p.stock),
            used: String(p.used),
            kept: p.kept_at,
            action: canRun && l?.drawnAt ? (
              <Form action={`${base}/shipments/prepare`} csrfToken={csrfToken(c)}>
                <input type="hidden" name="prize" value={String(p.id)} />
                <Button variant="secondary">当選者への発送を準備（当選メール送信）</Button>
              </Form>
            ) : (
              ''
            ),
          }))}
          emptyMessage="賞品はまだ登録されていません"
        />
        {canRun && (
          <Form action={`${base}/prizes`} csrfToken={csrfToken(c)}>
            <TextField name="name" label="賞品名" required error={errorFor(errors, 'name')} />
            <TextField name="stock" label="数量" width="sm" inputmode="numeric" required error={errorFor(errors, 'stock')} />
            <TextField name="keptAt" label="保管場所" error={errorFor(errors, 'keptAt')} />
            <Button>賞品を登録する</Button>
          </Form>
        )}
        {canRun && shipments.length > 0 && (
          <p>
            <a href={`${base}/labels.pdf`}>宛名ラベル（A4 12面、PDF）</a>・<a href={`${base}/carrier.csv`}>運送会社用の発送データ（CSV）</a>
          </p>
        )}
        {canRun && l?.drawnAt && (
          <Form action={`${base}/entrants/erase`} csrfToken={csrfToken(c)}>
            <p>すべての賞品が配達完了（または不着で市の判断済み）になったら、応募者の個人情報を消去できます。抽選の検証に必要な応募番号は残ります。</p>
            <Button variant="secondary">応募者の個人情報を消去する</Button>
          </Form>
        )}
      </>
    ),
  });
}

surveysAdminLottery.get('/surveys/:slug/lottery', async (c) => {
  const { program, roles } = await staffSurvey(c, READ_ROLES);
  return lotteryPage(c, program, roles);
});

function post(path: string, run: (c: AppContext, f: Record<string, string>, programId: number) => Parameters<typeof submitForm>[1]['run'], flash: string, allowed: Role[] = RUN_ROLES) {
  surveysAdminLottery.post(path, async (c) => {
    const { program, roles } = await staffSurvey(c, allowed);
    const f = await formFields(c);
    return submitForm(c, {
      role: primaryRole(roles),
      run: run(c, f, program.id),
      rerender: (errors, status) => lotteryPage(c, program, roles, { errors, status }),
      flash,
      redirect: `/admin/surveys/${program.slug}/lottery`,
    });
  });
}

const whole = (v: string | undefined, field: string, min: number) => {
  const t = (v ?? '').normalize('NFKC').trim() || (min === 0 ? '0' : '');
  if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > 100_000) throw new AppError('validation-failed', '数を確認してください', { fieldErrors: [{ field, message: `${min}以上の整数で入力してください` }] });
  return Number(t);
};

post('/surveys/:slug/lottery/draw', (_c, f, id) => (ctx) => drawLottery(ctx, id, whole(f.winners, 'winners', 1), whole(f.alternates, 'alternates', 0)), '抽選しました。乱数と応募者一覧のハッシュ値を公開しました。');
post('/surveys/:slug/lottery/confirm', (_c, _f, id) => (ctx) => confirmDraw(ctx, id), '抽選の記録を確認済みにしました。', APPROVE_ROLES);
post('/surveys/:slug/prizes', (_c, f, id) => (ctx) => savePrize(ctx, id, f), '賞品を登録しました。');
post('/surveys/:slug/shipments/prepare', (_c, f, id) => (ctx) => prepareShipments(ctx, id, parseId(f.prize) ?? 0), '発送を準備し、当選者にメールを送りました。');
post('/surveys/:slug/shipments/update', (_c, f, id) => (ctx) => changeShipment(ctx, id, parseId(f.shipment) ?? 0, f), '発送の状況を更新しました。');
post('/surveys/:slug/entrants/erase', (_c, _f, id) => (ctx) => eraseEntrants(ctx, id), '応募者の個人情報を消去しました。');

/** The shipments' recipients, opened, for labels and the carrier file (audited). */
async function recipients(c: AppContext, what: string) {
  const { program, roles } = await staffSurvey(c, RUN_ROLES);
  const shipments = (await shipmentsOf(c.get('deps').db, program.id)).filter((s) => s.status === 'preparing');
  const rows = await runAs(c, primaryRole(roles), async (ctx) => {
    const box = await ctx.deps.vault.box(ctx.tx, programScope(program.id));
    const entries = await entriesByIds(ctx.tx, program.id, shipments.map((s) => s.entryId));
    ctx.audit({ action: 'surveys.labels.printed', programId: program.id, targetType: 'program', targetId: program.id, diff: { what, shipments: shipments.length } });
    return shipments.map((s) => ({ ...opened(box, entries.find((e) => e.id === s.entryId)), prize: s.prize, shipment: s.id }));
  });
  return { program, rows };
}

surveysAdminLottery.get('/surveys/:slug/labels.pdf', async (c) => {
  const { program, rows } = await recipients(c, 'labels.pdf');
  const labels: Label[] = rows.map((r) => ({ postalCode: r.postalCode, address: r.address, name: r.name, prize: r.prize }));
  return pdfResponse(`宛名ラベル_${program.slug}`, (doc) => drawLabels(doc, labels), { title: '賞品発送 宛名ラベル', margin: 0 });
});

type Recipient = Awaited<ReturnType<typeof recipients>>['rows'][number];
/** A Yamato B2 / Japan Post click-post style import file: one row per parcel. */
const CARRIER_COLUMNS: Column<Recipient>[] = [
  { header: 'お客様管理番号', value: (r) => `S${r.shipment}` },
  { header: 'お届け先郵便番号', value: (r) => r.postalCode.replace(/^(\d{3})(\d{4})$/, '$1-$2') },
  { header: 'お届け先住所', value: (r) => r.address },
  { header: 'お届け先名', value: (r) => r.name },
  { header: 'お届け先電話番号', value: (r) => r.phone },
  { header: '品名', value: (r) => r.prize },
  { header: '個数', value: () => 1, kind: 'int' },
];

surveysAdminLottery.get('/surveys/:slug/carrier.csv', async (c) => {
  const { program, rows } = await recipients(c, 'carrier.csv');
  return exportResponse('csv-sjis', `発送データ_${program.slug}`, rows, CARRIER_COLUMNS);
});
