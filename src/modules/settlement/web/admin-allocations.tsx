import { Hono } from 'hono';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, DescriptionList, ErrorSummary, Form, SelectField, Table, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { setAllocation } from '../commands/budget.js';
import { moveAllocation } from '../commands/move-allocation.js';
import { programBalances } from '../ledger.js';
import { sm, yen } from '../messages.js';
import { facilityLines } from '../reports.js';
import { RUN_ROLES, adminBase, crumbs, parseYen, settlementProgram } from './common.js';
import { parseId } from '../../../platform/ids.js';

/** 配分枠: each facility's allocation and how much of it is used; set or move allocations. */
export const settlementAllocations = new Hono<AppEnv>();

async function allocationsPage(c: AppContext, program: Program, opts: { errors?: SummaryError[]; values?: Record<string, string>; status?: number } = {}) {
  const db = c.get('deps').db;
  const [b, lines] = await Promise.all([programBalances(db, program.id), facilityLines(db, program.id)]);
  const errors = opts.errors ?? [];
  const v = opts.values ?? {};
  const base = adminBase(program);
  const options = lines.map((l) => ({ value: String(l.facilityId), label: `${l.name}（${l.registrationNumber ?? `ID ${l.facilityId}`}）` }));
  return adminPage(c, {
    title: sm('admin.alloc.title', { program: program.name }),
    breadcrumbs: crumbs(program, sm('admin.alloc.crumb')),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <DescriptionList
          items={[
            { term: sm('term.pool'), detail: yen(b.pool) },
            { term: sm('admin.alloc.allocatedTotal'), detail: yen(b.allocated) },
            { term: sm('admin.alloc.unallocated'), detail: yen(b.pool - b.allocated) },
          ]}
        />
        <p>{sm('admin.alloc.intro')}</p>
        <Table
          caption={sm('admin.alloc.caption')}
          columns={[
            { key: 'name', header: sm('term.facility'), rowHeader: true },
            { key: 'allocation', header: sm('term.allocation'), numeric: true },
            { key: 'reserved', header: sm('term.reserved'), numeric: true },
            { key: 'approved', header: sm('term.approved'), numeric: true },
            { key: 'paid', header: sm('term.paid'), numeric: true },
            { key: 'remaining', header: sm('term.remaining'), numeric: true },
            { key: 'state', header: sm('admin.alloc.sales') },
          ]}
          rows={lines.map((l) => ({
            name: `${l.name}（${l.registrationNumber ?? `ID ${l.facilityId}`}）`,
            allocation: l.hasAllocation ? yen(l.allocation) : sm('admin.alloc.none'),
            reserved: yen(l.reserved),
            approved: yen(l.approved),
            paid: yen(l.paid),
            remaining: l.hasAllocation ? yen(l.available) : '—',
            state: l.soldOutOn ? sm('admin.alloc.soldOutSince', { since: l.soldOutOn }) : sm('term.onSale'),
          }))}
          emptyMessage={sm('admin.alloc.empty')}
        />
        <h2 class="app-heading-2">{sm('admin.alloc.set.heading')}</h2>
        <Form action={`${base}/allocations`} csrfToken={csrfToken(c)}>
          <input type="hidden" name="action" value="set" />
          <SelectField name="facility" label={sm('term.facility')} required options={options} value={v.facility} error={errorFor(errors, 'facility')} width="lg" />
          <TextField name="yen" label={sm('admin.alloc.set.yen')} hint={sm('admin.alloc.set.hint')} required inputmode="numeric" value={v.yen} error={errorFor(errors, 'yen')} />
          <Button>{sm('admin.alloc.set.button')}</Button>
        </Form>
        <h2 class="app-heading-2">{sm('admin.alloc.move.heading')}</h2>
        <Form action={`${base}/allocations`} csrfToken={csrfToken(c)}>
          <input type="hidden" name="action" value="move" />
          <SelectField name="from" label={sm('admin.alloc.move.from')} required options={options} value={v.from} error={errorFor(errors, 'from')} width="lg" />
          <SelectField name="to" label={sm('admin.alloc.move.to')} required options={options} value={v.to} error={errorFor(errors, 'to')} width="lg" />
          <TextField name="moveYen" label={sm('admin.alloc.move.yen')} hint={sm('admin.alloc.move.hint')} required inputmode="numeric" value={v.moveYen} error={errorFor(errors, 'moveYen')} />
          <Button>{sm('admin.alloc.move.button')}</Button>
        </Form>
      </>
    ),
  });
}

settlementAllocations.get('/settlement/:slug/allocations', async (c) => {
  const { program } = await settlementProgram(c, RUN_ROLES);
  return allocationsPage(c, program);
});

settlementAllocations.post('/settlement/:slug/allocations', async (c) => {
  const { program, roles } = await settlementProgram(c, RUN_ROLES);
  const f = await formFields(c);
  const errors: SummaryError[] = [];
  const move = f.action === 'move';
  const id = (name: string) => {
    const n = parseId(f[name]?.trim());
    if (n === undefined) errors.push({ field: name, message: sm('err.facilityRequired') });
    return n ?? 0;
  };
  const amount = (name: string) => {
    const n = parseYen(f[name]);
    if (n === null) errors.push({ field: name, message: sm('err.yenInvalid') });
    return n ?? 0;
  };
  const target = move ? [id('from'), id('to'), amount('moveYen')] : [id('facility'), amount('yen')];
  if (errors.length) return allocationsPage(c, program, { errors, values: f, status: 422 });
  return submitForm(c, {
    role: primaryRole(roles),
    run: async (ctx) => {
      if (move) await moveAllocation(ctx, program, target[0]!, target[1]!, target[2]!);
      else await setAllocation(ctx, program, target[0]!, target[1]!);
    },
    // A move reuses setAllocation, whose refusals name `yen`: shown beside the move's amount.
    rerender: (_errors, status, e) => {
      const errors = e.fieldErrors.length ? e.fieldErrors.map((fe) => ({ ...fe, field: move && fe.field === 'yen' ? 'moveYen' : fe.field })) : [{ field: move ? 'from' : 'facility', message: e.message }];
      return allocationsPage(c, program, { errors, values: f, status });
    },
    flash: move ? sm('admin.alloc.move.done', { amount: yen(target[2]!) }) : sm('admin.alloc.set.done', { amount: yen(target[1]!) }),
    redirect: `${adminBase(program)}/allocations`,
  });
});
