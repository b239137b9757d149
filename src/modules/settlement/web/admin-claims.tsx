import { Hono } from 'hono';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields, formList } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { ChoiceItem } from '../../../ui/components/choice-item.js';
import { Button, ErrorSummary, FieldError, Form, Pagination, RadioGroup, SelectField, Table, TextArea, TextField, VisuallyHidden, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { parseMonth } from '../commands/close-month.js';
import { reviewClaims } from '../commands/review-claims.js';
import { CLAIM_STATUS_LABELS, sm, yen } from '../messages.js';
import { filteredClaims, programFacilityNames, type ClaimFilter } from '../queries.js';
import { CLAIM_STATUSES, type ClaimStatus } from '../schema.js';
import { RUN_ROLES, adminBase, crumbs, settlementProgram } from './common.js';
import { idQuery, pageQuery } from '../../../platform/http/params.js';
import { MAX_BIG_ID, parseId } from '../../../platform/ids.js';

const PER_PAGE = 50;

interface Query {
  status: string;
  facility: string;
  month: string;
  page: number;
}

function readQuery(q: (k: string) => string | undefined): Query {
  return { status: q('status') ?? 'stayed', facility: q('facility') ?? '', month: (q('month') ?? '').trim(), page: pageQuery(q('page')) };
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
  const facilityId = idQuery(q.facility);
  if (facilityId !== undefined) filter.facilityId = facilityId;
  if (q.month) {
    try {
      filter.month = parseMonth(q.month);
    } catch {
      errors.push({ field: 'month', message: sm('err.checkOutMonth') });
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
    title: sm('admin.claims.title', { program: program.name }),
    breadcrumbs: crumbs(program, sm('admin.claims.crumb')),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <Form action={base} method="get" label={sm('admin.claims.filter')}>
          <SelectField name="status" label={sm('term.status')} value={q.status} emptyOption={sm('term.all')} options={CLAIM_STATUSES.map((s) => ({ value: s, label: CLAIM_STATUS_LABELS[s] }))} />
          <SelectField name="facility" label={sm('term.facility')} value={q.facility} emptyOption={sm('term.all')} width="lg" options={facilities.map((f) => ({ value: String(f.id), label: f.name }))} />
          <TextField name="month" label={sm('admin.claims.checkOutMonth')} hint={sm('admin.claims.checkOutMonth.hint')} width="sm" value={q.month} error={errorFor(errors, 'month')} />
          <Button variant="secondary">{sm('admin.claims.filter.button')}</Button>
        </Form>
        <Form action={`${base}/review${queryString(q)}`} csrfToken={csrfToken(c)}>
          <Table
            caption={sm('admin.claims.caption', { status: CLAIM_STATUS_LABELS[q.status as ClaimStatus] ?? sm('admin.claims.allStatuses') })}
            id="claims"
            columns={[
              { key: 'pick', header: sm('admin.claims.pick') },
              { key: 'ref', header: sm('term.bookingRef'), rowHeader: true },
              { key: 'facility', header: sm('term.facility') },
              { key: 'dates', header: sm('admin.claims.dates') },
              { key: 'reserved', header: sm('admin.claims.asReserved') },
              { key: 'stay', header: sm('term.stay') },
              { key: 'discount', header: sm('term.discount'), numeric: true },
              { key: 'status', header: sm('term.status') },
              { key: 'note', header: sm('admin.claims.note') },
            ]}
            rows={rows.map((r) => ({
              pick:
                r.status === 'stayed' ? (
                  <ChoiceItem kind="checkbox" id={`claim-${r.id}`} name="ids" value={String(r.id)} checked={opts.checked?.has(r.id)} label={<VisuallyHidden>{sm('admin.claims.pick.label', { ref: r.bookingRef })}</VisuallyHidden>} />
                ) : (
                  '—'
                ),
              ref: r.bookingRef,
              facility: r.facilityName,
              dates: sm('fmt.dateRange', { from: r.checkIn, to: r.checkOut }),
              reserved: sm('fmt.nightsGuestsPrice', { nights: r.nights, guests: r.guests, price: yen(r.totalPrice) }),
              stay: r.stay ? sm('fmt.nightsGuestsPrice', { nights: r.stay.nights, guests: r.stay.guests, price: yen(r.stay.totalPrice) }) : '—',
              discount: yen(r.discount),
              status: CLAIM_STATUS_LABELS[r.status],
              note: r.reviewReason ?? '',
            }))}
            emptyMessage={sm('admin.claims.empty')}
          />
          <Pagination page={q.page} perPage={PER_PAGE} total={total} hrefFor={(p) => `${base}${queryString(q, p)}`} />
          {reviewable && (
            <fieldset class="app-fieldset">
              <legend class="app-heading-2">{sm('admin.claims.review.legend')}</legend>
              <div id="ids" tabindex={-1}>
                <FieldError id="ids" message={errorFor(errors, 'ids')} />
              </div>
              <RadioGroup name="decision" label={sm('admin.claims.review.decision')} required inline value={v.decision ?? 'approve'} error={errorFor(errors, 'decision')} options={[{ value: 'approve', label: sm('admin.claims.review.approve') }, { value: 'reject', label: sm('admin.claims.review.reject') }]} />
              <TextArea name="reason" label={sm('term.reason')} hint={sm('admin.claims.review.reasonHint')} rows={2} value={v.reason} error={errorFor(errors, 'reason')} />
              <Button>{sm('admin.claims.review.button')}</Button>
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
  const ids = (await formList(c, 'ids')).map((x) => parseId(x, MAX_BIG_ID)).filter((n) => n !== undefined);
  const decision = f.decision === 'reject' ? 'reject' : f.decision === 'approve' ? 'approve' : null;
  if (!decision) return reviewPage(c, program, q, { errors: [{ field: 'decision', message: sm('err.decisionRequired') }], values: f, checked: new Set(ids), status: 422 });
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => reviewClaims(ctx, program, ids, decision, f.reason ?? ''),
    // A conflict (claims decided or gone meanwhile) says which, beside the choice of claims.
    rerender: (_errors, status, e) => {
      const errors = e.fieldErrors.length ? e.fieldErrors.map((fe) => (fe.field === 'ids' && e.code !== 'validation-failed' ? { ...fe, message: e.message } : fe)) : [{ field: 'ids', message: e.message }];
      return reviewPage(c, program, q, { errors, values: f, checked: new Set(ids), status });
    },
    flash: (result) => sm(decision === 'approve' ? 'admin.claims.review.approved' : 'admin.claims.review.rejected', { count: result.count, total: yen(result.total) }),
    redirect: `${adminBase(program)}/claims${queryString({ ...q, page: 1 })}`,
  });
});
