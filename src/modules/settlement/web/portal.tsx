import { Hono } from 'hono';
import { runCommand } from '../../../platform/command.js';
import { isAppError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { Button, DateField, ErrorSummary, FileField, Form, RadioGroup, SelectField, Table, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { businessPage } from '../../campaign/web/business-page.js';
import { CLAIM_CSV_COLUMNS, ImportRejected, importClaims, type ImportResult } from '../commands/import-claims.js';
import { STAY_CSV_COLUMNS, StaysRejected, importStays, type StayImportResult } from '../commands/import-stays.js';
import { reserveClaim } from '../commands/reserve-claim.js';
import { claimTargetForActor } from '../facility-access.js';
import { CLAIM_STATUS_LABELS, yen } from '../messages.js';
import { claimsOfFacilities } from '../queries.js';
import { claimSchema } from '../validators.js';
import { portalClaim } from './portal-claim.js';
import { SoldOutSection, portalSoldOut } from './portal-sold-out.js';
import { csvDownload, portalContext } from './portal-common.js';

type Report = { kind: 'claims'; result: ImportResult } | { kind: 'stays'; result: StayImportResult };

/**
 * The business portal's claims pages (割引の登録と実績報告), in the business (public) layout: a
 * business registers discounted sales by form or CSV, reports stays by CSV or per claim, for its
 * own facilities only.
 */
export const settlementPortal = new Hono<AppEnv>();

const MODE_OPTIONS = [
  { value: 'all', label: 'ファイル全体を取り込まない' },
  { value: 'valid', label: '正しい行だけを取り込む' },
];

function ReportSection({ report }: { report: Report }) {
  const r = report.result;
  const summary = !r.committed
    ? `${r.rows}行中 誤り ${r.errorCount}件。誤りがあるため何も取り込んでいません（正しい行も取り込んでいません。直して全体をもう一度取り込むか、「正しい行だけを取り込む」を選んでください）`
    : report.kind === 'claims'
      ? `${r.rows}行中 ${report.result.reserved}件を登録（割引額 ${yen(report.result.discountTotal)}）、登録済み ${report.result.alreadyRegistered}件、誤り ${r.errorCount}件`
      : `${r.rows}行中 ${report.result.reported}件の実績を報告（配分枠に戻した額 ${yen(report.result.released)}）、報告済み ${report.result.alreadyReported}件、誤り ${r.errorCount}件`;
  return (
    <section aria-labelledby="import-report">
      <h2 id="import-report">{report.kind === 'claims' ? '割引登録 CSV の取り込み結果' : '宿泊実績 CSV の取り込み結果'}</h2>
      <p>{summary}</p>
      {r.errors.length > 0 && (
        <Table caption="誤りのある行" columns={[{ key: 'line', header: '行', rowHeader: true }, { key: 'field', header: '項目' }, { key: 'message', header: '内容' }]} rows={r.errors.map((e) => ({ line: String(e.line), field: e.field ?? '—', message: e.message }))} />
      )}
    </section>
  );
}

async function claimsPage(c: AppContext, opts: { errors?: SummaryError[]; values?: Record<string, string>; report?: Report; status?: number } = {}) {
  const p = await portalContext(c);
  const list = await claimsOfFacilities(c.get('deps').db, p.facilities.map((f) => f.id));
  const errors = opts.errors ?? [];
  const v = opts.values ?? {};
  const names = new Map(p.facilities.map((f) => [f.id, f.name]));
  const token = csrfToken(c);
  return businessPage(c, p.program, {
    title: '割引の登録と実績報告',
    breadcrumbs: [{ label: '割引の登録と実績報告' }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        {p.facilities.length === 0 && <p>このアカウントに登録施設がありません。事務局にお問い合わせください。</p>}
        {opts.report && <ReportSection report={opts.report} />}
        <SoldOutSection c={c} portal={p} />
        <h2>割引販売を登録する</h2>
        <Form action={p.base} csrfToken={token}>
          <SelectField name="facilityId" label="施設" required value={v.facilityId} error={errorFor(errors, 'facilityId')} options={p.facilities.map((f) => ({ value: String(f.id), label: f.name }))} />
          <TextField name="bookingRef" label="予約番号" hint="予約システムの予約番号。同じ番号で二重に登録されることはありません。" required value={v.bookingRef} error={errorFor(errors, 'bookingRef')} />
          <DateField name="bookedOn" label="予約日" required value={v.bookedOn} error={errorFor(errors, 'bookedOn')} />
          <DateField name="checkIn" label="チェックイン日" required value={v.checkIn} error={errorFor(errors, 'checkIn')} />
          <TextField name="nights" label="泊数" required inputmode="numeric" width="sm" value={v.nights} error={errorFor(errors, 'nights')} />
          <TextField name="guests" label="人数" required inputmode="numeric" width="sm" value={v.guests} error={errorFor(errors, 'guests')} />
          <TextField name="totalPrice" label="宿泊料金（税込、円）" required inputmode="numeric" value={v.totalPrice} error={errorFor(errors, 'totalPrice')} />
          <Button>登録する</Button>
        </Form>
        <h2>予約システムの CSV で割引販売を登録する</h2>
        <p>
          見出し行は <code class="app-code">{CLAIM_CSV_COLUMNS.join(',')}</code> です（UTF-8 または Shift_JIS）。<a href={`${p.base}/template.csv`}>割引登録 CSV のひな形をダウンロード</a>
        </p>
        <Form action={`${p.base}/upload`} csrfToken={token} enctype="multipart/form-data">
          <FileField name="file" label="割引登録の CSV ファイル" required accept=".csv,text/csv" error={errorFor(errors, 'file')} />
          <RadioGroup name="mode" label="誤りのある行があるとき" required value={v.mode ?? 'all'} options={MODE_OPTIONS} />
          <Button>取り込む</Button>
        </Form>
        <h2>宿泊実績を CSV で報告する</h2>
        <p>
          チェックアウト後の実績（泊数・人数・料金）をまとめて報告できます。見出し行は <code class="app-code">{STAY_CSV_COLUMNS.join(',')}</code> です。1件ずつ報告するときは、下の一覧の予約番号から開いてください。
          <a href={`${p.base}/stays-template.csv`}>宿泊実績 CSV のひな形をダウンロード</a>
        </p>
        <Form action={`${p.base}/stays/upload`} csrfToken={token} enctype="multipart/form-data">
          <FileField name="stayFile" label="宿泊実績の CSV ファイル" required accept=".csv,text/csv" error={errorFor(errors, 'stayFile')} />
          <RadioGroup name="stayMode" label="誤りのある行があるとき（宿泊実績）" required value={v.stayMode ?? 'all'} options={MODE_OPTIONS} />
          <Button>実績を取り込む</Button>
        </Form>
        <Table
          caption={`登録済みの割引（最新${list.length}件）`}
          columns={[
            { key: 'ref', header: '予約番号', rowHeader: true },
            { key: 'facility', header: '施設' },
            { key: 'checkIn', header: 'チェックイン' },
            { key: 'detail', header: '泊数・人数' },
            { key: 'discount', header: '割引額', numeric: true },
            { key: 'status', header: '状態' },
          ]}
          rows={list.map((cl) => ({
            ref: <a href={`${p.base}/${cl.id}`}>{cl.bookingRef}{cl.status === 'reserved' ? '（実績報告・取消）' : ''}</a>,
            facility: names.get(cl.facilityId) ?? '',
            checkIn: cl.checkIn,
            detail: `${cl.stay?.nights ?? cl.nights}泊・${cl.stay?.guests ?? cl.guests}人`,
            discount: yen(cl.discount),
            status: CLAIM_STATUS_LABELS[cl.status],
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
  return csvDownload(c, [CLAIM_CSV_COLUMNS.join(','), '1,ABC-0001,2025-05-20,2025-06-01,1,2,24000'], 'claims-template.csv', '割引登録ひな形.csv');
});

settlementPortal.get('/:slug/business/claims/stays-template.csv', async (c) => {
  await portalContext(c);
  return csvDownload(c, [STAY_CSV_COLUMNS.join(','), '1,ABC-0001,1,2,24000'], 'stays-template.csv', '宿泊実績ひな形.csv');
});

settlementPortal.post('/:slug/business/claims', async (c) => {
  const { auth, program, roles, base } = await portalContext(c);
  const f = await formFields(c);
  try {
    const input = parseOrThrow(claimSchema, { ...f, facilityId: Number(f.facilityId), nights: Number(f.nights), guests: Number(f.guests), totalPrice: Number(f.totalPrice) });
    const { claim } = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), async (ctx) => {
      const { facility, accounts } = await claimTargetForActor(ctx.tx, auth, program, input.facilityId);
      return reserveClaim(ctx, program, facility, input, accounts);
    });
    setFlash(c, { kind: 'success', message: `予約番号 ${claim.bookingRef} を登録しました（割引額 ${yen(claim.discount)}）` });
    return c.redirect(base, 303);
  } catch (e) {
    if (!isAppError(e) || e.status >= 500 || e.code === 'not-found') throw e;
    const errors = e.fieldErrors.length ? e.fieldErrors : [{ field: 'facilityId', message: e.message }];
    return claimsPage(c, { errors, values: f, status: e.status });
  }
});

/** The uploaded file's bytes, or null when none was chosen. */
async function uploaded(c: AppContext, field: string): Promise<{ bytes: Buffer | null; mode: 'all' | 'valid' }> {
  const body = await c.req.parseBody();
  const file = body[field];
  const mode = body[field === 'file' ? 'mode' : 'stayMode'] === 'valid' ? 'valid' : 'all';
  if (!(file instanceof File) || file.size === 0) return { bytes: null, mode };
  return { bytes: Buffer.from(await file.arrayBuffer()), mode };
}

settlementPortal.post('/:slug/business/claims/upload', async (c) => {
  const { program, roles, facilities } = await portalContext(c);
  const { bytes, mode } = await uploaded(c, 'file');
  if (!bytes) return claimsPage(c, { errors: [{ field: 'file', message: 'CSV ファイルを選んでください' }], values: { mode }, status: 422 });
  try {
    const result = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => importClaims(ctx, program, (async function* () { yield bytes; })(), { mode, facilityIds: new Set(facilities.map((f) => f.id)) }));
    return claimsPage(c, { report: { kind: 'claims', result }, values: { mode } });
  } catch (e) {
    if (e instanceof ImportRejected) return claimsPage(c, { report: { kind: 'claims', result: e.result }, values: { mode }, status: 422 });
    if (isAppError(e) && (e.code === 'validation-failed' || e.code === 'conflict')) return claimsPage(c, { errors: [{ field: 'file', message: e.message }], values: { mode }, status: 422 });
    throw e;
  }
});

settlementPortal.post('/:slug/business/claims/stays/upload', async (c) => {
  const { program, roles, facilities } = await portalContext(c);
  const { bytes, mode } = await uploaded(c, 'stayFile');
  if (!bytes) return claimsPage(c, { errors: [{ field: 'stayFile', message: 'CSV ファイルを選んでください' }], values: { stayMode: mode }, status: 422 });
  try {
    const result = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => importStays(ctx, program, (async function* () { yield bytes; })(), { mode, facilityIds: new Set(facilities.map((f) => f.id)) }));
    return claimsPage(c, { report: { kind: 'stays', result }, values: { stayMode: mode } });
  } catch (e) {
    if (e instanceof StaysRejected) return claimsPage(c, { report: { kind: 'stays', result: e.result }, values: { stayMode: mode }, status: 422 });
    if (isAppError(e) && e.code === 'validation-failed') return claimsPage(c, { errors: [{ field: 'stayFile', message: e.message }], values: { stayMode: mode }, status: 422 });
    throw e;
  }
});

settlementPortal.route('/', portalClaim);
settlementPortal.route('/', portalSoldOut);
