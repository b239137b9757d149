import { Hono } from 'hono';
import { formatJaDate, tokyoDateTime } from '../../../platform/calendar/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole, requireAuth, requireProgramRole, requireProgramRoleById } from '../../../platform/http/guards.js';
import { idParam } from '../../../platform/http/params.js';
import { runAs } from '../../../platform/http/run-as.js';
import { AppError, type FieldError } from '../../../platform/errors/index.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import type { Role } from '../../../platform/auth/schema.js';
import type { Program } from '../../../platform/programs/schema.js';
import { Button, ButtonLink, Checkbox, DateField, DescriptionList, ErrorSummary, Form, RadioGroup, StatusBadge, Table, TextArea, TextField, errorFor } from '../../../ui/index.js';
import { reportIncident, updateIncident } from '../incidents/commands.js';
import { im } from '../incidents/messages.js';
import { drawIncident } from '../incidents/pdf.js';
import { findIncident, incidentTimeline, listIncidents } from '../incidents/queries.js';
import type { Incident } from '../schema.js';

export const privacyIncidentsAdmin = new Hono<AppEnv>();

const REPORT_ROLES: Role[] = ['admin', 'operator', 'agent'];
const READ_ROLES: Role[] = ['admin', 'operator', 'city'];
const UPDATE_ROLES: Role[] = ['admin', 'operator', 'city'];

const due = (d: string | null, reported: string | null) => (d ? (reported ? im('reported', { date: formatJaDate(reported) }) : formatJaDate(d)) : '—');

async function listPage(c: AppContext, program: Program, roles: Role[], form: { errors: FieldError[]; values: Record<string, string>; status: number } = { errors: [], values: {}, status: 200 }) {
  const rows = await listIncidents(c.get('deps').db, program.id);
  const v = (name: string) => ({ name, value: form.values[name] ?? '', error: errorFor(form.errors, name) });
  const canReport = roles.some((r) => REPORT_ROLES.includes(r));
  return adminPage(c, {
    title: im('listTitle'),
    breadcrumbs: [{ label: program.name, href: '/admin' }, { label: im('listTitle') }],
    notice: form.errors.length ? <ErrorSummary errors={form.errors} /> : undefined,
    hasErrors: form.errors.length > 0,
    status: form.status,
    children: (
      <>
        <p>{im('intro')}</p>
        <Table
          caption={im('listTitle')}
          columns={[
            { key: 'id', header: im('col.id'), rowHeader: true },
            { key: 'title', header: im('col.title') },
            { key: 'discoveredOn', header: im('col.discoveredOn') },
            { key: 'preliminary', header: im('col.preliminary') },
            { key: 'final', header: im('col.final') },
            { key: 'status', header: im('col.status') },
          ]}
          rows={rows.map((i) => ({
            id: <a href={`/admin/privacy/incidents/${i.id}`}>No.{i.id}</a>,
            title: i.title,
            discoveredOn: formatJaDate(i.discoveredOn),
            preliminary: due(i.preliminaryDueOn, i.preliminaryReportedOn),
            final: due(i.finalDueOn, i.finalReportedOn),
            status: <StatusBadge tone={i.status === 'open' ? 'warning' : 'neutral'}>{im(`status.${i.status}`)}</StatusBadge>,
          }))}
          emptyMessage={im('empty')}
        />
        {canReport ? (
          <>
            <h2 class="app-heading-2">{im('newHeading')}</h2>
            <Form action={`/admin/privacy/${program.slug}/incidents`} csrfToken={csrfToken(c)}>
              <TextArea {...v('title')} label={im('f.title')} rows={2} />
              <DateField {...v('occurredOn')} label={im('f.occurredOn')} />
              <DateField {...v('discoveredOn')} label={im('f.discoveredOn')} />
              <TextArea {...v('dataKinds')} label={im('f.dataKinds')} rows={2} />
              <TextField {...v('people')} label={im('f.people')} inputmode="numeric" width="sm" />
              <TextArea {...v('cause')} label={im('f.cause')} rows={2} />
              <TextArea {...v('measures')} label={im('f.measures')} rows={2} />
              <TextArea {...v('prevention')} label={im('f.prevention')} rows={2} />
              <Checkbox name="reportable" label={im('f.reportable')} checked={form.values.reportable === 'true'} />
              <Checkbox name="malicious" label={im('f.malicious')} checked={form.values.malicious === 'true'} />
              <Button>{im('submit')}</Button>
            </Form>
          </>
        ) : null}
      </>
    ),
  });
}

/** An incident by `:id` for staff of its program holding one of `roles`. */
async function incidentFor(c: AppContext, roles: Role[]): Promise<{ incident: Incident; program: Program; roles: Role[] }> {
  const auth = requireAuth(c);
  if (!auth.grants.some((g) => roles.includes(g.role))) throw new AppError('forbidden');
  const incident = await findIncident(c.get('deps').db, idParam(c));
  if (!incident) throw new AppError('not-found');
  const found = await requireProgramRoleById(c, incident.programId, roles);
  return { incident, program: found.program, roles: found.roles };
}

privacyIncidentsAdmin.get('/privacy/:slug/incidents', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), [...new Set([...READ_ROLES, ...REPORT_ROLES])]);
  return listPage(c, program, roles);
});

privacyIncidentsAdmin.post('/privacy/:slug/incidents', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), REPORT_ROLES);
  const f = await formFields(c);
  const input = Object.fromEntries(Object.entries(f).filter(([k]) => !k.startsWith('_')));
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => reportIncident(ctx, program.id, input),
    rerender: (errors, status) => listPage(c, program, roles, { errors, values: f, status }),
    flash: im('flashReported'),
    redirect: (i) => `/admin/privacy/incidents/${i.id}`,
  });
});

async function detailPage(c: AppContext, incident: Incident, program: Program, roles: Role[], form: { errors: FieldError[]; values: Record<string, string>; status: number } = { errors: [], values: {}, status: 200 }) {
  const deps = c.get('deps');
  const timeline = await runAs(c, primaryRole(roles), async (ctx) => {
    ctx.audit({ action: 'privacy.incident.viewed', programId: program.id, targetType: 'privacy_incident', targetId: incident.id });
    return incidentTimeline(ctx.tx, incident.id);
  });
  const fresh = (await findIncident(deps.db, incident.id))!;
  return adminPage(c, {
    title: `${im('title')} No.${fresh.id}`,
    breadcrumbs: [{ label: program.name, href: '/admin' }, { label: im('listTitle'), href: `/admin/privacy/${program.slug}/incidents` }, { label: `No.${fresh.id}` }],
    notice: form.errors.length ? <ErrorSummary errors={form.errors} /> : undefined,
    hasErrors: form.errors.length > 0,
    status: form.status,
    children: (
      <>
        <DescriptionList
          items={[
            { term: im('f.title'), detail: fresh.title },
            { term: im('f.occurredOn'), detail: fresh.occurredOn ? formatJaDate(fresh.occurredOn) : im('unknown') },
            { term: im('f.discoveredOn'), detail: formatJaDate(fresh.discoveredOn) },
            { term: im('f.dataKinds'), detail: fresh.dataKinds },
            { term: im('f.people'), detail: fresh.people == null ? im('unknown') : String(fresh.people) },
            { term: im('f.cause'), detail: fresh.cause || '—' },
            { term: im('f.measures'), detail: fresh.measures || '—' },
            { term: im('f.prevention'), detail: fresh.prevention || '—' },
            { term: im('col.preliminary'), detail: due(fresh.preliminaryDueOn, fresh.preliminaryReportedOn) },
            { term: im('col.final'), detail: due(fresh.finalDueOn, fresh.finalReportedOn) },
            { term: im('col.status'), detail: im(`status.${fresh.status}`) },
          ]}
        />
        <p>
          <ButtonLink href={`/admin/privacy/incidents/${fresh.id}/report.pdf`} variant="secondary">
            {im('pdf')}
          </ButtonLink>
        </p>
        <h2 class="app-heading-2">{im('timeline')}</h2>
        <ul>
          {timeline.map((u) => (
            <li>
              {tokyoDateTime(u.at)} {im(`kind.${u.kind}`)}：{u.note}
            </li>
          ))}
        </ul>
        {fresh.status === 'open' && roles.some((r) => UPDATE_ROLES.includes(r)) ? (
          <>
            <h2 class="app-heading-2">{im('updateHeading')}</h2>
            <Form action={`/admin/privacy/incidents/${fresh.id}/updates`} csrfToken={csrfToken(c)}>
              <RadioGroup
                name="kind"
                value={form.values.kind ?? 'note'}
                error={errorFor(form.errors, 'kind')}
                label={im('u.kind')}
                options={(['note', 'preliminary', 'final', 'closed'] as const).map((k) => ({ value: k, label: im(`kind.${k}`) }))}
              />
              <TextArea name="note" value={form.values.note ?? ''} error={errorFor(form.errors, 'note')} label={im('u.note')} rows={3} />
              <Button>{im('record')}</Button>
            </Form>
          </>
        ) : null}
      </>
    ),
  });
}

privacyIncidentsAdmin.get('/privacy/incidents/:id{[0-9]+}', async (c) => {
  const { incident, program, roles } = await incidentFor(c, READ_ROLES);
  return detailPage(c, incident, program, roles);
});

privacyIncidentsAdmin.post('/privacy/incidents/:id{[0-9]+}/updates', async (c) => {
  const { incident, program, roles } = await incidentFor(c, UPDATE_ROLES);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => updateIncident(ctx, incident.id, { kind: f.kind, note: f.note }),
    rerender: (errors, status) => detailPage(c, incident, program, roles, { errors, values: f, status }),
    flash: im('flashUpdated'),
    redirect: `/admin/privacy/incidents/${incident.id}`,
  });
});

privacyIncidentsAdmin.get('/privacy/incidents/:id{[0-9]+}/report.pdf', async (c) => {
  const { incident, program, roles } = await incidentFor(c, READ_ROLES);
  const timeline = await runAs(c, primaryRole(roles), async (ctx) => {
    ctx.audit({ action: 'privacy.incident.viewed', programId: program.id, targetType: 'privacy_incident', targetId: incident.id, diff: { format: 'pdf' } });
    return incidentTimeline(ctx.tx, incident.id);
  });
  return pdfResponse(`事故報告書_No${incident.id}`, (doc) => drawIncident(doc, program, incident, timeline), { title: im('pdf.title') });
});

