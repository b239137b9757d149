import { Hono } from 'hono';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import type { FieldError } from '../../../platform/errors/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, ErrorSummary, Form, NotificationBanner, RadioGroup, Table, TextArea, errorFor } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { decideProfileChange } from '../commands/decide-profile-change.js';
import { BANK_FIELDS, bankValue, changedBankFields, pendingPayoutChange } from '../commands/payout-change.js';
import type { PayoutAccount } from '../payout-account.js';
import { runAs } from '../../../platform/http/run-as.js';
import { programScope } from '../../../platform/vault/index.js';
import { changedFields, profileOf } from '../commands/submit-profile-change.js';
import { cm, type CampaignMessageKey } from '../messages.js';
import { facilitiesWithPendingProfile } from '../queries.js';
import type { FacilityProfile } from '../schema.js';

import { staffCampaign } from './load.js';
import { idParam } from '../../../platform/http/params.js';

export const adminProfiles = new Hono<AppEnv>();

const RUN = ['admin', 'operator'] as const;

function shown(k: keyof FacilityProfile, v: unknown): string {
  if (k === 'type' && typeof v === 'string') return cm(`type.${v}` as CampaignMessageKey);
  if (Array.isArray(v)) return v.join('、') || '—';
  return v === null || v === undefined || v === '' ? '—' : String(v);
}

/** `conflict`: why a decision was refused (409: decided meanwhile, or changed since the page was loaded), above the changes as they are now. */
async function profilesPage(c: AppContext, program: Program, errors: FieldError[] = [], values: Record<string, string> = {}, status = 200, conflict?: string) {
  const pending = await facilitiesWithPendingProfile(c.get('deps').db, program.id);
  const banks = await pendingBankChanges(c, program, pending.map((f) => f.id));
  const base = `/admin/campaign/${program.slug}`;
  const token = csrfToken(c);
  return adminPage(c, {
    title: cm('profiles.title', { program: program.name }),
    breadcrumbs: [{ label: cm('term.home'), href: '/admin' }, { label: program.name, href: base }, { label: cm('term.profiles') }],
    notice: conflict ? <NotificationBanner kind="error" title={cm('term.decisionRefused')}>{conflict}</NotificationBanner> : errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0 || !!conflict,
    status,
    children: (
      <>
        <p>{cm('profiles.intro')}</p>
        {pending.length === 0 && <p>{cm('profiles.none')}</p>}
        {pending.map((f) => {
          const after = f.pendingProfile!;
          const before = profileOf(f);
          const changed = changedFields(before, after);
          return (
            <section aria-labelledby={`facility-${f.id}`}>
              <h2 id={`facility-${f.id}`}>{cm('profiles.heading', { name: f.name, number: f.registrationNumber ?? `#${f.id}` })}</h2>
              <p>{cm('profiles.submittedAt', { at: f.pendingSince ? tokyoDateTime(f.pendingSince) : '' })}</p>
              <Table
                caption={cm('profiles.caption', { name: f.name })}
                columns={[
                  { key: 'field', header: cm('term.field'), rowHeader: true },
                  { key: 'before', header: cm('profiles.current') },
                  { key: 'after', header: cm('term.after') },
                ]}
                rows={changed.map((k) => ({ field: cm(`facility.${k}` as CampaignMessageKey), before: shown(k, before[k]), after: shown(k, after[k]) }))}
                emptyMessage={cm('profiles.same')}
              />
              {banks.has(f.id) && (
                <Table
                  caption={cm('profiles.bankCaption', { name: f.name })}
                  columns={[
                    { key: 'field', header: cm('term.field'), rowHeader: true },
                    { key: 'before', header: cm('profiles.current') },
                    { key: 'after', header: cm('term.after') },
                  ]}
                  rows={banks.get(f.id)!}
                />
              )}
              <Form action={`${base}/profiles/${f.id}/decision`} csrfToken={token} label={cm('profiles.formLabel', { name: f.name })}>
                <input type="hidden" name="pendingSince" value={f.pendingSince?.toISOString() ?? ''} />
                <RadioGroup
                  name={`decision-${f.id}`}
                  label={cm('term.decision')}
                  required
                  inline
                  value={values[`decision-${f.id}`]}
                  error={errorFor(errors, `decision-${f.id}`)}
                  options={[
                    { value: 'approve', label: cm('profiles.approve') },
                    { value: 'reject', label: cm('profiles.reject') },
                  ]}
                />
                <TextArea name={`reason-${f.id}`} label={cm('profiles.reason')} value={values[`reason-${f.id}`]} error={errorFor(errors, `reason-${f.id}`)} rows={3} />
                <Button>{cm('term.submitDecision')}</Button>
              </Form>
            </section>
          );
        })}
      </>
    ),
  });
}

const bankShown = (a: PayoutAccount | null, k: (typeof BANK_FIELDS)[number]): string => {
  if (!a) return cm('profiles.bankNone');
  const v = bankValue(a, k);
  return k === 'accountType' ? cm(`accountType.${v}` as CampaignMessageKey) : v;
};

/**
 * The bank account changes waiting with the profile changes, as rows of a diff (changed fields
 * only), by facility. Opening them is a view of personal data: audited per facility, in the same
 * transaction as the read.
 */
async function pendingBankChanges(c: AppContext, program: Program, facilityIds: number[]): Promise<Map<number, Array<{ field: string; before: string; after: string }>>> {
  const out = new Map<number, Array<{ field: string; before: string; after: string }>>();
  if (!facilityIds.length) return out;
  const { roles } = await staffCampaign(c, RUN);
  await runAs(c, primaryRole(roles), async (ctx) => {
    const box = await ctx.deps.vault.box(ctx.tx, programScope(program.id));
    for (const id of facilityIds) {
      const change = await pendingPayoutChange(ctx.tx, box, id);
      if (!change) continue;
      const changed = changedBankFields(change.before, change.after);
      out.set(id, changed.map((k) => ({ field: cm(`bankAccount.${k}` as CampaignMessageKey), before: bankShown(change.before, k), after: bankShown(change.after, k) })));
      ctx.audit({ action: 'campaign.facility.payout_viewed', programId: program.id, targetType: 'facility', targetId: id, diff: { fields: changed } });
    }
  });
  return out;
}

adminProfiles.get('/campaign/:slug/profiles', async (c) => {
  const { program } = await staffCampaign(c, RUN);
  return profilesPage(c, program);
});

adminProfiles.post('/campaign/:slug/profiles/:id{[0-9]+}/decision', async (c) => {
  const { program, roles } = await staffCampaign(c, RUN);
  const id = idParam(c);
  const f = await formFields(c);
  const decision = f[`decision-${id}`];
  if (decision !== 'approve' && decision !== 'reject') return profilesPage(c, program, [{ field: `decision-${id}`, message: cm('errDecisionRequired') }], f, 422);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => decideProfileChange(ctx, id, program.id, { decision, reason: f[`reason-${id}`] ?? '', pendingSince: f.pendingSince ?? '' }),
    // Decided meanwhile, or changed since the page was loaded: the changes as they are now, with why nothing was recorded.
    rerender: (errors, status, e) =>
      e.code === 'conflict' ? profilesPage(c, program, [], {}, 409, e.message) : profilesPage(c, program, errors.map((x) => ({ ...x, field: x.field ? `${x.field}-${id}` : x.field })), f, status),
    flash: (updated) => cm(decision === 'approve' ? 'profiles.flashApproved' : 'profiles.flashRejected', { name: updated.name }),
    redirect: `/admin/campaign/${program.slug}/profiles`,
  });
});
