import { and, eq, inArray, lt } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { enqueueJob } from '../../../platform/jobs/queue.js';
import { lockProgram } from '../../../platform/programs/queries.js';
import type { Program } from '../../../platform/programs/schema.js';
import { parseOrThrow } from '../../../platform/validation.js';
import type { PageOutcome } from '../a11y/axe-runner.js';
import { A11Y_STANDARD } from '../a11y/criteria.js';
import { a11yResultSchema, a11yTestSchema } from '../a11y/validators.js';
import { sam } from '../messages.js';
import { siteA11yResults, siteA11yRuns, siteA11yTests, type A11yTestStatus, type SiteA11yTest } from '../schema.js';

export const A11Y_RUN_JOB = 'site.a11y_run';

/** A run still open after this long is taken for lost (18 pages take a minute or two). */
const STALE_RUN_MS = 30 * 60_000;

const statusLabel = (s: A11yTestStatus) => sam(`a11y.status.${s}`);

/** A test of the program, re-read and locked for the rest of the transaction. */
async function lockTest(ctx: CommandContext, programId: number, testId: number): Promise<SiteA11yTest> {
  const [row] = await ctx.tx
    .select()
    .from(siteA11yTests)
    .where(and(eq(siteA11yTests.programId, programId), eq(siteA11yTests.id, testId)))
    .for('update');
  if (!row) throw new AppError('not-found');
  return row;
}

/** The secretariat records a test it made (by hand or with a tool): a draft until submitted. */
export async function createA11yTest(ctx: CommandContext, program: Program, input: Record<string, string | undefined>): Promise<SiteA11yTest> {
  const v = parseOrThrow(a11yTestSchema, { testedOn: input.testedOn ?? '', pages: input.pages ?? '', standard: input.standard ?? '', checker: input.checker ?? '' });
  const [row] = await ctx.tx
    .insert(siteA11yTests)
    .values({ programId: program.id, testedOn: v.testedOn, pages: v.pages, standard: v.standard, checker: v.checker, createdBy: ctx.actor.userId, createdAt: ctx.now })
    .returning();
  ctx.audit({ action: 'site.a11y.test_created', programId: program.id, targetType: 'site_a11y_test', targetId: row!.id, diff: { testedOn: v.testedOn, pages: v.pages.length, checker: v.checker } });
  return row!;
}

/** One page's result on one criterion (a second entry for the same cell replaces the first). */
export async function recordA11yResult(ctx: CommandContext, program: Program, testId: number, input: Record<string, string | undefined>): Promise<void> {
  const test = await lockTest(ctx, program.id, testId);
  if (test.status !== 'draft' && test.status !== 'returned') throw new AppError('conflict', sam('a11y.refuse.notEditable', { status: statusLabel(test.status) }));
  const v = parseOrThrow(a11yResultSchema, { pageUrl: input.pageUrl ?? '', criterion: input.criterion ?? '', result: input.result ?? '', note: input.note ?? '' });
  if (!test.pages.includes(v.pageUrl)) throw new AppError('validation-failed', sam('a11y.valid.pageRequired'), { fieldErrors: [{ field: 'pageUrl', message: sam('a11y.valid.pageRequired') }] });
  await ctx.tx
    .insert(siteA11yResults)
    .values({ testId, pageUrl: v.pageUrl, criterion: v.criterion, result: v.result, note: v.note })
    .onConflictDoUpdate({ target: [siteA11yResults.testId, siteA11yResults.pageUrl, siteA11yResults.criterion], set: { result: v.result, note: v.note } });
  ctx.audit({ action: 'site.a11y.result_recorded', programId: program.id, targetType: 'site_a11y_test', targetId: testId, diff: { criterion: v.criterion, result: v.result } });
}

/** The test goes to the City (seed 002 §6-2-8(3): results go to the City before publication). */
export async function submitA11yTest(ctx: CommandContext, program: Program, testId: number): Promise<void> {
  const test = await lockTest(ctx, program.id, testId);
  if (test.status !== 'draft' && test.status !== 'returned') throw new AppError('conflict', sam('a11y.refuse.notSubmittable', { status: statusLabel(test.status) }));
  const [one] = await ctx.tx.select({ id: siteA11yResults.id }).from(siteA11yResults).where(eq(siteA11yResults.testId, testId)).limit(1);
  if (!one) throw new AppError('conflict', sam('a11y.refuse.noResults'));
  await ctx.tx.update(siteA11yTests).set({ status: 'pending', submittedAt: ctx.now }).where(eq(siteA11yTests.id, testId));
  ctx.audit({ action: 'site.a11y.test_submitted', programId: program.id, targetType: 'site_a11y_test', targetId: testId, diff: { status: [test.status, 'pending'] } });
}

/** The City approves the results (they become the public table) or returns them with a reason. */
export async function decideA11yTest(ctx: CommandContext, program: Program, testId: number, decision: { approve: boolean; note?: string }): Promise<void> {
  const test = await lockTest(ctx, program.id, testId);
  if (test.status !== 'pending') throw new AppError('conflict', sam('a11y.refuse.notPending', { status: statusLabel(test.status) }));
  const note = (decision.note ?? '').trim().slice(0, 1000) || null;
  if (!decision.approve && !note) throw new AppError('validation-failed', sam('a11y.refuse.returnNoteRequired'), { fieldErrors: [{ field: 'note', message: sam('a11y.refuse.returnNoteRequired') }] });
  const status = decision.approve ? 'approved' : 'returned';
  await ctx.tx.update(siteA11yTests).set({ status, note, decidedBy: ctx.actor.userId, decidedAt: ctx.now }).where(eq(siteA11yTests.id, testId));
  ctx.audit({ action: decision.approve ? 'site.a11y.test_approved' : 'site.a11y.test_returned', programId: program.id, targetType: 'site_a11y_test', targetId: testId, diff: { status: ['pending', status] } });
}

/** Starts an automated axe run (a job); one at a time per program. */
export async function requestA11yRun(ctx: CommandContext, program: Program): Promise<number> {
  await lockProgram(ctx.tx, program.id);
  // A run open for longer than any run takes lost its worker (a crash or restart): it is closed as failed.
  const staleBefore = new Date(ctx.now.getTime() - STALE_RUN_MS);
  await ctx.tx
    .update(siteA11yRuns)
    .set({ status: 'failed', message: sam('a11y.runStale'), finishedAt: ctx.now })
    .where(and(eq(siteA11yRuns.programId, program.id), inArray(siteA11yRuns.status, ['queued', 'running']), lt(siteA11yRuns.createdAt, staleBefore)));
  const [open] = await ctx.tx
    .select({ id: siteA11yRuns.id })
    .from(siteA11yRuns)
    .where(and(eq(siteA11yRuns.programId, program.id), inArray(siteA11yRuns.status, ['queued', 'running'])))
    .limit(1);
  if (open) throw new AppError('conflict', sam('a11y.refuse.runOpen'));
  const [run] = await ctx.tx.insert(siteA11yRuns).values({ programId: program.id, requestedBy: ctx.actor.userId, createdAt: ctx.now }).returning();
  await enqueueJob(ctx.tx, { kind: A11Y_RUN_JOB, payload: { runId: run!.id }, dedupeKey: `site.a11y_run:${run!.id}`, maxAttempts: 1 });
  ctx.audit({ action: 'site.a11y.run_requested', programId: program.id, targetType: 'site_a11y_run', targetId: run!.id });
  return run!.id;
}

/** The job took the run up; false when it is no longer waiting (done, failed, or taken). */
export async function startA11yRun(ctx: CommandContext, runId: number): Promise<boolean> {
  const rows = await ctx.tx.update(siteA11yRuns).set({ status: 'running' }).where(and(eq(siteA11yRuns.id, runId), eq(siteA11yRuns.status, 'queued'))).returning({ id: siteA11yRuns.id });
  return rows.length > 0;
}

/** A finished run becomes a draft test with the results per page and criterion. */
export async function recordA11yRun(ctx: CommandContext, programId: number, runId: number, run: { testedOn: string; checker: string; pages: PageOutcome[] }): Promise<number> {
  const [test] = await ctx.tx
    .insert(siteA11yTests)
    .values({ programId, testedOn: run.testedOn, pages: run.pages.map((p) => p.url), standard: A11Y_STANDARD, checker: run.checker, createdAt: ctx.now })
    .returning();
  const rows = run.pages.flatMap((p) => p.results.map((r) => ({ testId: test!.id, pageUrl: p.url, criterion: r.criterion, result: r.result, note: r.note })));
  if (rows.length) await ctx.tx.insert(siteA11yResults).values(rows);
  await ctx.tx.update(siteA11yRuns).set({ status: 'done', testId: test!.id, finishedAt: ctx.now }).where(eq(siteA11yRuns.id, runId));
  ctx.audit({ action: 'site.a11y.run_recorded', programId, targetType: 'site_a11y_test', targetId: test!.id, diff: { runId, pages: run.pages.length, checker: run.checker } });
  return test!.id;
}

/** A run that could not be carried out, with the reason in Japanese. */
export async function failA11yRun(ctx: CommandContext, programId: number, runId: number, message: string): Promise<void> {
  await ctx.tx.update(siteA11yRuns).set({ status: 'failed', message: message.slice(0, 2000), finishedAt: ctx.now }).where(eq(siteA11yRuns.id, runId));
  ctx.audit({ action: 'site.a11y.run_failed', programId, targetType: 'site_a11y_run', targetId: runId });
}
