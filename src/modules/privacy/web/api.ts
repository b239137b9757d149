import { Hono } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../../../platform/http/env.js';
import { primaryRole, requireProgramRole } from '../../../platform/http/guards.js';
import { jsonBody } from '../../../platform/http/json-body.js';
import { runAs } from '../../../platform/http/run-as.js';
import { decideStaff, endStaff, requestStaff } from '../commands/staff.js';
import type { StaffAnswer, StaffEndedAnswer, StaffStatusAnswer } from './openapi.js';
import { DECIDE_ROLES, REQUEST_ROLES, staffEntryFor } from './load.js';

export const privacyApi = new Hono<AppEnv>();

privacyApi.post('/programs/:slug/staff', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), REQUEST_ROLES);
  const body = await jsonBody(c);
  const row = await runAs(c, primaryRole(roles), (ctx) => requestStaff(ctx, program.id, body));
  return c.json({ id: row.id, status: 'requested' } satisfies z.infer<typeof StaffAnswer>, 201);
});

privacyApi.post('/staff/:id{[0-9]+}/decision', async (c) => {
  const { entry, roles } = await staffEntryFor(c, DECIDE_ROLES);
  const body = await jsonBody(c);
  const row = await runAs(c, primaryRole(roles), (ctx) => decideStaff(ctx, entry.id, body));
  return c.json({ status: row.status as 'approved' | 'rejected' } satisfies z.infer<typeof StaffStatusAnswer>);
});

privacyApi.delete('/staff/:id{[0-9]+}', async (c) => {
  const { entry, roles } = await staffEntryFor(c, REQUEST_ROLES);
  await runAs(c, primaryRole(roles), (ctx) => endStaff(ctx, entry.id));
  return c.json({ id: entry.id, status: 'ended' } satisfies z.infer<typeof StaffEndedAnswer>);
});
