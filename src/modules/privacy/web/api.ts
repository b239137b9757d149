import { Hono } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../../../platform/http/env.js';
import { primaryRole, requireProgramRole } from '../../../platform/http/guards.js';
import { jsonBody } from '../../../platform/http/json-body.js';
import { runAs } from '../../../platform/http/run-as.js';
import { AppError } from '../../../platform/errors/index.js';
import { fm } from '../files/messages.js';
import { decideStaff, endStaff, requestStaff } from '../commands/staff.js';
import { attachFile } from '../files/commands.js';
import { heldFileCounts } from '../files/queries.js';
import { uploaded } from './files.js';
import { listStaff } from '../queries.js';
import type { PledgeAnswer, StaffAnswer, StaffEndedAnswer, StaffListAnswer, StaffStatusAnswer } from './openapi.js';
import { DECIDE_ROLES, READ_ROLES, REQUEST_ROLES, staffEntryFor } from './load.js';

export const privacyApi = new Hono<AppEnv>();

/** The roster and its history: names the linked accounts (personal data), so audited and gated by the roster. */
privacyApi.get('/programs/:slug/staff', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), READ_ROLES);
  const entries = await runAs(c, primaryRole(roles), async (ctx) => {
    ctx.audit({ action: 'privacy.roster.viewed', programId: program.id, targetType: 'program', targetId: program.id });
    const scans = await heldFileCounts(ctx.tx, program.id, 'staff');
    return (await listStaff(ctx.tx, program.id)).map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      email: r.email,
      affiliation: r.affiliation,
      duties: r.duties,
      trainedOn: r.trainedOn,
      pledgedOn: r.pledgedOn,
      pledgeScans: scans.get(r.id) ?? 0,
      requestedAt: r.requestedAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      endedAt: r.endedAt?.toISOString() ?? null,
    }));
  });
  return c.json({ entries } satisfies z.infer<typeof StaffListAnswer>);
});

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

/** Attaches the signed pledge's scan to a roster entry (multipart/form-data, field `file`). */
privacyApi.post('/staff/:id{[0-9]+}/pledge', async (c) => {
  const { entry, roles } = await staffEntryFor(c, REQUEST_ROLES);
  if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) throw new AppError('unsupported-media-type', fm('errMultipart'));
  const bytes = await uploaded(c);
  const row = await runAs(c, primaryRole(roles), (ctx) => attachFile(ctx, 'staff', entry.id, bytes));
  return c.json({ id: row.id, type: row.type, size: row.size, sha256: row.sha256 } satisfies z.infer<typeof PledgeAnswer>, 201);
});
