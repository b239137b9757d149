import { Hono } from 'hono';
import { formatJaDate } from '../../../platform/calendar/index.js';
import { runCommand } from '../../../platform/command.js';
import { isAppError, type FieldError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
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
    title: `募集の設定：${program.name}`,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: program.name, href: base }, { label: '募集の設定' }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <NotificationBanner kind="info" title={windowMessage(program, deps.clock.now())}>
          {cfg.reopenedUntil && <p>管理者の判断により {formatJaDate(cfg.reopenedUntil)} まで受付を再開しています。</p>}
        </NotificationBanner>
        <p>日付はすべて日本時間の暦日で、その日を含みます。受付はキャンペーン開始日の前日で必ず終了します。</p>
        <Form action={`${base}/settings`} csrfToken={token} label="募集の設定">
          <h2 class="app-heading-2">日程</h2>
          {DATE_KEYS.map((k) => (
            <DateField {...f(k)} label={cm(`setting.${k}`)} />
          ))}
          <h2 class="app-heading-2">申請の内容</h2>
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
          <TextArea {...f('facilityFeatures')} label={cm('setting.facilityFeatures')} hint="1行に1つ（40文字以内、50項目まで）。申請フォームと施設検索の選択肢になります。" rows={8} />
          <h2 class="app-heading-2">公開する文書</h2>
          {TEXT_KEYS.map((k) => (
            <TextArea {...f(k)} label={cm(`setting.${k}`)} hint="空行で段落を分けます。「# 」で始まる行は見出しになります。PDF版は自動で作られます。" rows={12} />
          ))}
          <Button>設定を保存する</Button>
        </Form>
        {roles.includes('admin') && (
          <>
            <h2 class="app-heading-2">申請受付の再開（管理者）</h2>
            <p>受付期間の終了後やキャンペーン開始後に、理由を記録したうえで指定日まで受付を再開します。再開期限を空欄にすると再開を取り消します。操作は監査ログに理由とともに記録されます。</p>
            <Form action={`${base}/reopen`} csrfToken={token} label="申請受付の再開">
              <DateField name="until" label="再開期限（この日まで受け付ける）" value={opts.reopen?.until ?? cfg.reopenedUntil ?? ''} error={errorFor(errors, 'until')} />
              <TextArea name="reason" label="再開の理由" required value={opts.reopen?.reason ?? ''} error={errorFor(errors, 'reason')} rows={3} />
              <Button variant="secondary">受付を再開する</Button>
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
  ];
  try {
    await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => saveCampaignSettings(ctx, program.id, pairs));
  } catch (e) {
    if (isAppError(e) && e.fieldErrors.length) return settingsPage(c, program, roles, { values, errors: e.fieldErrors.map((x) => ({ ...x, field: fieldOf(x.field) })), status: 422 });
    throw e;
  }
  setFlash(c, { kind: 'success', message: '募集の設定を保存しました' });
  return c.redirect(`/admin/campaign/${program.slug}/settings`, 303);
});

adminSettings.post('/campaign/:slug/reopen', async (c) => {
  const { program, roles } = await staffCampaign(c, ['admin']);
  const form = await formFields(c);
  const until = (form.until ?? '').trim();
  const reason = form.reason ?? '';
  try {
    await runCommand(c.get('deps'), actorOf(c, 'admin'), (ctx) => reopenApplications(ctx, program.id, until, reason));
  } catch (e) {
    if (isAppError(e) && e.fieldErrors.length) return settingsPage(c, program, roles, { errors: e.fieldErrors, reopen: { until, reason }, status: 422 });
    throw e;
  }
  setFlash(c, { kind: 'success', message: until ? `${formatJaDate(until)} まで申請の受付を再開しました` : '受付の再開を取り消しました' });
  return c.redirect(`/admin/campaign/${program.slug}/settings`, 303);
});
