import { Hono } from 'hono';
import type { z } from 'zod';
import type { CtiAnswer } from './api-schemas.js';
import { AppError } from '../../../platform/errors/index.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { bodyText } from '../../../platform/http/json-body.js';
import { runCommand } from '../../../platform/command.js';
import { systemActor } from '../../../platform/audit/index.js';
import { applyCtiEvent, programOfCtiToken } from '../commands/cti.js';

export const ctiApi = new Hono<AppEnv>();

/**
 * The phone system's hook (Zammad's generic CTI shape), form-encoded or JSON. The secret token
 * in the path names the program; a wrong one is 404 and nothing is written.
 */
ctiApi.post('/cti/:token', async (c) => {
  const deps = c.get('deps');
  const programId = await programOfCtiToken(deps.db, c.req.param('token'));
  if (programId === undefined) throw new AppError('not-found');
  const text = await bodyText(c);
  const type = c.req.header('content-type') ?? '';
  let body: unknown;
  if (type.includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError('bad-request');
    }
  } else {
    body = Object.fromEntries(new URLSearchParams(text));
  }
  const r = await runCommand(deps, systemActor('cti'), (ctx) => applyCtiEvent(ctx, programId, body));
  return c.json({ ok: true, id: r.id } satisfies z.infer<typeof CtiAnswer>);
});
