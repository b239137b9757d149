import { Hono } from 'hono';
import { submitForm } from '../../../platform/http/form-action.js';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { runCommand } from '../../../platform/command.js';
import { AppError, isAppError, type FieldError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, ConfirmForm, ErrorSummary, Form, Table, TextArea, TextField, errorFor } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { saveNotice } from '../commands/save-notice.js';
import { withdrawNotice } from '../commands/withdraw-notice.js';
import { listNotices } from '../queries.js';
import type { Notice } from '../schema.js';

import { staffCampaign } from './load.js';

export const adminNotices = new Hono<AppEnv>();

const RUN = ['admin', 'operator'] as const;
const baseOf = (program: Program) => `/admin/campaign/${program.slug}/notices`;

function NoticeForm(p: { action: string; token: string; values: Record<string, string>; errors: FieldError[]; submit: string }) {
  return (
    <Form action={p.action} csrfToken={p.token} label="お知らせ">
      <TextField name="title" label="件名" required value={p.values.title} error={errorFor(p.errors, 'title')} width="full" />
      <TextArea name="body" label="本文" required hint="空行で段落を分けます。個人情報は書かないでください（すべての参加事業者に表示されます）。" value={p.values.body} error={errorFor(p.errors, 'body')} rows={8} />
      <Button>{p.submit}</Button>
    </Form>
  );
}

async function listPage(c: AppContext, program: Program, errors: FieldError[] = [], values: Record<string, string> = {}, status = 200) {
  const notices = await listNotices(c.get('deps').db, program.id);
  const base = baseOf(program);
  return adminPage(c, {
    title: `事業者へのお知らせ：${program.name}`,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: program.name, href: `/admin/campaign/${program.slug}` }, { label: '事業者へのお知らせ' }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <p>ここで掲載したお知らせは、参加事業者の事業者ページにすぐ表示されます。</p>
        <Table
          caption={`掲載中のお知らせ（${notices.length}件）`}
          columns={[
            { key: 'title', header: '件名', rowHeader: true },
            { key: 'at', header: '掲載日時' },
          ]}
          rows={notices.map((n) => ({ title: <a href={`${base}/${n.id}`}>{n.title}</a>, at: tokyoDateTime(n.publishedAt) }))}
          emptyMessage="掲載中のお知らせはありません"
        />
        <h2 class="app-heading-2">お知らせを書く</h2>
        <NoticeForm action={base} token={csrfToken(c)} values={values} errors={errors} submit="掲載する" />
      </>
    ),
  });
}

async function editPage(c: AppContext, program: Program, notice: Notice, errors: FieldError[] = [], values?: Record<string, string>, status = 200) {
  const base = baseOf(program);
  const token = csrfToken(c);
  return adminPage(c, {
    title: `お知らせの修正：${notice.title}`,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: program.name, href: `/admin/campaign/${program.slug}` }, { label: '事業者へのお知らせ', href: base }, { label: notice.title }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <p>掲載日時：{tokyoDateTime(notice.publishedAt)}（修正しても掲載日時は変わりません）</p>
        <NoticeForm action={`${base}/${notice.id}`} token={token} values={values ?? { title: notice.title, body: notice.body }} errors={errors} submit="修正を保存する" />
        <ConfirmForm action={`${base}/${notice.id}/withdraw`} csrfToken={token} heading="掲載の取り下げ" submitLabel="このお知らせを取り下げる" cancelHref={base} cancelLabel="一覧に戻る" danger>
          <p>取り下げると事業者ページに表示されなくなります。元に戻すことはできません（内容は監査ログに残ります）。</p>
        </ConfirmForm>
      </>
    ),
  });
}

async function findNotice(c: AppContext, program: Program): Promise<Notice> {
  const id = Number(c.req.param('id'));
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
    flash: 'お知らせを掲載しました',
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
  try {
    await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => saveNotice(ctx, program.id, notice.id, f));
  } catch (e) {
    if (isAppError(e) && e.code === 'validation-failed') return editPage(c, program, notice, e.fieldErrors, f, 422);
    throw e;
  }
  setFlash(c, { kind: 'success', message: 'お知らせを修正しました' });
  return c.redirect(baseOf(program), 303);
});

adminNotices.post('/campaign/:slug/notices/:id{[0-9]+}/withdraw', async (c) => {
  const { program, roles } = await staffCampaign(c, RUN);
  const notice = await findNotice(c, program);
  await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => withdrawNotice(ctx, program.id, notice.id));
  setFlash(c, { kind: 'success', message: `お知らせ「${notice.title}」を取り下げました` });
  return c.redirect(baseOf(program), 303);
});
