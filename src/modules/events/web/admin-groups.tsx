import { Hono } from 'hono';
import type { Role } from '../../../platform/auth/schema.js';
import { AppError } from '../../../platform/errors/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { Button, ErrorSummary, Form, SelectField, Table, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { assignGroups, moveToGroup, setFacilitator } from '../commands/assign-groups.js';
import { eventConfig } from '../config.js';
import { am } from '../messages.js';
import { drawGroupSheets } from '../pdf/group-sheets.js';
import { listGroups } from '../queries.js';
import { adminBase, crumbs } from './admin-common.js';
import { RUN_ROLES, formId, staffEvent, staffRoster } from './load.js';
import { idParam } from '../../../platform/http/params.js';
import { parseId } from '../../../platform/ids.js';

export const eventsAdminGroups = new Hono<AppEnv>();

/**
 * The groups page: the automatic assignment, the facilitators, and every in-person participant
 * with a menu to move them. Shown again with the errors when an assignment is refused.
 */
async function groupsPage(c: AppContext, program: Program, roles: Role[], opts: { errors?: SummaryError[]; size?: string; status?: number } = {}) {
  const deps = c.get('deps');
  const errors = opts.errors ?? [];
  const groups = await listGroups(deps.db, program.id);
  const rows = await staffRoster(c, roles, program, { status: 'confirmed', attendance: 'venue' }, { action: 'viewed', what: 'groups page' });
  const base = adminBase(program);
  const groupOptions = [{ value: '0', label: am('groups.none') }, ...groups.map((g) => ({ value: String(g.number), label: am('groups.group', { number: g.number }) }))];
  return adminPage(c, {
    title: am('groups.title'),
    breadcrumbs: crumbs(program, { label: am('groups.title') }),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <p>{am('groups.intro')}</p>
        <Form action={`${base}/groups/assign`} csrfToken={csrfToken(c)}>
          <TextField name="size" label={am('groups.size')} inputmode="numeric" width="sm" value={opts.size ?? eventConfig(program).groupSize} error={errorFor(errors, 'size')} required />
          <Button>{am('groups.assign')}</Button>
        </Form>
        <p>
          <a href={`${base}/groups.pdf`}>{am('groups.print')}</a>
        </p>
        {groups.map((g) => (
          <>
            <h2 class="app-heading-2">{am('groups.heading', { number: g.number, count: rows.filter((x) => x.group === g.number).length })}</h2>
            <Form action={`${base}/groups/${g.number}/facilitator`} csrfToken={csrfToken(c)}>
              <TextField name={`facilitator-${g.number}`} label={am('term.facilitator')} value={g.facilitator} width="md" />
              <Button size="sm" variant="secondary">
                {am('action.save')}
              </Button>
            </Form>
          </>
        ))}
        <Table
          caption={am('groups.caption', { count: rows.length })}
          columns={[
            { key: 'number', header: am('term.no'), numeric: true, rowHeader: true },
            { key: 'name', header: am('term.name') },
            { key: 'org', header: am('term.org') },
            { key: 'group', header: am('term.group') },
          ]}
          rows={rows.map(({ r, p, group }) => ({
            number: String(r.number),
            name: p.name,
            org: p.organization || '—',
            group: (
              <Form action={`${base}/groups/move`} csrfToken={csrfToken(c)}>
                <input type="hidden" name="registrationId" value={String(r.id)} />
                <SelectField name={`group-${r.id}`} label={am('groups.moveLabel', { number: r.number })} value={String(group ?? 0)} emptyOption={false} options={groupOptions} width="sm" />
                <Button size="sm" variant="secondary">
                  {am('groups.move')}
                </Button>
              </Form>
            ),
          }))}
          emptyMessage={am('groups.empty')}
        />
      </>
    ),
  });
}

eventsAdminGroups.get('/events/:slug/groups', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  return groupsPage(c, program, roles);
});

eventsAdminGroups.post('/events/:slug/groups/assign', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const raw = (await formFields(c)).size ?? '';
  const size = Number(raw);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => assignGroups(ctx, program, size),
    flash: (n) => am('groups.assigned', { count: n }),
    redirect: `${adminBase(program)}/groups`,
    rerender: (errors, status) => groupsPage(c, program, roles, { errors, size: raw, status }),
  });
});

eventsAdminGroups.post('/events/:slug/groups/move', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const f = await formFields(c);
  const id = formId(f.registrationId);
  // 0 (or nothing chosen) takes the person out of every group; otherwise a group's number.
  const chosen = f[`group-${id}`] || '0';
  const group = chosen === '0' ? 0 : parseId(chosen);
  if (group === undefined) throw new AppError('bad-request', am('groups.errPick'));
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => moveToGroup(ctx, program, id, group),
    flash: am('groups.moved'),
    redirect: `${adminBase(program)}/groups`,
  });
});

eventsAdminGroups.post('/events/:slug/groups/:number{[0-9]+}/facilitator', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const n = idParam(c, 'number');
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => setFacilitator(ctx, program, n, f[`facilitator-${n}`] ?? ''),
    flash: am('groups.facilitatorSaved', { number: n }),
    redirect: `${adminBase(program)}/groups`,
  });
});

eventsAdminGroups.get('/events/:slug/groups.pdf', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const groups = await listGroups(c.get('deps').db, program.id);
  const rows = await staffRoster(c, roles, program, { status: 'confirmed', attendance: 'venue' }, { action: 'printed', what: 'group sheets' });
  return pdfResponse(am('file.groups', { slug: program.slug }), (doc) => drawGroupSheets(doc, program, groups, rows), { title: am('groupsPdf.title', { program: program.name }) });
});
