import { Hono } from 'hono';
import { formatJaDate } from '../../../platform/calendar/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole, requireProgramRole } from '../../../platform/http/guards.js';
import { runAs } from '../../../platform/http/run-as.js';
import type { FieldError } from '../../../platform/errors/index.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import type { Role } from '../../../platform/auth/schema.js';
import type { Program } from '../../../platform/programs/schema.js';
import { Button, ButtonLink, DateField, ErrorSummary, Form, RadioGroup, StatusBadge, Table, TextArea, TextField, errorFor } from '../../../ui/index.js';
import { decideStaff, endStaff, requestStaff } from '../commands/staff.js';
import { pm, type PrivacyMessageKey } from '../messages.js';
import { listStaff, type StaffRow } from '../queries.js';
import { heldFileCounts } from '../files/queries.js';
import { drawRoster } from '../roster-pdf.js';
import { STAFF_KINDS } from '../schema.js';
import { enforcesStaffRoster } from '../settings.js';
import { DECIDE_ROLES, READ_ROLES, REQUEST_ROLES, staffEntryFor } from './load.js';

export const privacyAdmin = new Hono<AppEnv>();

const base = (p: Program) => `/admin/privacy/${p.slug}`;
const kindLabel = (k: string) => pm(`kind.${k}` as PrivacyMessageKey);
const statusLabel = (s: string) => pm(`status.${s}` as PrivacyMessageKey);
const tone = (s: string) => (s === 'approved' ? 'success' : s === 'requested' ? 'warning' : 'neutral') as 'success' | 'warning' | 'neutral';

async function staffPage(c: AppContext, program: Program, roles: Role[], form: { errors: FieldError[]; values: Record<string, string>; status: number } = { errors: [], values: {}, status: 200 }) {
  // Audited like any view of people's data, but not refused by the roster gate: the roster page is
  // where someone who is not (yet) on it is requested for it.
  const { rows, scans } = await runAs(c, primaryRole(roles), async (ctx) => {
    ctx.audit({ action: 'privacy.roster.page_viewed', programId: program.id, targetType: 'program', targetId: program.id });
    return { rows: await listStaff(ctx.tx, program.id), scans: await heldFileCounts(ctx.tx, program.id, 'staff') };
  });
  const canRequest = roles.some((r) => REQUEST_ROLES.includes(r));
  const canDecide = roles.some((r) => DECIDE_ROLES.includes(r));
  const live = rows.filter((r) => r.status === 'requested' || r.status === 'approved');
  const past = rows.filter((r) => r.status === 'ended' || r.status === 'rejected');
  const v = (name: string) => ({ name, value: form.values[name] ?? '', error: errorFor(form.errors, name) });
  const actions = (r: StaffRow) => (
    <>
      {canDecide && r.status === 'requested' ? (
        <Form action={`/admin/privacy/staff/${r.id}/decision`} csrfToken={csrfToken(c)}>
          <TextField name="comment" label={pm('decide.comment')} width="md" />
          <Button size="sm" name="decision" value="approve">
            {pm('decide.approve')}
          </Button>{' '}
          <Button size="sm" variant="secondary" name="decision" value="reject">
            {pm('decide.reject')}
          </Button>
        </Form>
      ) : null}
      {canRequest ? (
        <Form action={`/admin/privacy/staff/${r.id}/end`} csrfToken={csrfToken(c)}>
          <Button size="sm" variant="danger">
            {pm('end.button')}
          </Button>
        </Form>
      ) : null}
    </>
  );
  const columns = [
    { key: 'name', header: pm('col.name'), rowHeader: true },
    { key: 'kind', header: pm('col.kind') },
    { key: 'affiliation', header: pm('col.affiliation') },
    { key: 'duties', header: pm('col.duties') },
    { key: 'trainedOn', header: pm('col.trainedOn') },
    { key: 'pledgedOn', header: pm('col.pledgedOn') },
    { key: 'reason', header: pm('col.reason') },
    { key: 'status', header: pm('col.status') },
  ];
  const cells = (r: StaffRow) => ({
    name: `${r.name || r.email}（${r.email}）`,
    kind: kindLabel(r.kind),
    affiliation: r.affiliation || '—',
    duties: r.duties,
    trainedOn: r.trainedOn ? formatJaDate(r.trainedOn) : '—',
    pledgedOn: (
      <>
        {r.pledgedOn ? formatJaDate(r.pledgedOn) : '—'}
        <br />
        <a href={`/admin/privacy/staff/${r.id}/pledge`}>{pm('pledge.link', { n: scans.get(r.id) ?? 0 })}</a>
      </>
    ),
    reason: r.reason || '—',
    status: <StatusBadge tone={tone(r.status)}>{statusLabel(r.status)}</StatusBadge>,
  });
  return adminPage(c, {
    title: pm('staff.title'),
    breadcrumbs: [{ label: program.name, href: '/admin' }, { label: pm('staff.title') }],
    notice: form.errors.length ? <ErrorSummary errors={form.errors} /> : undefined,
    hasErrors: form.errors.length > 0,
    status: form.status,
    children: (
      <>
        <p>{pm('staff.intro')}</p>
        <p>{enforcesStaffRoster(program) ? pm('staff.enforced') : pm('staff.notEnforced')}</p>
        <p>
          <ButtonLink href={`${base(program)}/staff.pdf`} variant="secondary">
            {pm('pdf.button')}
          </ButtonLink>
        </p>
        <h2 class="app-heading-2">{pm('staff.current')}</h2>
        <Table
          caption={pm('staff.current')}
          columns={[...columns, { key: 'actions', header: pm('col.actions') }]}
          rows={live.map((r) => ({ ...cells(r), actions: actions(r) }))}
          emptyMessage={pm('staff.empty')}
        />
        <h2 class="app-heading-2">{pm('staff.history')}</h2>
        <Table caption={pm('staff.history')} columns={[...columns, { key: 'decided', header: pm('col.decided') }]} rows={past.map((r) => ({ ...cells(r), decided: r.decisionComment || '—' }))} emptyMessage={pm('staff.empty')} />
        {canRequest ? (
          <>
            <h2 class="app-heading-2">{pm('form.heading')}</h2>
            <Form action={`${base(program)}/staff`} csrfToken={csrfToken(c)}>
              <TextField {...v('email')} label={pm('form.email')} type="email" width="lg" required />
              <RadioGroup {...v('kind')} label={pm('form.kind')} options={STAFF_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} />
              <TextField {...v('affiliation')} label={pm('form.affiliation')} width="lg" />
              <TextArea {...v('duties')} label={pm('form.duties')} rows={2} />
              <DateField {...v('trainedOn')} label={pm('form.trainedOn')} />
              <DateField {...v('pledgedOn')} label={pm('form.pledgedOn')} />
              <TextArea {...v('reason')} label={pm('form.reason')} rows={2} />
              <Button>{pm('form.submit')}</Button>
            </Form>
          </>
        ) : null}
      </>
    ),
  });
}

privacyAdmin.get('/privacy/:slug/staff', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), READ_ROLES);
  return staffPage(c, program, roles);
});

privacyAdmin.post('/privacy/:slug/staff', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), REQUEST_ROLES);
  const f = await formFields(c);
  const input = Object.fromEntries(Object.entries(f).filter(([k, v]) => !k.startsWith('_') && v !== ''));
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => requestStaff(ctx, program.id, input),
    rerender: (errors, status) => staffPage(c, program, roles, { errors, values: f, status }),
    flash: pm('flash.requested'),
    redirect: `${base(program)}/staff`,
  });
});

privacyAdmin.get('/privacy/:slug/staff.pdf', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), READ_ROLES);
  const deps = c.get('deps');
  const rows = await runAs(c, primaryRole(roles), async (ctx) => {
    ctx.audit({ action: 'privacy.roster.exported', programId: program.id, targetType: 'program', targetId: program.id, diff: { format: 'pdf' } });
    return listStaff(ctx.tx, program.id);
  });
  return pdfResponse(pm('file.roster', { slug: program.slug }), (doc) => drawRoster(doc, program, rows, deps.clock.now()), { title: pm('pdf.title') });
});

privacyAdmin.post('/privacy/staff/:id{[0-9]+}/decision', async (c) => {
  const { entry, program, roles } = await staffEntryFor(c, DECIDE_ROLES);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => decideStaff(ctx, entry.id, { decision: f.decision, comment: f.comment || undefined }),
    flash: f.decision === 'approve' ? pm('flash.approved') : pm('flash.rejected'),
    redirect: `${base(program)}/staff`,
  });
});

privacyAdmin.post('/privacy/staff/:id{[0-9]+}/end', async (c) => {
  const { entry, program, roles } = await staffEntryFor(c, REQUEST_ROLES);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => endStaff(ctx, entry.id),
    flash: pm('flash.ended'),
    redirect: `${base(program)}/staff`,
  });
});

