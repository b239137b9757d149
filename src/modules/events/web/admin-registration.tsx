import { Hono } from 'hono';
import type { AuditAction } from '../../../platform/audit/actions.js';
import { runCommand } from '../../../platform/command.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import { programScope } from '../../../platform/vault/index.js';
import { Button, ConfirmForm, DescriptionList, Form, StatusBadge, Table } from '../../../ui/index.js';
import { cancelRegistration } from '../commands/cancel-registration.js';
import { checkIn } from '../commands/check-in.js';
import { markPrintSent } from '../commands/mark-print-sent.js';
import { mergeRegistration } from '../commands/merge-registration.js';
import { ATTENDANCE_LABELS, CHANNEL_LABELS, STATUS_LABELS, accommodationText } from '../format.js';
import { linkToken, manageUrl } from '../link-token.js';
import { drawConfirmationSheet } from '../pdf/confirmation-sheet.js';
import { openPerson } from '../person.js';
import { readRoster } from '../roster.js';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { adminBase, crumbs } from './admin-common.js';
import { READ_ROLES, RUN_ROLES, formId, staffEvent, staffRegistration } from './load.js';

export const eventsAdminRegistration = new Hono<AppEnv>();

/** Opens one registration for a staff page or print, auditing the access. */
async function openOne(c: AppContext, roles: typeof READ_ROLES, action: AuditAction) {
  const found = await staffRegistration(c, roles);
  const { program, registration: r } = found;
  return runCommand(c.get('deps'), actorOf(c, primaryRole(found.roles)), async (ctx) => {
    const box = await ctx.deps.vault.box(ctx.tx, programScope(program.id));
    ctx.audit({ action, programId: program.id, targetType: 'event_registration', targetId: r.id });
    return { ...found, p: openPerson(box, r), link: manageUrl(ctx.deps.config.publicBaseUrl, program.slug, linkToken(box, r.linkNonce)) };
  });
}

eventsAdminRegistration.get('/events/registrations/:id', async (c) => {
  const { program, registration: r, p, roles } = await openOne(c, READ_ROLES, 'events.registration.viewed');
  const canRun = roles.some((x) => RUN_ROLES.includes(x));
  const live = r.status === 'confirmed' || r.status === 'waitlisted';
  const base = `/admin/events/registrations/${r.id}`;
  return adminPage(c, {
    title: `受付番号 ${r.number}`,
    breadcrumbs: crumbs(program, { label: '参加者名簿', href: `${adminBase(program)}/roster` }, { label: `受付番号 ${r.number}` }),
    children: (
      <>
        <DescriptionList
          items={[
            { term: '状況', detail: <StatusBadge tone={r.status === 'confirmed' ? 'success' : 'neutral'}>{STATUS_LABELS[r.status]}</StatusBadge> },
            { term: '氏名', detail: `${p.name}（${p.nameKana}）` },
            { term: '所属・役職', detail: [p.organization, p.orgRole].filter(Boolean).join(' ') || '—' },
            { term: '連絡先', detail: [p.email && `メール ${p.email}`, p.phone && `電話 ${p.phone}`, p.fax && `FAX ${p.fax}`].filter(Boolean).join('／') || '—' },
            { term: '参加方法', detail: ATTENDANCE_LABELS[r.attendance] },
            { term: '受付経路・受付日', detail: `${CHANNEL_LABELS[r.channel]}（${r.receivedOn}）` },
            { term: '合理的配慮', detail: accommodationText(r.accommodations, p.accommodationNote) || '—' },
            { term: '質問', detail: p.question || '—' },
            { term: '受付確認書', detail: r.printStatus === 'to-send' ? '送付待ち' : r.printStatus === 'sent' ? `送付済み（${tokyoDateTime(r.printSentAt!)}）` : 'メールで送信' },
            { term: '当日受付', detail: r.checkedInAt ? `出席（${tokyoDateTime(r.checkedInAt)}）` : '—' },
            ...(r.possibleDuplicateOf ? [{ term: '重複の可能性', detail: <a href={`/admin/events/registrations/${r.possibleDuplicateOf}`}>同じ方の申込（ID {r.possibleDuplicateOf}）があります</a> }] : []),
          ]}
        />
        <p>
          <a href={`${base}/confirmation.pdf`}>受付確認書を印刷する（PDF）</a>
        </p>
        {canRun && r.printStatus === 'to-send' && (
          <Form action={`${base}/sent`} csrfToken={csrfToken(c)}>
            <Button variant="secondary">受付確認書を送付済みにする</Button>
          </Form>
        )}
        {canRun && live && r.possibleDuplicateOf && (
          <Form action={`${base}/merge`} csrfToken={csrfToken(c)}>
            <input type="hidden" name="keepId" value={String(r.possibleDuplicateOf)} />
            <Button variant="secondary">先の申込（ID {r.possibleDuplicateOf}）に統合する</Button>
          </Form>
        )}
        {canRun && live && (
          <p>
            <a href={`${base}/cancel`}>この申込を取り消す</a>
          </p>
        )}
      </>
    ),
  });
});

eventsAdminRegistration.get('/events/registrations/:id/confirmation.pdf', async (c) => {
  const { program, registration: r, p, link } = await openOne(c, RUN_ROLES, 'events.confirmation.printed');
  const now = c.get('deps').clock.now();
  return pdfResponse(`受付確認書_${r.number}`, (doc) => drawConfirmationSheet(doc, program, r, p, link, now), { title: `受付確認書 ${r.number}` }, true);
});

eventsAdminRegistration.post('/events/registrations/:id/sent', async (c) => {
  const { program, registration: r, roles } = await staffRegistration(c, RUN_ROLES);
  await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => markPrintSent(ctx, program.id, r.id));
  setFlash(c, { kind: 'success', message: `受付番号 ${r.number} の受付確認書を送付済みにしました` });
  return c.redirect(`${adminBase(program)}/to-send`, 303);
});

eventsAdminRegistration.post('/events/registrations/:id/merge', async (c) => {
  const { program, registration: r, roles } = await staffRegistration(c, RUN_ROLES);
  const keepId = formId((await formFields(c)).keepId);
  await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => mergeRegistration(ctx, program, r.id, keepId));
  setFlash(c, { kind: 'success', message: `受付番号 ${r.number} を先の申込に統合しました` });
  return c.redirect(`/admin/events/registrations/${keepId}`, 303);
});

eventsAdminRegistration.get('/events/registrations/:id/cancel', async (c) => {
  const { program, registration: r } = await staffRegistration(c, RUN_ROLES);
  return adminPage(c, {
    title: `受付番号 ${r.number} の取消`,
    breadcrumbs: crumbs(program, { label: `受付番号 ${r.number}`, href: `/admin/events/registrations/${r.id}` }, { label: '取消' }),
    children: (
      <ConfirmForm action={`/admin/events/registrations/${r.id}/cancel`} csrfToken={csrfToken(c)} submitLabel="取り消す" cancelHref={`/admin/events/registrations/${r.id}`} danger>
        <p>この申込を取り消します。参加確定の方を取り消すと、キャンセル待ちの先頭の方が自動で繰り上がり、メールで通知されます。</p>
      </ConfirmForm>
    ),
  });
});

eventsAdminRegistration.post('/events/registrations/:id/cancel', async (c) => {
  const { program, registration: r, roles } = await staffRegistration(c, RUN_ROLES);
  const { promoted } = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => cancelRegistration(ctx, program, r.id, 'staff'));
  const up = promoted.length ? `受付番号 ${promoted.map((x) => x.number).join('、')} を繰り上げました。` : '';
  setFlash(c, { kind: 'success', message: `受付番号 ${r.number} を取り消しました。${up}` });
  return c.redirect(`/admin/events/registrations/${r.id}`, 303);
});

eventsAdminRegistration.post('/events/registrations/:id/checkin', async (c) => {
  const { program, registration: r, roles } = await staffRegistration(c, RUN_ROLES);
  await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => checkIn(ctx, program.id, r.id));
  setFlash(c, { kind: 'success', message: `受付番号 ${r.number} の出席を記録しました` });
  const back = (await formFields(c)).q;
  return c.redirect(`${adminBase(program)}/checkin${back ? `?q=${encodeURIComponent(back)}` : ''}`, 303);
});

/** Printed confirmations owed to FAX and postal applicants. */
eventsAdminRegistration.get('/events/:slug/to-send', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const rows = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => readRoster(ctx, program, { toSend: true }, { action: 'viewed', what: 'to-send list' }));
  return adminPage(c, {
    title: '送付待ちの受付確認書',
    breadcrumbs: crumbs(program, { label: '送付待ちの受付確認書' }),
    children: (
      <Table
        caption={`送付待ち（${rows.length}件）`}
        columns={[
          { key: 'number', header: '番号', numeric: true, rowHeader: true },
          { key: 'name', header: '氏名' },
          { key: 'to', header: '送付先' },
          { key: 'status', header: '状況' },
          { key: 'print', header: '印刷' },
          { key: 'sent', header: '送付' },
        ]}
        rows={rows.map(({ r, p }) => ({
          number: <a href={`/admin/events/registrations/${r.id}`}>{r.number}</a>,
          name: p.name,
          to: p.fax ? `FAX ${p.fax}` : p.phone ? `郵送（電話 ${p.phone}）` : '郵送',
          status: STATUS_LABELS[r.status],
          print: <a href={`/admin/events/registrations/${r.id}/confirmation.pdf`}>受付確認書（PDF）</a>,
          sent: (
            <Form action={`/admin/events/registrations/${r.id}/sent`} csrfToken={csrfToken(c)}>
              <Button size="sm" variant="secondary">送付済みにする</Button>
            </Form>
          ),
        }))}
        emptyMessage="送付待ちの受付確認書はありません"
      />
    ),
  });
});
