import type { CommandContext } from '../../../../platform/command.js';
import { AppError } from '../../../../platform/errors/index.js';
import { programScope } from '../../../../platform/vault/index.js';
import { ERASED } from '../../../../platform/vault/index.js';
import { budgetVsActual, findExpenseReceipt, openExpenses, openHonoraria } from './queries.js';

/** The accounts with payees opened: an audited view (or export) of personal data. */
export async function readAccounts(ctx: CommandContext, programId: number, purpose: 'view' | 'export') {
  const box = await ctx.deps.vault.box(ctx.tx, programScope(programId));
  const result = { lines: await budgetVsActual(ctx.tx, programId), expenses: await openExpenses(ctx.tx, box, programId), honoraria: await openHonoraria(ctx.tx, box, programId) };
  ctx.audit({ action: purpose === 'view' ? 'records.accounts.viewed' : 'records.accounts.exported', programId, targetType: 'program', targetId: programId, diff: { expenses: result.expenses.length, honoraria: result.honoraria.length } });
  return result;
}

export type Accounts = Awaited<ReturnType<typeof readAccounts>>;

/** One receipt's bytes (audited); 404 when the expense has none or belongs to another program. */
export async function readReceipt(ctx: CommandContext, programId: number, expenseId: number): Promise<{ type: string; bytes: Buffer }> {
  const row = await findExpenseReceipt(ctx.tx, programId, expenseId);
  if (!row?.receiptSealed || !row.receiptType) throw new AppError('not-found');
  const box = await ctx.deps.vault.box(ctx.tx, programScope(programId));
  const opened = box.open(row.receiptSealed);
  if (opened === ERASED) throw new AppError('data-erased');
  ctx.audit({ action: 'records.accounts.receipt_viewed', programId, targetType: 'records_expense', targetId: expenseId });
  return { type: row.receiptType, bytes: Buffer.from(opened, 'base64') };
}
