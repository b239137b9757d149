import { Hono } from 'hono';
import { formatJaDate, tokyoDateTime } from '../../../../platform/calendar/index.js';
import type { Role } from '../../../../platform/auth/schema.js';
import type { FieldError } from '../../../../platform/errors/index.js';
import { adminPage } from '../../../../platform/http/admin-page.js';
import { csrfToken } from '../../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../../platform/http/env.js';
import { submitForm } from '../../../../platform/http/form-action.js';
import { formFields } from '../../../../platform/http/form.js';
import { primaryRole, requireProgramRole } from '../../../../platform/http/guards.js';
import type { Program } from '../../../../platform/programs/schema.js';
import { Button, ButtonLink, Checkbox, DateField, DescriptionList, ErrorSummary, Form, RadioGroup, Table, TextArea, TextField, errorFor } from '../../../../ui/index.js';
import { addActionItem, answerMinutes, createMeeting, saveMinutes, sendMinutes } from '../meetings/commands.js';
import { minutesPdf, placeText } from '../meetings/pdf.js';
import { findMeeting, listActionItems, listMeetings } from '../meetings/queries.js';
import { plm } from '../messages.js';
import { TASK_OWNER_ROLES, type Meeting } from '../schema.js';
import { CITY, EDIT, isContractor, meetingFor, pdfBytesResponse, READ } from './load.js';

export const meetingsAdmin = new Hono<AppEnv>();

interface FormState {
  values: Record<string, string>;
  errors: FieldError[];
  status?: number;
  /** Which form of the page the values and errors belong to. */
  form?: 'minutes' | 'action' | 'answer';
}
const EMPTY: FormState = { values: {}, errors: [] };
const listHref = (p: Program) => `/admin/records/${p.slug}/meetings`;
const meetingHref = (m: Meeting) => `/admin/records/meetings/${m.id}`;

const statusText = (m: Meeting) => (m.minutesStatus === 'confirmed' ? plm('minutes.confirmed', { at: m.confirmedAt ? tokyoDateTime(m.confirmedAt) : '' }) : plm(`minutes.${m.minutesStatus}`));
const field = (form: FormState, which: FormState['form']) => (name: string) => ({
  name,
  value: form.form === which ? (form.values[name] ?? '') : '',
  error: form.form === which ? errorFor(form.errors, name) : undefined,
});

async function listPage(c: AppContext, program: Program, roles: Role[], form: FormState = EMPTY) {
  const rows = await listMeetings(c.get('deps').db, program.id);
  const v = field(form, undefined);
  return adminPage(c, {
    title: plm('meetings.title'),
    breadcrumbs: [{ label: program.name, href: '/admin' }, { label: plm('meetings.title') }],
    notice: form.errors.length ? <ErrorSummary errors={form.errors} /> : undefined,
    hasErrors: form.errors.length > 0,
    status: form.status,
    children: (
      <>
        <p>{plm('meetings.intro')}</p>
        <Table
          caption={plm('meetings.title')}
          columns={[
            { key: 'on', header: plm('col.heldOn'), rowHeader: true },
            { key: 'place', header: plm('col.place') },
            { key: 'agenda', header: plm('f.agenda') },
            { key: 'minutes', header: plm('col.minutes') },
          ]}
          rows={rows.map((m) => ({
            on: <a href={meetingHref(m)}>{formatJaDate(m.heldOn)}</a>,
            place: placeText(m),
            agenda: m.agenda.length > 60 ? `${m.agenda.slice(0, 59)}…` : m.agenda,
            minutes: statusText(m),
          }))}
          emptyMessage={plm('meetings.empty')}
        />
        {isContractor(roles) ? (
          <>
            <h2>{plm('meetings.new')}</h2>
            <Form action={listHref(program)} csrfToken={csrfToken(c)}>
              <DateField {...v('heldOn')} label={plm('f.heldOn')} required />
              <TextField {...v('startTime')} label={plm('f.startTime')} width="sm" inputmode="numeric" maxLength={5} />
              <TextField {...v('place')} label={plm('f.place')} width="lg" maxLength={300} />
              <Checkbox name="online" value="on" label={plm('f.online')} checked={form.values.online === 'on'} />
              <TextArea {...v('attendeesCity')} label={plm('f.attendeesCity')} hint={plm('f.attendeesHint')} rows={2} required />
              <TextArea {...v('attendeesContractor')} label={plm('f.attendeesContractor')} hint={plm('f.attendeesHint')} rows={2} required />
              <TextArea {...v('agenda')} label={plm('f.agenda')} rows={4} required />
              <Button>{plm('meetings.new')}</Button>
            </Form>
          </>
        ) : null}
      </>
    ),
  });
}

/** One meeting: details, minutes (written by the contractor, answered by the City), action items. */
async function meetingPage(c: AppContext, program: Program, roles: Role[], m: Meeting, form: FormState = EMPTY) {
  const items = await listActionItems(c.get('deps').db, m.id);
  const contractor = isContractor(roles);
  const editable = m.minutesStatus === 'none' || m.minutesStatus === 'draft' || m.minutesStatus === 'commented';
  const mv = (name: 'summary' | 'decisions') => ({ name, value: form.form === 'minutes' ? (form.values[name] ?? '') : m[name], error: form.form === 'minutes' ? errorFor(form.errors, name) : undefined });
  const av = field(form, 'action');
  const cv = field(form, 'answer');
  return adminPage(c, {
    title: plm('meeting.title', { date: formatJaDate(m.heldOn) }),
    breadcrumbs: [{ label: program.name, href: '/admin' }, { label: plm('meetings.title'), href: listHref(program) }, { label: formatJaDate(m.heldOn) }],
    notice: form.errors.length ? <ErrorSummary errors={form.errors} /> : undefined,
    hasErrors: form.errors.length > 0,
    status: form.status,
    children: (
      <>
        <DescriptionList
          items={[
            { term: plm('f.heldOn'), detail: `${formatJaDate(m.heldOn)}${m.startTime ? ` ${m.startTime}` : ''}` },
            { term: plm('col.place'), detail: placeText(m) },
            { term: plm('f.attendeesCity'), detail: m.attendeesCity },
            { term: plm('f.attendeesContractor'), detail: m.attendeesContractor },
            { term: plm('f.agenda'), detail: m.agenda },
            { term: plm('col.minutes'), detail: statusText(m) },
            ...(m.cityComment ? [{ term: plm('f.comment'), detail: m.cityComment }] : []),
          ]}
        />
        <p>
          <ButtonLink href={`${meetingHref(m)}/minutes.pdf`} variant="secondary" size="sm">{plm('minutes.pdf')}</ButtonLink>
        </p>
        <h2>{plm('f.summary')}</h2>
        {contractor && editable ? (
          <Form action={`${meetingHref(m)}/minutes`} csrfToken={csrfToken(c)}>
            <TextArea {...mv('summary')} label={plm('f.summary')} rows={8} required />
            <TextArea {...mv('decisions')} label={plm('f.decisions')} rows={4} />
            <Button>{plm('minutes.save')}</Button>
          </Form>
        ) : (
          <DescriptionList items={[{ term: plm('f.summary'), detail: m.summary || '—' }, { term: plm('f.decisions'), detail: m.decisions || '—' }]} />
        )}
        <h2>{plm('f.actionTitle')}</h2>
        <Table
          caption={plm('f.actionTitle')}
          columns={[
            { key: 'title', header: plm('f.actionTitle'), rowHeader: true },
            { key: 'owner', header: plm('col.owner') },
            { key: 'due', header: plm('f.dueOn') },
          ]}
          rows={items.map((i) => ({ title: i.title, owner: `${plm(`owner.${i.owner}`)}${i.ownerName ? `（${i.ownerName}）` : ''}`, due: formatJaDate(i.dueOn) }))}
          emptyMessage={plm('minutes.actionsEmpty')}
        />
        {contractor && editable ? (
          <>
            <Form action={`${meetingHref(m)}/actions`} csrfToken={csrfToken(c)}>
              <TextField {...av('title')} label={plm('f.actionTitle')} width="lg" required maxLength={200} />
              <RadioGroup {...av('owner')} value={form.form === 'action' ? form.values.owner : 'contractor'} label={plm('f.owner')} inline options={TASK_OWNER_ROLES.map((o) => ({ value: o, label: plm(`owner.${o}`) }))} />
              <TextField {...av('ownerName')} label={plm('f.ownerName')} hint={plm('f.ownerNameHint')} width="md" maxLength={100} />
              <DateField {...av('dueOn')} label={plm('f.dueOn')} required />
              <Button variant="secondary">{plm('minutes.addAction')}</Button>
            </Form>
            {m.summary ? (
              <Form action={`${meetingHref(m)}/send`} csrfToken={csrfToken(c)}>
                <Button>{plm('minutes.send')}</Button>
              </Form>
            ) : null}
          </>
        ) : null}
        {roles.includes('city') && m.minutesStatus === 'sent' ? (
          <>
            <h2>{plm('minutes.cityAnswer')}</h2>
            <Form action={`${meetingHref(m)}/answer`} csrfToken={csrfToken(c)}>
              <RadioGroup {...cv('decision')} value={form.form === 'answer' ? form.values.decision : ''} label={plm('minutes.decision')} options={[{ value: 'confirm', label: plm('minutes.confirm') }, { value: 'comment', label: plm('minutes.commentBack') }]} required />
              <TextArea {...cv('comment')} label={plm('f.comment')} rows={4} />
              <Button>{plm('minutes.answer')}</Button>
            </Form>
          </>
        ) : null}
      </>
    ),
  });
}

meetingsAdmin.get('/records/:slug/meetings', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), READ);
  return listPage(c, program, roles);
});

meetingsAdmin.post('/records/:slug/meetings', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), EDIT);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => createMeeting(ctx, program.id, f),
    rerender: (errors, status) => listPage(c, program, roles, { values: f, errors, status }),
    flash: plm('flash.meetingCreated'),
    redirect: listHref(program),
  });
});

meetingsAdmin.get('/records/meetings/:id{[0-9]+}', async (c) => {
  const { row, program, roles } = await meetingFor(c, READ);
  return meetingPage(c, program, roles, row);
});

/** A POST on one meeting: the form's fields, the command, the page again with errors, or back to the meeting. */
function meetingPost(roles: Role[], which: FormState['form'], flash: (r: unknown) => string, run: (ctx: Parameters<typeof saveMinutes>[0], id: number, f: Record<string, string>) => Promise<unknown>) {
  return async (c: AppContext) => {
    const { row, program, roles: mine } = await meetingFor(c, roles);
    const f = await formFields(c);
    return submitForm(c, {
      role: primaryRole(mine),
      run: (ctx) => run(ctx, row.id, f),
      rerender: async (errors, status) => meetingPage(c, program, mine, (await findMeeting(c.get('deps').db, row.id)) ?? row, { values: f, errors, status, form: which }),
      flash,
      redirect: meetingHref(row),
    });
  };
}

meetingsAdmin.post('/records/meetings/:id{[0-9]+}/minutes', meetingPost(EDIT, 'minutes', () => plm('flash.minutesSaved'), (ctx, id, f) => saveMinutes(ctx, id, f)));
meetingsAdmin.post('/records/meetings/:id{[0-9]+}/actions', meetingPost(EDIT, 'action', () => plm('flash.actionAdded'), (ctx, id, f) => addActionItem(ctx, id, f)));
meetingsAdmin.post('/records/meetings/:id{[0-9]+}/send', meetingPost(EDIT, undefined, () => plm('flash.minutesSent'), (ctx, id) => sendMinutes(ctx, id)));
meetingsAdmin.post(
  '/records/meetings/:id{[0-9]+}/answer',
  meetingPost(CITY, 'answer', (r) => plm(r === 'confirm' ? 'flash.minutesConfirmed' : 'flash.minutesCommented'), (ctx, id, f) => answerMinutes(ctx, id, f)),
);

meetingsAdmin.get('/records/meetings/:id{[0-9]+}/minutes.pdf', async (c) => {
  const { row, program } = await meetingFor(c, READ);
  const items = await listActionItems(c.get('deps').db, row.id);
  return pdfBytesResponse(`議事録_${row.heldOn}`, await minutesPdf(program, row, items));
});
