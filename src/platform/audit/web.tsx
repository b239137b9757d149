import { Hono } from 'hono';
import { isInstallationAdmin } from '../auth/memberships.js';
import { tokyoDateTime, startOfTokyoDay, addDays, isIsoDate } from '../calendar/index.js';
import { exportResponse, type Column } from '../exports/index.js';
import { actorOf } from '../http/actor.js';
import { adminPage } from '../http/admin-page.js';
import type { AppContext, AppEnv } from '../http/env.js';
import { requireRoleAnywhere } from '../http/guards.js';
import { runCommand } from '../command.js';
import { Button, DateField, Form, Pagination, Table, TextField } from '../../ui/index.js';
import { findUserByEmail } from '../auth/users.js';
import { iterateAudit, searchAudit, type AuditFilter, type AuditListRow } from './queries.js';

const PER_PAGE = 50;

/**
 * Admins see the whole trail; City staff see the programs they belong to. An actor's e-mail
 * address is resolved to the user's id here, so the filter (which is itself audited) holds no address.
 */
async function filterFrom(c: AppContext): Promise<AuditFilter> {
  const auth = requireRoleAnywhere(c, ['admin', 'city']);
  const q = c.req.query();
  const from = isIsoDate(q.from) ? startOfTokyoDay(q.from) : undefined;
  const to = isIsoDate(q.to) ? startOfTokyoDay(addDays(q.to, 1)) : undefined;
  const programIds = isInstallationAdmin(auth.grants)
    ? 'all'
    : auth.grants.filter((g) => (g.role === 'city' || g.role === 'admin') && g.programId !== null).map((g) => g.programId!);
  const email = q.actorEmail?.trim();
  const actorUserId = email ? ((await findUserByEmail(c.get('deps').db, email))?.id ?? 0) : undefined;
  return { actor: q.actor?.trim() || undefined, actorUserId, action: q.action?.trim() || undefined, targetType: q.targetType?.trim() || undefined, targetId: q.targetId?.trim() || undefined, from, to, programIds };
}

const COLUMNS: Column<AuditListRow>[] = [
  { header: 'ID', value: (r) => r.id, kind: 'int' },
  { header: '日時', value: (r) => tokyoDateTime(r.at) },
  { header: '操作者', value: (r) => r.actorLabel },
  { header: '操作者のメールアドレス', value: (r) => r.actorEmail ?? '' },
  { header: 'ロール', value: (r) => r.role ?? '' },
  { header: '事業ID', value: (r) => r.programId ?? '' },
  { header: '操作', value: (r) => r.action },
  { header: '対象種別', value: (r) => r.targetType ?? '' },
  { header: '対象ID', value: (r) => r.targetId ?? '' },
  { header: 'IPアドレス', value: (r) => r.ip ?? '' },
  { header: 'リクエストID', value: (r) => r.requestId ?? '' },
  { header: '変更内容', value: (r) => (r.diff == null ? '' : JSON.stringify(r.diff)) },
];

export const auditAdmin = new Hono<AppEnv>();

auditAdmin.get('/audit', async (c) => {
  const filter = await filterFrom(c);
  const q = c.req.query();
  const page = Math.max(1, Number(q.page) || 1);
  const deps = c.get('deps');
  const { total, rows } = await searchAudit(deps.db, filter, page, PER_PAGE);
  // The page shows staff e-mail addresses and IP addresses: viewing it is recorded like exporting it.
  await runCommand(deps, actorOf(c), async ({ audit }) => audit({ action: 'platform.audit.viewed', diff: { filter: { ...filter, page } } }));
  const params = new URLSearchParams(Object.entries(q).filter(([k, v]) => k !== 'page' && v));
  return adminPage(c, {
    title: '監査ログ',
    children: (
      <>
        <Form action="/admin/audit" method="get" label="監査ログの検索">
          <TextField name="actorEmail" type="email" label="操作者のメールアドレス" hint="ログインしたユーザーの操作を探します" value={q.actorEmail} width="lg" />
          <TextField name="actor" label="操作者（記録上の名前）" hint="例：user:12、cli:root、anonymous" value={q.actor} />
          <TextField name="action" label="操作" hint="前方一致。例：platform.auth" value={q.action} />
          <TextField name="targetType" label="対象種別" value={q.targetType} />
          <TextField name="targetId" label="対象ID" value={q.targetId} />
          <DateField name="from" label="期間（開始日）" value={q.from} />
          <DateField name="to" label="期間（終了日）" value={q.to} />
          <Button preventDoubleSubmit={false}>検索する</Button>
        </Form>
        <p>
          <a href={`/admin/audit/export.xlsx?${params}`}>検索結果を Excel でダウンロード</a>
          {' ／ '}
          <a href={`/admin/audit/export.csv?${params}`}>CSV でダウンロード</a>
        </p>
        <Table
          caption={`監査ログ（${total}件）`}
          columns={[
            { key: 'id', header: 'ID', numeric: true },
            { key: 'at', header: '日時' },
            { key: 'actor', header: '操作者' },
            { key: 'action', header: '操作' },
            { key: 'target', header: '対象' },
            { key: 'ip', header: 'IP' },
          ]}
          rows={rows.map((r) => ({
            id: String(r.id),
            at: tokyoDateTime(r.at),
            actor: `${r.actorEmail ?? r.actorLabel}${r.role ? `（${r.role}）` : ''}`,
            action: r.action,
            target: r.targetType ? `${r.targetType}:${r.targetId ?? ''}` : '—',
            ip: r.ip ?? '—',
          }))}
          emptyMessage="該当する記録はありません"
        />
        <Pagination page={page} perPage={PER_PAGE} total={total} hrefFor={(p) => `/admin/audit?${new URLSearchParams({ ...Object.fromEntries(params), page: String(p) })}`} />
      </>
    ),
  });
});

for (const [ext, kind] of [['xlsx', 'xlsx'], ['csv', 'csv-utf8']] as const) {
  auditAdmin.get(`/audit/export.${ext}`, async (c) => {
    const filter = await filterFrom(c);
    const deps = c.get('deps');
    // The export itself is recorded: the trail holds IP addresses.
    await runCommand(deps, actorOf(c), async ({ audit }) => audit({ action: 'platform.audit.exported', diff: { filter: { ...filter, format: ext } } }));
    return exportResponse(kind, `監査ログ_${tokyoDateTime(deps.clock.now()).slice(0, 10)}`, iterateAudit(deps.db, filter), COLUMNS, '監査ログ');
  });
}
