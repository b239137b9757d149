import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { DescriptionList, Pagination, Table } from '../../ui/index.js';
import { tokyoDateTime } from '../calendar/index.js';
import { runCommand } from '../command.js';
import { AppError } from '../errors/index.js';
import { actorOf } from '../http/actor.js';
import { adminPage } from '../http/admin-page.js';
import type { AppEnv } from '../http/env.js';
import { requireInstallationAdmin } from '../http/guards.js';
import { ERASED, type Opened } from '../vault/index.js';
import { mailScope } from './outbox.js';
import { mailOutbox } from './schema.js';

const STATUS: Record<string, string> = { queued: '送信待ち', sent: '送信済み', failed: '送信失敗', held: '保留（SMTP未設定）' };
const PER_PAGE = 50;

export const mailAdmin = new Hono<AppEnv>();

mailAdmin.get('/mail', async (c) => {
  requireInstallationAdmin(c);
  const db = c.get('deps').db;
  const page = Math.max(1, Number(c.req.query('page')) || 1);
  const rows = await db.select({ id: mailOutbox.id, template: mailOutbox.template, subject: mailOutbox.subject, status: mailOutbox.status, createdAt: mailOutbox.createdAt, sentAt: mailOutbox.sentAt }).from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(PER_PAGE).offset((page - 1) * PER_PAGE);
  const total = (await db.$count(mailOutbox)) as number;
  return adminPage(c, {
    title: '送信メール',
    children: (
      <>
        <p>SMTP が設定されていない間、メールはここに保留されます。宛先と本文は個人情報のため、開くと監査ログに記録されます。</p>
        <Table
          caption="送信メール一覧"
          columns={[
            { key: 'id', header: 'ID', numeric: true },
            { key: 'created', header: '作成日時' },
            { key: 'subject', header: '件名' },
            { key: 'template', header: '種類' },
            { key: 'status', header: '状態' },
          ]}
          rows={rows.map((r) => ({
            id: String(r.id),
            created: tokyoDateTime(r.createdAt),
            subject: <a href={`/admin/mail/${r.id}`}>{r.subject}</a>,
            template: r.template,
            status: STATUS[r.status] ?? r.status,
          }))}
          emptyMessage="メールはありません"
        />
        <Pagination page={page} perPage={PER_PAGE} total={total} hrefFor={(p) => `/admin/mail?page=${p}`} />
      </>
    ),
  });
});

mailAdmin.get('/mail/:id{[0-9]+}', async (c) => {
  requireInstallationAdmin(c);
  const deps = c.get('deps');
  const id = Number(c.req.param('id'));
  const [mail] = await deps.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  if (!mail) throw new AppError('not-found');
  const opened = await runCommand(deps, actorOf(c, 'admin'), async ({ tx, audit }) => {
    const box = await deps.vault.box(tx, mailScope(mail.programId));
    audit({ action: 'platform.mail.viewed', programId: mail.programId, targetType: 'mail', targetId: id });
    const result: { to: Opened; text: Opened } = { to: box.open(mail.toSealed), text: box.open(mail.textSealed) };
    return result;
  });
  const show = (v: Opened) => (v === ERASED ? '（消去済み）' : v);
  return adminPage(c, {
    title: `送信メール #${id}`,
    breadcrumbs: [{ label: '送信メール', href: '/admin/mail' }, { label: `#${id}` }],
    children: (
      <>
        <DescriptionList
          items={[
            { term: '宛先', detail: show(opened.to) },
            { term: '件名', detail: mail.subject },
            { term: '状態', detail: STATUS[mail.status] ?? mail.status },
            { term: '作成日時', detail: tokyoDateTime(mail.createdAt) },
            { term: '送信日時', detail: mail.sentAt ? tokyoDateTime(mail.sentAt) : '—' },
          ]}
        />
        <h2 class="app-heading-2">本文</h2>
        <pre class="app-pre">{show(opened.text)}</pre>
      </>
    ),
  });
});
