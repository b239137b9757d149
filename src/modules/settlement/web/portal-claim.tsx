import { Hono } from 'hono';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { Button, DescriptionList, ErrorSummary, Form, RadioGroup, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { businessPage } from '../../campaign/index.js';
import { cancelClaim, reportStay } from '../commands/claim-lifecycle.js';
import { CLAIM_STATUS_LABELS, sm, yen } from '../messages.js';
import type { Claim } from '../schema.js';
import { staySchema } from '../validators.js';
import { ownClaim, portalContext } from './portal-common.js';

type Portal = Awaited<ReturnType<typeof portalContext>>;

/** One claim: its details, the stay report (実績) form and the cancel / no-show form. */
async function claimPage(c: AppContext, p: Portal, claim: Claim, opts: { errors?: SummaryError[]; values?: Record<string, string>; status?: number } = {}) {
  const errors = opts.errors ?? [];
  const v = opts.values ?? { nights: String(claim.nights), guests: String(claim.guests), totalPrice: String(claim.totalPrice), cancelKind: 'cancel' };
  const action = `${p.base}/${claim.id}`;
  return businessPage(c, p.program, {
    title: sm('portal.claim.title', { ref: claim.bookingRef }),
    breadcrumbs: [{ label: sm('portal.claims.title'), href: p.base }, { label: sm('portal.claim.title', { ref: claim.bookingRef }) }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <DescriptionList
          items={[
            { term: sm('term.facility'), detail: p.facilities.find((f) => f.id === claim.facilityId)?.name ?? '' },
            { term: sm('term.status'), detail: CLAIM_STATUS_LABELS[claim.status] },
            { term: sm('term.bookedOn'), detail: claim.bookedOn },
            { term: sm('portal.claim.stay'), detail: sm('portal.claim.stay.detail', { checkIn: claim.checkIn, nights: claim.nights, guests: claim.guests, price: yen(claim.totalPrice) }) },
            ...(claim.stay ? [{ term: sm('term.stay'), detail: sm('fmt.nightsGuestsPriceParen', { nights: claim.stay.nights, guests: claim.stay.guests, price: yen(claim.stay.totalPrice) }) }] : []),
            { term: sm('term.discount'), detail: yen(claim.discount) },
            ...(claim.reviewReason ? [{ term: sm('portal.claim.message'), detail: claim.reviewReason }] : []),
          ]}
        />
        {claim.status === 'reserved' && (
          <>
            <h2 class="app-heading-2">{sm('portal.claim.report.heading')}</h2>
            <p>{sm('portal.claim.report.intro')}</p>
            <Form action={`${action}/stay`} csrfToken={csrfToken(c)}>
              <TextField name="nights" label={sm('portal.claim.report.nights')} required width="sm" inputmode="numeric" value={v.nights} error={errorFor(errors, 'nights')} />
              <TextField name="guests" label={sm('portal.claim.report.guests')} required width="sm" inputmode="numeric" value={v.guests} error={errorFor(errors, 'guests')} />
              <TextField name="totalPrice" label={sm('portal.claim.report.totalPrice')} required inputmode="numeric" value={v.totalPrice} error={errorFor(errors, 'totalPrice')} />
              <Button>{sm('portal.claim.report.button')}</Button>
            </Form>
            <h2 class="app-heading-2">{sm('portal.claim.cancel.heading')}</h2>
            <p>{sm('portal.claim.cancel.intro')}</p>
            <Form action={`${action}/cancel`} csrfToken={csrfToken(c)}>
              <RadioGroup
                name="cancelKind"
                label={sm('term.reason')}
                required
                value={v.cancelKind ?? 'cancel'}
                error={errorFor(errors, 'cancelKind')}
                options={[
                  { value: 'cancel', label: sm('portal.claim.cancel.cancel') },
                  { value: 'noShow', label: sm('portal.claim.cancel.noShow') },
                ]}
              />
              <Button variant="danger">{sm('portal.claim.cancel.button')}</Button>
            </Form>
          </>
        )}
        <p>
          <a href={p.base}>{sm('portal.claim.back')}</a>
        </p>
      </>
    ),
  });
}

export const portalClaim = new Hono<AppEnv>();

portalClaim.get('/:slug/business/claims/:id{[0-9]+}', async (c) => {
  const p = await portalContext(c);
  return claimPage(c, p, await ownClaim(c, p));
});

portalClaim.post('/:slug/business/claims/:id{[0-9]+}/stay', async (c) => {
  const p = await portalContext(c);
  const claim = await ownClaim(c, p);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(p.roles),
    run: (ctx) => reportStay(ctx, p.program, claim.id, parseOrThrow(staySchema, { nights: Number(f.nights), guests: Number(f.guests), totalPrice: Number(f.totalPrice) })),
    rerender: (_errors, status, e) => claimPage(c, p, claim, { errors: e.fieldErrors.length ? e.fieldErrors : [{ field: 'nights', message: e.message }], values: f, status }),
    flash: sm('portal.claim.report.done', { ref: claim.bookingRef }),
    redirect: `${p.base}/${claim.id}`,
  });
});

portalClaim.post('/:slug/business/claims/:id{[0-9]+}/cancel', async (c) => {
  const p = await portalContext(c);
  const claim = await ownClaim(c, p);
  const f = await formFields(c);
  if (f.cancelKind !== 'cancel' && f.cancelKind !== 'noShow') return claimPage(c, p, claim, { errors: [{ field: 'cancelKind', message: sm('err.cancelKindRequired') }], status: 422 });
  const noShow = f.cancelKind === 'noShow';
  return submitForm(c, {
    role: primaryRole(p.roles),
    run: (ctx) => cancelClaim(ctx, p.program, claim.id, noShow),
    rerender: (_errors, status, e) => claimPage(c, p, claim, { errors: [{ field: 'cancelKind', message: e.message }], status }),
    flash: sm(noShow ? 'portal.claim.cancel.noShowDone' : 'portal.claim.cancel.done', { ref: claim.bookingRef }),
    redirect: p.base,
  });
});
