import { Hono } from 'hono';
import { runCommand } from '../../../platform/command.js';
import { AppError, isAppError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import { Button, Form, SelectField, Table, TextField } from '../../../ui/index.js';
import { assignGroups, moveToGroup, setFacilitator } from '../commands/assign-groups.js';
import { eventConfig } from '../config.js';
import { drawGroupSheets } from '../pdf/group-sheets.js';
import { listGroups } from '../queries.js';
import { readRoster } from '../roster.js';
import { adminBase, crumbs } from './admin-common.js';
import { RUN_ROLES, formId, staffEvent } from './load.js';

export const eventsAdminGroups = new Hono<AppEnv>();

eventsAdminGroups.get('/events/:slug/groups', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const deps = c.get('deps');
  const groups = await listGroups(deps.db, program.id);
  const rows = await runCommand(deps, actorOf(c, primaryRole(roles)), (ctx) => readRoster(ctx, program, { status: 'confirmed', attendance: 'venue' }, { action: 'viewed', what: 'groups page' }));
  const base = adminBase(program);
  const groupOptions = [{ value: '0', label: '（なし）' }, ...groups.map((g) => ({ value: String(g.number), label: `グループ ${g.number}` }))];
  return adminPage(c, {
    title: 'グループ分け',
    breadcrumbs: crumbs(program, { label: 'グループ分け' }),
    children: (
      <>
        <p>会場参加（参加確定）の方を、同じ団体の方が別々のグループになるよう、人数をそろえて自動で割り当てます。割当て後に手で調整できます。</p>
        <Form action={`${base}/groups/assign`} csrfToken={csrfToken(c)}>
          <TextField name="size" label="1グループの人数" inputmode="numeric" width="sm" value={eventConfig(program).groupSize} required />
          <Button>自動で割り当てる</Button>
        </Form>
        <p>
          <a href={`${base}/groups.pdf`}>グループ表を印刷する（PDF）</a>
        </p>
        {groups.map((g) => (
          <>
            <h2 class="app-heading-2">グループ {g.number}（{rows.filter((x) => x.group === g.number).length}名）</h2>
            <Form action={`${base}/groups/${g.number}/facilitator`} csrfToken={csrfToken(c)}>
              <TextField name={`facilitator-${g.number}`} label="ファシリテーター" value={g.facilitator} width="md" />
              <Button size="sm" variant="secondary">保存する</Button>
            </Form>
          </>
        ))}
        <Table
          caption={`会場参加者（${rows.length}名）`}
          columns={[
            { key: 'number', header: '番号', numeric: true, rowHeader: true },
            { key: 'name', header: '氏名' },
            { key: 'org', header: '所属' },
            { key: 'group', header: 'グループ' },
          ]}
          rows={rows.map(({ r, p, group }) => ({
            number: String(r.number),
            name: p.name,
            org: p.organization || '—',
            group: (
              <Form action={`${base}/groups/move`} csrfToken={csrfToken(c)}>
                <input type="hidden" name="registrationId" value={String(r.id)} />
                <SelectField name={`group-${r.id}`} label={`受付番号 ${r.number} のグループ`} value={String(group ?? 0)} emptyOption={false} options={groupOptions} width="sm" />
                <Button size="sm" variant="secondary">移動</Button>
              </Form>
            ),
          }))}
          emptyMessage="会場参加の方はいません"
        />
      </>
    ),
  });
});

eventsAdminGroups.post('/events/:slug/groups/assign', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const size = Number((await formFields(c)).size);
  try {
    const n = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => assignGroups(ctx, program, size));
    setFlash(c, { kind: 'success', message: `${n}グループに割り当てました` });
  } catch (e) {
    if (!isAppError(e) || e.code !== 'validation-failed') throw e;
    setFlash(c, { kind: 'error', message: e.message });
  }
  return c.redirect(`${adminBase(program)}/groups`, 303);
});

eventsAdminGroups.post('/events/:slug/groups/move', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const f = await formFields(c);
  const id = formId(f.registrationId);
  const group = Number(f[`group-${id}`] ?? 0);
  if (!Number.isSafeInteger(group) || group < 0) throw new AppError('bad-request', 'グループを選んでください');
  await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => moveToGroup(ctx, program, id, group));
  setFlash(c, { kind: 'success', message: 'グループを変更しました' });
  return c.redirect(`${adminBase(program)}/groups`, 303);
});

eventsAdminGroups.post('/events/:slug/groups/:number{[0-9]+}/facilitator', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const n = Number(c.req.param('number'));
  const f = await formFields(c);
  await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => setFacilitator(ctx, program, n, f[`facilitator-${n}`] ?? ''));
  setFlash(c, { kind: 'success', message: `グループ ${n} のファシリテーターを保存しました` });
  return c.redirect(`${adminBase(program)}/groups`, 303);
});

eventsAdminGroups.get('/events/:slug/groups.pdf', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const deps = c.get('deps');
  const groups = await listGroups(deps.db, program.id);
  const rows = await runCommand(deps, actorOf(c, primaryRole(roles)), (ctx) => readRoster(ctx, program, { status: 'confirmed', attendance: 'venue' }, { action: 'printed', what: 'group sheets' }));
  return pdfResponse(`グループ表_${program.slug}`, (doc) => drawGroupSheets(doc, program, groups, rows), { title: `${program.name} グループ表` });
});
