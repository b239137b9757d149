import { Hono } from 'hono';
import { DescriptionList, Pagination, Table } from '../../ui/index.js';
import { tokyoDateTime } from '../calendar/index.js';
import { AppError } from '../errors/index.js';
import { adminPage } from '../http/admin-page.js';
import type { AppEnv } from '../http/env.js';
import { requireInstallationAdmin } from '../http/guards.js';
import { ERASED, type Opened } from '../vault/index.js';
import { mm } from './messages.js';
import { mailScope } from './outbox.js';
import { findOutboxMail, listOutbox } from './queries.js';
import { runAs } from '../http/run-as.js';
import { idParam, pageQuery } from '../http/params.js';
import { MAX_BIG_ID } from '../ids.js';

const STATUS: Record<string, string> = { queued: mm('statusQueued'), sent: mm('statusSent'), failed: mm('statusFailed'), held: mm('statusHeld') };
const PER_PAGE = 50;

export const mailAdmin = new Hono<AppEnv>();

mailAdmin.get('/mail', async (c) => {
  requireInstallationAdmin(c);
  const db = c.get('deps').db;
  const page = pageQuery(c.req.query('page'));
  const { rows, total } = await listOutbox(db, page, PER_PAGE);
  return adminPage(c, {
    title: mm('listTitle'),
    children: (
      <>
        <p>{mm('listIntro')}</p>
        <Table
          caption={mm('listCaption')}
          columns={[
            { key: 'id', header: mm('colId'), numeric: true },
            { key: 'created', header: mm('colCreated') },
            { key: 'subject', header: mm('colSubject') },
            { key: 'template', header: mm('colTemplate') },
            { key: 'status', header: mm('colStatus') },
          ]}
          rows={rows.map((r) => ({
            id: String(r.id),
            created: tokyoDateTime(r.createdAt),
            subject: <a href={`/admin/mail/${r.id}`}>{r.subject}</a>,
            template: r.template,
            status: STATUS[r.status] ?? r.status,
          }))}
          emptyMessage={mm('noMail')}
        />
        <Pagination page={page} perPage={PER_PAGE} total={total} hrefFor={(p) => `/admin/mail?page=${p}`} />
      </>
    ),
  });
});

mailAdmin.get('/mail/:id{[0-9]+}', async (c) => {
  requireInstallationAdmin(c);
  const deps = c.get('deps');
  const id = idParam(c, 'id', MAX_BIG_ID);
  const mail = await findOutboxMail(deps.db, id);
  if (!mail) throw new AppError('not-found');
  const opened = await runAs(c, 'admin', async ({ tx, audit }) => {
    const box = await deps.vault.box(tx, mailScope(mail.programId));
    audit({ action: 'platform.mail.viewed', programId: mail.programId, targetType: 'mail', targetId: id });
    const result: { to: Opened; text: Opened } = { to: box.open(mail.toSealed), text: box.open(mail.textSealed) };
    return result;
  });
  const show = (v: Opened) => (v === ERASED ? mm('erased') : v);
  return adminPage(c, {
    title: mm('detailTitle', { id }),
    breadcrumbs: [{ label: mm('listTitle'), href: '/admin/mail' }, { label: mm('detailCrumb', { id }) }],
    children: (
      <>
        <DescriptionList
          items={[
            { term: mm('detailTo'), detail: show(opened.to) },
            { term: mm('detailSubject'), detail: mail.subject },
            { term: mm('detailStatus'), detail: STATUS[mail.status] ?? mail.status },
            { term: mm('detailCreated'), detail: tokyoDateTime(mail.createdAt) },
            { term: mm('detailSent'), detail: mail.sentAt ? tokyoDateTime(mail.sentAt) : '—' },
          ]}
        />
        <h2 class="app-heading-2">{mm('detailBody')}</h2>
        <pre class="app-pre">{show(opened.text)}</pre>
      </>
    ),
  });
});
