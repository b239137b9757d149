import { Hono } from 'hono';
import { isAppError } from '../../../platform/errors/index.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { Button, DateField, ErrorSummary, FileField, Form, RadioGroup, SelectField, Table, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { businessPage } from '../../campaign/index.js';
import { CLAIM_CSV_COLUMNS, ImportRejected, importClaims, type ImportResult } from '../commands/import-claims.js';
import { STAY_CSV_COLUMNS, StaysRejected, importStays, type StayImportResult } from '../commands/import-stays.js';
import { reserveClaim } from '../commands/reserve-claim.js';
import { claimTargetForActor } from '../facility-access.js';
import { CLAIM_STATUS_LABELS, sm, yen } from '../messages.js';
import { claimsOfFacilities } from '../queries.js';
import { claimSchema } from '../validators.js';
import { portalClaim } from './portal-claim.js';
import { SoldOutSection, portalSoldOut } from './portal-sold-out.js';
import { moneyPath, portalMoney } from './portal-money.js';
import { csvDownload, portalContext } from './portal-common.js';
import { runAs } from '../../../platform/http/run-as.js';
import { csvEncodingOf, csvFromBuffer, type CsvSource } from '../../../platform/imports/csv.js';

type Report = { kind: 'claims'; result: ImportResult } | { kind: 'stays'; result: StayImportResult };

/**
 * The business portal's claims pages (割引の登録と実績報告), in the business (public) layout: a
 * business registers discounted sales by form or CSV, reports stays by CSV or per claim, for its
 * own facilities only.
 */
export const settlementPortal = new Hono<AppEnv>();

const MODE_OPTIONS = [
  { value: 'all', label: sm('portal.import.mode.all') },
  { value: 'valid', label: sm('portal.import.mode.valid') },
];

const ENCODING_OPTIONS = [
  { value: 'auto', label: sm('portal.import.encoding.auto') },
  { value: 'utf-8', label: sm('portal.import.encoding.utf8') },
  { value: 'shift_jis', label: sm('portal.import.encoding.sjis') },
];

function ReportSection({ report }: { report: Report }) {
  const r = report.result;
  const summary = !r.committed
    ? sm('portal.import.rejected', { rows: r.rows, errors: r.errorCount })
    : report.kind === 'claims'
      ? sm('portal.import.claims.done', { rows: r.rows, reserved: report.result.reserved, discount: yen(report.result.discountTotal), already: report.result.alreadyRegistered, errors: r.errorCount })
      : sm('portal.import.stays.done', { rows: r.rows, reported: report.result.reported, released: yen(report.result.released), already: report.result.alreadyReported, errors: r.errorCount });
  return (
    <section aria-labelledby="import-report">
      <h2 id="import-report">{sm(report.kind === 'claims' ? 'portal.import.claims.heading' : 'portal.import.stays.heading')}</h2>
      <p>{summary}</p>
      {r.errors.length > 0 && (
        <Table caption={sm('portal.import.errors.caption')} columns={[{ key: 'line', header: sm('portal.import.errors.line'), rowHeader: true }, { key: 'field', header: sm('term.item') }, { key: 'message', header: sm('portal.import.errors.message') }]} rows={r.errors.map((e) => ({ line: String(e.line), field: e.field ?? '—', message: e.message }))} />
      )}
    </section>
  );
}

async function claimsPage(c: AppContext, opts: { errors?: SummaryError[]; values?: Record<string, string>; report?: Report; status?: number } = {}) {
  const p = await portalContext(c);
  const list = await claimsOfFacilities(c.get('deps').db, p.facilities.map((f) => f.id));
  const errors = opts.errors ?? [];
  const v = opts.values ?? {};
  // A business running one facility (the usual case) need not choose it.
  const onlyFacility = p.facilities.length === 1 ? String(p.facilities[0]!.id) : undefined;
  const names = new Map(p.facilities.map((f) => [f.id, f.name]));
  const token = csrfToken(c);
  return businessPage(c, p.program, {
    title: sm('portal.claims.title'),
    breadcrumbs: [{ label: sm('portal.claims.title') }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        {p.facilities.length === 0 && <p>{sm('portal.claims.noFacilities')}</p>}
        {opts.report && <ReportSection report={opts.report} />}
        {p.facilities.length > 0 && (
          <p>
            <a href={moneyPath(p.program.slug)}>{sm('portal.claims.moneyLink')}</a>
          </p>
        )}
        <SoldOutSection c={c} portal={p} />
        <h2>{sm('portal.claims.form.heading')}</h2>
        <Form action={p.base} csrfToken={token}>
          <SelectField name="facilityId" label={sm('term.facility')} required value={v.facilityId ?? onlyFacility} error={errorFor(errors, 'facilityId')} options={p.facilities.map((f) => ({ value: String(f.id), label: f.name }))} />
          <TextField name="bookingRef" label={sm('term.bookingRef')} hint={sm('portal.claims.form.bookingRef.hint')} required value={v.bookingRef} error={errorFor(errors, 'bookingRef')} />
          <DateField name="bookedOn" label={sm('term.bookedOn')} required value={v.bookedOn} error={errorFor(errors, 'bookedOn')} />
          <DateField name="checkIn" label={sm('portal.claims.form.checkIn')} required value={v.checkIn} error={errorFor(errors, 'checkIn')} />
          <TextField name="nights" label={sm('term.nights')} required inputmode="numeric" width="sm" value={v.nights} error={errorFor(errors, 'nights')} />
          <TextField name="guests" label={sm('term.guests')} required inputmode="numeric" width="sm" value={v.guests} error={errorFor(errors, 'guests')} />
          <TextField name="totalPrice" label={sm('portal.claims.form.totalPrice')} required inputmode="numeric" value={v.totalPrice} error={errorFor(errors, 'totalPrice')} />
          <Button>{sm('portal.claims.form.button')}</Button>
        </Form>
        <h2>{sm('portal.claims.csv.heading')}</h2>
        <p>
          {sm('portal.claims.csv.headerLead')}
          <code class="app-code">{CLAIM_CSV_COLUMNS.join(',')}</code>
          {sm('portal.claims.csv.headerTail')}
          <a href={`${p.base}/template.csv`}>{sm('portal.claims.csv.template')}</a>
        </p>
        <Form action={`${p.base}/upload`} csrfToken={token} enctype="multipart/form-data">
          <FileField name="file" label={sm('portal.claims.csv.file')} required accept=".csv,text/csv" error={errorFor(errors, 'file')} />
          <RadioGroup name="mode" label={sm('portal.claims.csv.mode')} required value={v.mode ?? 'all'} options={MODE_OPTIONS} />
          <RadioGroup name="encoding" label={sm('portal.import.encoding')} hint={sm('portal.import.encoding.hint')} required value={v.encoding ?? 'auto'} options={ENCODING_OPTIONS} />
          <Button>{sm('portal.claims.csv.button')}</Button>
        </Form>
        <h2>{sm('portal.stays.csv.heading')}</h2>
        <p>
          {sm('portal.stays.csv.headerLead')}
          <code class="app-code">{STAY_CSV_COLUMNS.join(',')}</code>
          {sm('portal.stays.csv.headerTail')}
          <a href={`${p.base}/stays-template.csv`}>{sm('portal.stays.csv.template')}</a>
        </p>
        <Form action={`${p.base}/stays/upload`} csrfToken={token} enctype="multipart/form-data">
          <FileField name="stayFile" label={sm('portal.stays.csv.file')} required accept=".csv,text/csv" error={errorFor(errors, 'stayFile')} />
          <RadioGroup name="stayMode" label={sm('portal.stays.csv.mode')} required value={v.stayMode ?? 'all'} options={MODE_OPTIONS} />
          <RadioGroup name="stayEncoding" label={sm('portal.import.encoding')} hint={sm('portal.import.encoding.hint')} required value={v.stayEncoding ?? 'auto'} options={ENCODING_OPTIONS} />
          <Button>{sm('portal.stays.csv.button')}</Button>
        </Form>
        <Table
          caption={sm('portal.claims.list.caption', { count: list.length })}
          columns={[
            { key: 'ref', header: sm('term.bookingRef'), rowHeader: true },
            { key: 'facility', header: sm('term.facility') },
            { key: 'checkIn', header: sm('term.checkIn') },
            { key: 'detail', header: sm('portal.claims.list.detail') },
            { key: 'discount', header: sm('term.discount'), numeric: true },
            { key: 'status', header: sm('term.status') },
          ]}
          rows={list.map((cl) => ({
            ref: <a href={`${p.base}/${cl.id}`}>{cl.bookingRef}{cl.status === 'reserved' ? sm('portal.claims.list.open') : ''}</a>,
            facility: names.get(cl.facilityId) ?? '',
            checkIn: cl.checkIn,
            detail: sm('fmt.nightsGuests', { nights: cl.stay?.nights ?? cl.nights, guests: cl.stay?.guests ?? cl.guests }),
            discount: yen(cl.discount),
            status: CLAIM_STATUS_LABELS[cl.status],
          }))}
          emptyMessage={sm('portal.claims.list.empty')}
        />
      </>
    ),
  });
}

settlementPortal.get('/:slug/business/claims', (c) => claimsPage(c));

settlementPortal.get('/:slug/business/claims/template.csv', async (c) => {
  await portalContext(c);
  return csvDownload(c, [CLAIM_CSV_COLUMNS.join(','), '1,ABC-0001,2025-05-20,2025-06-01,1,2,24000'], 'claims-template.csv', sm('export.template.claims'));
});

settlementPortal.get('/:slug/business/claims/stays-template.csv', async (c) => {
  await portalContext(c);
  return csvDownload(c, [STAY_CSV_COLUMNS.join(','), '1,ABC-0001,1,2,24000'], 'stays-template.csv', sm('export.template.stays'));
});

settlementPortal.post('/:slug/business/claims', async (c) => {
  const { auth, program, roles, base } = await portalContext(c);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: async (ctx) => {
      const input = parseOrThrow(claimSchema, { ...f, facilityId: Number(f.facilityId), nights: Number(f.nights), guests: Number(f.guests), totalPrice: Number(f.totalPrice) });
      const { facility, accounts } = await claimTargetForActor(ctx.tx, auth, program, input.facilityId);
      return (await reserveClaim(ctx, program, facility, input, accounts)).claim;
    },
    rerender: (_errors, status, e) => claimsPage(c, { errors: e.fieldErrors.length ? e.fieldErrors : [{ field: 'facilityId', message: e.message }], values: f, status }),
    flash: (claim) => sm('portal.claims.form.done', { ref: claim.bookingRef, discount: yen(claim.discount) }),
    redirect: base,
  });
});

/**
 * The uploaded file (null when none was chosen) with the encoding the person chose (decided from
 * the whole file when 'auto' or anything unknown), and the mode.
 */
async function uploaded(c: AppContext, field: string): Promise<{ source: CsvSource | null; mode: 'all' | 'valid'; values: Record<string, string> }> {
  const body = await c.req.parseBody();
  const file = body[field];
  const [modeField, encodingField] = field === 'file' ? ['mode', 'encoding'] : ['stayMode', 'stayEncoding'];
  const mode = body[modeField] === 'valid' ? 'valid' : 'all';
  const encoding = typeof body[encodingField] === 'string' ? (csvEncodingOf(body[encodingField]) ?? undefined) : undefined;
  const values = { [modeField]: mode, [encodingField]: encoding ?? 'auto' };
  if (!(file instanceof File) || file.size === 0) return { source: null, mode, values };
  return { source: csvFromBuffer(Buffer.from(await file.arrayBuffer()), encoding), mode, values };
}

settlementPortal.post('/:slug/business/claims/upload', async (c) => {
  const { program, roles, facilities } = await portalContext(c);
  const { source, mode, values } = await uploaded(c, 'file');
  if (!source) return claimsPage(c, { errors: [{ field: 'file', message: sm('err.csvRequired') }], values, status: 422 });
  try {
    const result = await runAs(c, primaryRole(roles), (ctx) => importClaims(ctx, program, source, { mode, facilityIds: new Set(facilities.map((f) => f.id)) }));
    return claimsPage(c, { report: { kind: 'claims', result }, values });
  } catch (e) {
    if (e instanceof ImportRejected) return claimsPage(c, { report: { kind: 'claims', result: e.result }, values, status: 422 });
    if (isAppError(e) && (e.code === 'validation-failed' || e.code === 'conflict')) return claimsPage(c, { errors: [{ field: 'file', message: e.message }], values, status: 422 });
    throw e;
  }
});

settlementPortal.post('/:slug/business/claims/stays/upload', async (c) => {
  const { program, roles, facilities } = await portalContext(c);
  const { source, mode, values } = await uploaded(c, 'stayFile');
  if (!source) return claimsPage(c, { errors: [{ field: 'stayFile', message: sm('err.csvRequired') }], values, status: 422 });
  try {
    const result = await runAs(c, primaryRole(roles), (ctx) => importStays(ctx, program, source, { mode, facilityIds: new Set(facilities.map((f) => f.id)) }));
    return claimsPage(c, { report: { kind: 'stays', result }, values });
  } catch (e) {
    if (e instanceof StaysRejected) return claimsPage(c, { report: { kind: 'stays', result: e.result }, values, status: 422 });
    if (isAppError(e) && e.code === 'validation-failed') return claimsPage(c, { errors: [{ field: 'stayFile', message: e.message }], values, status: 422 });
    throw e;
  }
});

settlementPortal.route('/', portalClaim);
settlementPortal.route('/', portalSoldOut);
settlementPortal.route('/', portalMoney);
