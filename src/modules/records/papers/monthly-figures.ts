import type { MonthlyFigures } from '../../../platform/module/manifest.js';
import { accountsOfMonth } from './accounts/queries.js';
import { pp } from './messages.js';

/** The program's own accounts in the month: expenses (count, yen) and honoraria paid. */
export const papersMonthlyFigures: MonthlyFigures = async (deps, program, month) => {
  const a = await accountsOfMonth(deps.db, program.id, month);
  return [
    { label: pp('figure.expenses'), value: a.expenses },
    { label: pp('figure.expenseTotal'), value: a.total },
    { label: pp('figure.honoraria'), value: a.honoraria },
  ];
};
