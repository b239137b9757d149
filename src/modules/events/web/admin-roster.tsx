import { Hono } from 'hono';
import { exportResponse } from '../../../platform/exports/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import { Button, DescriptionList, Form, SelectField, StatusBadge, Table, Checkbox } from '../../../ui/index.js';
import { eventConfig } from '../config.js';
import { ACCOMMODATION_LABELS, ATTENDANCE_LABELS, CHANNEL_LABELS, STATUS_LABELS, eventDateText } from '../format.js';
import { am } from '../messages.js';
import { drawNameCards } from '../pdf/name-cards.js';
import { drawReceptionList } from '../pdf/reception-list.js';
import { foldKana } from '../person.js';
import { rosterCounts } from '../queries.js';
import { ROSTER_COLUMNS } from '../roster.js';
import { adminBase, crumbs, filenameDate, rosterFilter } from './admin-common.js';
import { READ_ROLES, RUN_ROLES, staffEvent, staffRoster } from './load.js';

export const eventsAdminRoster = new Hono<AppEnv>();

const tally = (rec: Record<string, number>, labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, label]) => am('fmt.tally', { label, count: rec[k] ?? 0 }))
    .join('／');

/** The event's back-office home: counts by status, channel and attendance, and every tool. */
eventsAdminRoster.get('/events/:slug', async (c) => {
  const { program } = await staffEvent(c, READ_ROLES);
  const cfg = eventConfig(program);
  const counts = await rosterCounts(c.get('deps').db, program.id);
  const base = adminBase(program);
  return adminPage(c, {
    title: program.name,
    breadcrumbs: crumbs(program).slice(0, 2),
    children: (
      <>
        <DescriptionList
          items={[
            { term: am('term.date'), detail: eventDateText(cfg) },
            { term: am('term.venue'), detail: am('home.venue', { venue: cfg.venueName, capacity: cfg.capacity }) },
            { term: am('term.online'), detail: cfg.onlineEnabled ? am('home.online', { capacity: cfg.onlineCapacity ?? am('home.noLimit') }) : am('term.none') },
            { term: am('home.byStatus'), detail: tally(counts.byStatus, STATUS_LABELS) },
            { term: am('home.byChannel'), detail: tally(counts.byChannel, CHANNEL_LABELS) },
            { term: am('home.byAttendance'), detail: tally(counts.byAttendance, ATTENDANCE_LABELS) },
            { term: am('term.checkin'), detail: am('home.checkedIn', { checkedIn: counts.checkedIn, walkIns: counts.walkIns }) },
          ]}
        />
        <ul class="app-link-list">
          <li><a href={`${base}/roster`}>{am('home.linkRoster')}</a></li>
          <li><a href={`${base}/registrations/new`}>{am('home.linkEntry')}</a></li>
          <li><a href={`${base}/to-send`}>{am('home.linkToSend')}</a></li>
          <li><a href={`${base}/groups`}>{am('home.linkGroups')}</a></li>
          <li><a href={`${base}/checkin`}>{am('home.linkCheckin')}</a></li>
          <li><a href={`${base}/setup`}>{am('home.linkSetup')}</a></li>
        </ul>
      </>
    ),
  });
});

/** The searchable roster; opening it is an audited view of personal data. */
eventsAdminRoster.get('/events/:slug/roster', async (c) => {
  const { program, roles } = await staffEvent(c, READ_ROLES);
  const filter = rosterFilter(c);
  const rows = await staffRoster(c, roles, program, filter, { action: 'viewed', what: 'roster page' });
  const base = adminBase(program);
  const qs = new URLSearchParams(Object.entries(c.req.query()).filter(([, v]) => v)).toString();
  const opt = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
  return adminPage(c, {
    title: am('roster.title'),
    breadcrumbs: crumbs(program, { label: am('roster.title') }),
    children: (
      <>
        <Form action={`${base}/roster`} method="get" label={am('roster.filter')}>
          <SelectField name="status" label={am('term.status')} value={filter.status} emptyOption={am('term.all')} options={opt(STATUS_LABELS)} />
          <SelectField name="channel" label={am('term.channel')} value={filter.channel} emptyOption={am('term.all')} options={opt(CHANNEL_LABELS)} />
          <SelectField name="attendance" label={am('term.attendance')} value={filter.attendance} emptyOption={am('term.all')} options={opt(ATTENDANCE_LABELS)} />
          <Checkbox name="needs" label={am('roster.needsOnly')} checked={filter.needs} />
          <Button preventDoubleSubmit={false}>{am('roster.apply')}</Button>
        </Form>
        <p>
          <a href={`${base}/roster.xlsx${qs ? `?${qs}` : ''}`}>{am('roster.xlsx')}</a>
          {' ／ '}
          <a href={`${base}/reception.pdf`}>{am('roster.receptionPdf')}</a>
          {' ／ '}
          <a href={`${base}/name-cards.pdf`}>{am('roster.nameCardsPdf')}</a>
        </p>
        <Table
          caption={am('roster.caption', { count: rows.length })}
          columns={[
            { key: 'number', header: am('term.no'), numeric: true, rowHeader: true },
            { key: 'status', header: am('term.status') },
            { key: 'name', header: am('term.name') },
            { key: 'org', header: am('term.org') },
            { key: 'attendance', header: am('term.attendance') },
            { key: 'channel', header: am('term.channel') },
            { key: 'needs', header: am('term.needs') },
            { key: 'notes', header: am('roster.check') },
          ]}
          rows={rows.map(({ r, p }) => ({
            number: <a href={`/admin/events/registrations/${r.id}`}>{r.number}</a>,
            status: <StatusBadge tone={r.status === 'confirmed' ? 'success' : r.status === 'waitlisted' ? 'warning' : 'neutral'}>{STATUS_LABELS[r.status]}</StatusBadge>,
            name: (
              <>
                {p.name}
                <br />
                <span class="app-hint">{p.nameKana}</span>
              </>
            ),
            org: [p.organization, p.orgRole].filter(Boolean).join(' '),
            attendance: ATTENDANCE_LABELS[r.attendance],
            channel: am('fmt.withDate', { label: CHANNEL_LABELS[r.channel], date: r.receivedOn }),
            needs: [...r.accommodations.map((a) => ACCOMMODATION_LABELS[a]), p.accommodationNote ? am('roster.noteYes') : ''].filter(Boolean).join('・') || '—',
            notes: [r.possibleDuplicateOf ? am('term.possibleDuplicate') : '', r.printStatus === 'to-send' ? am('roster.unsent') : '', r.checkedInAt ? am('roster.present') : ''].filter(Boolean).join('・') || '—',
          }))}
          emptyMessage={am('roster.empty')}
        />
      </>
    ),
  });
});

eventsAdminRoster.get('/events/:slug/roster.xlsx', async (c) => {
  const { program, roles } = await staffEvent(c, READ_ROLES);
  const filter = rosterFilter(c);
  const rows = await staffRoster(c, roles, program, filter, { action: 'exported', what: 'roster.xlsx' });
  return exportResponse('xlsx', am('file.roster', { slug: program.slug, date: filenameDate(c) }), rows, ROSTER_COLUMNS, am('file.rosterSheet'));
});

const byKana = (a: { p: { nameKana: string } }, b: { p: { nameKana: string } }) => foldKana(a.p.nameKana).localeCompare(foldKana(b.p.nameKana), 'ja');

eventsAdminRoster.get('/events/:slug/reception.pdf', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const rows = await staffRoster(c, roles, program, { status: 'confirmed', attendance: 'venue' }, { action: 'printed', what: 'reception list' });
  return pdfResponse(am('file.reception', { slug: program.slug }), (doc) => drawReceptionList(doc, program, rows.sort(byKana)), { title: am('receptionPdf.title', { program: program.name }), margin: 36 });
});

eventsAdminRoster.get('/events/:slug/name-cards.pdf', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const rows = await staffRoster(c, roles, program, { status: 'confirmed', attendance: 'venue' }, { action: 'printed', what: 'name cards' });
  return pdfResponse(am('file.nameCards', { slug: program.slug }), (doc) => drawNameCards(doc, rows.sort(byKana)), { title: am('nameCardsPdf.title', { program: program.name }), margin: 0 });
});
