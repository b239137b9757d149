import { Hono } from 'hono';
import type { AuditAction } from '../../../platform/audit/actions.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import { programScope } from '../../../platform/vault/index.js';
import { Button, ConfirmForm, DescriptionList, Form, StatusBadge, Table } from '../../../ui/index.js';
import { cancelRegistration } from '../commands/cancel-registration.js';
import { checkIn } from '../commands/check-in.js';
import { markPrintSent } from '../commands/mark-print-sent.js';
import { mergeRegistration } from '../commands/merge-registration.js';
import { ATTENDANCE_LABELS, CHANNEL_LABELS, STATUS_LABELS, accommodationText } from '../format.js';
import { linkToken, manageUrl } from '../link-token.js';
import { am } from '../messages.js';
import { drawConfirmationSheet } from '../pdf/confirmation-sheet.js';
import { openPerson } from '../person.js';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { adminBase, crumbs } from './admin-common.js';
import { READ_ROLES, RUN_ROLES, formId, staffEvent, staffRegistration, staffRoster } from './load.js';
import { runAs } from '../../../platform/http/run-as.js';

export const eventsAdminRegistration = new Hono<AppEnv>();

/** Opens one registration for a staff page or print, auditing the access. */
async function openOne(c: AppContext, roles: typeof READ_ROLES, action: AuditAction) {
  const found = await staffRegistration(c, roles);
  const { program, registration: r } = found;
  return runAs(c, primaryRole(found.roles), async (ctx) => {
    const box = await ctx.deps.vault.box(ctx.tx, programScope(program.id));
    ctx.audit({ action, programId: program.id, targetType: 'event_registration', targetId: r.id });
    return { ...found, p: openPerson(box, r), link: manageUrl(ctx.deps.config.publicBaseUrl, program.slug, linkToken(box, r.linkNonce)) };
  });
}

eventsAdminRegistration.get('/events/registrations/:id', async (c) => {
  const { program, registration: r, p, roles } = await openOne(c, READ_ROLES, 'events.registration.viewed');
  const canRun = roles.some((x) => RUN_ROLES.includes(x));
  const live = r.status === 'confirmed' || r.status === 'waitlisted';
  const base = `/admin/events/registrations/${r.id}`;
  return adminPage(c, {
    title: am('term.numberN', { number: r.number }),
    breadcrumbs: crumbs(program, { label: am('roster.title'), href: `${adminBase(program)}/roster` }, { label: am('term.numberN', { number: r.number }) }),
    children: (
      <>
        <DescriptionList
          items={[
            { term: am('term.status'), detail: <StatusBadge tone={r.status === 'confirmed' ? 'success' : 'neutral'}>{STATUS_LABELS[r.status]}</StatusBadge> },
            { term: am('term.name'), detail: `${p.name}（${p.nameKana}）` },
            { term: am('term.orgAndRole'), detail: [p.organization, p.orgRole].filter(Boolean).join(' ') || '—' },
            {
              term: am('term.contact'),
              detail: [p.email && am('fmt.contactEmail', { email: p.email }), p.phone && am('fmt.contactPhone', { phone: p.phone }), p.fax && am('fmt.contactFax', { fax: p.fax })].filter(Boolean).join('／') || '—',
            },
            { term: am('term.attendance'), detail: ATTENDANCE_LABELS[r.attendance] },
            { term: am('term.channelAndDate'), detail: am('fmt.withDate', { label: CHANNEL_LABELS[r.channel], date: r.receivedOn }) },
            { term: am('term.accommodations'), detail: accommodationText(r.accommodations, p.accommodationNote) || '—' },
            { term: am('term.question'), detail: p.question || '—' },
            {
              term: am('term.confirmation'),
              detail: r.printStatus === 'to-send' ? am('reg.printToSend') : r.printStatus === 'sent' ? am('reg.printSent', { at: tokyoDateTime(r.printSentAt!) }) : am('reg.printByMail'),
            },
            { term: am('term.checkin'), detail: r.checkedInAt ? am('reg.presentAt', { at: tokyoDateTime(r.checkedInAt) }) : '—' },
            ...(r.possibleDuplicateOf
              ? [{ term: am('term.possibleDuplicate'), detail: <a href={`/admin/events/registrations/${r.possibleDuplicateOf}`}>{am('reg.duplicateLink', { id: r.possibleDuplicateOf })}</a> }]
              : []),
          ]}
        />
        <p>
          <a href={`${base}/confirmation.pdf`}>{am('reg.print')}</a>
        </p>
        {canRun && r.printStatus === 'to-send' && (
          <Form action={`${base}/sent`} csrfToken={csrfToken(c)}>
            <Button variant="secondary">{am('reg.markSent')}</Button>
          </Form>
        )}
        {canRun && live && r.possibleDuplicateOf && (
          <Form action={`${base}/merge`} csrfToken={csrfToken(c)}>
            <input type="hidden" name="keepId" value={String(r.possibleDuplicateOf)} />
            <Button variant="secondary">{am('reg.merge', { id: r.possibleDuplicateOf })}</Button>
          </Form>
        )}
        {canRun && live && (
          <p>
            <a href={`${base}/cancel`}>{am('reg.cancelLink')}</a>
          </p>
        )}
      </>
    ),
  });
});

eventsAdminRegistration.get('/events/registrations/:id/confirmation.pdf', async (c) => {
  const { program, registration: r, p, link } = await openOne(c, RUN_ROLES, 'events.confirmation.printed');
  const now = c.get('deps').clock.now();
  return pdfResponse(am('file.confirmation', { number: r.number }), (doc) => drawConfirmationSheet(doc, program, r, p, link, now), { title: am('confirmationPdf.title', { number: r.number }) }, true);
});

eventsAdminRegistration.post('/events/registrations/:id/sent', async (c) => {
  const { program, registration: r, roles } = await staffRegistration(c, RUN_ROLES);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => markPrintSent(ctx, program.id, r.id),
    flash: am('reg.sentDone', { number: r.number }),
    redirect: `${adminBase(program)}/to-send`,
  });
});

eventsAdminRegistration.post('/events/registrations/:id/merge', async (c) => {
  const { program, registration: r, roles } = await staffRegistration(c, RUN_ROLES);
  const keepId = formId((await formFields(c)).keepId);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => mergeRegistration(ctx, program, r.id, keepId),
    flash: am('reg.mergeDone', { number: r.number }),
    redirect: `/admin/events/registrations/${keepId}`,
  });
});

eventsAdminRegistration.get('/events/registrations/:id/cancel', async (c) => {
  const { program, registration: r } = await staffRegistration(c, RUN_ROLES);
  return adminPage(c, {
    title: am('reg.cancelTitle', { number: r.number }),
    breadcrumbs: crumbs(program, { label: am('term.numberN', { number: r.number }), href: `/admin/events/registrations/${r.id}` }, { label: am('reg.cancelCrumb') }),
    children: (
      <ConfirmForm action={`/admin/events/registrations/${r.id}/cancel`} csrfToken={csrfToken(c)} submitLabel={am('reg.cancelSubmit')} cancelHref={`/admin/events/registrations/${r.id}`} danger>
        <p>{am('reg.cancelBody')}</p>
      </ConfirmForm>
    ),
  });
});

eventsAdminRegistration.post('/events/registrations/:id/cancel', async (c) => {
  const { program, registration: r, roles } = await staffRegistration(c, RUN_ROLES);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => cancelRegistration(ctx, program, r.id, 'staff'),
    flash: ({ promoted }) =>
      am('reg.cancelDone', {
        number: r.number,
        promoted: promoted.length ? am('reg.cancelPromoted', { numbers: promoted.map((x) => x.number).join(am('fmt.listSeparator')) }) : '',
      }),
    redirect: `/admin/events/registrations/${r.id}`,
  });
});

eventsAdminRegistration.post('/events/registrations/:id/checkin', async (c) => {
  const { program, registration: r, roles } = await staffRegistration(c, RUN_ROLES);
  const back = (await formFields(c)).q;
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => checkIn(ctx, program.id, r.id),
    flash: am('checkin.done', { number: r.number }),
    redirect: `${adminBase(program)}/checkin${back ? `?q=${encodeURIComponent(back)}` : ''}`,
  });
});

/** Printed confirmations owed to FAX and postal applicants. */
eventsAdminRegistration.get('/events/:slug/to-send', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const rows = await staffRoster(c, roles, program, { toSend: true }, { action: 'viewed', what: 'to-send list' });
  return adminPage(c, {
    title: am('toSend.title'),
    breadcrumbs: crumbs(program, { label: am('toSend.title') }),
    children: (
      <Table
        caption={am('toSend.caption', { count: rows.length })}
        columns={[
          { key: 'number', header: am('term.no'), numeric: true, rowHeader: true },
          { key: 'name', header: am('term.name') },
          { key: 'to', header: am('toSend.to') },
          { key: 'status', header: am('term.status') },
          { key: 'print', header: am('toSend.print') },
          { key: 'sent', header: am('toSend.sent') },
        ]}
        rows={rows.map(({ r, p }) => ({
          number: <a href={`/admin/events/registrations/${r.id}`}>{r.number}</a>,
          name: p.name,
          to: p.fax ? am('fmt.contactFax', { fax: p.fax }) : p.phone ? am('toSend.postWithPhone', { phone: p.phone }) : am('toSend.post'),
          status: STATUS_LABELS[r.status],
          print: <a href={`/admin/events/registrations/${r.id}/confirmation.pdf`}>{am('toSend.pdf')}</a>,
          sent: (
            <Form action={`/admin/events/registrations/${r.id}/sent`} csrfToken={csrfToken(c)}>
              <Button size="sm" variant="secondary">
                {am('toSend.markSent')}
              </Button>
            </Form>
          ),
        }))}
        emptyMessage={am('toSend.empty')}
      />
    ),
  });
});
