import { Hono } from 'hono';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { formFields } from '../../../platform/http/form.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { runAs } from '../../../platform/http/run-as.js';
import { AppError } from '../../../platform/errors/index.js';
import { parseId } from '../../../platform/ids.js';
import { idQuery } from '../../../platform/http/params.js';
import { completeCall } from '../commands/complete-call.js';
import { countFaqUse } from '../commands/faq.js';
import { listPublishedFaq } from '../faq-queries.js';
import type { Program } from '../../../platform/programs/schema.js';
import { Button, ErrorSummary, Form, RadioGroup, Table, TextArea, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { callerHistory, lookUpStatus, markCallbackDone } from '../commands/desk.js';
import { logCall } from '../commands/log-call.js';
import { cm, dm } from '../messages.js';
import { openCallbacks, openCtiCalls, searchCalls } from '../queries.js';
import { DESK_ROLES } from '../roles.js';
import type { CallerType, Category } from '../schema.js';
import { callerTypeLabel, callerTypeOptions, categoryLabel, categoryOptions, outcomeLabel, outcomeOptions, when } from './format.js';
import { CountButtons } from './count-buttons.js';
import { callsProgram } from './load.js';

export const callsDesk = new Hono<AppEnv>();

export const deskBase = (p: Program) => `/admin/calls/${p.slug}`;
export const deskCrumbs = (p: Program, more?: string) => [
  { label: dm('crumbHome'), href: '/admin' },
  ...(more ? [{ label: cm('tool'), href: deskBase(p) }, { label: more }] : [{ label: cm('tool') }]),
];

type CallRow = { id: number; number: number; receivedAt: Date; callerType: CallerType | null; category: Category | null; question: string | null; answer?: string | null; outcome?: string | null };

function callRows(rows: CallRow[]) {
  return rows.map((r) => ({
    number: String(r.number),
    received: when(r.receivedAt),
    callerType: callerTypeLabel(r.callerType),
    category: categoryLabel(r.category),
    question: r.question ?? dm('simple'),
    answer: r.answer ?? '',
    outcome: outcomeLabel((r.outcome ?? null) as never),
  }));
}

const CALL_COLUMNS = [
  { key: 'number', header: dm('colNumber'), rowHeader: true },
  { key: 'received', header: dm('colReceived') },
  { key: 'callerType', header: dm('colCallerType') },
  { key: 'category', header: dm('colCategory') },
  { key: 'question', header: dm('colQuestion') },
  { key: 'answer', header: dm('colAnswer') },
  { key: 'outcome', header: dm('colOutcome') },
];

function LogForm(props: { c: AppContext; program: Program; values: Record<string, string>; errors: SummaryError[]; completing?: number }) {
  const { values: v, errors } = props;
  return (
    <Form action={`${deskBase(props.program)}/${props.completing ? 'complete' : 'log'}`} csrfToken={csrfToken(props.c)} label={dm('logHeading')}>
      {props.completing ? <input type="hidden" name="id" value={String(props.completing)} /> : null}
      <RadioGroup name="callerType" label={dm('callerType')} options={callerTypeOptions()} value={v.callerType} required inline error={errorFor(errors, 'callerType')} />
      <RadioGroup name="category" label={dm('category')} options={categoryOptions()} value={v.category} required error={errorFor(errors, 'category')} />
      <TextArea name="question" label={dm('question')} value={v.question} rows={3} error={errorFor(errors, 'question')} />
      <TextArea name="answer" label={dm('answer')} value={v.answer} rows={3} error={errorFor(errors, 'answer')} />
      <RadioGroup name="outcome" label={dm('outcome')} options={outcomeOptions()} value={v.outcome ?? 'answered'} inline error={errorFor(errors, 'outcome')} />
      <TextField name="durationSeconds" label={dm('duration')} value={v.durationSeconds} inputmode="numeric" width="sm" error={errorFor(errors, 'durationSeconds')} />
      <TextField name="callerName" label={dm('callerName')} value={v.callerName} width="md" autocomplete="off" error={errorFor(errors, 'callerName')} />
      {props.completing ? null : (
        <>
          <TextField name="callerPhone" label={dm('callerPhone')} type="tel" value={v.callerPhone} width="md" autocomplete="off" hint={dm('callerPhoneHint')} error={errorFor(errors, 'callerPhone')} />
          <TextField name="receivedAt" label={dm('receivedAt')} value={v.receivedAt} width="md" error={errorFor(errors, 'receivedAt')} />
        </>
      )}
      <Button>{dm('logSubmit')}</Button>
    </Form>
  );
}

/** The agent desk: one page to count, log, look back and call back, without JavaScript. */
async function deskPage(c: AppContext, program: Program, roles: Parameters<typeof primaryRole>[0], form: { values?: Record<string, string>; errors?: SummaryError[]; status?: number; completing?: number } = {}) {
  const db = c.get('deps').db;
  const base = deskBase(program);
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const phone = (c.req.query('phone') ?? '').trim().slice(0, 30);
  const errors = form.errors ?? [];
  const values: Record<string, string> = { ...(phone && !form.values ? { callerPhone: phone } : {}), ...(form.values ?? {}) };
  const [callbacks, cti, foundCalls, foundFaq] = await Promise.all([
    openCallbacks(db, program.id),
    openCtiCalls(db, program.id),
    q ? searchCalls(db, program.id, q) : Promise.resolve([]),
    q ? listPublishedFaq(db, program.id, c.get('deps').clock.now(), q) : Promise.resolve([]),
  ]);
  const callParam = form.completing ?? idQuery(c.req.query('call'));
  const completing = callParam !== undefined ? cti.find((r) => r.id === callParam) : undefined;
  if (completing && !form.values && completing.durationSeconds !== null) values.durationSeconds = String(completing.durationSeconds);
  const history = phone ? await runAs(c, primaryRole(roles), (ctx) => callerHistory(ctx, program.id, phone)) : undefined;
  return adminPage(c, {
    title: dm('title', { program: program.name }),
    breadcrumbs: deskCrumbs(program),
    hasErrors: errors.length > 0,
    status: form.status,
    children: (
      <>
        <p>
          <a href={`${base}/status`}>{dm('statusLink')}</a>
          {' ／ '}
          <a href={`${base}/faq`}>{dm('faqLink')}</a>
          {' ／ '}
          <a href={`${base}/reports`}>{dm('reportsLink')}</a>
        </p>
        {cti.length > 0 && (
          <section aria-labelledby="cti-h">
            <h2 class="app-heading-2" id="cti-h">{dm('ctiHeading')}</h2>
            <ul>
              {cti.map((r) => (
                <li>
                  {when(r.receivedAt)} {r.missed ? dm('ctiMissed') : ''} <a href={`${base}?call=${r.id}#log-h`}>{dm('ctiComplete', { number: r.number })}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
        <CountButtons c={c} action={`${base}/count`} />
        <section aria-labelledby="log-h">
          <h2 class="app-heading-2" id="log-h">{completing ? dm('ctiComplete', { number: completing.number }) : dm('logHeading')}</h2>
          {completing && <p>{dm('ctiReceived', { at: when(completing.receivedAt) })}{completing.missed ? `（${dm('ctiMissed')}）` : ''}</p>}
          {errors.length > 0 && <ErrorSummary errors={errors} />}
          <LogForm c={c} program={program} values={values} errors={errors} completing={completing?.id} />
        </section>
        <section aria-labelledby="history-h">
          <h2 class="app-heading-2" id="history-h">{dm('historyHeading')}</h2>
          <Form action={base} method="get" label={dm('historyHeading')}>
            <TextField name="phone" label={dm('historyLabel')} type="tel" value={phone} width="md" autocomplete="off" />
            <Button preventDoubleSubmit={false} variant="secondary">{dm('historyButton')}</Button>
          </Form>
          {history === null && <p>{dm('historyInvalid')}</p>}
          {history && (
            <>
              <p>{dm('historyResult', { count: history.length })}</p>
              <Table caption={dm('historyHeading')} columns={CALL_COLUMNS} rows={callRows(history)} />
            </>
          )}
        </section>
        <section aria-labelledby="search-h">
          <h2 class="app-heading-2" id="search-h">{dm('searchHeading')}</h2>
          <Form action={base} method="get" label={dm('searchHeading')}>
            <TextField name="q" label={dm('searchLabel')} value={q} width="md" />
            <Button preventDoubleSubmit={false} variant="secondary">{dm('searchButton')}</Button>
          </Form>
          {q && (
            <>
              <Table
                caption={dm('searchFaq', { count: foundFaq.length })}
                columns={[{ key: 'category', header: dm('colCategory') }, { key: 'question', header: dm('colFaqQuestion'), rowHeader: true }, { key: 'answer', header: dm('colFaqAnswer') }, { key: 'used', header: dm('colAction') }]}
                rows={foundFaq.map((f) => ({
                  category: categoryLabel(f.category),
                  question: f.question,
                  answer: f.answer,
                  used: (
                    <Form action={`${base}/faq/used?q=${encodeURIComponent(q)}`} csrfToken={csrfToken(c)}>
                      <input type="hidden" name="id" value={String(f.id)} />
                      <Button size="sm" variant="secondary">{dm('faqUsed')}</Button>
                    </Form>
                  ),
                }))}
              />
              <Table
                caption={dm('searchCalls', { count: foundCalls.length })}
                columns={[...CALL_COLUMNS, { key: 'propose', header: dm('colAction') }]}
                rows={foundCalls.map((r) => ({ ...callRows([r])[0]!, propose: r.question ? <a href={`${base}/faq?fromCall=${r.id}`}>{dm('proposeFaq')}</a> : '' }))}
              />
            </>
          )}
        </section>
        <section aria-labelledby="callbacks-h">
          <h2 class="app-heading-2" id="callbacks-h">{dm('callbacksHeading')}</h2>
          <Table
            caption={dm('callbacksHeading')}
            columns={[...CALL_COLUMNS.slice(0, 5), { key: 'action', header: dm('colAction') }]}
            emptyMessage={dm('callbacksNone')}
            rows={callbacks.map((r) => ({
              ...callRows([r])[0]!,
              action: (
                <Form action={`${base}/callbacks/done`} csrfToken={csrfToken(c)}>
                  <input type="hidden" name="id" value={String(r.id)} />
                  <Button size="sm" variant="secondary">{dm('callbackDone', { number: r.number })}</Button>
                </Form>
              ),
            }))}
          />
        </section>
      </>
    ),
  });
}

callsDesk.get('/calls/:slug', async (c) => {
  const { program, roles } = await callsProgram(c, DESK_ROLES);
  return deskPage(c, program, roles);
});

callsDesk.post('/calls/:slug/log', async (c) => {
  const { program, roles } = await callsProgram(c, DESK_ROLES);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => logCall(ctx, program.id, f),
    rerender: (errors, status) => deskPage(c, program, roles, { values: f, errors, status }),
    flash: (r) => cm('logged', { number: r.number }),
    redirect: deskBase(program),
  });
});

callsDesk.post('/calls/:slug/complete', async (c) => {
  const { program, roles } = await callsProgram(c, DESK_ROLES);
  const f = await formFields(c);
  const id = parseId(f.id);
  if (id === undefined) throw new AppError('bad-request', cm('err.noCall'));
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => completeCall(ctx, program.id, id, f),
    rerender: (errors, status) => deskPage(c, program, roles, { values: f, errors, status, completing: id }),
    flash: (r) => cm('logged', { number: r.number }),
    redirect: deskBase(program),
  });
});

/** The agent answered the call with this FAQ entry: its count of calls answered grows. */
callsDesk.post('/calls/:slug/faq/used', async (c) => {
  const { program, roles } = await callsProgram(c, DESK_ROLES);
  const f = await formFields(c);
  const id = parseId(f.id);
  if (id === undefined) throw new AppError('bad-request', cm('err.noCall'));
  const q = (c.req.query('q') ?? '').slice(0, 100);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => countFaqUse(ctx, program.id, id),
    rerender: (errors, status) => deskPage(c, program, roles, { errors, status }),
    flash: dm('faqUsedDone'),
    redirect: `${deskBase(program)}${q ? `?q=${encodeURIComponent(q)}` : ''}`,
  });
});

callsDesk.post('/calls/:slug/count', async (c) => {
  const { program, roles } = await callsProgram(c, DESK_ROLES);
  const f = await formFields(c);
  const [callerType, category] = (f.pair ?? '').split(':');
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => logCall(ctx, program.id, { callerType, category }),
    rerender: (errors, status) => deskPage(c, program, roles, { errors, status }),
    flash: cm('counted', { callerType: callerTypeLabel((callerType ?? null) as CallerType | null), category: categoryLabel((category ?? null) as Category | null) }),
    redirect: deskBase(program),
  });
});

callsDesk.post('/calls/:slug/callbacks/done', async (c) => {
  const { program, roles } = await callsProgram(c, DESK_ROLES);
  const f = await formFields(c);
  const id = parseId(f.id);
  if (id === undefined) throw new AppError('bad-request', cm('err.noCall'));
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => markCallbackDone(ctx, program.id, id),
    rerender: (errors, status) => deskPage(c, program, roles, { errors, status }),
    flash: cm('callbackDone'),
    redirect: deskBase(program),
  });
});

/** An application's status for a caller: status and stage only; every look-up is audited. */
callsDesk.get('/calls/:slug/status', async (c) => {
  const { program, roles } = await callsProgram(c, DESK_ROLES);
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const rows = q ? await runAs(c, primaryRole(roles), (ctx) => lookUpStatus(ctx, program.id, q)) : [];
  return adminPage(c, {
    title: dm('statusTitle'),
    breadcrumbs: deskCrumbs(program, dm('statusTitle')),
    children: (
      <>
        <p>{dm('statusHint')}</p>
        <Form action={`${deskBase(program)}/status`} method="get" label={dm('statusTitle')}>
          <TextField name="q" label={dm('statusLabel')} value={q} width="md" />
          <Button preventDoubleSubmit={false}>{dm('statusButton')}</Button>
        </Form>
        {q && (
          <Table
            caption={dm('statusTitle')}
            emptyMessage={dm('statusNone')}
            columns={[
              { key: 'number', header: dm('colAppNumber'), rowHeader: true },
              { key: 'facility', header: dm('colFacility') },
              { key: 'status', header: dm('colStatus') },
              { key: 'stage', header: dm('colStage') },
            ]}
            rows={rows.map((r) => ({ number: r.number, facility: r.facilityName, status: r.statusLabel, stage: r.stage }))}
          />
        )}
      </>
    ),
  });
});
