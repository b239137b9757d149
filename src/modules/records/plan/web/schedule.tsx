import { Hono } from 'hono';
import { formatJaDate, tokyoDate, tokyoDateTime } from '../../../../platform/calendar/index.js';
import type { Role } from '../../../../platform/auth/schema.js';
import type { FieldError } from '../../../../platform/errors/index.js';
import { adminPage } from '../../../../platform/http/admin-page.js';
import { csrfToken } from '../../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../../platform/http/env.js';
import { submitForm } from '../../../../platform/http/form-action.js';
import { formFields, formList } from '../../../../platform/http/form.js';
import { primaryRole, requireProgramRole } from '../../../../platform/http/guards.js';
import { exportResponse } from '../../../../platform/exports/index.js';
import type { Program } from '../../../../platform/programs/schema.js';
import { Button, ButtonLink, ErrorSummary, Form, NotificationBanner, Table } from '../../../../ui/index.js';
import { plm } from '../messages.js';
import type { ScheduleTask } from '../schema.js';
import { addTask, applyPreset, removeTask, submitSchedule, updateTask } from '../schedule/commands.js';
import { GanttChart } from '../schedule/gantt.js';
import { schedulePdf } from '../schedule/pdf.js';
import { isLate, listTasks, scheduleApproval, type ScheduleApproval } from '../schedule/queries.js';
import { EDIT, isContractor, pdfBytesResponse, READ, taskFor } from './load.js';
import { TASK_FIELDS, TaskFields, taskValues, type TaskFormValues } from './task-form.js';

export const scheduleAdmin = new Hono<AppEnv>();

const EMPTY: TaskFormValues = { values: {}, dependsOn: [], errors: [] };
const href = (p: Program) => `/admin/records/${p.slug}/schedule`;
const today = (c: AppContext) => tokyoDate(c.get('deps').clock.now());

export const ownerText = (t: ScheduleTask) => `${plm(`owner.${t.owner}`)}${t.ownerName ? `（${t.ownerName}）` : ''}`;

export function approvalText(a: ScheduleApproval): string {
  return a.state === 'approved' ? plm('state.approved', { at: a.approvedAt ? tokyoDateTime(a.approvedAt) : '' }) : plm(`state.${a.state}`);
}

async function taskInput(c: AppContext) {
  const f = await formFields(c);
  const dependsOn = await formList(c, 'dependsOn');
  const input = { ...Object.fromEntries(TASK_FIELDS.map((k) => [k, f[k] ?? ''])), dependsOn };
  return { f, dependsOn, input, seen: f.seenUpdatedAt };
}

/** The schedule with its Gantt chart and table, its approval state, and (for the contractor) the forms. */
async function schedulePage(c: AppContext, program: Program, roles: Role[], form: TaskFormValues & { status?: number } = EMPTY) {
  const db = c.get('deps').db;
  const tasks = await listTasks(db, program.id);
  const approval = await scheduleApproval(db, program.id, tasks);
  const day = today(c);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const edit = isContractor(roles);
  return adminPage(c, {
    title: plm('schedule.title'),
    breadcrumbs: [{ label: program.name, href: '/admin' }, { label: plm('schedule.title') }],
    notice: form.errors.length ? <ErrorSummary errors={form.errors} /> : undefined,
    hasErrors: form.errors.length > 0,
    status: form.status,
    children: (
      <>
        <p>{plm('schedule.intro')}</p>
        <NotificationBanner kind={approval.state === 'reapproval' || approval.state === 'changed' ? 'warning' : 'info'} title={plm('state.label')}>
          <p>{approvalText(approval)}</p>
          {approval.deliverableId ? <p><a href={`/admin/deliverables/items/${approval.deliverableId}`}>{plm('schedule.deliverable')}</a></p> : null}
        </NotificationBanner>
        {tasks.length ? (
          <>
            <h2>{plm('schedule.chart')}</h2>
            <figure class="app-figure">
              <GanttChart tasks={tasks} today={day} label={plm('schedule.chartLabel', { name: program.name })} />
            </figure>
            <p>
              <ButtonLink href={`${href(program)}.xlsx`} variant="secondary" size="sm">{plm('schedule.xlsx')}</ButtonLink>{' '}
              <ButtonLink href={`${href(program)}.pdf`} variant="secondary" size="sm">{plm('schedule.pdf')}</ButtonLink>
            </p>
          </>
        ) : null}
        <Table
          caption={plm('schedule.table')}
          columns={[
            { key: 'title', header: plm('col.title'), rowHeader: true },
            { key: 'kind', header: plm('col.kind') },
            { key: 'starts', header: plm('col.starts') },
            { key: 'ends', header: plm('col.ends') },
            { key: 'owner', header: plm('col.owner') },
            { key: 'progress', header: plm('col.progress'), numeric: true },
            { key: 'deps', header: plm('col.deps') },
            { key: 'status', header: plm('col.status') },
            ...(edit ? [{ key: 'edit', header: '' }] : []),
          ]}
          rows={tasks.map((t) => ({
            title: t.title,
            kind: plm(t.milestone ? 'kind.milestone' : 'kind.task'),
            starts: formatJaDate(t.startsOn),
            ends: formatJaDate(t.endsOn),
            owner: ownerText(t),
            progress: `${t.progress}%`,
            deps: t.dependsOn.map((d) => byId.get(d)?.title ?? '').filter(Boolean).join('、') || '—',
            status: isLate(t, day) ? <strong>{plm('status.late')}</strong> : plm(t.progress >= 100 ? 'status.done' : 'status.open'),
            // aria-label, not a visually hidden span: an absolutely placed span escapes the table's scroll box at 320 px.
            edit: <a href={`/admin/records/schedule/tasks/${t.id}`} aria-label={`${plm('schedule.edit')}：${t.title}`}>{plm('schedule.edit')}</a>,
          }))}
          emptyMessage={plm('schedule.empty')}
        />
        {edit ? (
          <>
            {tasks.length ? (
              <Form action={`${href(program)}/submit`} csrfToken={csrfToken(c)}>
                <Button>{plm('schedule.submit')}</Button>
              </Form>
            ) : (
              <Form action={`${href(program)}/preset`} csrfToken={csrfToken(c)}>
                <p>{plm(program.kind === 'event' ? 'schedule.presetEvent' : 'schedule.presetCampaign')}</p>
                <Button>{plm('schedule.preset')}</Button>
              </Form>
            )}
            <h2>{plm('schedule.add')}</h2>
            <Form action={`${href(program)}/tasks`} csrfToken={csrfToken(c)}>
              <TaskFields form={form} others={tasks} />
              <Button>{plm('schedule.add')}</Button>
            </Form>
          </>
        ) : null}
      </>
    ),
  });
}

async function taskPage(c: AppContext, program: Program, task: ScheduleTask, form: TaskFormValues & { status?: number; seen?: string }) {
  const others = (await listTasks(c.get('deps').db, program.id)).filter((t) => t.id !== task.id);
  return adminPage(c, {
    title: plm('schedule.editTitle', { title: task.title }),
    breadcrumbs: [{ label: program.name, href: '/admin' }, { label: plm('schedule.title'), href: href(program) }, { label: task.title }],
    notice: form.errors.length ? <ErrorSummary errors={form.errors} /> : undefined,
    hasErrors: form.errors.length > 0,
    status: form.status,
    children: (
      <>
        <Form action={`/admin/records/schedule/tasks/${task.id}`} csrfToken={csrfToken(c)}>
          <input type="hidden" name="seenUpdatedAt" value={form.seen ?? task.updatedAt.toISOString()} />
          <TaskFields form={form} others={others} />
          <Button>{plm('schedule.save')}</Button>
        </Form>
        <Form action={`/admin/records/schedule/tasks/${task.id}/delete`} csrfToken={csrfToken(c)}>
          <input type="hidden" name="seenUpdatedAt" value={task.updatedAt.toISOString()} />
          <Button variant="danger">{plm('schedule.remove')}</Button>
        </Form>
      </>
    ),
  });
}

scheduleAdmin.get('/records/:slug/schedule', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), READ);
  return schedulePage(c, program, roles);
});

scheduleAdmin.post('/records/:slug/schedule/preset', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), EDIT);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => applyPreset(ctx, program.id),
    rerender: (errors: FieldError[], status: number) => schedulePage(c, program, roles, { ...EMPTY, errors, status }),
    flash: plm('flash.preset'),
    redirect: href(program),
  });
});

scheduleAdmin.post('/records/:slug/schedule/tasks', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), EDIT);
  const { f, dependsOn, input } = await taskInput(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => addTask(ctx, program.id, input),
    rerender: (errors, status) => schedulePage(c, program, roles, { values: f, dependsOn, errors, status }),
    flash: plm('flash.added'),
    redirect: href(program),
  });
});

scheduleAdmin.post('/records/:slug/schedule/submit', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), EDIT);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => submitSchedule(ctx, program.id),
    rerender: (errors, status) => schedulePage(c, program, roles, { ...EMPTY, errors, status }),
    flash: (n) => plm('flash.submitted', { n }),
    redirect: href(program),
  });
});

scheduleAdmin.get('/records/schedule/tasks/:id{[0-9]+}', async (c) => {
  const { row, program } = await taskFor(c, EDIT);
  return taskPage(c, program, row, taskValues(row));
});

scheduleAdmin.post('/records/schedule/tasks/:id{[0-9]+}', async (c) => {
  const { row, program, roles } = await taskFor(c, EDIT);
  const { f, dependsOn, input, seen } = await taskInput(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => updateTask(ctx, row.id, input, seen),
    rerender: (errors, status) => taskPage(c, program, row, { values: f, dependsOn, errors, status, seen }),
    flash: (r) => plm(r.resent ? 'flash.savedResent' : 'flash.saved'),
    redirect: href(program),
  });
});

scheduleAdmin.post('/records/schedule/tasks/:id{[0-9]+}/delete', async (c) => {
  const { row, program, roles } = await taskFor(c, EDIT);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => removeTask(ctx, row.id, f.seenUpdatedAt),
    rerender: (errors, status) => taskPage(c, program, row, { ...taskValues(row), errors, status }),
    flash: plm('flash.removed'),
    redirect: href(program),
  });
});

scheduleAdmin.get('/records/:slug/schedule.xlsx', async (c) => {
  const { program } = await requireProgramRole(c, c.req.param('slug'), READ);
  const tasks = await listTasks(c.get('deps').db, program.id);
  const byId = new Map(tasks.map((t) => [t.id, t.title]));
  const day = today(c);
  return exportResponse('xlsx', `業務工程表_${program.slug}`, tasks, [
    { header: 'ID', value: (t) => t.id, kind: 'int' },
    { header: plm('col.title'), value: (t) => t.title, width: 40 },
    { header: plm('col.kind'), value: (t) => plm(t.milestone ? 'kind.milestone' : 'kind.task') },
    { header: plm('col.starts'), value: (t) => t.startsOn, kind: 'date' },
    { header: plm('col.ends'), value: (t) => t.endsOn, kind: 'date' },
    { header: plm('col.owner'), value: (t) => ownerText(t), width: 24 },
    { header: plm('col.progress'), value: (t) => t.progress, kind: 'int' },
    { header: plm('col.deps'), value: (t) => t.dependsOn.map((d) => byId.get(d) ?? '').join('、'), width: 30 },
    { header: plm('col.status'), value: (t) => (isLate(t, day) ? plm('status.late') : t.progress >= 100 ? plm('status.done') : '') },
  ], plm('xlsx.sheet'));
});

scheduleAdmin.get('/records/:slug/schedule.pdf', async (c) => {
  const { program } = await requireProgramRole(c, c.req.param('slug'), READ);
  return pdfBytesResponse(`業務工程表_${program.slug}`, await schedulePdf(program, await listTasks(c.get('deps').db, program.id), today(c)));
});
