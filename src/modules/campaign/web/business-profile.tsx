import { Hono } from 'hono';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields, formList } from '../../../platform/http/form.js';
import { requireProgramRole } from '../../../platform/http/guards.js';
import { Button, ErrorSummary, Form, NotificationBanner, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { profileOf, submitProfileChange } from '../commands/submit-profile-change.js';
import { campaignConfig } from '../config.js';
import { cm } from '../messages.js';
import { facilitiesOfUser } from '../queries.js';
import type { Facility, FacilityProfile } from '../schema.js';
import { payoutAccountState } from '../payout-account.js';
import { FacilityFields } from './application-fields.js';
import { ProfileBankFields } from './bank-fields.js';
import { businessPage } from './business-page.js';
import type { FormValues } from './form-values.js';
import { idParam } from '../../../platform/http/params.js';

export const businessProfile = new Hono<AppEnv>();

/** The signed-in business's own facility by the id in the path; any other facility is 404. */
async function ownFacility(c: AppContext): Promise<{ program: Program; facility: Facility }> {
  const { auth, program } = await requireProgramRole(c, c.req.param('slug')!, ['business']);
  const id = idParam(c);
  const facility = (await facilitiesOfUser(c.get('deps').db, program.id, auth.user.id)).find((f) => f.id === id);
  if (!facility) throw new AppError('not-found');
  return { program, facility };
}

function valuesOf(p: FacilityProfile): FormValues {
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) if (k !== 'features') fields[`facility.${k}`] = v === null || v === undefined ? '' : String(v);
  return { fields, features: [...p.features] };
}

const summaryErrors = (errors: readonly SummaryError[]) => errors.map((e) => ({ ...e, field: e.field.replace(/^facility\.features\.\d+$/, 'facility.features') }));

async function profilePage(c: AppContext, program: Program, facility: Facility, opts: { values?: FormValues; errors?: SummaryError[]; status?: number } = {}) {
  const errors = summaryErrors(opts.errors ?? []);
  const features = [...new Set([...campaignConfig(program).features, ...facility.features])];
  const values = opts.values ?? valuesOf(facility.pendingProfile ?? profileOf(facility));
  // Whether there is an account, never the account itself (it is not shown back).
  const bank = await payoutAccountState(c.get('deps').db, facility.id);
  return businessPage(c, program, {
    title: cm('profile.title', { name: facility.name }),
    breadcrumbs: [{ label: cm('profile.crumb') }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        {facility.pendingProfile && facility.pendingSince && (
          <NotificationBanner kind="info" title={cm('profile.pendingTitle')}>
            <p>{cm('profile.pendingBody', { at: tokyoDateTime(facility.pendingSince) })}</p>
          </NotificationBanner>
        )}
        <p>{cm('profile.intro')}</p>
        <Form action={`/${program.slug}/business/facilities/${facility.id}/profile`} csrfToken={csrfToken(c)} label={cm('profile.form')}>
          <FacilityFields values={values} errors={errors} features={features} />
          <section aria-labelledby="profile-section-bank">
            <h2 id="profile-section-bank">{cm('profile.bankHeading')}</h2>
            <p>{cm(bank.registered ? 'profile.bankRegistered' : 'profile.bankMissing')}</p>
            {bank.pending && facility.pendingProfile && <p>{cm('profile.bankPending')}</p>}
            <ProfileBankFields values={values} errors={errors} />
          </section>
          <Button>{cm('profile.submit')}</Button>
        </Form>
        <p>
          <a href={`/${program.slug}/business`}>{cm('profile.back')}</a>
        </p>
      </>
    ),
  });
}

businessProfile.get('/:slug/business/facilities/:id{[0-9]+}/profile', async (c) => {
  const { program, facility } = await ownFacility(c);
  return profilePage(c, program, facility);
});

businessProfile.post('/:slug/business/facilities/:id{[0-9]+}/profile', async (c) => {
  const { program, facility } = await ownFacility(c);
  const fields = await formFields(c);
  const features = await formList(c, 'facility.features');
  const body: Record<string, unknown> = { features };
  for (const [k, v] of Object.entries(fields)) if (k.startsWith('facility.') && k !== 'facility.features') body[k.slice('facility.'.length)] = v;
  const bankAccount: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (k.startsWith('bankAccount.')) bankAccount[k.slice('bankAccount.'.length)] = v;
  return submitForm(c, {
    role: 'business',
    run: (ctx) => submitProfileChange(ctx, facility.id, body, campaignConfig(program).features, bankAccount),
    rerender: (errors, status, e) => {
      if (e.code !== 'validation-failed') throw e;
      return profilePage(c, program, facility, { values: { fields, features }, errors, status });
    },
    flash: cm('profile.flashSubmitted'),
    redirect: `/${program.slug}/business`,
  });
});
