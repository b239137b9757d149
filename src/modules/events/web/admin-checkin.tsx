import { Hono } from 'hono';
import { submitForm } from '../../../platform/http/form-action.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, DescriptionList, ErrorSummary, Form, StatusBadge, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { registerParticipant } from '../commands/register-participant.js';
import { accommodationText, STATUS_LABELS } from '../format.js';
import { am } from '../messages.js';
import { foldKana } from '../person.js';
import { rosterCounts } from '../queries.js';
import { adminBase, crumbs } from './admin-common.js';
import { RUN_ROLES, staffEvent, staffRoster } from './load.js';

export const eventsAdminCheckin = new Hono<AppEnv>();

/** The walk-in form: on the desk page, and again with the errors when a walk-in is refused. */
function WalkInForm(props: { c: AppContext; program: Program; values?: Record<string, string>; errors?: SummaryError[] }) {
  const v = props.values ?? {};
  const errors = props.errors ?? [];
  return (
    <Form action={`${adminBase(props.program)}/walk-in`} csrfToken={csrfToken(props.c)}>
      <TextField name="name" label={am('term.name')} required width="md" value={v.name} error={errorFor(errors, 'name')} />
      <TextField name="nameKana" label={am('term.nameKana')} required width="md" value={v.nameKana} error={errorFor(errors, 'nameKana')} />
      <TextField name="organization" label={am('term.organization')} width="md" value={v.organization} error={errorFor(errors, 'organization')} />
      <Button>{am('checkin.walkInSubmit')}</Button>
    </Form>
  );
}

/** The reception desk on a phone: find by number or kana, one button to mark present; walk-ins. */
eventsAdminCheckin.get('/events/:slug/checkin', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const deps = c.get('deps');
  const q = (c.req.query('q') ?? '').trim();
  const counts = await rosterCounts(deps.db, program.id);
  const found = q
    ? (await staffRoster(c, roles, program, {}, { action: 'viewed', what: 'check-in search' })).filter(
        ({ r, p }) => (r.status === 'confirmed' || r.status === 'waitlisted') && (/^\d+$/.test(q) ? r.number === Number(q) : foldKana(p.nameKana).includes(foldKana(q))),
      )
    : [];
  const base = adminBase(program);
  return adminPage(c, {
    title: am('term.checkin'),
    breadcrumbs: crumbs(program, { label: am('term.checkin') }),
    children: (
      <>
        <p>{am('checkin.counts', { checkedIn: counts.checkedIn, confirmed: counts.byStatus.confirmed ?? 0, walkIns: counts.walkIns })}</p>
        <Form action={`${base}/checkin`} method="get" label={am('checkin.searchLabel')}>
          <TextField name="q" label={am('checkin.q')} value={q} width="md" />
          <Button preventDoubleSubmit={false}>{am('checkin.search')}</Button>
        </Form>
        {q && found.length === 0 && <p>{am('checkin.none')}</p>}
        {found.map(({ r, p }) => (
          <section aria-label={am('term.numberN', { number: r.number })}>
            <h2 class="app-heading-2">{am('checkin.personHeading', { number: r.number, name: p.name })}</h2>
            <DescriptionList
              items={[
                { term: am('term.nameKana'), detail: p.nameKana },
                { term: am('term.org'), detail: p.organization || '—' },
                { term: am('term.status'), detail: <StatusBadge tone={r.checkedInAt ? 'success' : 'info'}>{r.checkedInAt ? am('checkin.present') : STATUS_LABELS[r.status]}</StatusBadge> },
                { term: am('term.needs'), detail: accommodationText(r.accommodations, p.accommodationNote) || '—' },
              ]}
            />
            {!r.checkedInAt && (
              <Form action={`/admin/events/registrations/${r.id}/checkin`} csrfToken={csrfToken(c)}>
                <input type="hidden" name="q" value={q} />
                <Button>{am('checkin.mark', { number: r.number })}</Button>
              </Form>
            )}
          </section>
        ))}
        <h2 class="app-heading-2">{am('checkin.walkInHeading')}</h2>
        <WalkInForm c={c} program={program} />
      </>
    ),
  });
});

eventsAdminCheckin.post('/events/:slug/walk-in', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => registerParticipant(ctx, program, { name: f.name, nameKana: f.nameKana, organization: f.organization ?? '', attendance: 'venue', channel: 'walk-in' }, { staff: true }),
    flash: ({ registration }) => am('checkin.walkInDone', { number: registration.number }),
    redirect: `${adminBase(program)}/checkin`,
    rerender: (errors, status) =>
      adminPage(c, {
        title: am('term.checkin'),
        breadcrumbs: crumbs(program, { label: am('term.checkin') }),
        notice: <ErrorSummary errors={errors} />,
        hasErrors: true,
        status,
        children: <WalkInForm c={c} program={program} values={f} errors={errors} />,
      }),
  });
});
