import { Hono } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../../../../platform/http/env.js';
import { primaryRole, requireProgramRole } from '../../../../platform/http/guards.js';
import { jsonBody } from '../../../../platform/http/json-body.js';
import { runAs } from '../../../../platform/http/run-as.js';
import { addHonorarium } from '../accounts/commands.js';
import { viewNotice } from '../notices/commands.js';
import { NOTICE_KINDS } from '../schema.js';
import { fileDownload } from '../xlsx-buffer.js';
import type { HonorariumAnswer } from './openapi.js';
import { ACCOUNTS, NOTICE_READ } from './shared.js';

export const papersApi = new Hono<AppEnv>();

for (const kind of NOTICE_KINDS) {
  papersApi.get(`/programs/:slug/notices/${kind}.pdf`, async (c) => {
    const { program, roles } = await requireProgramRole(c, c.req.param('slug'), NOTICE_READ);
    const pdf = await runAs(c, primaryRole(roles), (ctx) => viewNotice(ctx, program.id, kind));
    return fileDownload(pdf.bytes, `${pdf.filename}.pdf`, 'pdf');
  });
}

papersApi.post('/programs/:slug/honoraria', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), ACCOUNTS);
  const body = await jsonBody(c);
  const r = await runAs(c, primaryRole(roles), (ctx) => addHonorarium(ctx, program.id, body));
  return c.json({ id: r.id, gross: r.gross, withholding: r.withholding, net: r.net } satisfies z.infer<typeof HonorariumAnswer>, 201);
});
