import { Hono } from 'hono';
import { formatJaDate, isIsoDate, tokyoDate, tokyoDateTime } from '../../../platform/calendar/index.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { requireProgramRole } from '../../../platform/http/guards.js';
import { Button, DateField, DescriptionList, Form, SelectField, StatusBadge, Table } from '../../../ui/index.js';
import { windowMessage } from '../commands/application-window.js';
import { campaignConfig } from '../config.js';
import { cm } from '../messages.js';
import { facilitiesWithPendingProfile, listApplications, sharedLicenseNumbers, type QueueFilter } from '../queries.js';
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
  const shared = await sharedLicenseNumbers(c.get('deps').db, program.id);
  const pendingProfiles = cityOnly ? [] : await facilitiesWithPendingProfile(c.get('deps').db, program.id);
  const base = `/admin/campaign/${program.slug}`;
  const cfg = campaignConfig(program);
  const today = tokyoDate(c.get('deps').clock.now());
  return adminPage(c, {
    title: cm('queue.title', { program: program.name }),
    breadcrumbs: [{ label: cm('term.home'), href: '/admin' }, { label: program.name }],
    children: (
      <>
        <DescriptionList
          items={[
            { term: cm('queue.window'), detail: windowMessage(program, c.get('deps').clock.now()) },
            {
              term: cm('queue.deadline'),
              detail: cfg.registryDeadline ? (
                <>
                  {formatJaDate(cfg.registryDeadline)}
                  {cfg.registryDeadline >= today ? cm('queue.daysLeft', { days: daysBetween(today, cfg.registryDeadline) }) : cm('queue.overdue')}
                </>
              ) : (
                cm('queue.unset')
              ),
            },
          ]}
        />
        <p>
          <a href={`${base}/registry.xlsx`}>{cm('queue.registryXlsx')}</a>
          {' ／ '}
          <a href={`${base}/registry.csv`}>CSV</a>
          {' ／ '}
          <a href={`${base}/registry.xlsx?variant=final`}>{cm('queue.registryFinal')}</a>
          {!cityOnly && (
            <>
              {' ／ '}
              <a href={`${base}/settings`}>{cm('term.settings')}</a>
              {' ／ '}
              <a href={`${base}/profiles`}>{cm('queue.profilesLink', { count: pendingProfiles.length })}</a>
              {' ／ '}
              <a href={`${base}/notices`}>{cm('term.notices')}</a>
            </>
          )}
        </p>
        <Form action={base} method="get" label={cm('queue.filterLabel')}>
          <SelectField name="status" label={cm('term.status')} value={status} emptyOption={cm('term.all')} options={APPLICATION_STATUSES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: cm(`status.${s}`) }))} />
          <SelectField name="ward" label={cm('term.ward')} value={q.ward} emptyOption={cm('term.all')} options={WARDS.map((w) => ({ value: w, label: w }))} />
          <SelectField name="type" label={cm('term.type')} value={q.type} emptyOption={cm('term.all')} options={FACILITY_TYPES.map((t) => ({ value: t, label: cm(`type.${t}`) }))} />
          <DateField name="from" label={cm('queue.from')} value={q.from} />
          <DateField name="to" label={cm('queue.to')} value={q.to} />
          <SelectField name="assignee" label={cm('queue.assignee')} value={q.assignee} emptyOption={cm('term.all')} options={[{ value: 'me', label: cm('queue.me') }, { value: 'none', label: cm('term.unassigned') }]} />
          <Button preventDoubleSubmit={false}>{cm('queue.filter')}</Button>
        </Form>
        <Table
          caption={cm('queue.caption', { count: rows.length })}
          columns={[
            { key: 'number', header: cm('term.applicationNumber'), rowHeader: true },
            { key: 'name', header: cm('term.facilityName') },
            { key: 'ward', header: cm('term.ward') },
            { key: 'type', header: cm('term.type') },
            { key: 'status', header: cm('term.status') },
            { key: 'submitted', header: cm('term.submittedAt') },
          ]}
          rows={rows.map((a) => ({
            number: (
              <>
                <a href={`/admin/campaign/applications/${a.id}`}>{a.number ?? `#${a.id}`}</a>
                {a.licenseNumber && shared.has(a.licenseNumber) && a.status !== 'rejected' && (
                  <>
                    {' '}
                    <StatusBadge tone="warning">{cm('queue.duplicate')}</StatusBadge>
                  </>
                )}
              </>
            ),
            name: String(a.facility.name ?? ''),
            ward: String(a.facility.ward ?? ''),
            type: FACILITY_TYPES.includes(a.facility.type as never) ? cm(`type.${a.facility.type as (typeof FACILITY_TYPES)[number]}`) : '',
            status: <StatusBadge tone={a.status === 'escalated' ? 'warning' : a.status === 'approved' ? 'success' : 'info'}>{cm(`status.${a.status}`)}</StatusBadge>,
            submitted: a.submittedAt ? tokyoDateTime(a.submittedAt) : '',
          }))}
          emptyMessage={cm('queue.empty')}
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
