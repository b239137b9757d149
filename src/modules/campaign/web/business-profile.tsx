import { Hono } from 'hono';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { runCommand } from '../../../platform/command.js';
import { AppError, isAppError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { formFields, formList } from '../../../platform/http/form.js';
import { requireProgramRole } from '../../../platform/http/guards.js';
import { Button, ErrorSummary, Form, NotificationBanner, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { profileOf, submitProfileChange } from '../commands/submit-profile-change.js';
import { campaignConfig } from '../config.js';
import { facilitiesOfUser } from '../queries.js';
import type { Facility, FacilityProfile } from '../schema.js';
import { FacilityFields } from './application-fields.js';
import { businessPage } from './business-page.js';
import type { FormValues } from './form-values.js';

export const businessProfile = new Hono<AppEnv>();

/** The signed-in business's own facility by the id in the path; any other facility is 404. */
async function ownFacility(c: AppContext): Promise<{ program: Program; facility: Facility }> {
  const { auth, program } = await requireProgramRole(c, c.req.param('slug')!, ['business']);
  const id = Number(c.req.param('id'));
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
  return businessPage(c, program, {
    title: `掲載情報の変更：${facility.name}`,
    breadcrumbs: [{ label: '掲載情報の変更' }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        {facility.pendingProfile && facility.pendingSince && (
          <NotificationBanner kind="info" title="事務局の確認待ちの変更があります">
            <p>{tokyoDateTime(facility.pendingSince)} に送った変更は、事務局の確認後にキャンペーンサイトへ反映されます。下の内容はその変更です。もう一度送ると置き換わります。</p>
          </NotificationBanner>
        )}
        <p>キャンペーンサイトに掲載する施設の情報を変更できます。変更は事務局が確認してから掲載され、結果はメールでお知らせします。登録番号・登録日・振込先口座はここでは変更できません（事務局にお問い合わせください）。</p>
        <Form action={`/${program.slug}/business/facilities/${facility.id}/profile`} csrfToken={csrfToken(c)} label="掲載情報">
          <FacilityFields values={values} errors={errors} features={features} />
          <Button>変更を申請する</Button>
        </Form>
        <p>
          <a href={`/${program.slug}/business`}>事業者ページへ戻る</a>
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
  try {
    await runCommand(c.get('deps'), actorOf(c, 'business'), (ctx) => submitProfileChange(ctx, facility.id, body, campaignConfig(program).features));
  } catch (e) {
    if (isAppError(e) && e.code === 'validation-failed') return profilePage(c, program, facility, { values: { fields, features }, errors: e.fieldErrors, status: 422 });
    throw e;
  }
  setFlash(c, { kind: 'success', message: '掲載情報の変更を受け付けました。事務局の確認後に反映します。' });
  return c.redirect(`/${program.slug}/business`, 303);
});
