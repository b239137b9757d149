import { Hono } from 'hono';
import { isInstallationAdmin } from '../auth/memberships.js';
import { tokyoDateTime, startOfTokyoDay, addDays, isIsoDate } from '../calendar/index.js';
import { exportResponse, type Column } from '../exports/index.js';
import { adminPage } from '../http/admin-page.js';
import type { AppContext, AppEnv } from '../http/env.js';
import { requireRoleAnywhere } from '../http/guards.js';
import { Button, DateField, Form, Pagination, Table, TextField } from '../../ui/index.js';
import { findUserByEmail } from '../auth/users.js';
import type { AuditActionLabel } from './actions.js';
import { am } from './messages.js';
import { iterateAudit, searchAudit, type AuditFilter, type AuditListRow } from './queries.js';
import { runAs } from '../http/run-as.js';
import { pageQuery } from '../http/params.js';

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

/** The labels of the installed modules' actions, by action (an action of an older version may have none). */
type AuditLabels = Record<string, AuditActionLabel>;

const labelOf = (labels: AuditLabels, action: string): AuditActionLabel | undefined => (Object.hasOwn(labels, action) ? labels[action] : undefined);

/** The action's Japanese label with its code in smaller text below; an unlabelled action shows its code alone. */
function ActionCell({ action, labels }: { action: string; labels: AuditLabels }) {
  const label = labelOf(labels, action);
  if (!label) return <>{action}</>;
  return (
    <>
      {label.ja}
      <br />
      <code class="app-audit-action__code">{action}</code>
    </>
  );
}

const columns = (labels: AuditLabels): Column<AuditListRow>[] => [
  { header: am('exportId'), value: (r) => r.id, kind: 'int' },
  { header: am('exportAt'), value: (r) => tokyoDateTime(r.at) },
  { header: am('exportActor'), value: (r) => r.actorLabel },
  { header: am('exportActorEmail'), value: (r) => r.actorEmail ?? '' },
  { header: am('exportRole'), value: (r) => r.role ?? '' },
  { header: am('exportProgramId'), value: (r) => r.programId ?? '' },
  { header: am('exportAction'), value: (r) => r.action },
  { header: am('exportActionLabel'), value: (r) => labelOf(labels, r.action)?.ja ?? '' },
  { header: am('exportTargetType'), value: (r) => r.targetType ?? '' },
  { header: am('exportTargetId'), value: (r) => r.targetId ?? '' },
  { header: am('exportIp'), value: (r) => r.ip ?? '' },
  { header: am('exportRequestId'), value: (r) => r.requestId ?? '' },
  { header: am('exportDiff'), value: (r) => (r.diff == null ? '' : JSON.stringify(r.diff)) },
];

export const auditAdmin = new Hono<AppEnv>();

auditAdmin.get('/audit', async (c) => {
  const filter = await filterFrom(c);
  const q = c.req.query();
  const page = pageQuery(q.page);
  const deps = c.get('deps');
  const { total, rows } = await searchAudit(deps.db, filter, page, PER_PAGE);
  // The page shows staff e-mail addresses and IP addresses: viewing it is recorded like exporting it.
  await runAs(c, null, async ({ audit }) => audit({ action: 'platform.audit.viewed', diff: { filter: { ...filter, page } } }));
  const params = new URLSearchParams(Object.entries(q).filter(([k, v]) => k !== 'page' && v));
  return adminPage(c, {
    title: am('title'),
    children: (
      <>
        <Form action="/admin/audit" method="get" label={am('searchLabel')}>
          <TextField name="actorEmail" type="email" label={am('searchActorEmail')} hint={am('searchActorEmailHint')} value={q.actorEmail} width="lg" />
          <TextField name="actor" label={am('searchActor')} hint={am('searchActorHint')} value={q.actor} />
          <TextField name="action" label={am('searchAction')} hint={am('searchActionHint')} value={q.action} />
          <TextField name="targetType" label={am('searchTargetType')} value={q.targetType} />
          <TextField name="targetId" label={am('searchTargetId')} value={q.targetId} />
          <DateField name="from" label={am('searchFrom')} value={q.from} />
          <DateField name="to" label={am('searchTo')} value={q.to} />
          <Button preventDoubleSubmit={false}>{am('searchButton')}</Button>
        </Form>
        <p>
          <a href={`/admin/audit/export.xlsx?${params}`}>{am('downloadXlsx')}</a>
          {am('downloadSeparator')}
          <a href={`/admin/audit/export.csv?${params}`}>{am('downloadCsv')}</a>
        </p>
        <Table
          caption={am('tableCaption', { count: total })}
          columns={[
            { key: 'id', header: am('colId'), numeric: true },
            { key: 'at', header: am('colAt') },
            { key: 'actor', header: am('colActor') },
            { key: 'action', header: am('colAction') },
            { key: 'target', header: am('colTarget') },
            { key: 'ip', header: am('colIp') },
          ]}
          rows={rows.map((r) => ({
            id: String(r.id),
            at: tokyoDateTime(r.at),
            actor: r.role ? am('actorWithRole', { actor: r.actorEmail ?? r.actorLabel, role: r.role }) : (r.actorEmail ?? r.actorLabel),
            action: <ActionCell action={r.action} labels={deps.modules.auditLabels} />,
            target: r.targetType ? `${r.targetType}:${r.targetId ?? ''}` : '—',
            ip: r.ip ?? '—',
          }))}
          emptyMessage={am('noRecords')}
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
    await runAs(c, null, async ({ audit }) => audit({ action: 'platform.audit.exported', diff: { filter: { ...filter, format: ext } } }));
    return exportResponse(kind, am('exportFileName', { date: tokyoDateTime(deps.clock.now()).slice(0, 10) }), iterateAudit(deps.db, filter), columns(deps.modules.auditLabels), am('exportSheet'));
  });
}
