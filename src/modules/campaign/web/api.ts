import { Hono } from 'hono';
import { jsonBody } from '../../../platform/http/json-body.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { primaryRole, requireProgramRole } from '../../../platform/http/guards.js';
import { rolesIn } from '../../../platform/auth/memberships.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { decideApplication } from '../commands/decide-application.js';
import { submitApplication } from '../commands/save-application.js';
import { findFacility, listApplications } from '../queries.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../schema.js';
import { applicationJson } from './application-json.js';
import { applicationForStaff, campaignProgram } from './load.js';
import { registryResponse, variantOf } from './registry-export.js';
import { runAs } from '../../../platform/http/run-as.js';
import type { z } from 'zod';
import { decisionRequestSchema, type SubmittedAnswer } from './api-schemas.js';

export const campaignApi = new Hono<AppEnv>();

/**
 * A complete application. Open to anyone, like the web form; a staff token of the program
 * (admin, operator) submits on the business's behalf and the channel says so. A licence number
 * that another application gives too is accepted (flagged to the reviewer as a possible
 * duplicate): whoever sends a number first does not block the business that holds it.
 */
campaignApi.post('/programs/:slug/applications', async (c) => {
  const program = await campaignProgram(c, c.req.param('slug'));
  const auth = c.get('auth');
  const held = auth ? rolesIn(auth.grants, program.id) : [];
  const staff = held.includes('admin') || held.includes('operator');
  const body = await jsonBody(c);
  const app = await runAs(c, primaryRole(held), (ctx) =>
    submitApplication(ctx, { program, body, channel: staff ? 'staff' : 'api', applicantUserId: !staff && auth ? auth.user.id : null }),
  );
  return c.json({ id: app.id, number: app.number, status: app.status } satisfies z.infer<typeof SubmittedAnswer>, 201);
});

campaignApi.get('/programs/:slug/applications', async (c) => {
  const { program } = await requireProgramRole(c, c.req.param('slug'), ['admin', 'operator', 'city']);
  const status = (c.req.query('status') ?? '').split(',').filter((s): s is ApplicationStatus => (APPLICATION_STATUSES as readonly string[]).includes(s));
  const rows = await listApplications(c.get('deps').db, program.id, { status });
  return c.json({ applications: rows.map((a) => applicationJson(a)) });
});

/** Operators decide; the City answers an escalated application (see docs/modules/campaign.md). */
campaignApi.post('/applications/:id/decisions', async (c) => {
  const { app, roles } = await applicationForStaff(c, ['admin', 'operator', 'city']);
  // seenStatus (optional): the status the client last saw; a decision on an application changed since is refused (409).
  const { seenStatus, ...input } = parseOrThrow(decisionRequestSchema, await jsonBody(c));
  const deps = c.get('deps');
  const result = await runAs(c, primaryRole(roles), (ctx) => decideApplication(ctx, app.id, input, roles, { seenStatus }));
  const facility = result.application.facilityId ? await findFacility(deps.db, result.application.facilityId) : null;
  return c.json(applicationJson(result.application, facility));
});

campaignApi.get('/programs/:slug/registry.xlsx', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), ['admin', 'operator', 'city']);
  return registryResponse(c, program, roles, 'xlsx', variantOf(c));
});
