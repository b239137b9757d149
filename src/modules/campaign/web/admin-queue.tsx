import { Hono } from 'hono';
import { formatJaDate, isIsoDate, tokyoDate, tokyoDateTime } from '../../../platform/calendar/index.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { requireProgramRole } from '../../../platform/http/guards.js';
import { Button, DateField, DescriptionList, Form, SelectField, StatusBadge, Table } from '../../../ui/index.js';
import { windowMessage } from '../commands/application-window.js';
import { campaignConfig } from '../config.js';
import { cm } from '../messages.js';
import { facilitiesWithPendingProfile, listApplications, type QueueFilter } from '../queries.js';
import { APPLICATION_STATUSES, FACILITY_TYPES, WARDS, type ApplicationStatus } from '../schema.js';
import { registryResponse, variantOf } from './registry-export.js';

export const adminQueue = new Hono<AppEnv>();

/** Calendar days from `from` to `to` (ISO dates). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The review queue; the City's default view is what waits for its answer. */
adminQueue.get('/campaign/:slug', async (c) => {
  const { program, roles, auth } = await requireProgramRole(c, c.req.param('slug'), ['admin', 'operator', 'city']);
  const q = c.req.query();
  const cityOnly = roles.includes('city') && !roles.includes('admin') && !roles.includes('operator');
  const status = (q.status ?? (cityOnly ? 'escalated' : '')) as ApplicationStatus | '';
  const filter: QueueFilter = {
    status: status && (APPLICATION_STATUSES as readonly string[]).includes(status) ? [status] : undefined,
    ward: q.ward || undefined,
    type: q.type || undefined,
    submittedFrom: isIsoDate(q.from) ? q.from : undefined,
    submittedTo: isIsoDate(q.to) ? q.to : undefined,
    assignee: q.assignee === 'me' ? auth.user.id : q.assignee === 'none' ? 'none' : undefined,
  };
  const rows = await listApplications(c.get('deps').db, program.id, filter);
  const pendingProfiles = cityOnly ? [] : await facilitiesWithPendingProfile(c.get('deps').db, program.id);
  const base = `/admin/campaign/${program.slug}`;
  const cfg = campaignConfig(program);
  const today = tokyoDate(c.get('deps').clock.now());
  return adminPage(c, {
    title: `参加申請の審査：${program.name}`,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: program.name }],
    children: (
      <>
        <DescriptionList
          items={[
            { term: '受付状況', detail: windowMessage(program, c.get('deps').clock.now()) },
            {
              term: '参加事業者データの納品期限',
              detail: cfg.registryDeadline ? (
                <>
                  {formatJaDate(cfg.registryDeadline)}
                  {cfg.registryDeadline >= today ? `（あと${daysBetween(today, cfg.registryDeadline)}日）` : '（期限を過ぎています）'}
                </>
              ) : (
                '未設定'
              ),
            },
          ]}
        />
        <p>
          <a href={`${base}/registry.xlsx`}>参加事業者データ（Excel）</a>
          {' ／ '}
          <a href={`${base}/registry.csv`}>CSV</a>
          {' ／ '}
          <a href={`${base}/registry.xlsx?variant=final`}>完成データ（支払実績つき）</a>
          {!cityOnly && (
            <>
              {' ／ '}
              <a href={`${base}/settings`}>募集の設定</a>
              {' ／ '}
              <a href={`${base}/profiles`}>掲載情報の変更申請（確認待ち {pendingProfiles.length}件）</a>
              {' ／ '}
              <a href={`${base}/notices`}>事業者へのお知らせ</a>
            </>
          )}
        </p>
        <Form action={base} method="get" label="申請の絞り込み">
          <SelectField name="status" label="状態" value={status} emptyOption="すべて" options={APPLICATION_STATUSES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: cm(`status.${s}`) }))} />
          <SelectField name="ward" label="区" value={q.ward} emptyOption="すべて" options={WARDS.map((w) => ({ value: w, label: w }))} />
          <SelectField name="type" label="種別" value={q.type} emptyOption="すべて" options={FACILITY_TYPES.map((t) => ({ value: t, label: cm(`type.${t}`) }))} />
          <DateField name="from" label="申請日（開始）" value={q.from} />
          <DateField name="to" label="申請日（終了）" value={q.to} />
          <SelectField name="assignee" label="担当" value={q.assignee} emptyOption="すべて" options={[{ value: 'me', label: '自分' }, { value: 'none', label: '未割り当て' }]} />
          <Button preventDoubleSubmit={false}>絞り込む</Button>
        </Form>
        <Table
          caption={`参加申請（${rows.length}件）`}
          columns={[
            { key: 'number', header: '申請番号', rowHeader: true },
            { key: 'name', header: '施設名' },
            { key: 'ward', header: '区' },
            { key: 'type', header: '種別' },
            { key: 'status', header: '状態' },
            { key: 'submitted', header: '申請日時' },
          ]}
          rows={rows.map((a) => ({
            number: <a href={`/admin/campaign/applications/${a.id}`}>{a.number ?? `#${a.id}`}</a>,
            name: String(a.facility.name ?? ''),
            ward: String(a.facility.ward ?? ''),
            type: FACILITY_TYPES.includes(a.facility.type as never) ? cm(`type.${a.facility.type as (typeof FACILITY_TYPES)[number]}`) : '',
            status: <StatusBadge tone={a.status === 'escalated' ? 'warning' : a.status === 'approved' ? 'success' : 'info'}>{cm(`status.${a.status}`)}</StatusBadge>,
            submitted: a.submittedAt ? tokyoDateTime(a.submittedAt) : '',
          }))}
          emptyMessage="該当する申請はありません"
        />
      </>
    ),
  });
});

for (const [ext, kind] of [['xlsx', 'xlsx'], ['csv', 'csv-utf8']] as const) {
  adminQueue.get(`/campaign/:slug/registry.${ext}`, async (c) => {
    const { program, roles } = await requireProgramRole(c, c.req.param('slug'), ['admin', 'operator', 'city']);
    return registryResponse(c, program, roles, kind, variantOf(c));
  });
}
