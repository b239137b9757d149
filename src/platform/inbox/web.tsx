import { Hono } from 'hono';
import { STAFF_ROLES } from '../auth/memberships.js';
import { formatJaDate, tokyoDate } from '../calendar/index.js';
import { adminPage } from '../http/admin-page.js';
import type { AppEnv } from '../http/env.js';
import { requireRoleAnywhere } from '../http/guards.js';
import { Table } from '../../ui/index.js';
import { waitingWork } from './collect.js';
import { inboxMessages as m } from './messages.js';

export const INBOX_PATH = '/admin/inbox';

/** The work inbox: everything waiting for the signed-in staff member, across programs and modules. */
export const inboxAdmin = new Hono<AppEnv>();

inboxAdmin.get('/inbox', async (c) => {
  const auth = requireRoleAnywhere(c, STAFF_ROLES);
  const work = await waitingWork(c.get('deps'), auth.grants);
  return adminPage(c, {
    title: m('title'),
    children: (
      <>
        <p>{m('intro')}</p>
        <Table
          caption={m('caption')}
          columns={[
            { key: 'work', header: m('colWork'), rowHeader: true },
            { key: 'count', header: m('colCount') },
            { key: 'program', header: m('colProgram') },
            { key: 'since', header: m('colSince') },
            { key: 'due', header: m('colDue') },
          ]}
          rows={work.map((w) => ({
            work: <a href={w.href}>{w.label}</a>,
            count: String(w.count),
            program: w.program.name,
            since: w.oldest ? formatJaDate(tokyoDate(w.oldest)) : m('unknown'),
            due: w.due ? formatJaDate(w.due) : m('unknown'),
          }))}
          emptyMessage={m('none')}
        />
      </>
    ),
  });
});
