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
import { am } from '../messages.js';
import { adminBase, crumbs, filenameDate } from './admin-common.js';
import { RUN_ROLES, staffEvent } from './load.js';
import { formInput, RegistrationFields, type FormValues } from './registration-fields.js';

const PAPER = ['email', 'fax', 'phone', 'post'] as const;

async function entryPage(c: AppContext, program: Program, values: FormValues = {}, errors: SummaryError[] = [], status = 200) {
  return adminPage(c, {
    title: am('entry.title'),
    breadcrumbs: crumbs(program, { label: am('entry.crumb') }),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <Form action={`${adminBase(program)}/registrations/new`} csrfToken={csrfToken(c)}>
        <RadioGroup
          name="channel"
          label={am('term.channel')}
          required
          inline
          value={typeof values.channel === 'string' ? values.channel : undefined}
          error={errorFor(errors, 'channel')}
          options={PAPER.map((k) => ({ value: k, label: CHANNEL_LABELS[k] }))}
        />
        <DateField name="receivedOn" label={am('term.receivedOn')} required value={typeof values.receivedOn === 'string' ? values.receivedOn : filenameDate(c)} error={errorFor(errors, 'receivedOn')} />
        <RegistrationFields locale="ja" values={values} errors={errors} onlineEnabled={eventConfig(program).onlineEnabled} emailRequired={false} />
        <Button>{am('entry.submit')}</Button>
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
  if (!channel) return entryPage(c, program, { ...fields, accommodations }, [{ field: 'channel', message: am('entry.errChannel') }], 422);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => registerParticipant(ctx, program, { ...formInput(fields, accommodations), consent: undefined, channel, receivedOn: fields.receivedOn || undefined }, { staff: true }),
    flash: ({ registration: r, mailed }) => {
      const how = mailed ? am('entry.doneMailed') : '';
      const sheet = r.printStatus === 'to-send' ? am('entry.doneToSend') : '';
      return am('entry.done', { number: r.number, status: STATUS_LABELS[r.status], mailed: how, sheet });
    },
    redirect: ({ registration: r }) => `/admin/events/registrations/${r.id}`,
    rerender: (errors, status, e) =>
      entryPage(c, program, { ...fields, accommodations }, e.code === 'window-closed' ? [{ field: 'receivedOn', message: am('entry.errOutsideWindow') }] : errors, status),
  });
});
