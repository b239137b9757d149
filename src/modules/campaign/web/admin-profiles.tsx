import { Hono } from 'hono';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { runCommand } from '../../../platform/command.js';
import { isAppError, type FieldError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, ErrorSummary, Form, NotificationBanner, RadioGroup, Table, TextArea, errorFor } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { decideProfileChange } from '../commands/decide-profile-change.js';
import { changedFields, profileOf } from '../commands/submit-profile-change.js';
import { cm, type CampaignMessageKey } from '../messages.js';
import { facilitiesWithPendingProfile } from '../queries.js';
import type { FacilityProfile } from '../schema.js';

import { staffCampaign } from './load.js';

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
  const base = `/admin/campaign/${program.slug}`;
  const token = csrfToken(c);
  return adminPage(c, {
    title: `掲載情報の変更申請：${program.name}`,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: program.name, href: base }, { label: '掲載情報の変更申請' }],
    notice: conflict ? <NotificationBanner kind="error" title="判断を登録できませんでした">{conflict}</NotificationBanner> : errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0 || !!conflict,
    status,
    children: (
      <>
        <p>参加事業者が送った施設の掲載情報の変更です。承認するとキャンペーンサイトの施設情報に反映されます。判断の結果は事業者にメールで知らせます。</p>
        {pending.length === 0 && <p>確認待ちの変更申請はありません。</p>}
        {pending.map((f) => {
          const after = f.pendingProfile!;
          const before = profileOf(f);
          const changed = changedFields(before, after);
          return (
            <section aria-labelledby={`facility-${f.id}`}>
              <h2 id={`facility-${f.id}`}>
                {f.name}（{f.registrationNumber ?? `#${f.id}`}）
              </h2>
              <p>申請日時：{f.pendingSince ? tokyoDateTime(f.pendingSince) : ''}</p>
              <Table
                caption={`${f.name} の変更された項目`}
                columns={[
                  { key: 'field', header: '項目', rowHeader: true },
                  { key: 'before', header: '掲載中' },
                  { key: 'after', header: '変更後' },
                ]}
                rows={changed.map((k) => ({ field: cm(`facility.${k}` as CampaignMessageKey), before: shown(k, before[k]), after: shown(k, after[k]) }))}
                emptyMessage="掲載中の内容と同じです"
              />
              <Form action={`${base}/profiles/${f.id}/decision`} csrfToken={token} label={`${f.name} の変更申請の判断`}>
                <input type="hidden" name="pendingSince" value={f.pendingSince?.toISOString() ?? ''} />
                <RadioGroup
                  name={`decision-${f.id}`}
                  label="判断"
                  required
                  inline
                  value={values[`decision-${f.id}`]}
                  error={errorFor(errors, `decision-${f.id}`)}
                  options={[
                    { value: 'approve', label: '承認して掲載する' },
                    { value: 'reject', label: '却下する' },
                  ]}
                />
                <TextArea name={`reason-${f.id}`} label="事業者への連絡（却下の場合は理由が必須）" value={values[`reason-${f.id}`]} error={errorFor(errors, `reason-${f.id}`)} rows={3} />
                <Button>判断を登録する</Button>
              </Form>
            </section>
          );
        })}
      </>
    ),
  });
}

adminProfiles.get('/campaign/:slug/profiles', async (c) => {
  const { program } = await staffCampaign(c, RUN);
  return profilesPage(c, program);
});

adminProfiles.post('/campaign/:slug/profiles/:id{[0-9]+}/decision', async (c) => {
  const { program, roles } = await staffCampaign(c, RUN);
  const id = Number(c.req.param('id'));
  const f = await formFields(c);
  const decision = f[`decision-${id}`];
  if (decision !== 'approve' && decision !== 'reject') return profilesPage(c, program, [{ field: `decision-${id}`, message: cm('errDecisionRequired') }], f, 422);
  try {
    const updated = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => decideProfileChange(ctx, id, program.id, { decision, reason: f[`reason-${id}`] ?? '', pendingSince: f.pendingSince ?? '' }));
    setFlash(c, { kind: 'success', message: decision === 'approve' ? `「${updated.name}」の変更を承認し、掲載に反映しました` : `「${updated.name}」の変更を却下しました` });
  } catch (e) {
    if (isAppError(e) && e.code === 'validation-failed') return profilesPage(c, program, e.fieldErrors.map((x) => ({ ...x, field: `${x.field}-${id}` })), f, 422);
    if (isAppError(e) && e.code === 'conflict') return profilesPage(c, program, [], {}, 409, e.message);
    throw e;
  }
  return c.redirect(`/admin/campaign/${program.slug}/profiles`, 303);
});
