import { Hono } from 'hono';
import type { z } from 'zod';
import { tokyoDate } from '../../../../platform/calendar/index.js';
import type { AppEnv } from '../../../../platform/http/env.js';
import { requireProgramRole } from '../../../../platform/http/guards.js';
import { plm } from '../messages.js';
import { ganttSvg } from '../schedule/gantt.js';
import { listTasks, scheduleApproval } from '../schedule/queries.js';
import { READ } from './load.js';
import type { ScheduleAnswer } from './openapi.js';

export const planApi = new Hono<AppEnv>();

planApi.get('/programs/:slug/schedule', async (c) => {
  const { program } = await requireProgramRole(c, c.req.param('slug'), READ);
  const db = c.get('deps').db;
  const tasks = await listTasks(db, program.id);
  const a = await scheduleApproval(db, program.id, tasks);
  return c.json({
    approvedAt: a.approvedAt ? a.approvedAt.toISOString() : null,
    tasks: tasks.map((t) => ({ id: t.id, title: t.title, startsOn: t.startsOn, endsOn: t.endsOn, progress: t.progress, milestone: t.milestone })),
  } satisfies z.infer<typeof ScheduleAnswer>);
});

planApi.get('/programs/:slug/schedule.svg', async (c) => {
  const { program } = await requireProgramRole(c, c.req.param('slug'), READ);
  const tasks = await listTasks(c.get('deps').db, program.id);
  const svg = await ganttSvg(tasks, tokyoDate(c.get('deps').clock.now()), plm('schedule.chartLabel', { name: program.name }));
  return c.body(svg, 200, { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
});
