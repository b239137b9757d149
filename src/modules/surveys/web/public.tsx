import { Hono } from 'hono';
import { AppError } from '../../../platform/errors/index.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields, formList } from '../../../platform/http/form.js';
import { localHref, publicPage } from '../../../platform/http/public-page.js';
import { submitResponse } from '../commands/submit-response.js';
import { chargeSurveyResponse } from '../rate-limit.js';
import { surveyMessages as sm } from '../messages.js';
import { activeQuestionnaire } from '../queries.js';
import { publicSurveyProgram } from './load.js';
import { surveyBody, surveyPage, type SurveyFormValues } from './survey-page.js';

export const surveysPublic = new Hono<AppEnv>();

surveysPublic.get('/:slug/survey', async (c) => surveyPage(c, await publicSurveyProgram(c)));

surveysPublic.post('/:slug/survey', async (c) => {
  const program = await publicSurveyProgram(c);
  const locale = c.get('locale');
  const q = await activeQuestionnaire(c.get('deps').db, program.id);
  if (!q) throw new AppError('not-found');
  const fields = await formFields(c);
  const lists: Record<string, string[]> = {};
  for (const question of q.questions) if (question.type === 'multi') lists[`answers.${question.id}`] = await formList(c, `answers.${question.id}`);
  const values: SurveyFormValues = { fields, lists };
  try {
    chargeSurveyResponse(c.get('deps'), program, c.get('clientIp'), c.get('deps').clock.now(), locale);
  } catch (e) {
    // The answers stay in the form; the page says when to send again (and so does Retry-After).
    if (!(e instanceof AppError) || !e.retryAfter) throw e;
    c.header('Retry-After', String(e.retryAfter));
    return surveyPage(c, program, { values, banner: e.message, status: 429 });
  }
  return submitForm(c, {
    role: null,
    run: (ctx) => submitResponse(ctx, program, surveyBody(q.questions, values), { locale }),
    flash: (r) => `${sm(locale, 'thanks', { receipt: r.receipt })}${r.entered ? ` ${sm(locale, 'thanksEntry')}` : ''}`,
    redirect: localHref(c, `/${program.slug}/survey/thanks`),
    rerender: (errors, status, e) =>
      e.code === 'window-closed' && !e.fieldErrors.length ? surveyPage(c, program, { values, banner: e.message, status }) : surveyPage(c, program, { values, errors, status }),
  });
});

surveysPublic.get('/:slug/survey/thanks', async (c) => {
  const program = await publicSurveyProgram(c);
  const locale = c.get('locale');
  return publicPage(c, {
    title: sm(locale, 'title'),
    siteName: program.name,
    homePath: `/${program.slug}`,
    breadcrumbs: [{ label: program.name, href: localHref(c, `/${program.slug}`) }, { label: sm(locale, 'title') }],
    children: <p>{sm(locale, 'thanksBody')}</p>,
  });
});
