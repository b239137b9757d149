import { Hono } from 'hono';
import { runCommand } from '../../../platform/command.js';
import { isAppError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { formFields, formList } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { ChoiceItem } from '../../../ui/components/choice-item.js';
import { Button, ErrorSummary, FieldError, Form, Pagination, RadioGroup, SelectField, Table, TextArea, TextField, VisuallyHidden, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../programs/schema.js';
import { parseMonth } from '../commands/close-month.js';
import { reviewClaims } from '../commands/review-claims.js';
import { CLAIM_STATUS_LABELS, yen } from '../messages.js';
import { filteredClaims, programFacilityNames, type ClaimFilter } from '../queries.js';
import { CLAIM_STATUSES, type ClaimStatus } from '../schema.js';
import { RUN_ROLES, adminBase, crumbs, settlementProgram } from './common.js';

const PER_PAGE = 50;

interface Query {
  status: string;
  facility: string;
  month: string;
  page: number;
}

function readQuery(q: (k: string) => string | undefined): Query {
  return { status: q('status') ?? 'stayed', facility: q('facility') ?? '', month: (q('month') ?? '').trim(), page: Math.max(1, Math.trunc(Number(q('page'))) || 1) };
}

function queryString(q: Query, page = q.page): string {
  const p = new URLSearchParams();
  if (q.status) p.set('status', q.status);
  if (q.facility) p.set('facility', q.facility);
  if (q.month) p.set('month', q.month);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The filter from the query, with an error for each part that cannot be used. */
function toFilter(q: Query): { filter: ClaimFilter; errors: SummaryError[] } {
  const errors: SummaryError[] = [];
  const filter: ClaimFilter = {};
  if (q.status && (CLAIM_STATUSES as readonly string[]).includes(q.status)) filter.status = q.status as ClaimStatus;
  if (q.facility && Number.isSafeInteger(Number(q.facility))) filter.facilityId = Number(q.facility);
  if (q.month) {
    try {
      filter.month = parseMonth(q.month);
    } catch {
      errors.push({ field: 'month', message: 'チェックアウト月は YYYY-MM 形式（例：2025-06）で入力してください' });
    }
  }
  return { filter, errors };
}

async function reviewPage(c: AppContext, program: Program, q: Query, opts: { errors?: SummaryError[]; values?: Record<string, string>; checked?: Set<number>; status?: number } = {}) {
  const db = c.get('deps').db;
  const { filter, errors: filterErrors } = toFilter(q);
  const errors = [...filterErrors, ...(opts.errors ?? [])];
  const [{ total, rows }, facilities] = await Promise.all([filteredClaims(db, program.id, filter, q.page, PER_PAGE), programFacilityNames(db, program.id)]);
  const base = `${adminBase(program)}/claims`;
  const v = opts.values ?? {};
  const reviewable = rows.some((r) => r.status === 'stayed');
  return adminPage(c, {
    title: `実績報告の審査：${program.name}`,
    breadcrumbs: crumbs(program, '実績報告の審査'),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <Form action={base} method="get" label="絞り込み">
          <SelectField name="status" label="状態" value={q.status} emptyOption="すべて" options={CLAIM_STATUSES.map((s) => ({ value: s, label: CLAIM_STATUS_LABELS[s] }))} />
          <SelectField name="facility" label="施設" value={q.facility} emptyOption="すべて" width="lg" options={facilities.map((f) => ({ value: String(f.id), label: f.name }))} />
          <TextField name="month" label="チェックアウト月" hint="例：2025-06" width="sm" value={q.month} error={errorFor(errors, 'month')} />
          <Button variant="secondary">絞り込む</Button>
        </Form>
        <Form action={`${base}/review${queryString(q)}`} csrfToken={csrfToken(c)}>
          <Table
            caption={`申請（${CLAIM_STATUS_LABELS[q.status as ClaimStatus] ?? 'すべての状態'}）`}
            id="claims"
            columns={[
              { key: 'pick', header: '選択' },
              { key: 'ref', header: '予約番号', rowHeader: true },
              { key: 'facility', header: '施設' },
              { key: 'dates', header: '宿泊日' },
              { key: 'reserved', header: '予約時' },
              { key: 'stay', header: '実績' },
              { key: 'discount', header: '割引額', numeric: true },
              { key: 'status', header: '状態' },
              { key: 'note', header: '備考' },
            ]}
            rows={rows.map((r) => ({
              pick:
                r.status === 'stayed' ? (
                  <ChoiceItem kind="checkbox" id={`claim-${r.id}`} name="ids" value={String(r.id)} checked={opts.checked?.has(r.id)} label={<VisuallyHidden>予約番号 {r.bookingRef} を選択</VisuallyHidden>} />
                ) : (
                  '—'
                ),
              ref: r.bookingRef,
              facility: r.facilityName,
              dates: `${r.checkIn}〜${r.checkOut}`,
              reserved: `${r.nights}泊・${r.guests}人・${yen(r.totalPrice)}`,
              stay: r.stay ? `${r.stay.nights}泊・${r.stay.guests}人・${yen(r.stay.totalPrice)}` : '—',
              discount: yen(r.discount),
              status: CLAIM_STATUS_LABELS[r.status],
              note: r.reviewReason ?? '',
            }))}
            emptyMessage="該当する申請はありません"
          />
          <Pagination page={q.page} perPage={PER_PAGE} total={total} hrefFor={(p) => `${base}${queryString(q, p)}`} />
          {reviewable && (
            <fieldset class="app-fieldset">
              <legend class="app-heading-2">選んだ申請を審査する</legend>
              <div id="ids" tabindex={-1}>
                <FieldError id="ids" message={errorFor(errors, 'ids')} />
              </div>
              <RadioGroup name="decision" label="判定" required inline value={v.decision ?? 'approve'} error={errorFor(errors, 'decision')} options={[{ value: 'approve', label: '承認する' }, { value: 'reject', label: '却下する' }]} />
              <TextArea name="reason" label="理由" hint="却下するときは必須です。事業者に伝わります。" rows={2} value={v.reason} error={errorFor(errors, 'reason')} />
              <Button>審査結果を登録する</Button>
            </fieldset>
          )}
        </Form>
      </>
    ),
  });
}

export const settlementReview = new Hono<AppEnv>();

settlementReview.get('/settlement/:slug/claims', async (c) => {
  const { program } = await settlementProgram(c, RUN_ROLES);
  const q = readQuery((k) => c.req.query(k));
  const { errors } = toFilter(q);
  return reviewPage(c, program, q, { status: errors.length ? 422 : 200 });
});

settlementReview.post('/settlement/:slug/claims/review', async (c) => {
  const { program, roles } = await settlementProgram(c, RUN_ROLES);
  const q = readQuery((k) => c.req.query(k));
  const f = await formFields(c);
  const ids = (await formList(c, 'ids')).map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
  const decision = f.decision === 'reject' ? 'reject' : f.decision === 'approve' ? 'approve' : null;
  if (!decision) return reviewPage(c, program, q, { errors: [{ field: 'decision', message: '承認するか却下するかを選んでください' }], values: f, checked: new Set(ids), status: 422 });
  let result;
  try {
    result = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => reviewClaims(ctx, program, ids, decision, f.reason ?? ''));
  } catch (e) {
    if (!isAppError(e) || e.status >= 500) throw e;
    const errors = e.fieldErrors.length ? e.fieldErrors.map((fe) => (fe.field === 'ids' && e.code !== 'validation-failed' ? { ...fe, message: e.message } : fe)) : [{ field: 'ids', message: e.message }];
    return reviewPage(c, program, q, { errors, values: f, checked: new Set(ids), status: e.code === 'not-found' ? 409 : e.status });
  }
  setFlash(c, { kind: 'success', message: `${result.count}件を${decision === 'approve' ? '承認' : '却下'}しました（割引額 計${yen(result.total)}）` });
  return c.redirect(`${adminBase(program)}/claims${queryString({ ...q, page: 1 })}`, 303);
});
