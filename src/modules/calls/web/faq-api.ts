import { Hono } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../../platform/errors/index.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { primaryRole, requireProgramRoleById, requireRoleAnywhere } from '../../../platform/http/guards.js';
import { idParam } from '../../../platform/http/params.js';
import { jsonBody } from '../../../platform/http/json-body.js';
import { runAs } from '../../../platform/http/run-as.js';
import { findProgramBySlug } from '../../../platform/programs/queries.js';
import { slugSchema } from '../../../platform/programs/validators.js';
import { decideFaq, proposeFaq } from '../commands/faq.js';
import { tokyoIso } from '../due.js';
import { findFaq, listPublishedFaq } from '../faq-queries.js';
import { CITY_ROLES, DESK_ROLES } from '../roles.js';
import type { FaqDecided, FaqList, FaqProposed } from './api-schemas.js';
import { callsProgram } from './load.js';

export const faqApi = new Hono<AppEnv>();

/** The published FAQ (public); `?lang=en` gives the English wording where there is one. */
faqApi.get('/programs/:slug/faq', async (c) => {
  const slug = c.req.param('slug');
  if (!slugSchema.safeParse(slug).success) throw new AppError('not-found');
  const program = await findProgramBySlug(c.get('deps').db, slug);
  if (!program || program.kind !== 'campaign') throw new AppError('not-found');
  const en = c.req.query('lang') === 'en';
  const items = await listPublishedFaq(c.get('deps').db, program.id, c.get('deps').clock.now());
  return c.json({
    items: items.map((i) => ({ id: i.id, category: i.category, question: en && i.questionEn ? i.questionEn : i.question, answer: en && i.answerEn ? i.answerEn : i.answer, updatedAt: tokyoIso(i.updatedAt) })),
  } satisfies z.infer<typeof FaqList>);
});

/** Proposes an entry (agent, operator): 201 `{ id, status: "proposed" }`. */
faqApi.post('/programs/:slug/faq', async (c) => {
  const { program, roles } = await callsProgram(c, DESK_ROLES);
  const body = await jsonBody(c);
  const row = await runAs(c, primaryRole(roles), (ctx) => proposeFaq(ctx, program, body));
  return c.json({ id: row.id, status: row.status } satisfies z.infer<typeof FaqProposed>, 201);
});

/** The City's decision on an entry waiting for approval — the site's decision on its newest pending version. */
faqApi.post('/faq/:id/decision', async (c) => {
  requireRoleAnywhere(c, CITY_ROLES);
  const faq = await findFaq(c.get('deps').db, idParam(c));
  if (!faq) throw new AppError('not-found');
  const { program, roles } = await requireProgramRoleById(c, faq.programId, CITY_ROLES);
  const body = await jsonBody(c);
  const r = await runAs(c, primaryRole(roles), (ctx) => decideFaq(ctx, program, faq.id, body));
  return c.json(r satisfies z.infer<typeof FaqDecided>);
});
