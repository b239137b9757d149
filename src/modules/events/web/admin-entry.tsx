import { Hono } from 'hono';
import { submitForm } from '../../../platform/http/form-action.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { formFields, formList } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, DateField, ErrorSummary, Form, RadioGroup, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { registerParticipant } from '../commands/register-participant.js';
import { eventConfig } from '../config.js';
import { CHANNEL_LABELS, STATUS_LABELS } from '../format.js';
import { adminBase, crumbs, filenameDate } from './admin-common.js';
import { RUN_ROLES, staffEvent } from './load.js';
import { formInput, RegistrationFields, type FormValues } from './registration-fields.js';

const PAPER = ['email', 'fax', 'phone', 'post'] as const;

async function entryPage(c: AppContext, program: Program, values: FormValues = {}, errors: SummaryError[] = [], status = 200) {
  return adminPage(c, {
    title: '申込の入力（メール・FAX・電話・郵送）',
    breadcrumbs: crumbs(program, { label: '申込の入力' }),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <Form action={`${adminBase(program)}/registrations/new`} csrfToken={csrfToken(c)}>
        <RadioGroup
          name="channel"
          label="受付経路"
          required
          inline
          value={typeof values.channel === 'string' ? values.channel : undefined}
          error={errorFor(errors, 'channel')}
          options={PAPER.map((k) => ({ value: k, label: CHANNEL_LABELS[k] }))}
        />
        <DateField name="receivedOn" label="受付日" required value={typeof values.receivedOn === 'string' ? values.receivedOn : filenameDate(c)} error={errorFor(errors, 'receivedOn')} />
        <RegistrationFields locale="ja" values={values} errors={errors} onlineEnabled={eventConfig(program).onlineEnabled} emailRequired={false} />
        <Button>登録する</Button>
      </Form>
    ),
  });
}

export const eventsAdminEntry = new Hono<AppEnv>();

eventsAdminEntry.get('/events/:slug/registrations/new', async (c) => {
  const { program } = await staffEvent(c, RUN_ROLES);
  return entryPage(c, program);
});

/** Staff enter an application received by e-mail, FAX, phone or post, with its channel and date. */
eventsAdminEntry.post('/events/:slug/registrations/new', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const fields = await formFields(c);
  const accommodations = await formList(c, 'accommodations');
  const channel = (PAPER as readonly string[]).includes(fields.channel ?? '') ? fields.channel : undefined;
  if (!channel) return entryPage(c, program, { ...fields, accommodations }, [{ field: 'channel', message: '受付経路を選んでください' }], 422);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => registerParticipant(ctx, program, { ...formInput(fields, accommodations), consent: undefined, channel, receivedOn: fields.receivedOn || undefined }, { staff: true }),
    flash: ({ registration: r, mailed }) => {
      const how = mailed ? '受付完了メールを送信します。' : '';
      const sheet = r.printStatus === 'to-send' ? '受付確認書が送付待ちに追加されました。' : '';
      return `受付番号 ${r.number}（${STATUS_LABELS[r.status]}）で登録しました。${how}${sheet}`;
    },
    redirect: ({ registration: r }) => `/admin/events/registrations/${r.id}`,
    rerender: (errors, status, e) =>
      entryPage(c, program, { ...fields, accommodations }, e.code === 'window-closed' ? [{ field: 'receivedOn', message: '受付日が申込受付期間の外です' }] : errors, status),
  });
});
