import { Hono } from 'hono';
import type { z } from 'zod';
import { isIsoDate } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { jsonBody } from '../../../platform/http/json-body.js';
import { runAs } from '../../../platform/http/run-as.js';
import { decideQuestionnaire } from '../commands/decide-questionnaire.js';
import { submitResponse } from '../commands/submit-response.js';
import { chargeSurveyResponse } from '../rate-limit.js';
import { activeQuestionnaire, latestQuestionnaire } from '../queries.js';
import { tallySurvey, type TallyFilter } from '../tally.js';
import type { ApprovalAnswer, ReceivedAnswer, TallyAnswer } from './api-schemas.js';
import { APPROVE_ROLES, publicSurveyProgram, READ_ROLES, staffSurvey } from './load.js';

export const surveysApi = new Hono<AppEnv>();

/** One answered questionnaire, anonymous; 201 `{ receipt }`, 422 per question, 409 duplicate-entry. */
surveysApi.post('/programs/:slug/survey/responses', async (c) => {
  const program = await publicSurveyProgram(c);
  const locale = c.req.header('accept-language')?.toLowerCase().startsWith('en') ? 'en' : 'ja';
  chargeSurveyResponse(c.get('deps'), program, c.get('clientIp'), c.get('deps').clock.now(), locale);
  const body: unknown = await jsonBody(c);
  const { receipt } = await runAs(c, null, (ctx) => submitResponse(ctx, program, body, { locale }));
  return c.json({ receipt } satisfies z.infer<typeof ReceivedAnswer>, 201);
});

/** The City approves or sends back the questionnaire waiting for approval. */
surveysApi.post('/programs/:slug/survey/approval', async (c) => {
  const { program, roles } = await staffSurvey(c, APPROVE_ROLES);
  const body: unknown = await jsonBody(c);
  const q = await runAs(c, primaryRole(roles), (ctx) => decideQuestionnaire(ctx, program.id, body));
  return c.json({ version: q.version, status: q.status as 'approved' | 'rejected' } satisfies z.infer<typeof ApprovalAnswer>);
});

/** Query filters of a tally: bad dates or channels are 422, never a database error. */
export function tallyFilter(q: (k: string) => string | undefined): TallyFilter {
  const f: TallyFilter = {};
  const errors: Array<{ field: string; message: string }> = [];
  for (const k of ['from', 'to'] as const) {
    const v = q(k);
    if (v) {
      if (isIsoDate(v)) f[k] = v;
      else errors.push({ field: k, message: '日付を YYYY-MM-DD で指定してください' });
    }
  }
  const ch = q('channel');
  if (ch) {
    if (ch === 'web' || ch === 'paper') f.channel = ch;
    else errors.push({ field: 'channel', message: 'web または paper を指定してください' });
  }
  const fac = q('facility');
  if (fac) f.facility = fac.slice(0, 40);
  if (errors.length) throw new AppError('validation-failed', '条件を確認してください', { fieldErrors: errors });
  return f;
}

/** Counts per option, means and masked free text (no personal data), for staff and the City. */
surveysApi.get('/programs/:slug/survey/tally', async (c) => {
  const { program } = await staffSurvey(c, READ_ROLES);
  const filter = tallyFilter((k) => c.req.query(k));
  const db = c.get('deps').db;
  const q = (await activeQuestionnaire(db, program.id)) ?? (await latestQuestionnaire(db, program.id));
  // No questionnaire yet: an empty tally (the program exists; nothing has been answered).
  const t = await tallySurvey(db, program.id, q?.questions ?? [], filter);
  return c.json({
    responses: t.responses,
    byChannel: t.byChannel,
    questions: t.questions.map(({ label: _label, ...rest }) => rest),
  } satisfies z.infer<typeof TallyAnswer>);
});
