import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import crypto from 'node:crypto';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { checkAnswers } from '../answers.js';
import { sam } from '../messages.js';
import { activeQuestionnaire } from '../queries.js';
import { surveyPaperEntries, surveyPaperSheets, surveyQuestionnaires, surveyResponses, type Answers, type SurveyPaperSheet } from '../schema.js';
import { lockProgram } from './lock-program.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The question ids (and "<id>.other" keys) on which two entries of a sheet differ. */
export function differences(a: Answers, b: Answers): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !same(a[k], b[k])).sort();
}

async function lockSheet(ctx: CommandContext, programId: number, number: number): Promise<SurveyPaperSheet> {
  const [sheet] = await ctx.tx.select().from(surveyPaperSheets).where(and(eq(surveyPaperSheets.programId, programId), eq(surveyPaperSheets.number, number))).for('update');
  if (!sheet) throw new AppError('not-found', sam('err.sheetMissing'));
  return sheet;
}

async function settle(ctx: CommandContext, sheet: SurveyPaperSheet, answers: Answers): Promise<number> {
  const [response] = await ctx.tx
    .insert(surveyResponses)
    .values({ programId: sheet.programId, questionnaireId: sheet.questionnaireId, channel: 'paper', facilityCode: sheet.facilityCode, answers, receipt: `P${sheet.programId}-${sheet.number}-${crypto.randomBytes(4).toString('hex')}`, createdAt: ctx.now })
    .returning({ id: surveyResponses.id });
  await ctx.tx.update(surveyPaperSheets).set({ responseId: response!.id, settledBy: ctx.actor.userId, settledAt: ctx.now }).where(and(eq(surveyPaperSheets.id, sheet.id), isNull(surveyPaperSheets.responseId)));
  ctx.audit({ action: 'surveys.paper.settled', programId: sheet.programId, targetType: 'survey_paper_sheet', targetId: sheet.id, diff: { number: sheet.number, responseId: response!.id } });
  return response!.id;
}

export interface Entered {
  number: number;
  pass: number;
  /** Settled at once: the second entry agreed with the first. */
  settled: boolean;
  differences: string[];
}

/**
 * One entry of a paper sheet by the signed-in staff member. Without a number, a new sheet is
 * numbered (the first entry); with one, it is that sheet's second entry, by someone else. When the
 * two agree the sheet is settled and counted; otherwise its differences wait for a third look.
 */
export async function enterPaperSheet(ctx: CommandContext, programId: number, input: { number?: number; facility?: string; answers: unknown }): Promise<Entered> {
  if (!ctx.actor.userId) throw new AppError('forbidden');
  let sheet: SurveyPaperSheet;
  if (input.number === undefined) {
    await lockProgram(ctx, programId);
    const q = await activeQuestionnaire(ctx.tx, programId);
    if (!q) throw new AppError('conflict', sam('err.noQuestionnaire'));
    const [max] = await ctx.tx.select({ n: sql<number>`coalesce(max(${surveyPaperSheets.number}), 0)::int` }).from(surveyPaperSheets).where(eq(surveyPaperSheets.programId, programId));
    const facility = input.facility?.trim();
    if (facility && !/^[A-Za-z0-9_-]{1,40}$/.test(facility)) throw new AppError('validation-failed', sam('err.facilityCode'), { fieldErrors: [{ field: 'facility', message: sam('err.facilityCode') }] });
    [sheet] = (await ctx.tx
      .insert(surveyPaperSheets)
      .values({ programId, number: Number(max?.n ?? 0) + 1, questionnaireId: q.id, facilityCode: facility || null, createdAt: ctx.now })
      .returning()) as [SurveyPaperSheet];
  } else {
    sheet = await lockSheet(ctx, programId, input.number);
    if (sheet.responseId) throw new AppError('conflict', sam('err.sheetSettled'));
  }
  const [q] = await ctx.tx.select().from(surveyQuestionnaires).where(eq(surveyQuestionnaires.id, sheet.questionnaireId));
  const answers = checkAnswers(q!.questions, input.answers, 'ja');
  const earlier = await ctx.tx.select().from(surveyPaperEntries).where(eq(surveyPaperEntries.sheetId, sheet.id)).orderBy(asc(surveyPaperEntries.pass));
  if (earlier.length >= 2) throw new AppError('conflict', sam('err.sheetEntered'));
  if (earlier.some((e) => e.enteredBy === ctx.actor.userId)) throw new AppError('conflict', sam('err.sheetSamePerson'));
  const pass = earlier.length + 1;
  await ctx.tx.insert(surveyPaperEntries).values({ sheetId: sheet.id, pass, enteredBy: ctx.actor.userId, answers, createdAt: ctx.now });
  ctx.audit({ action: 'surveys.paper.entered', programId, targetType: 'survey_paper_sheet', targetId: sheet.id, diff: { number: sheet.number, pass } });
  if (pass === 1) return { number: sheet.number, pass, settled: false, differences: [] };
  const diff = differences(earlier[0]!.answers, answers);
  if (diff.length === 0) await settle(ctx, sheet, answers);
  return { number: sheet.number, pass, settled: diff.length === 0, differences: diff };
}

/**
 * The third look: for every difference between the two entries, `picks[key]` is 1 or 2 (which
 * entry is right). By someone who entered neither; then the sheet is counted.
 */
export async function settlePaperSheet(ctx: CommandContext, programId: number, number: number, picks: Record<string, string>): Promise<{ responseId: number }> {
  const sheet = await lockSheet(ctx, programId, number);
  if (sheet.responseId) throw new AppError('conflict', sam('err.sheetSettled'));
  const entries = await ctx.tx.select().from(surveyPaperEntries).where(eq(surveyPaperEntries.sheetId, sheet.id)).orderBy(asc(surveyPaperEntries.pass));
  if (entries.length < 2) throw new AppError('conflict', sam('err.sheetNotReady'));
  if (entries.some((e) => e.enteredBy === ctx.actor.userId)) throw new AppError('conflict', sam('err.sheetSamePerson'));
  const [a, b] = [entries[0]!.answers, entries[1]!.answers];
  const final: Answers = { ...a };
  const errors: Array<{ field: string; message: string }> = [];
  for (const key of differences(a, b)) {
    const pick = picks[key];
    if (pick !== '1' && pick !== '2') {
      errors.push({ field: `pick.${key}`, message: 'どちらの入力が正しいか選んでください' });
      continue;
    }
    const v = pick === '1' ? a[key] : b[key];
    if (v === undefined) delete final[key];
    else final[key] = v;
  }
  if (errors.length) throw new AppError('validation-failed', '照合の結果を選んでください', { fieldErrors: errors });
  return { responseId: await settle(ctx, sheet, final) };
}
