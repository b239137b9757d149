import { Hono } from 'hono';
import { runCommand } from '../../../platform/command.js';
import { exportResponse } from '../../../platform/exports/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import { Button, DescriptionList, Form, SelectField, StatusBadge, Table, Checkbox } from '../../../ui/index.js';
import { eventConfig } from '../config.js';
import { ACCOMMODATION_LABELS, ATTENDANCE_LABELS, CHANNEL_LABELS, STATUS_LABELS, eventDateText } from '../format.js';
import { drawNameCards } from '../pdf/name-cards.js';
import { drawReceptionList } from '../pdf/reception-list.js';
import { foldKana } from '../person.js';
import { rosterCounts } from '../queries.js';
import { readRoster, ROSTER_COLUMNS } from '../roster.js';
import { adminBase, crumbs, filenameDate, rosterFilter } from './admin-common.js';
import { READ_ROLES, RUN_ROLES, staffEvent } from './load.js';

export const eventsAdminRoster = new Hono<AppEnv>();

const tally = (rec: Record<string, number>, labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, label]) => `${label} ${rec[k] ?? 0}`)
    .join('／');

/** The event's back-office home: counts by status, channel and attendance, and every tool. */
eventsAdminRoster.get('/events/:slug', async (c) => {
  const { program } = await staffEvent(c, READ_ROLES);
  const cfg = eventConfig(program);
  const counts = await rosterCounts(c.get('deps').db, program.id);
  const base = adminBase(program);
  return adminPage(c, {
    title: program.name,
    breadcrumbs: crumbs(program).slice(0, 2),
    children: (
      <>
        <DescriptionList
          items={[
            { term: '日時', detail: eventDateText(cfg) },
            { term: '会場', detail: `${cfg.venueName}（定員 ${cfg.capacity}名）` },
            { term: 'オンライン', detail: cfg.onlineEnabled ? `あり（定員 ${cfg.onlineCapacity ?? '上限なし'}）` : 'なし' },
            { term: '状況別', detail: tally(counts.byStatus, STATUS_LABELS) },
            { term: '受付経路別（有効な申込）', detail: tally(counts.byChannel, CHANNEL_LABELS) },
            { term: '参加方法別（参加確定）', detail: tally(counts.byAttendance, ATTENDANCE_LABELS) },
            { term: '当日受付', detail: `出席 ${counts.checkedIn}名（うち当日参加 ${counts.walkIns}名）` },
          ]}
        />
        <ul class="app-link-list">
          <li><a href={`${base}/roster`}>参加者名簿</a></li>
          <li><a href={`${base}/registrations/new`}>メール・FAX・電話・郵送の申込を入力する</a></li>
          <li><a href={`${base}/to-send`}>送付待ちの受付確認書</a></li>
          <li><a href={`${base}/groups`}>グループ分け</a></li>
          <li><a href={`${base}/checkin`}>当日受付（チェックイン）</a></li>
          <li><a href={`${base}/setup`}>開催情報・プログラムの設定</a></li>
        </ul>
      </>
    ),
  });
});

/** The searchable roster; opening it is an audited view of personal data. */
eventsAdminRoster.get('/events/:slug/roster', async (c) => {
  const { program, roles } = await staffEvent(c, READ_ROLES);
  const filter = rosterFilter(c);
  const rows = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => readRoster(ctx, program, filter, { action: 'viewed', what: 'roster page' }));
  const base = adminBase(program);
  const qs = new URLSearchParams(Object.entries(c.req.query()).filter(([, v]) => v)).toString();
  const opt = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
  return adminPage(c, {
    title: '参加者名簿',
    breadcrumbs: crumbs(program, { label: '参加者名簿' }),
    children: (
      <>
        <Form action={`${base}/roster`} method="get" label="名簿の絞り込み">
          <SelectField name="status" label="状況" value={filter.status} emptyOption="すべて" options={opt(STATUS_LABELS)} />
          <SelectField name="channel" label="受付経路" value={filter.channel} emptyOption="すべて" options={opt(CHANNEL_LABELS)} />
          <SelectField name="attendance" label="参加方法" value={filter.attendance} emptyOption="すべて" options={opt(ATTENDANCE_LABELS)} />
          <Checkbox name="needs" label="配慮が必要な方だけ" checked={filter.needs} />
          <Button preventDoubleSubmit={false}>絞り込む</Button>
        </Form>
        <p>
          <a href={`${base}/roster.xlsx${qs ? `?${qs}` : ''}`}>この名簿を Excel でダウンロード</a>
          {' ／ '}
          <a href={`${base}/reception.pdf`}>受付名簿（PDF）</a>
          {' ／ '}
          <a href={`${base}/name-cards.pdf`}>名札（PDF）</a>
        </p>
        <Table
          caption={`参加者名簿（${rows.length}件）`}
          columns={[
            { key: 'number', header: '番号', numeric: true, rowHeader: true },
            { key: 'status', header: '状況' },
            { key: 'name', header: '氏名' },
            { key: 'org', header: '所属' },
            { key: 'attendance', header: '参加方法' },
            { key: 'channel', header: '受付経路' },
            { key: 'needs', header: '配慮' },
            { key: 'notes', header: '確認' },
          ]}
          rows={rows.map(({ r, p }) => ({
            number: <a href={`/admin/events/registrations/${r.id}`}>{r.number}</a>,
            status: <StatusBadge tone={r.status === 'confirmed' ? 'success' : r.status === 'waitlisted' ? 'warning' : 'neutral'}>{STATUS_LABELS[r.status]}</StatusBadge>,
            name: (
              <>
                {p.name}
                <br />
                <span class="app-hint">{p.nameKana}</span>
              </>
            ),
            org: [p.organization, p.orgRole].filter(Boolean).join(' '),
            attendance: ATTENDANCE_LABELS[r.attendance],
            channel: `${CHANNEL_LABELS[r.channel]}（${r.receivedOn}）`,
            needs: [...r.accommodations.map((a) => ACCOMMODATION_LABELS[a]), p.accommodationNote ? 'あり' : ''].filter(Boolean).join('・') || '—',
            notes: [r.possibleDuplicateOf ? '重複の可能性' : '', r.printStatus === 'to-send' ? '確認書未送付' : '', r.checkedInAt ? '出席' : ''].filter(Boolean).join('・') || '—',
          }))}
          emptyMessage="該当する申込はありません"
        />
      </>
    ),
  });
});

eventsAdminRoster.get('/events/:slug/roster.xlsx', async (c) => {
  const { program, roles } = await staffEvent(c, READ_ROLES);
  const filter = rosterFilter(c);
  const rows = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => readRoster(ctx, program, filter, { action: 'exported', what: 'roster.xlsx' }));
  return exportResponse('xlsx', `参加者名簿_${program.slug}_${filenameDate(c)}`, rows, ROSTER_COLUMNS, '参加者名簿');
});

const byKana = (a: { p: { nameKana: string } }, b: { p: { nameKana: string } }) => foldKana(a.p.nameKana).localeCompare(foldKana(b.p.nameKana), 'ja');

eventsAdminRoster.get('/events/:slug/reception.pdf', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const rows = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) =>
    readRoster(ctx, program, { status: 'confirmed', attendance: 'venue' }, { action: 'printed', what: 'reception list' }),
  );
  return pdfResponse(`受付名簿_${program.slug}`, (doc) => drawReceptionList(doc, program, rows.sort(byKana)), { title: `${program.name} 受付名簿`, margin: 36 });
});

eventsAdminRoster.get('/events/:slug/name-cards.pdf', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const rows = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) =>
    readRoster(ctx, program, { status: 'confirmed', attendance: 'venue' }, { action: 'printed', what: 'name cards' }),
  );
  return pdfResponse(`名札_${program.slug}`, (doc) => drawNameCards(doc, rows.sort(byKana)), { title: `${program.name} 名札`, margin: 0 });
});
