import { Hono } from 'hono';
import { AppError } from '../../../platform/errors/index.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields, formList } from '../../../platform/http/form.js';
import { localHref, publicPage } from '../../../platform/http/public-page.js';
import { submitResponse } from '../commands/submit-response.js';
import { chargeSurveyResponse } from '../rate-limit.js';
import { surveyMessages as sm } from '../messages.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { activeQuestionnaire, findLottery } from '../queries.js';
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

/** The draw procedure, the committed hash and, after the draw, the seed, the list hash and the order (entry numbers only). */
surveysPublic.get('/:slug/survey/lottery', async (c) => {
  const program = await publicSurveyProgram(c);
  const locale = c.get('locale');
  const m = (k: Parameters<typeof sm>[1], p?: Record<string, string | number>) => sm(locale, k, p);
  const l = await findLottery(c.get('deps').db, program.id);
  const order = l?.drawnOrder ?? [];
  return publicPage(c, {
    title: m('procedureTitle'),
    siteName: program.name,
    homePath: `/${program.slug}`,
    breadcrumbs: [{ label: program.name, href: localHref(c, `/${program.slug}`) }, { label: m('title'), href: localHref(c, `/${program.slug}/survey`) }, { label: m('procedureTitle') }],
    children: (
      <>
        <p>{m('procedureIntro')}</p>
        <ol>
          <li>{m('procedureStep1')}</li>
          <li>{m('procedureStep2')}</li>
          <li>{m('procedureStep3')}</li>
          <li>{m('procedureStep4')}</li>
        </ol>
        {!l && <p>{m('notCommitted')}</p>}
        {l && !l.drawnAt && (
          <p>
            {m('lotteryCommitted', { hash: '' })}
            <code>{l.seedHash}</code>
          </p>
        )}
        {l?.drawnAt && (
          <>
            <p>
              {m('lotteryCommitted', { hash: '' })}
              <code>{l.seedHash}</code>
            </p>
            <p>{m('lotteryDrawn', { date: tokyoDate(l.drawnAt), seed: l.seed ?? '', list: l.entryListHash ?? '' })}</p>
            <p>{m('winnersLine', { winners: order.slice(0, l.winners ?? 0).join(', '), alternates: order.slice(l.winners ?? 0).join(', ') || '-' })}</p>
          </>
        )}
      </>
    ),
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
