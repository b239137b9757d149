import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../../platform/command.js';
import { AppError } from '../../../../platform/errors/index.js';
import { lockProgram } from '../../../../platform/programs/queries.js';
import { parseOrThrow } from '../../../../platform/validation.js';
import { attachGeneratedVersion } from '../../../deliverables/index.js';
import { pp } from '../messages.js';
import { recordsMonthlyReports, type MonthlyReport, type ReportFigure } from '../schema.js';
import { reportTextSchema } from '../validators.js';
import { renderMonthlyReport, reportFilename } from './pdf.js';

/**
 * Makes the draft of a month's report from the figures the modules gave (collected before the
 * transaction: the modules read through their own connection). Once per program and month.
 */
export async function draftMonthlyReport(ctx: CommandContext, programId: number, month: string, figures: ReportFigure[]): Promise<MonthlyReport> {
  const program = await lockProgram(ctx.tx, programId);
  if (!program) throw new AppError('not-found');
  const [exists] = await ctx.tx.select({ id: recordsMonthlyReports.id }).from(recordsMonthlyReports).where(and(eq(recordsMonthlyReports.programId, programId), eq(recordsMonthlyReports.month, month)));
  if (exists) throw new AppError('conflict', pp('err.reportExists'), { fieldErrors: [{ field: 'month', message: pp('err.reportExists') }] });
  const [row] = await ctx.tx.insert(recordsMonthlyReports).values({ programId, month, figures, createdAt: ctx.now, updatedAt: ctx.now }).returning();
  ctx.audit({ action: 'records.report.drafted', programId, targetType: 'records_monthly_report', targetId: row!.id, diff: { month, figures: figures.length } });
  return row!;
}

/** A new updatedAt always after the last one (the stale check compares it), even when the clock stands still. */
const touched = (now: Date) => sql<Date>`greatest(${now.toISOString()}::timestamptz, ${recordsMonthlyReports.updatedAt} + interval '1 millisecond')`;

/**
 * The report locked for a change: still a draft, and unchanged since the page that sends the
 * change was shown (`seenUpdatedAt`, the ISO time it showed), else 409.
 */
async function lockDraft(ctx: CommandContext, programId: number, month: string, seenUpdatedAt: unknown): Promise<MonthlyReport> {
  const [row] = await ctx.tx.select().from(recordsMonthlyReports).where(and(eq(recordsMonthlyReports.programId, programId), eq(recordsMonthlyReports.month, month))).for('update');
  if (!row) throw new AppError('not-found');
  if (row.status !== 'draft') throw new AppError('conflict', pp('err.notDraft'));
  if (typeof seenUpdatedAt === 'string' && seenUpdatedAt !== row.updatedAt.toISOString()) throw new AppError('conflict', pp('err.stale'));
  return row;
}

/** Saves the operator's text. */
export async function saveMonthlyReport(ctx: CommandContext, programId: number, month: string, input: Record<string, unknown>) {
  const v = parseOrThrow(reportTextSchema, input);
  const row = await lockDraft(ctx, programId, month, input.seenUpdatedAt);
  await ctx.tx.update(recordsMonthlyReports).set({ ...v, updatedAt: touched(ctx.now) }).where(eq(recordsMonthlyReports.id, row.id));
  ctx.audit({ action: 'records.report.saved', programId, targetType: 'records_monthly_report', targetId: row.id, diff: { month } });
}

/** Replaces the figures with fresh ones (collected before the transaction). */
export async function refreshFigures(ctx: CommandContext, programId: number, month: string, figures: ReportFigure[], seenUpdatedAt: unknown) {
  const row = await lockDraft(ctx, programId, month, seenUpdatedAt);
  await ctx.tx.update(recordsMonthlyReports).set({ figures, updatedAt: touched(ctx.now) }).where(eq(recordsMonthlyReports.id, row.id));
  ctx.audit({ action: 'records.report.refreshed', programId, targetType: 'records_monthly_report', targetId: row.id, diff: { month, figures: figures.length } });
}

/**
 * Sends the report to the City: its PDF becomes the next version of the `monthly-report`
 * deliverable, and the report waits in the City's inbox until received.
 */
export async function sendMonthlyReport(ctx: CommandContext, programId: number, month: string, seenUpdatedAt: unknown) {
  const row = await lockDraft(ctx, programId, month, seenUpdatedAt);
  if (!row.summary.trim()) throw new AppError('validation-failed', pp('err.summaryRequired'), { fieldErrors: [{ field: 'summary', message: pp('err.summaryRequired') }] });
  const program = (await lockProgram(ctx.tx, programId))!;
  const sent = { ...row, status: 'sent' as const, sentAt: ctx.now };
  const bytes = await renderMonthlyReport(program, sent);
  const attached = await attachGeneratedVersion(ctx, { programId, key: 'monthly-report', filename: `${reportFilename(sent)}.pdf`, bytes, note: reportFilename(sent), title: pp('monthly.title') });
  await ctx.tx.update(recordsMonthlyReports).set({ status: 'sent', sentAt: ctx.now, sentBy: ctx.actor.userId, updatedAt: ctx.now }).where(eq(recordsMonthlyReports.id, row.id));
  ctx.audit({ action: 'records.report.sent', programId, targetType: 'records_monthly_report', targetId: row.id, diff: { month, deliverable: 'monthly-report', version: attached.version } });
  return attached;
}

/** The City acknowledges a sent report. */
export async function receiveMonthlyReport(ctx: CommandContext, programId: number, month: string) {
  const [row] = await ctx.tx
    .update(recordsMonthlyReports)
    .set({ status: 'received', receivedAt: ctx.now, receivedBy: ctx.actor.userId, updatedAt: ctx.now })
    .where(and(eq(recordsMonthlyReports.programId, programId), eq(recordsMonthlyReports.month, month), eq(recordsMonthlyReports.status, 'sent')))
    .returning({ id: recordsMonthlyReports.id });
  if (!row) throw new AppError('conflict', pp('err.notSent'));
  ctx.audit({ action: 'records.report.received', programId, targetType: 'records_monthly_report', targetId: row.id, diff: { month } });
}
