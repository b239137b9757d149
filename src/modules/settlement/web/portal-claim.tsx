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
import { Button, DescriptionList, ErrorSummary, Form, RadioGroup, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { businessPage } from '../../campaign/web/business-page.js';
import { cancelClaim, reportStay } from '../commands/claim-lifecycle.js';
import { CLAIM_STATUS_LABELS, yen } from '../messages.js';
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
    title: `予約番号 ${claim.bookingRef}`,
    breadcrumbs: [{ label: '割引の登録と実績報告', href: p.base }, { label: `予約番号 ${claim.bookingRef}` }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <DescriptionList
          items={[
            { term: '施設', detail: p.facilities.find((f) => f.id === claim.facilityId)?.name ?? '' },
            { term: '状態', detail: CLAIM_STATUS_LABELS[claim.status] },
            { term: '予約日', detail: claim.bookedOn },
            { term: '宿泊', detail: `${claim.checkIn} から ${claim.nights}泊・${claim.guests}人（${yen(claim.totalPrice)}）` },
            ...(claim.stay ? [{ term: '実績', detail: `${claim.stay.nights}泊・${claim.stay.guests}人（${yen(claim.stay.totalPrice)}）` }] : []),
            { term: '割引額', detail: yen(claim.discount) },
            ...(claim.reviewReason ? [{ term: '事務局からの連絡', detail: claim.reviewReason }] : []),
          ]}
        />
        {claim.status === 'reserved' && (
          <>
            <h2 class="app-heading-2">宿泊実績を報告する</h2>
            <p>チェックアウト後に、実際の泊数・人数・料金を報告してください。予約時より多くすることはできません。少なくなった場合は割引額を計算し直し、差額は配分枠に戻ります。</p>
            <Form action={`${action}/stay`} csrfToken={csrfToken(c)}>
              <TextField name="nights" label="実績の泊数" required width="sm" inputmode="numeric" value={v.nights} error={errorFor(errors, 'nights')} />
              <TextField name="guests" label="実績の人数" required width="sm" inputmode="numeric" value={v.guests} error={errorFor(errors, 'guests')} />
              <TextField name="totalPrice" label="実績の宿泊料金（税込、円）" required inputmode="numeric" value={v.totalPrice} error={errorFor(errors, 'totalPrice')} />
              <Button>実績を報告する</Button>
            </Form>
            <h2 class="app-heading-2">取り消す</h2>
            <p>キャンセルまたは不泊（ノーショー）の場合は取り消してください。割引額は配分枠に戻ります。取り消しは元に戻せません。</p>
            <Form action={`${action}/cancel`} csrfToken={csrfToken(c)}>
              <RadioGroup
                name="cancelKind"
                label="理由"
                required
                value={v.cancelKind ?? 'cancel'}
                error={errorFor(errors, 'cancelKind')}
                options={[
                  { value: 'cancel', label: 'キャンセル（宿泊前の取消）' },
                  { value: 'noShow', label: '不泊（連絡なく宿泊されなかった）' },
                ]}
              />
              <Button variant="danger">取り消す</Button>
            </Form>
          </>
        )}
        <p>
          <a href={p.base}>一覧に戻る</a>
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
  try {
    const stay = parseOrThrow(staySchema, { nights: Number(f.nights), guests: Number(f.guests), totalPrice: Number(f.totalPrice) });
    await runCommand(c.get('deps'), actorOf(c, primaryRole(p.roles)), (ctx) => reportStay(ctx, p.program, claim.id, stay));
  } catch (e) {
    if (!isAppError(e) || e.code === 'not-found' || e.status >= 500) throw e;
    return claimPage(c, p, claim, { errors: e.fieldErrors.length ? e.fieldErrors : [{ field: 'nights', message: e.message }], values: f, status: e.status });
  }
  setFlash(c, { kind: 'success', message: `予約番号 ${claim.bookingRef} の実績を報告しました` });
  return c.redirect(`${p.base}/${claim.id}`, 303);
});

portalClaim.post('/:slug/business/claims/:id{[0-9]+}/cancel', async (c) => {
  const p = await portalContext(c);
  const claim = await ownClaim(c, p);
  const f = await formFields(c);
  if (f.cancelKind !== 'cancel' && f.cancelKind !== 'noShow') return claimPage(c, p, claim, { errors: [{ field: 'cancelKind', message: 'キャンセルか不泊かを選んでください' }], status: 422 });
  const noShow = f.cancelKind === 'noShow';
  try {
    await runCommand(c.get('deps'), actorOf(c, primaryRole(p.roles)), (ctx) => cancelClaim(ctx, p.program, claim.id, noShow));
  } catch (e) {
    if (!isAppError(e) || e.code === 'not-found' || e.status >= 500) throw e;
    return claimPage(c, p, claim, { errors: [{ field: 'cancelKind', message: e.message }], status: e.status });
  }
  setFlash(c, { kind: 'success', message: `予約番号 ${claim.bookingRef} を${noShow ? '不泊として' : ''}取り消しました。割引額を配分枠に戻しました` });
  return c.redirect(p.base, 303);
});
