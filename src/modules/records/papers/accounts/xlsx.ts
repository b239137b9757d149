import type { Column } from '../../../../platform/exports/index.js';
import { pp } from '../messages.js';
import { xlsxBuffer } from '../xlsx-buffer.js';
import type { ExpenseView, HonorariumView, LineRow } from './queries.js';
import type { Accounts } from './read.js';

const lineColumns: Column<LineRow>[] = [
  { header: pp('accounts.col.line'), value: (r) => r.name, width: 30 },
  { header: pp('accounts.col.budget'), value: (r) => r.budget, kind: 'yen' },
  { header: pp('accounts.col.actual'), value: (r) => r.actual, kind: 'yen' },
  { header: pp('accounts.col.rest'), value: (r) => r.budget - r.actual, kind: 'yen' },
  { header: pp('accounts.col.note'), value: (r) => r.note, width: 36 },
];

const expenseColumns: Column<ExpenseView>[] = [
  { header: pp('accounts.col.id'), value: (r) => r.id, kind: 'int' },
  { header: pp('accounts.col.date'), value: (r) => r.spentOn, kind: 'date' },
  { header: pp('accounts.col.line'), value: (r) => r.line, width: 28 },
  { header: pp('accounts.col.payee'), value: (r) => r.payee, width: 24 },
  { header: pp('accounts.col.item'), value: (r) => r.item, width: 36 },
  { header: pp('accounts.col.amount'), value: (r) => r.amount, kind: 'yen' },
  { header: pp('accounts.col.receipt'), value: (r) => (r.hasReceipt ? '有' : '') },
];

const honorariumColumns: Column<HonorariumView>[] = [
  { header: pp('accounts.col.id'), value: (r) => r.id, kind: 'int' },
  { header: pp('accounts.col.role'), value: (r) => pp(`role.${r.role}`) },
  { header: pp('accounts.col.payee'), value: (r) => r.payee, width: 24 },
  { header: pp('accounts.col.address'), value: (r) => r.address, width: 36 },
  { header: pp('accounts.col.line'), value: (r) => r.line, width: 28 },
  { header: pp('accounts.col.gross'), value: (r) => r.gross, kind: 'yen' },
  { header: pp('accounts.col.withholding'), value: (r) => r.withholding, kind: 'yen' },
  { header: pp('accounts.col.net'), value: (r) => r.net, kind: 'yen' },
  { header: pp('accounts.col.paidOn'), value: (r) => r.paidOn, kind: 'date' },
];

/** The accountant's workbook: budget vs actual, expenses, honoraria with the tax withheld. */
export function accountsWorkbook(a: Accounts): Promise<Buffer> {
  return xlsxBuffer<[LineRow, ExpenseView, HonorariumView]>([
    { name: pp('accounts.sheet.budget'), rows: a.lines, columns: lineColumns },
    { name: pp('accounts.sheet.expenses'), rows: a.expenses, columns: expenseColumns },
    { name: pp('accounts.sheet.honoraria'), rows: a.honoraria, columns: honorariumColumns },
  ]);
}
