import { Hono } from 'hono';
import type { Role } from '../../../platform/auth/schema.js';
import { AppError, type FieldError } from '../../../platform/errors/index.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole, requireProgramRole, requireProgramRoleById } from '../../../platform/http/guards.js';
import { runAs } from '../../../platform/http/run-as.js';
import type { Program } from '../../../platform/programs/schema.js';
import { ERASED, programScope } from '../../../platform/vault/index.js';
import { Button, ErrorSummary, errorFor, Form, ButtonLink, RadioGroup, Table, TextArea, TextField } from '../../../ui/index.js';
import { saveHearing } from '../commands/save-hearing.js';
import { dm } from '../messages.js';
import { findHearing, honorariumDue, listHearings } from '../queries.js';
import { HEARING_STATUSES, type Hearing } from '../schema.js';
import { listPath } from './admin-list.js';
import { numberParam, READ, RUN } from './load.js';

export const hearingsAdmin = new Hono<AppEnv>();

const hearingsPath = (p: Program) => `/admin/deliverables/${p.slug}/hearings`;
const hearingPath = (id: number) => `/admin/deliverables/hearings/${id}`;
const yen = (n: number) => n.toLocaleString('ja-JP');

hearingsAdmin.get('/deliverables/:slug/hearings', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), READ);
  const rows = await listHearings(c.get('deps').db, program.id);
  const due = honorariumDue(rows);
  return adminPage(c, {
    title: dm('hearing.title', { name: program.name }),
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: program.name, href: listPath(program) }, { label: dm('hearing.tool') }],
    children: (
      <>
        <p>{dm('hearing.due', { n: due.selected, total: yen(due.total), paid: due.paid })}</p>
        {rows.length ? (
          <Table
            caption={dm('hearing.title', { name: program.name })}
            columns={[
              { key: 'group', header: dm('hearing.group'), rowHeader: true },
              { key: 'status', header: dm('hearing.status') },
              { key: 'visit', header: dm('hearing.visitOn') },
              { key: 'honorarium', header: dm('hearing.honorarium'), numeric: true },
              { key: 'paid', header: dm('hearing.paidOn') },
              { key: 'article', header: '記事' },
            ]}
            rows={rows.map((h) => ({
              group: <a href={hearingPath(h.id)}>{h.groupName}</a>,
              status: dm(`hearing.status.${h.status}`),
              visit: h.visitOn ?? '',
              honorarium: h.status === 'selected' ? yen(h.honorariumYen) : '',
              paid: h.honorariumPaidOn ?? '',
              article: roles.includes('admin') || roles.includes('operator') ? <a href={`/admin/deliverables/hearings/${h.id}/article`}>記事</a> : '',
            }))}
          />
        ) : (
          <p>{dm('hearing.none')}</p>
        )}
        {(roles.includes('admin') || roles.includes('operator')) && <ButtonLink href={`${hearingsPath(program)}/new`}>{dm('hearing.new')}</ButtonLink>}
      </>
    ),
  });
});

function hearingForm(c: AppContext, program: Program, action: string, values: Record<string, string>, opts: { errors?: FieldError[]; status?: number; editable: boolean; contact?: string }) {
  const errors = opts.errors ?? [];
  return adminPage(c, {
    title: dm('hearing.edit'),
    status: opts.status,
    hasErrors: errors.length > 0,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: program.name, href: listPath(program) }, { label: dm('hearing.tool'), href: hearingsPath(program) }, { label: dm('hearing.edit') }],
    children: (
      <>
        <ErrorSummary errors={errors} />
        {opts.contact !== undefined && (
          <p>
            {dm('hearing.contact')}: {opts.contact}
          </p>
        )}
        {opts.editable && (
          <Form action={action} csrfToken={csrfToken(c)}>
            <TextField name="groupName" label={dm('hearing.group')} required value={values.groupName} width="full" error={errorFor(errors, 'groupName')} />
            <TextField name="contact" label={dm('hearing.contact')} hint={dm('hearing.contactHint')} value={values.contact} width="full" error={errorFor(errors, 'contact')} />
            <TextField name="visitOn" type="date" label={dm('hearing.visitOn')} value={values.visitOn} error={errorFor(errors, 'visitOn')} />
            <TextField name="place" label={dm('hearing.place')} value={values.place} width="full" error={errorFor(errors, 'place')} />
            <TextField name="cityStaff" label={dm('hearing.cityStaff')} value={values.cityStaff} width="full" error={errorFor(errors, 'cityStaff')} />
            <TextArea name="notes" label={dm('hearing.notes')} value={values.notes} error={errorFor(errors, 'notes')} />
            <RadioGroup name="status" label={dm('hearing.status')} required value={values.status ?? 'candidate'} options={HEARING_STATUSES.map((s) => ({ value: s, label: dm(`hearing.status.${s}`) }))} error={errorFor(errors, 'status')} />
            <TextField name="honorariumYen" label={dm('hearing.honorarium')} inputmode="numeric" width="sm" value={values.honorariumYen ?? '10000'} error={errorFor(errors, 'honorariumYen')} />
            <TextField name="honorariumPaidOn" type="date" label={dm('hearing.paidOn')} value={values.honorariumPaidOn} error={errorFor(errors, 'honorariumPaidOn')} />
            <Button>{dm('hearing.save')}</Button>
          </Form>
        )}
      </>
    ),
  });
}

hearingsAdmin.get('/deliverables/:slug/hearings/new', async (c) => {
  const { program } = await requireProgramRole(c, c.req.param('slug'), RUN);
  return hearingForm(c, program, `${hearingsPath(program)}/new`, {}, { editable: true });
});

hearingsAdmin.post('/deliverables/:slug/hearings/new', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), RUN);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => saveHearing(ctx, program.id, null, f),
    rerender: (errors, status) => hearingForm(c, program, `${hearingsPath(program)}/new`, f, { errors, status, editable: true }),
    flash: dm('hearing.saved'),
    redirect: hearingsPath(program),
  });
});

async function loadHearing(c: AppContext, roles: Role[]): Promise<{ hearing: Hearing; program: Program; roles: Role[] }> {
  const hearing = await findHearing(c.get('deps').db, numberParam(c, 'hid'));
  if (!hearing) throw new AppError('not-found');
  const { program, roles: mine } = await requireProgramRoleById(c, hearing.programId, roles);
  return { hearing, program, roles: mine };
}

const valuesOf = (h: Hearing): Record<string, string> => ({
  groupName: h.groupName,
  visitOn: h.visitOn ?? '',
  place: h.place,
  cityStaff: h.cityStaff,
  notes: h.notes,
  status: h.status,
  honorariumYen: String(h.honorariumYen),
  honorariumPaidOn: h.honorariumPaidOn ?? '',
});

/** One group: its contact person opened from the vault (an audited view), and the form for the secretariat. */
hearingsAdmin.get('/deliverables/hearings/:hid', async (c) => {
  const { hearing, program, roles } = await loadHearing(c, READ);
  const contact = await runAs(c, primaryRole(roles), async (ctx) => {
    if (!hearing.contactSealed) return '';
    const box = await ctx.deps.vault.box(ctx.tx, programScope(program.id));
    const opened = box.open(hearing.contactSealed);
    ctx.audit({ action: 'deliverables.hearing.viewed', programId: program.id, targetType: 'hearing', targetId: String(hearing.id) });
    return opened === ERASED ? dm('hearing.erased') : opened;
  });
  return hearingForm(c, program, hearingPath(hearing.id), valuesOf(hearing), { editable: roles.includes('admin') || roles.includes('operator'), contact });
});

hearingsAdmin.post('/deliverables/hearings/:hid', async (c) => {
  const { hearing, program, roles } = await loadHearing(c, RUN);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => saveHearing(ctx, program.id, hearing.id, f),
    rerender: (errors, status) => hearingForm(c, program, hearingPath(hearing.id), f, { errors, status, editable: true }),
    flash: dm('hearing.saved'),
    redirect: hearingsPath(program),
  });
});
