import { Hono } from 'hono';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { exportResponse } from '../../../platform/exports/index.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { jsonBody } from '../../../platform/http/json-body.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { AppError } from '../../../platform/errors/index.js';
import { registerParticipant } from '../commands/register-participant.js';
import { am } from '../messages.js';
import { ROSTER_COLUMNS } from '../roster.js';
import { publicEvent, READ_ROLES, RUN_ROLES, staffEvent, staffRoster } from './load.js';
import { runAs } from '../../../platform/http/run-as.js';
import type { z } from 'zod';
import type { RegisteredAnswer } from './api-schemas.js';

export const eventsApi = new Hono<AppEnv>();

/**
 * Registers one person. Public for channel `web`; other channels (e-mail, FAX, phone, post) need
 * an operator's token. 201 `{ id, number, status }`; 422 with field errors; 409 outside the window.
 */
eventsApi.post('/programs/:slug/registrations', async (c) => {
  const program = await publicEvent(c);
  const body: unknown = await jsonBody(c);
  const channel = body && typeof body === 'object' && 'channel' in body ? (body as { channel: unknown }).channel : 'web';
  let role: string | null = null;
  if (channel !== 'web' || c.get('auth')) {
    const auth = c.get('auth');
    if (channel !== 'web' && !auth) throw new AppError('unauthenticated');
    if (auth) {
      try {
        role = primaryRole((await staffEvent(c, RUN_ROLES)).roles);
      } catch (e) {
        if (channel !== 'web') throw e;
      }
    }
  }
  const { registration } = await runAs(c, role, (ctx) => registerParticipant(ctx, program, body, { staff: role !== null }));
  return c.json({ id: registration.id, number: registration.number, status: registration.status } satisfies z.infer<typeof RegisteredAnswer>, 201);
});

/** The roster as xlsx, for operators and the City; every download is audited. */
eventsApi.get('/programs/:slug/roster.xlsx', async (c) => {
  const { program, roles } = await staffEvent(c, READ_ROLES);
  const rows = await staffRoster(c, roles, program, {}, { action: 'exported', what: 'roster.xlsx (api)' });
  return exportResponse('xlsx', am('file.roster', { slug: program.slug, date: tokyoDate(c.get('deps').clock.now()) }), rows, ROSTER_COLUMNS, am('file.rosterSheet'));
});
