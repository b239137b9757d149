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
import { Button, ErrorSummary, Form, RadioGroup, TextArea, errorFor, type SummaryError } from '../../../ui/index.js';
import { editFaq, proposeFaq } from '../commands/faq.js';
import { listFaqEntries, type FaqEntry } from '../faq-queries.js';
import { cm, fm } from '../messages.js';
import { findCall } from '../queries.js';
import { DESK_ROLES, RUN_ROLES } from '../roles.js';
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

function Entry({ f, slug }: { f: FaqEntry; slug: string }) {
  return (
    <>
      <h4 class="app-heading-4">{f.question}</h4>
      <p>
        {categoryLabel(f.category)} ／ {fm('calls', { count: f.callCount })}
      </p>
      <p>{f.answer}</p>
      {f.live && f.live.titleJa !== f.question && <p>{fm('liveVersion', { question: f.live.titleJa })}</p>}
      {f.latest?.status === 'rejected' && f.latest.note && <p>{fm('commentShown', { comment: f.latest.note })}</p>}
      {f.latest && f.siteContentId && (
        <p>
          <a href={`/admin/site/${slug}/contents/${f.siteContentId}`}>{fm('siteLink', { n: f.latest.number, status: fm(`vstatus.${f.latest.status}`) })}</a>
        </p>
      )}
    </>
  );
}

async function faqPage(c: AppContext, program: Program, roles: Role[], form: { values?: Record<string, string>; errors?: SummaryError[]; status?: number; editing?: number } = {}) {
  const db = c.get('deps').db;
  const base = deskBase(program);
  const entries = await listFaqEntries(db, program.id, c.get('deps').clock.now());
  const canEdit = roles.some((r) => RUN_ROLES.includes(r));
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
  const group = (heading: string, status: FaqEntry['status']) => {
    const list = entries.filter((f) => f.status === status);
    return (
      <>
        <h2 class="app-heading-2">{heading}</h2>
        {list.length === 0 && <p>{fm('none')}</p>}
        {list.map((f) => (
          <section class="app-card" aria-label={f.question}>
            <Entry f={f} slug={program.slug} />
            {canEdit && (
              <Form action={`${base}/faq/edit`} csrfToken={csrfToken(c)} label={fm('save')}>
                <input type="hidden" name="id" value={String(f.id)} />
                <FaqFields v={form.editing === f.id ? (form.values ?? {}) : { category: f.category, question: f.question, answer: f.answer, questionEn: f.questionEn, answerEn: f.answerEn }} errors={form.editing === f.id ? errors : []} />
                <Button variant="secondary">{fm('save')}</Button>
              </Form>
            )}
          </section>
        ))}
      </>
    );
  };
  return adminPage(c, {
    title: fm('title'),
    breadcrumbs: deskCrumbs(program, fm('title')),
    hasErrors: errors.length > 0,
    status: form.status,
    children: (
      <>
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <p>{fm('approvalIntro')}</p>
        {group(fm('proposedHeading'), 'proposed')}
        {group(fm('publishedHeading'), 'published')}
        {group(fm('rejectedHeading'), 'rejected')}
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
    run: (ctx) => proposeFaq(ctx, program, f),
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
    run: (ctx) => editFaq(ctx, program, id, f),
    rerender: (errors, status) => faqPage(c, program, roles, { values: f, errors, status, editing: id }),
    flash: cm('faq.saved'),
    redirect: `${deskBase(program)}/faq`,
  });
});
