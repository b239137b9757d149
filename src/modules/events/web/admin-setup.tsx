import { Hono } from 'hono';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, Checkbox, DateField, ErrorSummary, Form, RadioGroup, Table, TextArea, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { addProgramItem, deleteProgramItem } from '../commands/program-items.js';
import { saveEventSetup } from '../commands/save-event-setup.js';
import { eventConfig } from '../config.js';
import { am } from '../messages.js';
import { listProgramItems } from '../queries.js';
import { adminBase, crumbs } from './admin-common.js';
import { RUN_ROLES, staffEvent } from './load.js';
import { idParam } from '../../../platform/http/params.js';

const TEXT_KEYS = ['name', 'titleEn', 'eventDate', 'startTime', 'endTime', 'registrationOpens', 'registrationCloses', 'capacity', 'onlineCapacity', 'onlineEnabled', 'onlineUrl', 'venueName', 'venueNameEn', 'venueAddress', 'venueAccess', 'venueAccessEn', 'venueAccessibility', 'venueAccessibilityEn', 'applyEmail', 'applyFax', 'summary', 'summaryEn'] as const;

/**
 * The settings form and the programme. A refused settings form comes back with its values and
 * errors; a refused programme item comes back in the item form (`item`), the settings as saved.
 */
async function setupPage(
  c: AppContext,
  program: Program,
  errors: SummaryError[] = [],
  values?: Record<string, string>,
  status = 200,
  item: { errors: SummaryError[]; values: Record<string, string> } = { errors: [], values: {} },
) {
  const cfg = eventConfig(program);
  const v = values ?? {
    ...Object.fromEntries(TEXT_KEYS.map((k) => [k, String((cfg as unknown as Record<string, unknown>)[k] ?? '')])),
    onlineCapacity: cfg.onlineCapacity === null ? '' : String(cfg.onlineCapacity),
    onlineEnabled: String(cfg.onlineEnabled),
    name: program.name,
  };
  const items = await listProgramItems(c.get('deps').db, program.id);
  const base = adminBase(program);
  const f = (name: string) => ({ name, value: v[name] ?? '', error: errorFor(errors, name) });
  // The item form's fields are named `item.*`: the settings form above has fields of the same names, and ids must differ.
  const i = (name: string) => ({ name: `item.${name}`, value: item.values[name], error: errorFor(item.errors, `item.${name}`) });
  const shown = [...errors, ...item.errors];
  return adminPage(c, {
    title: am('setup.title'),
    breadcrumbs: crumbs(program, { label: am('setup.crumb') }),
    notice: shown.length ? <ErrorSummary errors={shown} /> : undefined,
    hasErrors: shown.length > 0,
    status,
    children: (
      <>
        <Form action={`${base}/setup`} csrfToken={csrfToken(c)}>
          <TextField {...f('name')} label={am('setup.name')} width="lg" />
          <TextField {...f('titleEn')} label={am('setup.titleEn')} width="lg" />
          <DateField {...f('eventDate')} label={am('setup.eventDate')} />
          <TextField {...f('startTime')} label={am('setup.startTime')} hint={am('setup.startHint')} width="sm" />
          <TextField {...f('endTime')} label={am('setup.endTime')} hint={am('setup.endHint')} width="sm" />
          <TextField {...f('venueName')} label={am('setup.venueName')} width="lg" />
          <TextField {...f('venueNameEn')} label={am('setup.venueNameEn')} width="lg" />
          <TextField {...f('venueAddress')} label={am('setup.venueAddress')} width="lg" />
          <TextArea {...f('venueAccess')} label={am('setup.venueAccess')} rows={2} />
          <TextArea {...f('venueAccessEn')} label={am('setup.venueAccessEn')} rows={2} />
          <TextArea {...f('venueAccessibility')} label={am('setup.venueAccessibility')} rows={2} />
          <TextArea {...f('venueAccessibilityEn')} label={am('setup.venueAccessibilityEn')} rows={2} />
          <TextField {...f('capacity')} label={am('setup.capacity')} inputmode="numeric" width="sm" />
          <RadioGroup
            {...f('onlineEnabled')}
            label={am('setup.onlineEnabled')}
            inline
            options={[
              { value: 'true', label: am('term.yes') },
              { value: 'false', label: am('term.none') },
            ]}
          />
          <TextField {...f('onlineCapacity')} label={am('setup.onlineCapacity')} hint={am('setup.onlineCapacityHint')} inputmode="numeric" width="sm" />
          <TextField {...f('onlineUrl')} label={am('setup.onlineUrl')} hint={am('setup.onlineUrlHint')} type="url" width="lg" />
          <DateField {...f('registrationOpens')} label={am('setup.registrationOpens')} />
          <DateField {...f('registrationCloses')} label={am('setup.registrationCloses')} />
          <TextField {...f('applyEmail')} label={am('setup.applyEmail')} type="email" width="lg" />
          <TextField {...f('applyFax')} label={am('setup.applyFax')} type="tel" />
          <TextArea {...f('summary')} label={am('setup.summary')} rows={3} />
          <TextArea {...f('summaryEn')} label={am('setup.summaryEn')} rows={3} />
          <Button>{am('action.save')}</Button>
        </Form>
        <h2 class="app-heading-2">{am('items.heading')}</h2>
        <Table
          caption={am('items.heading')}
          columns={[
            { key: 'time', header: am('items.time'), rowHeader: true },
            { key: 'title', header: am('items.title') },
            { key: 'speakers', header: am('items.speakers') },
            { key: 'streamed', header: am('items.streamed') },
            { key: 'del', header: am('items.actions') },
          ]}
          rows={items.map((it) => ({
            time: am('items.timeValue', { time: it.startTime, minutes: it.minutes }),
            title: it.title,
            speakers: it.speakers || '—',
            streamed: am(it.streamed ? 'items.streamedYes' : 'items.streamedNo'),
            del: (
              <Form action={`${base}/items/${it.id}/delete`} csrfToken={csrfToken(c)}>
                <Button size="sm" variant="danger">
                  {am('items.delete')}
                </Button>
              </Form>
            ),
          }))}
          emptyMessage={am('items.empty')}
        />
        <h3 class="app-heading-3">{am('items.addHeading')}</h3>
        <Form action={`${base}/items`} csrfToken={csrfToken(c)}>
          <TextField {...i('startTime')} label={am('setup.startTime')} hint={am('setup.startHint')} width="sm" required />
          <TextField {...i('minutes')} label={am('items.minutes')} inputmode="numeric" width="sm" required />
          <TextField {...i('title')} label={am('items.title')} width="lg" required />
          <TextField {...i('titleEn')} label={am('items.titleEn')} width="lg" />
          <TextArea {...i('speakers')} label={am('items.speakers')} hint={am('items.speakersHint')} rows={3} />
          <Checkbox name="item.streamed" label={am('items.streamOnline')} checked={item.errors.length ? item.values.streamed === 'true' : true} />
          <Button>{am('items.add')}</Button>
        </Form>
      </>
    ),
  });
}

export const eventsAdminSetup = new Hono<AppEnv>();

eventsAdminSetup.get('/events/:slug/setup', async (c) => {
  const { program } = await staffEvent(c, RUN_ROLES);
  return setupPage(c, program);
});

eventsAdminSetup.post('/events/:slug/setup', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const f = await formFields(c);
  const pairs = TEXT_KEYS.filter((k) => (f[k] ?? '').trim() !== '' || k === 'onlineCapacity').map((k): [string, string] => [k, k === 'onlineCapacity' && !f[k]?.trim() ? 'none' : f[k]!.trim()]);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => saveEventSetup(ctx, program, pairs),
    flash: am('setup.saved'),
    redirect: `${adminBase(program)}/setup`,
    rerender: (errors, status) => setupPage(c, program, errors, f, status),
  });
});

eventsAdminSetup.post('/events/:slug/items', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const f = Object.fromEntries(Object.entries(await formFields(c)).map(([k, v]) => [k.replace(/^item\./, ''), v]));
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => addProgramItem(ctx, program.id, { ...f, streamed: f.streamed === 'true' }),
    flash: am('items.added'),
    redirect: `${adminBase(program)}/setup`,
    rerender: (errors, status) => setupPage(c, program, [], undefined, status, { errors: errors.map((e) => ({ ...e, field: e.field ? `item.${e.field}` : e.field })), values: f }),
  });
});

eventsAdminSetup.post('/events/:slug/items/:id{[0-9]+}/delete', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const id = idParam(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => deleteProgramItem(ctx, program.id, id),
    flash: am('items.deleted'),
    redirect: `${adminBase(program)}/setup`,
  });
});
