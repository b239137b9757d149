import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../../platform/command.js';
import { isUniqueViolation } from '../../../../platform/command.js';
import { AppError } from '../../../../platform/errors/index.js';
import { lockProgram } from '../../../../platform/programs/queries.js';
import { parseOrThrow } from '../../../../platform/validation.js';
import { programScope } from '../../../../platform/vault/index.js';
import { pp } from '../messages.js';
import { recordsBudgetLines, recordsExpenses, recordsHonoraria } from '../schema.js';
import { budgetLineSchema, expenseSchema, honorariumSchema, paidSchema } from '../validators.js';
import { linePresetsFor, ROLE_LINE } from './presets.js';
import { sealReceipt } from './receipt.js';
import { honorariumAmounts } from './withholding.js';

async function programOf(ctx: CommandContext, programId: number) {
  const program = await lockProgram(ctx.tx, programId);
  if (!program) throw new AppError('not-found');
  return program;
}

const lineConflict = () => new AppError('conflict', pp('err.lineExists'), { fieldErrors: [{ field: 'name', message: pp('err.lineExists') }] });

/** Adds a budget line (an item of the estimate). */
export async function addBudgetLine(ctx: CommandContext, programId: number, input: unknown) {
  const v = parseOrThrow(budgetLineSchema, input);
  await programOf(ctx, programId);
  const [dup] = await ctx.tx.select({ id: recordsBudgetLines.id }).from(recordsBudgetLines).where(and(eq(recordsBudgetLines.programId, programId), eq(recordsBudgetLines.name, v.name)));
  if (dup) throw lineConflict();
  const [row] = await ctx.tx.insert(recordsBudgetLines).values({ programId, name: v.name, budget: v.budget, note: v.note, createdAt: ctx.now }).returning();
  ctx.audit({ action: 'records.accounts.line_added', programId, targetType: 'records_budget_line', targetId: row!.id, diff: { name: v.name, budget: v.budget } });
  return row!;
}

/** Sets the seed's fixed items as budget lines (an exchange meeting), once. */
export async function presetBudgetLines(ctx: CommandContext, programId: number) {
  const program = await programOf(ctx, programId);
  const presets = linePresetsFor(program.kind);
  const [done] = await ctx.tx.select({ id: recordsBudgetLines.id }).from(recordsBudgetLines).where(and(eq(recordsBudgetLines.programId, programId), sql`${recordsBudgetLines.key} is not null`)).limit(1);
  if (done || presets.length === 0) throw new AppError('conflict', pp('err.presetDone'));
  try {
    await ctx.tx.insert(recordsBudgetLines).values(presets.map((p) => ({ programId, key: p.key, name: pp(p.name), budget: p.budget, note: pp(p.note), createdAt: ctx.now })));
  } catch (e) {
    if (isUniqueViolation(e)) throw lineConflict();
    throw e;
  }
  ctx.audit({ action: 'records.accounts.preset', programId, targetType: 'program', targetId: programId, diff: { lines: presets.map((p) => `${p.key}:${p.budget}`) } });
}

async function lineOf(ctx: CommandContext, programId: number, lineId: number) {
  const [line] = await ctx.tx.select().from(recordsBudgetLines).where(and(eq(recordsBudgetLines.id, lineId), eq(recordsBudgetLines.programId, programId)));
  if (!line) throw new AppError('validation-failed', pp('err.line'), { fieldErrors: [{ field: 'budgetLineId', message: pp('err.line') }] });
  return line;
}

/** Records an expense; the payee and the receipt's scan are sealed. */
export async function addExpense(ctx: CommandContext, programId: number, input: unknown, receipt: Buffer | null) {
  const v = parseOrThrow(expenseSchema, input);
  await programOf(ctx, programId);
  await lineOf(ctx, programId, v.budgetLineId);
  const box = await ctx.deps.vault.box(ctx.tx, programScope(programId));
  const scan = receipt && receipt.length ? sealReceipt(box, receipt) : {};
  const [row] = await ctx.tx
    .insert(recordsExpenses)
    .values({ programId, budgetLineId: v.budgetLineId, spentOn: v.spentOn, payeeSealed: box.seal(v.payee), item: v.item, amount: v.amount, ...scan, createdAt: ctx.now, createdBy: ctx.actor.userId })
    .returning({ id: recordsExpenses.id });
  ctx.audit({ action: 'records.accounts.expense_added', programId, targetType: 'records_expense', targetId: row!.id, diff: { line: v.budgetLineId, spentOn: v.spentOn, amount: v.amount, receipt: !!receipt?.length } });
  return { id: row!.id };
}

/**
 * Records an honorarium with its withholding tax (withholding.ts); the payee's name and address
 * are sealed. Booked on the line chosen, else on the seed's line for the role when there is one.
 */
export async function addHonorarium(ctx: CommandContext, programId: number, input: unknown) {
  const v = parseOrThrow(honorariumSchema, input);
  await programOf(ctx, programId);
  let lineId: number | null = null;
  if (v.budgetLineId) lineId = (await lineOf(ctx, programId, v.budgetLineId)).id;
  else {
    const [line] = await ctx.tx.select({ id: recordsBudgetLines.id }).from(recordsBudgetLines).where(and(eq(recordsBudgetLines.programId, programId), eq(recordsBudgetLines.key, ROLE_LINE[v.role])));
    lineId = line?.id ?? null;
  }
  const box = await ctx.deps.vault.box(ctx.tx, programScope(programId));
  const amounts = honorariumAmounts(v.gross);
  const [row] = await ctx.tx
    .insert(recordsHonoraria)
    .values({ programId, budgetLineId: lineId, role: v.role, payeeSealed: box.seal(v.payee), addressSealed: box.sealOptional(v.address), ...amounts, paidOn: v.paidOn ?? null, createdAt: ctx.now, createdBy: ctx.actor.userId })
    .returning({ id: recordsHonoraria.id });
  ctx.audit({ action: 'records.accounts.honorarium_added', programId, targetType: 'records_honorarium', targetId: row!.id, diff: { role: v.role, ...amounts, line: lineId, paidOn: v.paidOn ?? null } });
  return { id: row!.id, ...amounts };
}

/** Records the day an honorarium was paid (once: a second record is a conflict). */
export async function markHonorariumPaid(ctx: CommandContext, programId: number, honorariumId: number, input: unknown) {
  const v = parseOrThrow(paidSchema, input);
  const [row] = await ctx.tx
    .update(recordsHonoraria)
    .set({ paidOn: v.paidOn })
    .where(and(eq(recordsHonoraria.id, honorariumId), eq(recordsHonoraria.programId, programId), isNull(recordsHonoraria.paidOn)))
    .returning({ id: recordsHonoraria.id });
  if (!row) {
    const [exists] = await ctx.tx.select({ id: recordsHonoraria.id }).from(recordsHonoraria).where(and(eq(recordsHonoraria.id, honorariumId), eq(recordsHonoraria.programId, programId)));
    if (!exists) throw new AppError('not-found');
    throw new AppError('conflict', pp('err.alreadyPaid'));
  }
  ctx.audit({ action: 'records.accounts.honorarium_paid', programId, targetType: 'records_honorarium', targetId: honorariumId, diff: { paidOn: v.paidOn } });
}
