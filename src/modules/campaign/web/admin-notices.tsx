import { Hono } from 'hono';
import { submitForm } from '../../../platform/http/form-action.js';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { AppError, type FieldError } from '../../../platform/errors/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, ConfirmForm, ErrorSummary, Form, Table, TextArea, TextField, errorFor } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { saveNotice } from '../commands/save-notice.js';
import { withdrawNotice } from '../commands/withdraw-notice.js';
import { cm } from '../messages.js';
import { listNotices } from '../queries.js';
import type { Notice } from '../schema.js';

import { staffCampaign } from './load.js';
import { idParam } from '../../../platform/http/params.js';

export const adminNotices = new Hono<AppEnv>();

const RUN = ['admin', 'operator'] as const;
const baseOf = (program: Program) => `/admin/campaign/${program.slug}/notices`;

function NoticeForm(p: { action: string; token: string; values: Record<string, string>; errors: FieldError[]; submit: string }) {
  return (
    <Form action={p.action} csrfToken={p.token} label={cm('notices.form')}>
      <TextField name="title" label={cm('notices.subject')} required value={p.values.title} error={errorFor(p.errors, 'title')} width="full" />
      <TextArea name="body" label={cm('notices.body')} required hint={cm('notices.bodyHint')} value={p.values.body} error={errorFor(p.errors, 'body')} rows={8} />
      <Button>{p.submit}</Button>
    </Form>
  );
}

async function listPage(c: AppContext, program: Program, errors: FieldError[] = [], values: Record<string, string> = {}, status = 200) {
  const notices = await listNotices(c.get('deps').db, program.id);
  const base = baseOf(program);
  return adminPage(c, {
    title: cm('notices.title', { program: program.name }),
    breadcrumbs: [{ label: cm('term.home'), href: '/admin' }, { label: program.name, href: `/admin/campaign/${program.slug}` }, { label: cm('term.notices') }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <p>{cm('notices.intro')}</p>
        <Table
          caption={cm('notices.caption', { count: notices.length })}
          columns={[
            { key: 'title', header: cm('notices.subject'), rowHeader: true },
            { key: 'at', header: cm('notices.publishedAt') },
          ]}
          rows={notices.map((n) => ({ title: <a href={`${base}/${n.id}`}>{n.title}</a>, at: tokyoDateTime(n.publishedAt) }))}
          emptyMessage={cm('notices.empty')}
        />
        <h2 class="app-heading-2">{cm('notices.write')}</h2>
        <NoticeForm action={base} token={csrfToken(c)} values={values} errors={errors} submit={cm('notices.publish')} />
      </>
    ),
  });
}

async function editPage(c: AppContext, program: Program, notice: Notice, errors: FieldError[] = [], values?: Record<string, string>, status = 200) {
  const base = baseOf(program);
  const token = csrfToken(c);
  return adminPage(c, {
    title: cm('notices.editTitle', { title: notice.title }),
    breadcrumbs: [{ label: cm('term.home'), href: '/admin' }, { label: program.name, href: `/admin/campaign/${program.slug}` }, { label: cm('term.notices'), href: base }, { label: notice.title }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <p>{cm('notices.publishedAtKept', { at: tokyoDateTime(notice.publishedAt) })}</p>
        <NoticeForm action={`${base}/${notice.id}`} token={token} values={values ?? { title: notice.title, body: notice.body }} errors={errors} submit={cm('notices.saveEdit')} />
        <ConfirmForm action={`${base}/${notice.id}/withdraw`} csrfToken={token} heading={cm('notices.withdrawHeading')} submitLabel={cm('notices.withdraw')} cancelHref={base} cancelLabel={cm('notices.backToList')} danger>
          <p>{cm('notices.withdrawWarning')}</p>
        </ConfirmForm>
      </>
    ),
  });
}

async function findNotice(c: AppContext, program: Program): Promise<Notice> {
  const id = idParam(c);
  const notice = (await listNotices(c.get('deps').db, program.id)).find((n) => n.id === id);
  if (!notice) throw new AppError('not-found');
  return notice;
}

adminNotices.get('/campaign/:slug/notices', async (c) => {
  const { program } = await staffCampaign(c, RUN);
  return listPage(c, program);
});

adminNotices.post('/campaign/:slug/notices', async (c) => {
  const { program, roles } = await staffCampaign(c, RUN);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => saveNotice(ctx, program.id, null, f),
    rerender: (errors, status) => listPage(c, program, errors, f, status),
    flash: cm('notices.flashPublished'),
    redirect: baseOf(program),
  });
});

adminNotices.get('/campaign/:slug/notices/:id{[0-9]+}', async (c) => {
  const { program } = await staffCampaign(c, RUN);
  return editPage(c, program, await findNotice(c, program));
});

adminNotices.post('/campaign/:slug/notices/:id{[0-9]+}', async (c) => {
  const { program, roles } = await staffCampaign(c, RUN);
  const notice = await findNotice(c, program);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => saveNotice(ctx, program.id, notice.id, f),
    rerender: (errors, status) => editPage(c, program, notice, errors, f, status),
    flash: cm('notices.flashUpdated'),
    redirect: baseOf(program),
  });
});

adminNotices.post('/campaign/:slug/notices/:id{[0-9]+}/withdraw', async (c) => {
  const { program, roles } = await staffCampaign(c, RUN);
  const notice = await findNotice(c, program);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => withdrawNotice(ctx, program.id, notice.id),
    flash: cm('notices.flashWithdrawn', { title: notice.title }),
    redirect: baseOf(program),
  });
});
