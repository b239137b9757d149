import { AppError } from '../../../platform/errors/index.js';
import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { jsonBody } from '../../../platform/http/json-body.js';
import { runAs } from '../../../platform/http/run-as.js';
import { answerRound } from '../commands/answer-round.js';
import { confirmReceipt, recordDelivery } from '../commands/record-delivery.js';
import { sendRound } from '../commands/send-round.js';
import { listDeliverables, listVersions } from '../queries.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { roundRequestSchema } from '../validators.js';
import { deliveryJson, itemJson, roundJson, versionJson } from './json.js';
import { CITY, loadDeliverable, numberParam, READ, registerProgram, RUN } from './load.js';
import { trailResponse } from './trail.js';
import { receiveVersion } from './upload.js';

export const deliverablesApi = new Hono<AppEnv>();

deliverablesApi.get('/programs/:slug/deliverables', async (c) => {
  const { program } = await registerProgram(c, READ);
  const rows = await listDeliverables(c.get('deps').db, program.id);
  return c.json({ items: rows.map(itemJson) });
});

deliverablesApi.post('/deliverables/:id/versions', async (c) => {
  const received = await receiveVersion(c);
  if (received.replayed) throw new AppError('conflict');
  return c.json(versionJson(received.result), 201);
});

deliverablesApi.post('/deliverables/:id/rounds', async (c) => {
  const { deliverable, roles } = await loadDeliverable(c, RUN);
  const body = parseOrThrow(roundRequestSchema, await jsonBody(c));
  const round = await runAs(c, primaryRole(roles), (ctx) => sendRound(ctx, deliverable.id, body));
  return c.json(roundJson(round, body.version), 201);
});

deliverablesApi.post('/deliverables/:id/rounds/:round/answer', async (c) => {
  const { deliverable, roles } = await loadDeliverable(c, CITY);
  const n = numberParam(c, 'round');
  const body = await jsonBody(c);
  const round = await runAs(c, primaryRole(roles), (ctx) => answerRound(ctx, deliverable.id, n, body));
  const versions = await listVersions(c.get('deps').db, deliverable.id);
  return c.json(roundJson(round, versions.find((v) => v.id === round.versionId)?.number ?? 0));
});

deliverablesApi.post('/deliverables/:id/delivery', async (c) => {
  const { deliverable, roles } = await loadDeliverable(c, RUN);
  const body = await jsonBody(c);
  const d = await runAs(c, primaryRole(roles), (ctx) => recordDelivery(ctx, deliverable.id, body));
  const row = (await listDeliverables(c.get('deps').db, d.programId)).find((r) => r.id === d.id)!;
  return c.json(deliveryJson(d, row.rounds, row.latestVersion), 201);
});

deliverablesApi.post('/deliverables/:id/receipt', async (c) => {
  const { deliverable, roles } = await loadDeliverable(c, CITY);
  const d = await runAs(c, primaryRole(roles), (ctx) => confirmReceipt(ctx, deliverable.id));
  const row = (await listDeliverables(c.get('deps').db, d.programId)).find((r) => r.id === d.id)!;
  return c.json(deliveryJson(d, row.rounds, row.latestVersion));
});

deliverablesApi.get('/deliverables/:id/trail.pdf', async (c) => {
  const { deliverable, program } = await loadDeliverable(c, READ);
  return trailResponse(c, program, deliverable);
});
