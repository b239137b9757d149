import { Hono } from 'hono';
import { formatJaDate } from '../../../platform/calendar/index.js';
import type { FieldError } from '../../../platform/errors/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields, formList } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, CheckboxGroup, DateField, ErrorSummary, Form, NotificationBanner, TextArea, errorFor } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { windowMessage } from '../commands/application-window.js';
import { reopenApplications } from '../commands/reopen-applications.js';
import { saveCampaignSettings } from '../commands/save-campaign-settings.js';
import { campaignConfig } from '../config.js';
import { cm } from '../messages.js';

import { staffCampaign } from './load.js';

export const adminSettings = new Hono<AppEnv>();

const RUN = ['admin', 'operator'] as const;
const DATE_KEYS = ['applicationOpens', 'applicationCloses', 'campaignStarts', 'campaignEnds', 'registryDeadline'] as const;
const TEXT_KEYS = ['termsText', 'manualText'] as const;

/** The form's values: dates and texts as typed, attachments as a list, features one per line. */
interface SettingsValues {
  fields: Record<string, string>;
  attachments: string[];
}

function currentValues(program: Program): SettingsValues {
  const cfg = campaignConfig(program);
  return {
    fields: {
      applicationOpens: cfg.applicationOpens ?? '',
      applicationCloses: cfg.applicationCloses ?? '',
      campaignStarts: cfg.campaignStarts ?? '',
      campaignEnds: cfg.campaignEnds ?? '',
      registryDeadline: cfg.registryDeadline ?? '',
      termsText: cfg.termsText,
      manualText: cfg.manualText,
      facilityFeatures: cfg.features.join('\n'),
      facilityFeaturesEn: Object.entries(cfg.featuresEn).map(([ja, en]) => `${ja}=${en}`).join('\n'),
    },
    attachments: cfg.requiredAttachments,
  };
}

async function settingsPage(c: AppContext, program: Program, roles: string[], opts: { values?: SettingsValues; errors?: FieldError[]; reopen?: Record<string, string>; status?: number } = {}) {
  const deps = c.get('deps');
  const cfg = campaignConfig(program);
  const v = opts.values ?? currentValues(program);
  const errors = opts.errors ?? [];
  const token = csrfToken(c);
  const base = `/admin/campaign/${program.slug}`;
  const f = (name: string) => ({ name, value: v.fields[name] ?? '', error: errorFor(errors, name) });
  return adminPage(c, {
    title: cm('settings.title', { program: program.name }),
    breadcrumbs: [{ label: cm('term.home'), href: '/admin' }, { label: program.name, href: base }, { label: cm('term.settings') }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <NotificationBanner kind="info" title={windowMessage(program, deps.clock.now())}>
          {cfg.reopenedUntil && <p>{cm('settings.reopenedUntil', { date: formatJaDate(cfg.reopenedUntil) })}</p>}
        </NotificationBanner>
        <p>{cm('settings.datesNote')}</p>
        <Form action={`${base}/settings`} csrfToken={token} label={cm('term.settings')}>
          <h2 class="app-heading-2">{cm('settings.schedule')}</h2>
          {DATE_KEYS.map((k) => (
            <DateField {...f(k)} label={cm(`setting.${k}`)} />
          ))}
          <h2 class="app-heading-2">{cm('settings.contents')}</h2>
          <CheckboxGroup
            name="requiredAttachments"
            label={cm('setting.requiredAttachments')}
            values={v.attachments}
            error={errorFor(errors, 'requiredAttachments')}
            options={[
              { value: 'license', label: cm('licenseFile') },
              { value: 'photo', label: cm('photoFile') },
            ]}
          />
          <TextArea {...f('facilityFeatures')} label={cm('setting.facilityFeatures')} hint={cm('settings.featuresHint')} rows={8} />
          <TextArea {...f('facilityFeaturesEn')} label={cm('setting.facilityFeaturesEn')} hint={cm('settings.featuresEnHint')} rows={8} />
          <h2 class="app-heading-2">{cm('settings.documents')}</h2>
          {TEXT_KEYS.map((k) => (
            <TextArea {...f(k)} label={cm(`setting.${k}`)} hint={cm('settings.textHint')} rows={12} />
          ))}
          <Button>{cm('settings.save')}</Button>
        </Form>
        {roles.includes('admin') && (
          <>
            <h2 class="app-heading-2">{cm('settings.reopenHeading')}</h2>
            <p>{cm('settings.reopenIntro')}</p>
            <Form action={`${base}/reopen`} csrfToken={token} label={cm('settings.reopenLabel')}>
              <DateField name="until" label={cm('settings.reopenUntil')} value={opts.reopen?.until ?? cfg.reopenedUntil ?? ''} error={errorFor(errors, 'until')} />
              <TextArea name="reason" label={cm('settings.reopenReason')} required value={opts.reopen?.reason ?? ''} error={errorFor(errors, 'reason')} rows={3} />
              <Button variant="secondary">{cm('settings.reopenSubmit')}</Button>
            </Form>
          </>
        )}
      </>
    ),
  });
}

/** Checkbox-group errors point at the group. */
const fieldOf = (field: string) => (field.startsWith('requiredAttachments') ? 'requiredAttachments' : field);

adminSettings.get('/campaign/:slug/settings', async (c) => {
  const { program, roles } = await staffCampaign(c, RUN);
  return settingsPage(c, program, roles);
});

adminSettings.post('/campaign/:slug/settings', async (c) => {
  const { program, roles } = await staffCampaign(c, RUN);
  const form = await formFields(c);
  const attachments = await formList(c, 'requiredAttachments');
  const values: SettingsValues = { fields: form, attachments };
  const pairs: Array<[string, string]> = [
    ...DATE_KEYS.map((k): [string, string] => [k, form[k] ?? '']),
    ...TEXT_KEYS.map((k): [string, string] => [k, (form[k] ?? '').replace(/\r\n/g, '\n')]),
    ['requiredAttachments', attachments.join('|')],
    ['facilityFeatures', (form.facilityFeatures ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean).join('|')],
    ['facilityFeaturesEn', (form.facilityFeaturesEn ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean).join('|')],
  ];
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => saveCampaignSettings(ctx, program.id, pairs),
    rerender: (errors, status) => settingsPage(c, program, roles, { values, errors: errors.map((x) => ({ ...x, field: fieldOf(x.field) })), status }),
    flash: cm('settings.flashSaved'),
    redirect: `/admin/campaign/${program.slug}/settings`,
  });
});

adminSettings.post('/campaign/:slug/reopen', async (c) => {
  const { program, roles } = await staffCampaign(c, ['admin']);
  const form = await formFields(c);
  const until = (form.until ?? '').trim();
  const reason = form.reason ?? '';
  return submitForm(c, {
    role: 'admin',
    run: (ctx) => reopenApplications(ctx, program.id, until, reason),
    rerender: (errors, status) => settingsPage(c, program, roles, { errors, reopen: { until, reason }, status }),
    // Worded after the command accepted the date.
    flash: () => (until ? cm('settings.flashReopened', { date: formatJaDate(until) }) : cm('settings.flashReopenWithdrawn')),
    redirect: `/admin/campaign/${program.slug}/settings`,
  });
});
