import { Hono } from 'hono';
import { formatJaDate, tokyoDateTime } from '../../../platform/calendar/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole, requireAuth, requireProgramRole, requireProgramRoleById } from '../../../platform/http/guards.js';
import { idParam } from '../../../platform/http/params.js';
import { AppError, type FieldError } from '../../../platform/errors/index.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import type { Role } from '../../../platform/auth/schema.js';
import type { Program } from '../../../platform/programs/schema.js';
import { Button, ButtonLink, DateField, ErrorSummary, Form, RadioGroup, Table, TextArea, TextField, errorFor } from '../../../ui/index.js';
import { confirmHandover, eraseReceivedData, planHandover } from '../handovers/commands.js';
import { hm } from '../handovers/messages.js';
import { findHandover, listHandovers } from '../handovers/queries.js';
import { fm } from '../files/messages.js';
import { heldFileCounts } from '../files/queries.js';
import { downloadFile, filesPage, FILES_INTRO_MB, postFile, type FilesPage } from './files.js';
import type { Handover } from '../schema.js';

export const privacyHandoversAdmin = new Hono<AppEnv>();

const RUN: Role[] = ['admin', 'operator'];
const READ: Role[] = ['admin', 'operator', 'city'];
const FIELDS = ['plannedOn', 'place', 'people', 'content', 'quantity', 'route', 'packing', 'useUntil'] as const;

const confirmations = (h: Handover) =>
  `${h.contractorConfirmedAt ? hm('contractor', { at: tokyoDateTime(h.contractorConfirmedAt) }) : `${hm('contractor', { at: hm('notYet') })}`}／${h.cityConfirmedAt ? hm('city', { at: tokyoDateTime(h.cityConfirmedAt) }) : hm('city', { at: hm('notYet') })}`;

async function listPage(c: AppContext, program: Program, roles: Role[], form: { errors: FieldError[]; values: Record<string, string>; status: number } = { errors: [], values: {}, status: 200 }) {
  const rows = await listHandovers(c.get('deps').db, program.id);
  const fileCounts = await heldFileCounts(c.get('deps').db, program.id, 'handover');
  const v = (name: string) => ({ name, value: form.values[name] ?? '', error: errorFor(form.errors, name) });
  const side = roles.includes('city') && !roles.some((r) => RUN.includes(r)) ? 'city' : 'contractor';
  return adminPage(c, {
    title: hm('title'),
    breadcrumbs: [{ label: program.name, href: '/admin' }, { label: hm('title') }],
    notice: form.errors.length ? <ErrorSummary errors={form.errors} /> : undefined,
    hasErrors: form.errors.length > 0,
    status: form.status,
    children: (
      <>
        <p>{hm('intro')}</p>
        <Table
          caption={hm('title')}
          columns={[
            { key: 'what', header: hm('f.content'), rowHeader: true },
            { key: 'dir', header: hm('f.direction') },
            { key: 'on', header: hm('f.plannedOn') },
            { key: 'useUntil', header: hm('f.useUntil') },
            { key: 'confirm', header: hm('col.confirm') },
            { key: 'actions', header: '' },
          ]}
          rows={rows.map((h) => ({
            what: `${h.content}（${h.quantity}）`,
            dir: hm(`dir.${h.direction}`),
            on: formatJaDate(h.plannedOn),
            useUntil: h.useUntil ? formatJaDate(h.useUntil) : '—',
            confirm: `${hm(`status.${h.status}`)}：${confirmations(h)}`,
            actions: (
              <>
                <ButtonLink href={`/admin/privacy/handovers/${h.id}/record.pdf`} variant="secondary" size="sm">
                  {hm('pdf')}
                </ButtonLink>{' '}
                <a href={`/admin/privacy/handovers/${h.id}/files`}>{fm('link', { n: fileCounts.get(h.id) ?? 0 })}</a>
                {(side === 'city' ? !h.cityConfirmedAt : !h.contractorConfirmedAt) ? (
                  <Form action={`/admin/privacy/handovers/${h.id}/confirm`} csrfToken={csrfToken(c)}>
                    <Button size="sm">{hm('confirm')}</Button>
                  </Form>
                ) : null}
                {side === 'contractor' && h.direction === 'from-city' && h.status === 'done' ? (
                  <Form action={`/admin/privacy/handovers/${h.id}/erase`} csrfToken={csrfToken(c)}>
                    <Button size="sm" variant="danger">
                      {hm('erase')}
                    </Button>
                  </Form>
                ) : null}
              </>
            ),
          }))}
          emptyMessage={hm('empty')}
        />
        {side === 'contractor' ? (
          <Form action={`/admin/privacy/${program.slug}/handovers`} csrfToken={csrfToken(c)}>
            <RadioGroup {...v('direction')} label={hm('f.direction')} options={(['to-city', 'from-city', 'transport'] as const).map((d) => ({ value: d, label: hm(`dir.${d}`) }))} />
            <DateField {...v('plannedOn')} label={hm('f.plannedOn')} />
            <TextField {...v('place')} label={hm('f.place')} width="lg" />
            <TextField {...v('people')} label={hm('f.people')} width="lg" />
            <TextArea {...v('content')} label={hm('f.content')} rows={2} />
            <TextField {...v('quantity')} label={hm('f.quantity')} width="md" />
            <TextField {...v('route')} label={hm('f.route')} width="lg" />
            <TextField {...v('packing')} label={hm('f.packing')} width="lg" />
            <DateField {...v('useUntil')} label={hm('f.useUntil')} />
            <Button>{hm('plan')}</Button>
          </Form>
        ) : null}
      </>
    ),
  });
}

async function handoverFor(c: AppContext, roles: Role[]) {
  const auth = requireAuth(c);
  if (!auth.grants.some((g) => roles.includes(g.role))) throw new AppError('forbidden');
  const h = await findHandover(c.get('deps').db, idParam(c));
  if (!h) throw new AppError('not-found');
  const found = await requireProgramRoleById(c, h.programId, roles);
  return { h, program: found.program, roles: found.roles };
}

privacyHandoversAdmin.get('/privacy/:slug/handovers', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), READ);
  return listPage(c, program, roles);
});

privacyHandoversAdmin.post('/privacy/:slug/handovers', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), RUN);
  const f = await formFields(c);
  const input = { direction: f.direction, ...Object.fromEntries(FIELDS.map((k) => [k, f[k] ?? ''])) };
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => planHandover(ctx, program.id, input),
    rerender: (errors, status) => listPage(c, program, roles, { errors, values: f, status }),
    flash: hm('flashPlanned'),
    redirect: `/admin/privacy/${program.slug}/handovers`,
  });
});

privacyHandoversAdmin.post('/privacy/handovers/:id{[0-9]+}/confirm', async (c) => {
  const { h, program, roles } = await handoverFor(c, READ);
  const side = roles.some((r) => RUN.includes(r)) ? 'contractor' : 'city';
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => confirmHandover(ctx, h.id, side),
    flash: hm('flashConfirmed'),
    redirect: `/admin/privacy/${program.slug}/handovers`,
  });
});

privacyHandoversAdmin.post('/privacy/handovers/:id{[0-9]+}/erase', async (c) => {
  const { h, program, roles } = await handoverFor(c, RUN);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => eraseReceivedData(ctx, h.id),
    flash: hm('flashErased'),
    redirect: `/admin/privacy/${program.slug}/handovers`,
  });
});

privacyHandoversAdmin.get('/privacy/handovers/:id{[0-9]+}/record.pdf', async (c) => {
  const { h, program } = await handoverFor(c, READ);
  return pdfResponse(`受け渡し記録_No${h.id}`, (doc) => {
    doc.font('jp-bold').fontSize(16).text(hm('pdf.title'), { align: 'center' });
    doc.moveDown();
    doc.font('jp').fontSize(10).text(hm('pdf.program', { name: program.name }));
    const f = (label: string, value: string) => doc.text(hm('pdf.field', { label, value: value || '—' }));
    f(hm('f.direction'), hm(`dir.${h.direction}`));
    f(hm('f.plannedOn'), formatJaDate(h.plannedOn));
    f(hm('f.place'), h.place);
    f(hm('f.people'), h.people);
    f(hm('f.content'), h.content);
    f(hm('f.quantity'), h.quantity);
    f(hm('f.route'), h.route);
    f(hm('f.packing'), h.packing);
    f(hm('f.useUntil'), h.useUntil ? formatJaDate(h.useUntil) : '');
    f(hm('col.confirm'), `${hm(`status.${h.status}`)}　${confirmations(h)}`);
  }, { title: hm('pdf.title') });
});

function handoverFilesPage(h: Handover, program: Program, roles: Role[]): FilesPage {
  return {
    owner: 'handover',
    ownerId: h.id,
    path: `/admin/privacy/handovers/${h.id}/files`,
    title: fm('handover.title'),
    intro: fm('handover.intro', { mb: FILES_INTRO_MB }),
    breadcrumbs: [{ label: program.name, href: '/admin' }, { label: hm('title'), href: `/admin/privacy/${program.slug}/handovers` }, { label: fm('handover.title') }],
    about: <p>{`${hm(`dir.${h.direction}`)}　${formatJaDate(h.plannedOn)}　${h.content}（${h.quantity}）　${hm(`status.${h.status}`)}`}</p>,
    canUpload: roles.some((r) => RUN.includes(r)) && h.status !== 'erased',
  };
}

privacyHandoversAdmin.get('/privacy/handovers/:id{[0-9]+}/files', async (c) => {
  const { h, program, roles } = await handoverFor(c, READ);
  return filesPage(c, handoverFilesPage(h, program, roles));
});

privacyHandoversAdmin.post('/privacy/handovers/:id{[0-9]+}/files', async (c) => {
  const { h, program, roles } = await handoverFor(c, RUN);
  return postFile(c, handoverFilesPage(h, program, roles), roles);
});

privacyHandoversAdmin.get('/privacy/handovers/:id{[0-9]+}/files/download', async (c) => {
  const { h, roles } = await handoverFor(c, READ);
  return downloadFile(c, 'handover', h.id, roles);
});
