import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../../../db/client.js';
import { ERASED, type Box } from '../../../../platform/vault/index.js';
import { pp } from '../messages.js';
import { recordsBudgetLines, recordsExpenses, recordsHonoraria, type Expense, type HonorariumRole } from '../schema.js';

export interface LineRow {
  id: number;
  name: string;
  note: string;
  budget: number;
  actual: number;
}

/** Budget vs actual per line: the line's expenses plus the honoraria (gross) booked on it. */
export async function budgetVsActual(conn: Conn, programId: number): Promise<LineRow[]> {
  const rows = await queryRows<{ id: number; name: string; note: string; budget: number; actual: string | number }>(
    conn,
    sql`select l.id, l.name, l.note, l.budget,
          coalesce((select sum(e.amount) from records_expenses e where e.budget_line_id = l.id), 0)
          + coalesce((select sum(h.gross) from records_honoraria h where h.budget_line_id = l.id), 0) as actual
        from records_budget_lines l where l.program_id = ${programId} order by l.id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, note: r.note, budget: Number(r.budget), actual: Number(r.actual) }));
}

export async function listBudgetLines(conn: Conn, programId: number) {
  return conn.select().from(recordsBudgetLines).where(eq(recordsBudgetLines.programId, programId)).orderBy(asc(recordsBudgetLines.id));
}

const opened = (box: Box, sealed: string | null): string => {
  if (!sealed) return '';
  const v = box.open(sealed);
  return v === ERASED ? pp('accounts.erased') : v;
};

export interface ExpenseView {
  id: number;
  line: string;
  spentOn: string;
  payee: string;
  item: string;
  amount: number;
  hasReceipt: boolean;
}

export interface HonorariumView {
  id: number;
  line: string;
  role: HonorariumRole;
  payee: string;
  address: string;
  gross: number;
  withholding: number;
  net: number;
  paidOn: string | null;
}

/** The expenses with the payee opened (call inside an audited read). */
export async function openExpenses(conn: Conn, box: Box, programId: number): Promise<ExpenseView[]> {
  const rows = await conn
    .select({ e: { id: recordsExpenses.id, spentOn: recordsExpenses.spentOn, payeeSealed: recordsExpenses.payeeSealed, item: recordsExpenses.item, amount: recordsExpenses.amount, receiptType: recordsExpenses.receiptType }, line: recordsBudgetLines.name })
    .from(recordsExpenses)
    .innerJoin(recordsBudgetLines, eq(recordsBudgetLines.id, recordsExpenses.budgetLineId))
    .where(eq(recordsExpenses.programId, programId))
    .orderBy(asc(recordsExpenses.spentOn), asc(recordsExpenses.id));
  return rows.map(({ e, line }) => ({ id: e.id, line, spentOn: e.spentOn, payee: opened(box, e.payeeSealed), item: e.item, amount: e.amount, hasReceipt: !!e.receiptType }));
}

/** The honoraria with the payee's name and address opened (call inside an audited read). */
export async function openHonoraria(conn: Conn, box: Box, programId: number): Promise<HonorariumView[]> {
  const rows = await conn
    .select({ h: recordsHonoraria, line: recordsBudgetLines.name })
    .from(recordsHonoraria)
    .leftJoin(recordsBudgetLines, eq(recordsBudgetLines.id, recordsHonoraria.budgetLineId))
    .where(eq(recordsHonoraria.programId, programId))
    .orderBy(asc(recordsHonoraria.id));
  return rows.map(({ h, line }) => ({ id: h.id, line: line ?? '', role: h.role, payee: opened(box, h.payeeSealed), address: opened(box, h.addressSealed), gross: h.gross, withholding: h.withholding, net: h.net, paidOn: h.paidOn }));
}

/** One expense's receipt columns (for the program named; undefined for another program's). */
export async function findExpenseReceipt(conn: Conn, programId: number, expenseId: number): Promise<Pick<Expense, 'id' | 'receiptType' | 'receiptSealed'> | undefined> {
  const [row] = await conn
    .select({ id: recordsExpenses.id, receiptType: recordsExpenses.receiptType, receiptSealed: recordsExpenses.receiptSealed })
    .from(recordsExpenses)
    .where(and(eq(recordsExpenses.id, expenseId), eq(recordsExpenses.programId, programId)));
  return row;
}

/** Expenses and honoraria of a month (YYYY-MM), counts and sums only (the monthly report). */
export async function accountsOfMonth(conn: Conn, programId: number, month: string) {
  const [row] = await queryRows<{ expenses: number; total: string | number; honoraria: number }>(
    conn,
    sql`select (select count(*)::int from records_expenses where program_id = ${programId} and to_char(spent_on, 'YYYY-MM') = ${month}) as expenses,
               (select coalesce(sum(amount), 0) from records_expenses where program_id = ${programId} and to_char(spent_on, 'YYYY-MM') = ${month}) as total,
               (select count(*)::int from records_honoraria where program_id = ${programId} and to_char(paid_on, 'YYYY-MM') = ${month}) as honoraria`,
  );
  return { expenses: row!.expenses, total: Number(row!.total), honoraria: row!.honoraria };
}
