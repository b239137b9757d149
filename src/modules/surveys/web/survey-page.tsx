import { tokyoDate } from '../../../platform/calendar/index.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext } from '../../../platform/http/env.js';
import { localHref, publicPage } from '../../../platform/http/public-page.js';
import type { Locale } from '../../../platform/i18n/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { Button, Checkbox, CheckboxGroup, ErrorSummary, Form, NotificationBanner, RadioGroup, TextArea, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { labelOf, OTHER_VALUE } from '../questionnaire.js';
import { activeQuestionnaire, findLottery } from '../queries.js';
import type { Question } from '../schema.js';
import { isSurveyOpen, surveyWindow } from '../settings.js';
import { surveyMessages as sm } from '../messages.js';

/** What the form showed: single values by field name, lists for multiple choices. */
export interface SurveyFormValues {
  fields: Record<string, string>;
  lists: Record<string, string[]>;
}

export function QuestionField({ q, locale, values, errors }: { q: Question; locale: Locale; values: SurveyFormValues; errors: SummaryError[] }) {
  const name = `answers.${q.id}`;
  const label = labelOf(q, locale);
  const error = errorFor(errors, name);
  const options = (q.options ?? []).map((o) => ({ value: o.value, label: labelOf(o, locale) }));
  switch (q.type) {
    case 'heading':
      return <h2>{label}</h2>;
    case 'single':
      return <RadioGroup name={name} label={label} required={q.required} error={error} locale={locale} options={options} value={values.fields[name]} />;
    case 'multi':
      return (
        <>
          <CheckboxGroup name={name} label={label} required={q.required} error={error} locale={locale} options={options} values={values.lists[name] ?? []} />
          {q.options?.some((o) => o.value === OTHER_VALUE) && <TextField name={`${name}.${OTHER_VALUE}`} label={`${label}: ${sm(locale, 'other')}`} locale={locale} maxLength={500} value={values.fields[`${name}.${OTHER_VALUE}`]} />}
        </>
      );
    case 'scale': {
      const labels = new Map((q.options ?? []).map((o) => [o.value, labelOf(o, locale)]));
      const points = ['1', '2', '3', '4', '5'].map((p) => ({ value: p, label: labels.get(p) ? `${p} ${labels.get(p)}` : p }));
      return <RadioGroup name={name} label={label} hint={sm(locale, 'scaleHint')} required={q.required} error={error} locale={locale} options={points} value={values.fields[name]} inline />;
    }
    case 'number':
      return <TextField name={name} label={label} required={q.required} error={error} locale={locale} inputmode="decimal" width="sm" value={values.fields[name]} />;
    case 'text':
      return <TextArea name={name} label={label} required={q.required} error={error} locale={locale} maxLength={2000} value={values.fields[name]} />;
    default:
      return null;
  }
}

/** The public survey (`/{slug}/survey`, `/en/{slug}/survey`): one page, plain HTML form, optional lottery entry. */
export async function surveyPage(c: AppContext, program: Program, opts: { values?: SurveyFormValues; errors?: SummaryError[]; banner?: string; status?: number } = {}) {
  const locale = c.get('locale');
  const m = (k: Parameters<typeof sm>[1], p?: Record<string, string | number>) => sm(locale, k, p);
  const db = c.get('deps').db;
  const w = surveyWindow(program);
  const open = isSurveyOpen(w, tokyoDate(c.get('deps').clock.now()));
  const q = await activeQuestionnaire(db, program.id);
  const lottery = await findLottery(db, program.id);
  const errors = opts.errors ?? [];
  const values = opts.values ?? { fields: {}, lists: {} };
  const title = q ? (locale === 'en' && q.titleEn ? q.titleEn : q.title) : m('title');
  const facility = values.fields.facility ?? c.req.query('f') ?? '';
  const f = (name: string, key: Parameters<typeof sm>[1], extra: Record<string, unknown> = {}) => (
    <TextField name={`lottery.${name}`} label={m(key)} locale={locale} error={errorFor(errors, `lottery.${name}`)} value={values.fields[`lottery.${name}`]} {...extra} />
  );
  return publicPage(c, {
    title,
    siteName: program.name,
    homePath: `/${program.slug}`,
    breadcrumbs: [{ label: program.name, href: localHref(c, `/${program.slug}`) }, { label: m('title') }],
    notice: errors.length ? <ErrorSummary errors={errors} locale={locale} /> : opts.banner ? <NotificationBanner kind="error" title={opts.banner} locale={locale} /> : undefined,
    hasErrors: errors.length > 0 || !!opts.banner,
    status: opts.status,
    children:
      open && q ? (
        <>
          <p>{m('intro')}</p>
          <p>{m('window', { from: w.opens ?? '', to: w.closes ?? '' })}</p>
          <Form action={localHref(c, `/${program.slug}/survey`)} csrfToken={csrfToken(c)}>
            {/^[A-Za-z0-9_-]{1,40}$/.test(facility) && <input type="hidden" name="facility" value={facility} />}
            {q.questions.map((question) => (
              <QuestionField q={question} locale={locale} values={values} errors={errors} />
            ))}
            {!lottery?.drawnAt && (
              <fieldset class="app-fieldset">
                <legend>
                  <h2>{m('lotteryHeading')}</h2>
                </legend>
                <p>{m('lotteryIntro')}</p>
                <Checkbox name="lottery.enter" label={m('lotteryEnter')} locale={locale} checked={values.fields['lottery.enter'] === 'true'} error={errorFor(errors, 'lottery')} />
                {f('name', 'name', { autocomplete: 'name', maxLength: 100 })}
                {f('postalCode', 'postalCode', { autocomplete: 'postal-code', inputmode: 'numeric', width: 'sm' })}
                {f('address', 'address', { autocomplete: 'street-address', maxLength: 300, width: 'lg' })}
                {f('phone', 'phone', { type: 'tel', autocomplete: 'tel' })}
                {f('email', 'email', { type: 'email', autocomplete: 'email' })}
                <Checkbox name="lottery.consent" label={m('consent')} locale={locale} checked={values.fields['lottery.consent'] === 'true'} error={errorFor(errors, 'lottery.consent')} />
              </fieldset>
            )}
            {lottery && !lottery.drawnAt && <p>{m('lotteryCommitted', { hash: lottery.seedHash })}</p>}
            {lottery?.drawnAt && <p>{m('lotteryDrawn', { date: tokyoDate(lottery.drawnAt), seed: lottery.seed ?? '', list: lottery.entryListHash ?? '' })}</p>}
            <Button>{m('submit')}</Button>
          </Form>
        </>
      ) : (
        <p>{q ? m('closed') : m('notReady')}</p>
      ),
  });
}

/** The form's fields as the API's body: answers by question id, the lottery entry only when ticked. */
export function surveyBody(questions: Question[], v: SurveyFormValues): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of questions) {
    const name = `answers.${q.id}`;
    if (q.type === 'heading') continue;
    if (q.type === 'multi') {
      const list = v.lists[name] ?? [];
      if (list.length) answers[q.id] = list;
      const other = v.fields[`${name}.${OTHER_VALUE}`];
      if (other) answers[`${q.id}.${OTHER_VALUE}`] = other;
    } else if (v.fields[name] !== undefined && v.fields[name] !== '') answers[q.id] = v.fields[name];
  }
  const body: Record<string, unknown> = { answers };
  if (v.fields.facility) body.facility = v.fields.facility;
  if (v.fields['lottery.enter'] === 'true') {
    const g = (k: string) => v.fields[`lottery.${k}`] ?? '';
    body.lottery = { name: g('name'), postalCode: g('postalCode'), address: g('address'), phone: g('phone'), email: g('email'), consent: g('consent') === 'true' };
  }
  return body;
}
