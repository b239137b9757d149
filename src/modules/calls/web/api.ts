import { Hono } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../../../platform/http/env.js';
import { jsonBody } from '../../../platform/http/json-body.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { runAs } from '../../../platform/http/run-as.js';
import { logCall } from '../commands/log-call.js';
import { logCallDirect } from '../commands/log-call-direct.js';
import { actorOf } from '../../../platform/http/actor.js';
import { submitTally } from '../commands/submit-tally.js';
import { dailyDueAt, monthlyDueOn, tokyoIso } from '../due.js';
import { dailyTally, findSubmission, monthlyTally } from '../queries.js';
import { DESK_ROLES, READ_ROLES, RUN_ROLES } from '../roles.js';
import type { CallAnswer, DailyAnswer, MonthlyAnswer, SubmitAnswer } from './api-schemas.js';
import { callsProgram, dateParam, monthParam } from './load.js';

export const callsApi = new Hono<AppEnv>();

/** Logs a call (agent, operator, admin): 201 `{ id, number, simple }`. */
callsApi.post('/programs/:slug/calls', async (c) => {
  const { program, roles } = await callsProgram(c, DESK_ROLES, { kept: true });
  const body = await jsonBody(c);
  // One statement in the usual case (log-call-direct.ts), for all the calls waiting together: on the
  // embedded database this request gives back its turn (eight run at once), so a burst of agents
  // goes in one statement instead of groups of eight. An erased vault key goes the general way, which says so.
  c.get('yieldTurn')?.();
  const row = (await logCallDirect(c.get('deps'), program.id, actorOf(c, primaryRole(roles)), body)) ?? (await runAs(c, primaryRole(roles), (ctx) => logCall(ctx, program.id, body)));
  return c.json({ id: row.id, number: row.number, simple: row.simple } satisfies z.infer<typeof CallAnswer>, 201);
});

callsApi.get('/programs/:slug/calls/daily/:date', async (c) => {
  const { program } = await callsProgram(c, READ_ROLES);
  const date = dateParam(c);
  const db = c.get('deps').db;
  const t = await dailyTally(db, program.id, date);
  const sub = await findSubmission(db, program.id, 'daily', date);
  return c.json({
    date,
    dueAt: tokyoIso(dailyDueAt(date)),
    total: t.total,
    simple: t.simple,
    missed: t.missed,
    byCallerType: t.byCallerType,
    byCategory: t.byCategory,
    submittedAt: sub?.submittedAt ? tokyoIso(sub.submittedAt) : null,
  } satisfies z.infer<typeof DailyAnswer>);
});

callsApi.get('/programs/:slug/calls/monthly/:month', async (c) => {
  const { program } = await callsProgram(c, READ_ROLES);
  const month = monthParam(c);
  const db = c.get('deps').db;
  const t = await monthlyTally(db, program.id, month);
  const sub = await findSubmission(db, program.id, 'monthly', month);
  return c.json({
    month,
    dueOn: monthlyDueOn(month),
    total: t.total,
    simple: t.simple,
    missed: t.missed,
    byCallerType: t.byCallerType,
    byCategory: t.byCategory,
    byDay: t.byDay,
    submittedAt: sub?.submittedAt ? tokyoIso(sub.submittedAt) : null,
  } satisfies z.infer<typeof MonthlyAnswer>);
});

callsApi.post('/programs/:slug/calls/daily/:date/submit', async (c) => {
  const { program, roles } = await callsProgram(c, RUN_ROLES);
  const date = dateParam(c);
  const r = await runAs(c, primaryRole(roles), (ctx) => submitTally(ctx, program.id, 'daily', date));
  return c.json({ submittedAt: tokyoIso(r.submittedAt), onTime: r.onTime } satisfies z.infer<typeof SubmitAnswer>);
});

callsApi.post('/programs/:slug/calls/monthly/:month/submit', async (c) => {
  const { program, roles } = await callsProgram(c, RUN_ROLES);
  const month = monthParam(c);
  const r = await runAs(c, primaryRole(roles), (ctx) => submitTally(ctx, program.id, 'monthly', month));
  return c.json({ submittedAt: tokyoIso(r.submittedAt), onTime: r.onTime } satisfies z.infer<typeof SubmitAnswer>);
});
