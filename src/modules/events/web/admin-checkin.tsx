import { Hono } from 'hono';
import { submitForm } from '../../../platform/http/form-action.js';
import { runCommand } from '../../../platform/command.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, DescriptionList, ErrorSummary, Form, StatusBadge, TextField, errorFor } from '../../../ui/index.js';
import { registerParticipant } from '../commands/register-participant.js';
import { accommodationText, STATUS_LABELS } from '../format.js';
import { foldKana } from '../person.js';
import { rosterCounts } from '../queries.js';
import { readRoster } from '../roster.js';
import { adminBase, crumbs } from './admin-common.js';
import { RUN_ROLES, staffEvent } from './load.js';

export const eventsAdminCheckin = new Hono<AppEnv>();

/** The reception desk on a phone: find by number or kana, one button to mark present; walk-ins. */
eventsAdminCheckin.get('/events/:slug/checkin', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const deps = c.get('deps');
  const q = (c.req.query('q') ?? '').trim();
  const counts = await rosterCounts(deps.db, program.id);
  const found = q
    ? (await runCommand(deps, actorOf(c, primaryRole(roles)), (ctx) => readRoster(ctx, program, {}, { action: 'viewed', what: 'check-in search' }))).filter(
        ({ r, p }) => (r.status === 'confirmed' || r.status === 'waitlisted') && (/^\d+$/.test(q) ? r.number === Number(q) : foldKana(p.nameKana).includes(foldKana(q))),
      )
    : [];
  const base = adminBase(program);
  return adminPage(c, {
    title: '当日受付',
    breadcrumbs: crumbs(program, { label: '当日受付' }),
    children: (
      <>
        <p>
          出席 {counts.checkedIn}名／参加確定 {(counts.byStatus.confirmed ?? 0)}名（うち当日参加 {counts.walkIns}名）
        </p>
        <Form action={`${base}/checkin`} method="get" label="参加者の検索">
          <TextField name="q" label="受付番号またはふりがな" value={q} width="md" />
          <Button preventDoubleSubmit={false}>探す</Button>
        </Form>
        {q && found.length === 0 && <p>該当する方が見つかりません。</p>}
        {found.map(({ r, p }) => (
          <section aria-label={`受付番号 ${r.number}`}>
            <h2 class="app-heading-2">
              {r.number}　{p.name}
            </h2>
            <DescriptionList
              items={[
                { term: 'ふりがな', detail: p.nameKana },
                { term: '所属', detail: p.organization || '—' },
                { term: '状況', detail: <StatusBadge tone={r.checkedInAt ? 'success' : 'info'}>{r.checkedInAt ? '出席済み' : STATUS_LABELS[r.status]}</StatusBadge> },
                { term: '配慮', detail: accommodationText(r.accommodations, p.accommodationNote) || '—' },
              ]}
            />
            {!r.checkedInAt && (
              <Form action={`/admin/events/registrations/${r.id}/checkin`} csrfToken={csrfToken(c)}>
                <input type="hidden" name="q" value={q} />
                <Button>出席にする（{r.number}）</Button>
              </Form>
            )}
          </section>
        ))}
        <h2 class="app-heading-2">当日参加の方を追加する</h2>
        <Form action={`${base}/walk-in`} csrfToken={csrfToken(c)}>
          <TextField name="name" label="氏名" required width="md" />
          <TextField name="nameKana" label="ふりがな" required width="md" />
          <TextField name="organization" label="所属団体" width="md" />
          <Button>追加して出席にする</Button>
        </Form>
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
    flash: ({ registration }) => `当日参加として受付番号 ${registration.number} で登録し、出席にしました`,
    redirect: `${adminBase(program)}/checkin`,
    rerender: (errors, status) =>
      adminPage(c, {
        title: '当日受付',
        breadcrumbs: crumbs(program, { label: '当日受付' }),
        notice: <ErrorSummary errors={errors} />,
        hasErrors: true,
        status,
        children: (
          <Form action={`${adminBase(program)}/walk-in`} csrfToken={csrfToken(c)}>
            <TextField name="name" label="氏名" required width="md" value={f.name} error={errorFor(errors, 'name')} />
            <TextField name="nameKana" label="ふりがな" required width="md" value={f.nameKana} error={errorFor(errors, 'nameKana')} />
            <TextField name="organization" label="所属団体" width="md" value={f.organization} error={errorFor(errors, 'organization')} />
            <Button>追加して出席にする</Button>
          </Form>
        ),
      }),
  });
});
