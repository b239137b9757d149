import { Hono } from 'hono';
import { formatJaDate, tokyoDateTime } from '../../../platform/calendar/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { primaryRole, requireProgramRole } from '../../../platform/http/guards.js';
import { runAs } from '../../../platform/http/run-as.js';
import { AppError } from '../../../platform/errors/index.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import { programSetting } from '../../../platform/programs/queries.js';
import type { Role } from '../../../platform/auth/schema.js';
import { Button, ButtonLink, DescriptionList, ErrorSummary, Form, Table, TextField, errorFor } from '../../../ui/index.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import type { AppContext } from '../../../platform/http/env.js';
import type { FieldError } from '../../../platform/errors/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { confirmErasure, findErasureRequest, requestErasure } from '../erasure/two-person.js';
import { erasurePlan } from '../erasure/plan.js';
import { em } from '../erasure/messages.js';
import { backupLine, drawCertificate } from '../erasure/pdf.js';
import { findErasure } from '../erasure/queries.js';

export const privacyErasureAdmin = new Hono<AppEnv>();

const ROLES: Role[] = ['admin', 'operator', 'city'];

/** The erasure at contract end: what holds the program's personal data (counts), the retention date, the erasure and its report. */
privacyErasureAdmin.get('/privacy/:slug/erasure', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), ROLES);
  return erasurePage(c, program, roles);
});

async function erasurePage(c: AppContext, program: Program, roles: Role[], form: { errors: FieldError[]; status: number } = { errors: [], status: 200 }) {
  const deps = c.get('deps');
  const request = await findErasureRequest(deps.db, program.id);
  const isAdmin = roles.includes('admin');
  const canConfirm = isAdmin || roles.includes('city');
  const erasure = await findErasure(deps.db, program.id);
  const plan = erasure ? null : await erasurePlan(deps.db, deps, program.id);
  const holdings = erasure?.holdings ?? plan!.holdings;
  const backups = erasure?.backups ?? plan?.backups ?? [];
  const retention = programSetting<string | null>(program, 'retentionUntil', null);
  return adminPage(c, {
    title: em('pageTitle'),
    breadcrumbs: [{ label: program.name, href: '/admin' }, { label: em('pageTitle') }],
    notice: form.errors.length ? <ErrorSummary errors={form.errors} /> : undefined,
    hasErrors: form.errors.length > 0,
    status: form.status,
    children: (
      <>
        <p>{em('pageIntro')}</p>
        <DescriptionList
          items={[
            { term: em('retention'), detail: retention ? formatJaDate(retention) : em('none') },
            { term: em('status'), detail: erasure ? em('erasedAt', { at: tokyoDateTime(erasure.executedAt) }) : em('notErased') },
            ...(erasure
              ? [
                  { term: em('dueOnLabel'), detail: formatJaDate(erasure.certificateDueOn) },
                  { term: em('issued'), detail: erasure.certificateIssuedAt ? tokyoDateTime(erasure.certificateIssuedAt) : em('notIssued') },
                  { term: em('backups'), detail: erasure.masterRotated ? em('backupsRotated', { old: erasure.oldMasterKeyId }) : em('backupsNotRotated') },
                ]
              : []),
          ]}
        />
        {erasure ? (
          <p>
            <ButtonLink href={`/admin/privacy/${program.slug}/erasure/certificate.pdf`} variant="secondary">
              {em('certTitle')}
            </ButtonLink>
          </p>
        ) : (
          <>
            <p>{em('howTo', { slug: program.slug })}</p>
            {request ? <p>{em('pendingText', { at: tokyoDateTime(request.requestedAt) })}</p> : null}
            {!request && isAdmin ? (
              <>
                <h2 class="app-heading-2">{em('requestHeading')}</h2>
                <p>{em('requestHint')}</p>
                <Form action={`/admin/privacy/${program.slug}/erasure/request`} csrfToken={csrfToken(c)}>
                  <TextField name="confirm" label={em('confirmLabel')} error={errorFor(form.errors, 'confirm')} width="md" />
                  <Button variant="danger">{em('requestButton')}</Button>
                </Form>
              </>
            ) : null}
            {request && canConfirm ? (
              <>
                <h2 class="app-heading-2">{em('confirmHeading')}</h2>
                <Form action={`/admin/privacy/${program.slug}/erasure/confirm`} csrfToken={csrfToken(c)}>
                  <TextField name="confirm" label={em('confirmLabel')} error={errorFor(form.errors, 'confirm')} width="md" />
                  <Button variant="danger">{em('confirmButton')}</Button>
                </Form>
              </>
            ) : null}
          </>
        )}
        <Table
          caption={em('planTitle')}
          columns={[
            { key: 'table', header: em('colTable'), rowHeader: true },
            { key: 'rows', header: em('colRows') },
            { key: 'cols', header: em('colSealed') },
          ]}
          rows={holdings.map((h) => ({ table: `${h.module}／${h.table}`, rows: h.rows === null ? em('notPerProgram') : String(h.rows), cols: h.sealedColumns.join('、') || '—' }))}
        />
        {plan ? (
          <ul>
            <li>{em('filesLine', plan.files)}</li>
            <li>{em('mailLine', { n: plan.mailBodies })}</li>
          </ul>
        ) : erasure?.purged ? (
          <p>{em('purgedLine', { files: erasure.purged.files, bytes: erasure.purged.fileBytes, mail: erasure.purged.mailBodies })}</p>
        ) : null}
        <h2 class="app-heading-2">{em('backupsHeading')}</h2>
        {backups.length ? (
          <ul>
            {backups.map((b) => (
              <li>{backupLine(b, !!erasure)}</li>
            ))}
          </ul>
        ) : (
          <p>{em('backupsNone')}</p>
        )}
      </>
    ),
  });
}

privacyErasureAdmin.post('/privacy/:slug/erasure/request', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), ['admin']);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => requestErasure(ctx, program.id, f.confirm ?? ''),
    rerender: (errors, status) => erasurePage(c, program, roles, { errors, status }),
    flash: em('flashRequested'),
    redirect: `/admin/privacy/${program.slug}/erasure`,
  });
});

privacyErasureAdmin.post('/privacy/:slug/erasure/confirm', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), ['admin', 'city']);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => confirmErasure(ctx, program.id, f.confirm ?? ''),
    rerender: (errors, status) => erasurePage(c, program, roles, { errors, status }),
    flash: em('flashErased'),
    redirect: `/admin/privacy/${program.slug}/erasure`,
  });
});

privacyErasureAdmin.get('/privacy/:slug/erasure/certificate.pdf', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), ROLES);
  const deps = c.get('deps');
  const now = deps.clock.now();
  const erasure = await runAs(c, primaryRole(roles), async (ctx) => {
    const row = await findErasure(ctx.tx, program.id);
    if (!row) throw new AppError('conflict', em('errNotErased'));
    ctx.audit({ action: 'privacy.erasure.certified', programId: program.id, targetType: 'program', targetId: program.id, diff: { dueOn: row.certificateDueOn, via: 'web' } });
    return row;
  });
  return pdfResponse(`データ消去報告書_${program.slug}`, (doc) => drawCertificate(doc, program, erasure, deps.database.kind === 'embedded' ? 'PGlite（DATA_DIR）' : 'PostgreSQL', now), { title: em('certTitle') });
});
