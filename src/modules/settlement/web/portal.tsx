import { Hono } from 'hono';
import { runCommand } from '../../../platform/command.js';
import { AppError, isAppError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole, requireProgramRole } from '../../../platform/http/guards.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { Button, DateField, ErrorSummary, FileField, Form, RadioGroup, SelectField, Table, TextField, errorFor } from '../../../ui/index.js';
import { cancelClaim, reportStay } from '../commands/claim-lifecycle.js';
import { CLAIM_CSV_COLUMNS, ImportRejected, importClaims, type ImportResult } from '../commands/import-claims.js';
import { reserveClaim } from '../commands/reserve-claim.js';
import { facilityForActor } from '../facility-access.js';
import { CLAIM_STATUS_LABELS, yen } from '../messages.js';
import { claimsOfFacilities, facilitiesForUser } from '../queries.js';
import { claimSchema, staySchema } from '../validators.js';

type Errors = Array<{ field: string; message: string }>;

/**
 * The business portal's claims pages (割引の登録と実績報告): a business registers discounted
 * sales by form or CSV, reports stays and cancels, for its own facilities only.
 */
export const settlementPortal = new Hono<AppEnv>();

async function portalContext(c: AppContext) {
  const ctx = await requireProgramRole(c, c.req.param('slug')!, ['business']);
  const facilities = await facilitiesForUser(c.get('deps').db, ctx.program.id, ctx.auth.user.id);
  return { ...ctx, facilities };
}

async function claimsPage(c: AppContext, opts: { errors?: Errors; values?: Record<string, string>; report?: ImportResult; status?: number } = {}) {
  const { program, facilities } = await portalContext(c);
  const list = await claimsOfFacilities(c.get('deps').db, facilities.map((f) => f.id));
  const errors = opts.errors ?? [];
  const v = opts.values ?? {};
  const base = `/${program.slug}/business/claims`;
  const names = new Map(facilities.map((f) => [f.id, f.name]));
  return adminPage(c, {
    title: '割引の登録と実績報告',
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        {facilities.length === 0 && <p>このアカウントに登録施設がありません。事務局にお問い合わせください。</p>}
        {opts.report && (
          <section aria-labelledby="import-report">
            <h2 class="app-heading-2" id="import-report">CSV の取り込み結果</h2>
            <p>
              {opts.report.rows}行中 {opts.report.reserved}件を登録（割引額 {yen(opts.report.discountTotal)}）、登録済み {opts.report.alreadyRegistered}件、誤り {opts.report.errorCount}件
              {opts.report.committed ? '' : '。誤りがあるため何も登録していません'}
            </p>
            {opts.report.errors.length > 0 && (
              <Table caption="誤りのある行" columns={[{ key: 'line', header: '行' }, { key: 'field', header: '項目' }, { key: 'message', header: '内容' }]} rows={opts.report.errors.map((e) => ({ line: String(e.line), field: e.field ?? '—', message: e.message }))} />
            )}
          </section>
        )}
        <h2 class="app-heading-2">割引販売を登録する</h2>
        <Form action={base} csrfToken={csrfToken(c)}>
          <SelectField name="facilityId" label="施設" required value={v.facilityId} error={errorFor(errors, 'facilityId')} options={facilities.map((f) => ({ value: String(f.id), label: f.name }))} />
          <TextField name="bookingRef" label="予約番号" hint="予約システムの予約番号。同じ番号で二重に登録されることはありません。" required value={v.bookingRef} error={errorFor(errors, 'bookingRef')} />
          <DateField name="bookedOn" label="予約日" required value={v.bookedOn} error={errorFor(errors, 'bookedOn')} />
          <DateField name="checkIn" label="チェックイン日" required value={v.checkIn} error={errorFor(errors, 'checkIn')} />
          <TextField name="nights" label="泊数" required inputmode="numeric" width="sm" value={v.nights} error={errorFor(errors, 'nights')} />
          <TextField name="guests" label="人数" required inputmode="numeric" width="sm" value={v.guests} error={errorFor(errors, 'guests')} />
          <TextField name="totalPrice" label="宿泊料金（税込、円）" required inputmode="numeric" value={v.totalPrice} error={errorFor(errors, 'totalPrice')} />
          <Button>登録する</Button>
        </Form>
        <h2 class="app-heading-2">予約システムの CSV を取り込む</h2>
        <p>
          見出し行は <code class="app-code">{CLAIM_CSV_COLUMNS.join(',')}</code> です（UTF-8 または Shift_JIS）。<a href={`${base}/template.csv`}>CSV のひな形をダウンロード</a>
        </p>
        <Form action={`${base}/upload`} csrfToken={csrfToken(c)} enctype="multipart/form-data">
          <FileField name="file" label="CSV ファイル" required accept=".csv,text/csv" error={errorFor(errors, 'file')} />
          <RadioGroup
            name="mode"
            label="誤りのある行があるとき"
            required
            value={v.mode ?? 'all'}
            options={[
              { value: 'all', label: 'ファイル全体を取り込まない' },
              { value: 'valid', label: '正しい行だけを取り込む' },
            ]}
          />
          <Button>取り込む</Button>
        </Form>
        <Table
          caption={`登録済みの割引（最新${list.length}件）`}
          columns={[
            { key: 'ref', header: '予約番号' },
            { key: 'facility', header: '施設' },
            { key: 'checkIn', header: 'チェックイン' },
            { key: 'detail', header: '泊数・人数' },
            { key: 'discount', header: '割引額', numeric: true },
            { key: 'status', header: '状態' },
            { key: 'actions', header: '操作' },
          ]}
          rows={list.map((cl) => ({
            ref: cl.bookingRef,
            facility: names.get(cl.facilityId) ?? '',
            checkIn: cl.checkIn,
            detail: `${cl.stay?.nights ?? cl.nights}泊・${cl.stay?.guests ?? cl.guests}人`,
            discount: yen(cl.discount),
            status: CLAIM_STATUS_LABELS[cl.status],
            actions:
              cl.status === 'reserved' ? (
                <>
                  <Form action={`${base}/${cl.id}/stay`} csrfToken={csrfToken(c)} label={`予約番号 ${cl.bookingRef} の実績報告`}>
                    <TextField name={`nights`} label="実績の泊数" width="sm" inputmode="numeric" value={cl.nights} />
                    <TextField name={`guests`} label="実績の人数" width="sm" inputmode="numeric" value={cl.guests} />
                    <TextField name={`totalPrice`} label="実績の料金（円）" inputmode="numeric" value={cl.totalPrice} />
                    <Button size="sm">実績を報告する</Button>
                  </Form>
                  <Form action={`${base}/${cl.id}/cancel`} csrfToken={csrfToken(c)} label={`予約番号 ${cl.bookingRef} の取消`}>
                    <Button size="sm" variant="secondary">取り消す（キャンセル・不泊）</Button>
                  </Form>
                </>
              ) : (
                '—'
              ),
          }))}
          emptyMessage="まだ登録はありません"
        />
      </>
    ),
  });
}

settlementPortal.get('/:slug/business/claims', (c) => claimsPage(c));

settlementPortal.get('/:slug/business/claims/template.csv', async (c) => {
  await portalContext(c);
  const body = '\uFEFF' + CLAIM_CSV_COLUMNS.join(',') + '\r\n' + '1,ABC-0001,2025-05-20,2025-06-01,1,2,24000\r\n';
  return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': "attachment; filename=\"claims-template.csv\"; filename*=UTF-8''%E5%89%B2%E5%BC%95%E7%99%BB%E9%8C%B2%E3%81%B2%E3%81%AA%E5%BD%A2.csv" });
});

settlementPortal.post('/:slug/business/claims', async (c) => {
  const { auth, program, roles } = await portalContext(c);
  const f = await formFields(c);
  try {
    const input = parseOrThrow(claimSchema, { ...f, facilityId: Number(f.facilityId), nights: Number(f.nights), guests: Number(f.guests), totalPrice: Number(f.totalPrice) });
    const { claim } = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), async (ctx) => reserveClaim(ctx, program, await facilityForActor(ctx.tx, auth, program, input.facilityId), input));
    setFlash(c, { kind: 'success', message: `予約番号 ${claim.bookingRef} を登録しました（割引額 ${yen(claim.discount)}）` });
    return c.redirect(`/${program.slug}/business/claims`, 303);
  } catch (e) {
    if (!isAppError(e) || e.status >= 500 || e.code === 'not-found') throw e;
    const errors = e.fieldErrors.length ? e.fieldErrors : [{ field: 'facilityId', message: e.message }];
    return claimsPage(c, { errors, values: f, status: e.status });
  }
});

settlementPortal.post('/:slug/business/claims/upload', async (c) => {
  const { program, roles, facilities } = await portalContext(c);
  const body = await c.req.parseBody();
  const file = body.file;
  const mode = body.mode === 'valid' ? 'valid' : 'all';
  if (!(file instanceof File) || file.size === 0) return claimsPage(c, { errors: [{ field: 'file', message: 'CSV ファイルを選んでください' }], status: 422 });
  const bytes = Buffer.from(await file.arrayBuffer());
  try {
    const report = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) =>
      importClaims(ctx, program, (async function* () { yield bytes; })(), { mode, facilityIds: new Set(facilities.map((f) => f.id)) }),
    );
    return claimsPage(c, { report, values: { mode } });
  } catch (e) {
    if (e instanceof ImportRejected) return claimsPage(c, { report: e.result, values: { mode }, status: 422 });
    if (isAppError(e) && e.code === 'validation-failed') return claimsPage(c, { errors: [{ field: 'file', message: e.message }], status: 422 });
    throw e;
  }
});

for (const action of ['stay', 'cancel'] as const) {
  settlementPortal.post(`/:slug/business/claims/:id/${action}`, async (c) => {
    const { auth, program, roles } = await portalContext(c);
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id)) throw new AppError('not-found');
    const f = await formFields(c);
    try {
      await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), async (ctx) => {
        const [claim] = await claimsOfFacilities(ctx.tx, (await facilitiesForUser(ctx.tx, program.id, auth.user.id)).map((x) => x.id), 100000).then((l) => l.filter((x) => x.id === id));
        if (!claim) throw new AppError('not-found');
        if (action === 'cancel') return cancelClaim(ctx, program, id);
        return reportStay(ctx, program, id, parseOrThrow(staySchema, { nights: Number(f.nights), guests: Number(f.guests), totalPrice: Number(f.totalPrice) }));
      });
    } catch (e) {
      if (!isAppError(e) || e.code === 'not-found' || e.status >= 500) throw e;
      return claimsPage(c, { errors: [{ field: 'facilityId', message: e.fieldErrors[0]?.message ?? e.message }], status: e.status });
    }
    setFlash(c, { kind: 'success', message: action === 'cancel' ? '取り消しました。割引額の枠を戻しました' : '実績を報告しました' });
    return c.redirect(`/${program.slug}/business/claims`, 303);
  });
}
