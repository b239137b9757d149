import { tokyoDate } from '../../../platform/calendar/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import type { Program } from '../../../platform/programs/schema.js';
import { StatusBadge, Table } from '../../../ui/index.js';
import { dm } from '../messages.js';
import { businessDaysUntil, listDeliverables } from '../queries.js';
import type { Deliverable } from '../schema.js';

export const listPath = (p: Program) => `/admin/deliverables/${p.slug}`;
export const itemPath = (id: number) => `/admin/deliverables/items/${id}`;

/** 「あと N 営業日」「N 営業日超過」 for a due date (office calendar), or 未設定. */
export function countdown(c: AppContext, d: Pick<Deliverable, 'dueOn' | 'status'>): string {
  if (!d.dueOn) return dm('list.noDue');
  if (d.status === 'delivered') return dm('list.none');
  const n = businessDaysUntil(tokyoDate(c.get('deps').clock.now()), d.dueOn);
  return n > 0 ? dm('due.left', { n }) : n === 0 ? dm('due.today') : dm('due.over', { n: -n });
}

export function statusBadge(status: Deliverable['status']) {
  const tone = status === 'delivered' ? 'success' : status === 'approved' ? 'info' : status === 'in-proof' ? 'warning' : 'neutral';
  return <StatusBadge tone={tone}>{dm(`status.${status}`)}</StatusBadge>;
}

/** The register of one program: every deliverable with its due date, countdown and proof state. */
export async function listPage(c: AppContext, program: Program): Promise<Response> {
  const rows = await listDeliverables(c.get('deps').db, program.id);
  return adminPage(c, {
    title: dm('list.title', { name: program.name }),
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: program.name }],
    children: (
      <Table
        caption={dm('list.title', { name: program.name })}
        columns={[
          { key: 'title', header: dm('list.item'), rowHeader: true },
          { key: 'key', header: dm('list.key') },
          { key: 'due', header: dm('list.due') },
          { key: 'countdown', header: dm('list.countdown') },
          { key: 'status', header: dm('list.status') },
          { key: 'rounds', header: dm('list.rounds') },
          { key: 'latest', header: dm('list.latest'), numeric: true },
        ]}
        rows={rows.map((d) => ({
          title: <a href={itemPath(d.id)}>{d.title}</a>,
          key: <code>{d.key}</code>,
          due: d.dueOn ?? dm('list.noDue'),
          countdown: countdown(c, d),
          status: statusBadge(d.status),
          rounds: dm('list.roundsOf', { rounds: d.rounds, required: d.requiredRounds }),
          latest: d.latestVersion === null ? dm('list.none') : dm('item.version', { n: d.latestVersion }),
        }))}
      />
    ),
  });
}
