import { Hono } from 'hono';
import { AppError } from '../../../platform/errors/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { formFields } from '../../../platform/http/form.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { idQuery } from '../../../platform/http/params.js';
import { parseId } from '../../../platform/ids.js';
import type { Role } from '../../../platform/auth/schema.js';
import type { Program } from '../../../platform/programs/schema.js';
import { Button, ErrorSummary, Form, RadioGroup, TextArea, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { decideFaq, editFaq, proposeFaq } from '../commands/faq.js';
import { cm, fm } from '../messages.js';
import { findCall, listFaq } from '../queries.js';
import { CITY_ROLES, DESK_ROLES, RUN_ROLES } from '../roles.js';
import type { CallFaq } from '../schema.js';
import { deskBase, deskCrumbs } from './desk.js';
import { categoryLabel, categoryOptions } from './format.js';
import { callsProgram } from './load.js';

export const callsFaqAdmin = new Hono<AppEnv>();

const PAGE_ROLES: Role[] = ['admin', 'operator', 'agent', 'city'];

function FaqFields(props: { v: Record<string, string>; errors: SummaryError[] }) {
  const { v, errors } = props;
  return (
    <>
      <RadioGroup name="category" label={fm('category')} options={categoryOptions()} value={v.category} required error={errorFor(errors, 'category')} />
      <TextArea name="question" label={fm('question')} value={v.question} rows={3} required error={errorFor(errors, 'question')} />
      <TextArea name="answer" label={fm('answer')} value={v.answer} rows={4} required error={errorFor(errors, 'answer')} />
      <TextArea name="questionEn" label={fm('questionEn')} value={v.questionEn} rows={2} lang="en" error={errorFor(errors, 'questionEn')} />
      <TextArea name="answerEn" label={fm('answerEn')} value={v.answerEn} rows={3} lang="en" error={errorFor(errors, 'answerEn')} />
    </>
  );
}

function Entry({ f }: { f: CallFaq }) {
  return (
    <>
      <h4 class="app-heading-4">{f.question}</h4>
      <p>
        {categoryLabel(f.category)} ／ {fm('calls', { count: f.callCount })}
      </p>
      <p>{f.answer}</p>
      {f.comment && <p>{fm('commentShown', { comment: f.comment })}</p>}
    </>
  );
}

async function faqPage(c: AppContext, program: Program, roles: Role[], form: { values?: Record<string, string>; errors?: SummaryError[]; status?: number; editing?: number } = {}) {
  const db = c.get('deps').db;
  const base = deskBase(program);
  const [proposed, published, rejected] = await Promise.all([listFaq(db, program.id, 'proposed'), listFaq(db, program.id, 'published'), listFaq(db, program.id, 'rejected')]);
  const canEdit = roles.some((r) => RUN_ROLES.includes(r));
  const isCity = roles.includes('city');
  const canPropose = roles.some((r) => DESK_ROLES.includes(r));
  const errors = form.errors ?? [];
  let values = form.editing === undefined ? (form.values ?? {}) : {};
  const fromCall = idQuery(c.req.query('fromCall'));
  let fromNumber: number | null = null;
  if (fromCall !== undefined && !form.values) {
    const call = await findCall(db, fromCall);
    if (call && call.programId === program.id) {
      // Question and answer only: the caller's name and number are never copied.
      values = { category: call.category ?? '', question: call.question ?? '', answer: call.answer ?? '', fromCall: String(call.id) };
      fromNumber = call.number;
    }
  }
  return adminPage(c, {
    title: fm('title'),
    breadcrumbs: deskCrumbs(program, fm('title')),
    hasErrors: errors.length > 0,
    status: form.status,
    children: (
      <>
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <h2 class="app-heading-2">{fm('proposedHeading')}</h2>
        {proposed.length === 0 && <p>{fm('none')}</p>}
        {proposed.map((f) => (
          <section class="app-card" aria-label={f.question}>
            <Entry f={f} />
            {canEdit && (
              <Form action={`${base}/faq/edit`} csrfToken={csrfToken(c)} label={fm('save')}>
                <input type="hidden" name="id" value={String(f.id)} />
                <FaqFields v={form.editing === f.id ? (form.values ?? {}) : { category: f.category, question: f.question, answer: f.answer, questionEn: f.questionEn, answerEn: f.answerEn }} errors={form.editing === f.id ? errors : []} />
                <Button variant="secondary">{fm('save')}</Button>
              </Form>
            )}
            {isCity && (
              <Form action={`${base}/faq/decide`} csrfToken={csrfToken(c)} label={fm('approve')}>
                <input type="hidden" name="id" value={String(f.id)} />
                <TextField name="comment" label={fm('comment')} width="lg" />
                <Button name="decision" value="approve">{fm('approve')}</Button> <Button name="decision" value="reject" variant="secondary">{fm('reject')}</Button>
              </Form>
            )}
          </section>
        ))}
        <h2 class="app-heading-2">{fm('publishedHeading')}</h2>
        {published.length === 0 && <p>{fm('none')}</p>}
        {published.map((f) => (
          <section aria-label={f.question}>
            <Entry f={f} />
          </section>
        ))}
        <h2 class="app-heading-2">{fm('rejectedHeading')}</h2>
        {rejected.length === 0 && <p>{fm('none')}</p>}
        {rejected.map((f) => (
          <section aria-label={f.question}>
            <Entry f={f} />
          </section>
        ))}
        {canPropose && (
          <>
            <h2 class="app-heading-2">{fm('proposeHeading')}</h2>
            <Form action={`${base}/faq/propose`} csrfToken={csrfToken(c)} label={fm('proposeHeading')}>
              {values.fromCall && (
                <>
                  <input type="hidden" name="fromCall" value={values.fromCall} />
                  {fromNumber !== null && <p>{fm('fromCall', { number: fromNumber })}</p>}
                </>
              )}
              <FaqFields v={values} errors={form.editing === undefined ? errors : []} />
              <Button>{fm('propose')}</Button>
            </Form>
          </>
        )}
      </>
    ),
  });
}

function formId(v: string | undefined): number {
  const id = parseId(v);
  if (id === undefined) throw new AppError('bad-request', cm('err.noCall'));
  return id;
}

callsFaqAdmin.get('/calls/:slug/faq', async (c) => {
  const { program, roles } = await callsProgram(c, PAGE_ROLES);
  return faqPage(c, program, roles);
});

callsFaqAdmin.post('/calls/:slug/faq/propose', async (c) => {
  const { program, roles } = await callsProgram(c, DESK_ROLES);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => proposeFaq(ctx, program.id, f),
    rerender: (errors, status) => faqPage(c, program, roles, { values: f, errors, status }),
    flash: cm('faq.proposed'),
    redirect: `${deskBase(program)}/faq`,
  });
});

callsFaqAdmin.post('/calls/:slug/faq/edit', async (c) => {
  const { program, roles } = await callsProgram(c, RUN_ROLES);
  const f = await formFields(c);
  const id = formId(f.id);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => editFaq(ctx, program.id, id, f),
    rerender: (errors, status) => faqPage(c, program, roles, { values: f, errors, status, editing: id }),
    flash: cm('faq.saved'),
    redirect: `${deskBase(program)}/faq`,
  });
});

callsFaqAdmin.post('/calls/:slug/faq/decide', async (c) => {
  const { program, roles } = await callsProgram(c, CITY_ROLES);
  const f = await formFields(c);
  const id = formId(f.id);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => decideFaq(ctx, program.id, id, f),
    rerender: (errors, status) => faqPage(c, program, roles, { errors, status }),
    flash: (r) => (r.status === 'published' ? cm('faq.approved') : cm('faq.rejected')),
    redirect: `${deskBase(program)}/faq`,
  });
});
