import { Hono } from 'hono';
import { formatJaDate } from '../../../../platform/calendar/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import { adminPage } from '../../../../platform/http/admin-page.js';
import { csrfToken } from '../../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../../platform/http/env.js';
import { submitForm } from '../../../../platform/http/form-action.js';
import { formFields } from '../../../../platform/http/form.js';
import { primaryRole, requireProgramRole } from '../../../../platform/http/guards.js';
import { idQuery } from '../../../../platform/http/params.js';
import { runAs } from '../../../../platform/http/run-as.js';
import type { Role } from '../../../../platform/auth/schema.js';
import type { Program } from '../../../../platform/programs/schema.js';
import { Button, ButtonLink, DateField, errorFor, FileField, Form, SelectField, Table, TextField } from '../../../../ui/index.js';
import { addBudgetLine, addExpense, addHonorarium, markHonorariumPaid, presetBudgetLines } from '../accounts/commands.js';
import { linePresetsFor } from '../accounts/presets.js';
import { listBudgetLines } from '../accounts/queries.js';
import { readAccounts, readReceipt, type Accounts } from '../accounts/read.js';
import { accountsWorkbook } from '../accounts/xlsx.js';
import { pp } from '../messages.js';
import { HONORARIUM_ROLES } from '../schema.js';
import { fileDownload } from '../xlsx-buffer.js';
import { ACCOUNTS, crumbs, fieldOf, FRESH, pageErrors, yen, type FormState } from './shared.js';

export const accountsAdmin = new Hono<AppEnv>();

const base = (p: Program) => `/admin/records/${p.slug}/accounts`;

function budgetTable(a: Accounts) {
  const total = a.lines.reduce((s, l) => ({ budget: s.budget + l.budget, actual: s.actual + l.actual }), { budget: 0, actual: 0 });
  const rows = a.lines.map((l) => ({ line: l.name, budget: yen(l.budget), actual: yen(l.actual), rest: yen(l.budget - l.actual), note: l.note }));
  if (rows.length) rows.push({ line: pp('accounts.total'), budget: yen(total.budget), actual: yen(total.actual), rest: yen(total.budget - total.actual), note: '' });
  return (
    <Table
      caption={pp('accounts.budget')}
      columns={[
        { key: 'line', header: pp('accounts.col.line'), rowHeader: true },
        { key: 'budget', header: pp('accounts.col.budget'), numeric: true },
        { key: 'actual', header: pp('accounts.col.actual'), numeric: true },
        { key: 'rest', header: pp('accounts.col.rest'), numeric: true },
        { key: 'note', header: pp('accounts.col.note') },
      ]}
      rows={rows}
      emptyMessage={pp('accounts.noLines')}
    />
  );
}

async function accountsPage(c: AppContext, program: Program, roles: Role[], form: FormState = FRESH) {
  const a = await runAs(c, primaryRole(roles), (ctx) => readAccounts(ctx, program.id, 'view'));
  const lines = await listBudgetLines(c.get('deps').db, program.id);
  const lineOptions = lines.map((l) => ({ value: String(l.id), label: l.name }));
  const token = csrfToken(c);
  const line = fieldOf(form, 'line');
  const exp = fieldOf(form, 'expense');
  const hon = fieldOf(form, 'honorarium');
  const canPreset = linePresetsFor(program.kind).length > 0 && !lines.some((l) => l.key);
  return adminPage(c, {
    title: pp('accounts.title'),
    breadcrumbs: crumbs(program, pp('accounts.title')),
    ...pageErrors(form),
    children: (
      <>
        <p>{pp('accounts.intro')}</p>
        <p>
          <ButtonLink href={`/admin/records/${program.slug}/accounts.xlsx`} variant="secondary">{pp('accounts.xlsx')}</ButtonLink>
        </p>
        {budgetTable(a)}
        {canPreset ? (
          <Form action={`${base(program)}/preset`} csrfToken={token}>
            <p>{pp('accounts.presetIntro')}</p>
            <Button variant="secondary">{pp('accounts.preset')}</Button>
          </Form>
        ) : null}
        <h2 class="app-heading-2">{pp('accounts.lineHeading')}</h2>
        <Form action={`${base(program)}/lines`} csrfToken={token}>
          <input type="hidden" name="_form" value="line" />
          <TextField {...line('name')} required label={pp('accounts.lineName')} />
          <TextField {...line('budget')} required label={pp('accounts.lineBudget')} inputmode="numeric" width="sm" />
          <TextField {...line('note')} label={pp('accounts.lineNote')} />
          <Button>{pp('accounts.addLine')}</Button>
        </Form>

        <h2 class="app-heading-2">{pp('accounts.expenses')}</h2>
        <Table
          caption={pp('accounts.expenses')}
          columns={[
            { key: 'date', header: pp('accounts.col.date'), rowHeader: true },
            { key: 'line', header: pp('accounts.col.line') },
            { key: 'payee', header: pp('accounts.col.payee') },
            { key: 'item', header: pp('accounts.col.item') },
            { key: 'amount', header: pp('accounts.col.amount'), numeric: true },
            { key: 'receipt', header: pp('accounts.col.receipt') },
          ]}
          rows={a.expenses.map((e) => ({
            date: formatJaDate(e.spentOn, { weekday: false }),
            line: e.line,
            payee: e.payee,
            item: e.item,
            amount: yen(e.amount),
            receipt: e.hasReceipt ? <a href={`${base(program)}/receipt?expense=${e.id}`}>{pp('accounts.receipt')}</a> : pp('accounts.noReceipt'),
          }))}
          emptyMessage={pp('accounts.noExpenses')}
        />
        {lineOptions.length ? (
          <>
            <h3 class="app-heading-3">{pp('accounts.expenseHeading')}</h3>
            <Form action={`${base(program)}/expenses`} csrfToken={token} enctype="multipart/form-data">
              <input type="hidden" name="_form" value="expense" />
              <SelectField {...exp('budgetLineId')} required label={pp('accounts.budgetLine')} options={lineOptions} />
              <DateField {...exp('spentOn')} required label={pp('accounts.spentOn')} />
              <TextField {...exp('payee')} required label={pp('accounts.payee')} />
              <TextField {...exp('item')} required label={pp('accounts.item')} />
              <TextField {...exp('amount')} required label={pp('accounts.amount')} inputmode="numeric" width="sm" />
              <FileField name="receipt" label={pp('accounts.receiptFile')} accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" error={exp('receipt').error} />
              <Button>{pp('accounts.addExpense')}</Button>
            </Form>
          </>
        ) : null}

        <h2 class="app-heading-2">{pp('accounts.honoraria')}</h2>
        <Table
          caption={pp('accounts.honoraria')}
          columns={[
            { key: 'payee', header: pp('accounts.col.payee'), rowHeader: true },
            { key: 'role', header: pp('accounts.col.role') },
            { key: 'gross', header: pp('accounts.col.gross'), numeric: true },
            { key: 'withholding', header: pp('accounts.col.withholding'), numeric: true },
            { key: 'net', header: pp('accounts.col.net'), numeric: true },
            { key: 'paidOn', header: pp('accounts.col.paidOn') },
          ]}
          rows={a.honoraria.map((h) => ({
            payee: h.payee,
            role: pp(`role.${h.role}`),
            gross: yen(h.gross),
            withholding: yen(h.withholding),
            net: yen(h.net),
            paidOn: h.paidOn ? (
              formatJaDate(h.paidOn, { weekday: false })
            ) : (
              <Form action={`${base(program)}/honoraria/paid`} csrfToken={token} label={`${pp('accounts.markPaid')}（${h.payee}）`}>
                <input type="hidden" name="id" value={String(h.id)} />
                <DateField name={`paidOn-${h.id}`} label={pp('accounts.col.paidOn')} error={form.form === 'paid' && form.values.id === String(h.id) ? errorFor(form.errors, 'paidOn') : undefined} />
                <Button variant="secondary" size="sm">{pp('accounts.markPaid')}</Button>
              </Form>
            ),
          }))}
          emptyMessage={pp('accounts.noHonoraria')}
        />
        <h3 class="app-heading-3">{pp('accounts.honorariumHeading')}</h3>
        <p>{pp('accounts.honorariumIntro')}</p>
        <Form action={`${base(program)}/honoraria`} csrfToken={token}>
          <input type="hidden" name="_form" value="honorarium" />
          <SelectField {...hon('honRole')} required label={pp('accounts.role')} options={HONORARIUM_ROLES.map((r) => ({ value: r, label: pp(`role.${r}`) }))} />
          <TextField {...hon('honPayee')} required label={pp('accounts.payee')} />
          <TextField {...hon('honAddress')} label={pp('accounts.address')} />
          <TextField {...hon('honGross')} required label={pp('accounts.gross')} inputmode="numeric" width="sm" />
          <DateField {...hon('honPaidOn')} label={pp('accounts.paidOn')} />
          {lineOptions.length ? <SelectField {...hon('honBudgetLineId')} label={pp('accounts.budgetLine')} options={lineOptions} emptyOption="" /> : null}
          <Button>{pp('accounts.addHonorarium')}</Button>
        </Form>
      </>
    ),
  });
}

accountsAdmin.get('/records/:slug/accounts', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), ACCOUNTS);
  return accountsPage(c, program, roles);
});

// The honorarium form's fields carry a prefix: the expense form on the same page has a payee and a
// line too, and a field's id comes from its name.
const HON_FIELDS = ['payee', 'role', 'gross', 'address', 'paidOn', 'budgetLineId'] as const;
const honName = (k: string) => `hon${k[0]!.toUpperCase()}${k.slice(1)}`;
function honorariumInput(f: Record<string, string>) {
  return Object.fromEntries(HON_FIELDS.map((k) => [k, f[honName(k)] ?? '']));
}

/** A POST of the accounts page: the form's fields, the command, the page again on a refusal. */
function accountsAction<T>(path: string, formName: string, run: (ctx: Parameters<Parameters<typeof submitForm<T>>[1]['run']>[0], program: Program, f: Record<string, string>, c: AppContext) => Promise<T>, flash: string | ((r: T) => string)) {
  accountsAdmin.post(`/records/:slug/accounts/${path}`, async (c) => {
    const { program, roles } = await requireProgramRole(c, c.req.param('slug'), ACCOUNTS);
    const f = await formFields(c);
    return submitForm<T>(c, {
      role: primaryRole(roles),
      run: (ctx) => run(ctx, program, f, c),
      rerender: (errors, status) =>
        accountsPage(c, program, roles, { errors: formName === 'honorarium' ? errors.map((e) => ((HON_FIELDS as readonly string[]).includes(e.field) ? { ...e, field: honName(e.field) } : e)) : errors, values: f, status, form: formName }),
      flash,
      redirect: base(program),
    });
  });
}

accountsAction('preset', 'preset', (ctx, p) => presetBudgetLines(ctx, p.id), pp('accounts.presetDone'));
accountsAction('lines', 'line', (ctx, p, f) => addBudgetLine(ctx, p.id, f), pp('accounts.lineAdded'));
accountsAction(
  'expenses',
  'expense',
  async (ctx, p, f, c) => {
    const file = (await c.req.parseBody()).receipt;
    const bytes = file instanceof File && file.size > 0 ? Buffer.from(await file.arrayBuffer()) : null;
    return addExpense(ctx, p.id, f, bytes);
  },
  pp('accounts.expenseAdded'),
);
accountsAction('honoraria', 'honorarium', (ctx, p, f) => addHonorarium(ctx, p.id, honorariumInput(f)), (r) => pp('accounts.honorariumAdded', { withholding: r.withholding.toLocaleString('ja-JP'), net: r.net.toLocaleString('ja-JP') }));
accountsAction(
  'honoraria/paid',
  'paid',
  (ctx, p, f) => {
    const id = idQuery(f.id);
    if (id === undefined) throw new AppError('validation-failed', pp('err.honorariumParam'));
    return markHonorariumPaid(ctx, p.id, id, { paidOn: f[`paidOn-${id}`] });
  },
  pp('accounts.paidFlash'),
);

accountsAdmin.get('/records/:slug/accounts.xlsx', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), ACCOUNTS);
  const a = await runAs(c, primaryRole(roles), (ctx) => readAccounts(ctx, program.id, 'export'));
  return fileDownload(await accountsWorkbook(a), `${pp('accounts.title')}（${program.name}）.xlsx`, 'xlsx');
});

accountsAdmin.get('/records/:slug/accounts/receipt', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), ACCOUNTS);
  const id = idQuery(c.req.query('expense'));
  if (id === undefined) throw new AppError('validation-failed', pp('err.expenseParam'));
  const r = await runAs(c, primaryRole(roles), (ctx) => readReceipt(ctx, program.id, id));
  return fileDownload(r.bytes, `receipt-${id}.${r.type === 'application/pdf' ? 'pdf' : r.type === 'image/png' ? 'png' : 'jpg'}`, r.type, true);
});
