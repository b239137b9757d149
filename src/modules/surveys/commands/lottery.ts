import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Conn } from '../../../db/client.js';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { programScope } from '../../../platform/vault/index.js';
import { drawOrder, entryListHash, newSeed, seedHash } from '../lottery.js';
import { sam } from '../messages.js';
import { surveyEntries, surveyLotteries, type SurveyLottery } from '../schema.js';
import { lockProgram } from './lock-program.js';

/** Fixes the lottery's random seed (sealed) and publishes its SHA-256; once per program. */
export async function commitLottery(ctx: CommandContext, programId: number): Promise<SurveyLottery> {
  await lockProgram(ctx, programId);
  const box = await ctx.deps.vault.box(ctx.tx, programScope(programId));
  const seed = newSeed();
  const [row] = await ctx.tx
    .insert(surveyLotteries)
    .values({ programId, seedHash: seedHash(seed), seedBox: box.seal(seed), committedAt: ctx.now })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError('conflict', sam('err.lotteryCommitted'));
  ctx.audit({ action: 'surveys.lottery.committed', programId, targetType: 'survey_lottery', targetId: programId, diff: { seedHash: row.seedHash } });
  return row;
}

async function entryIds(db: Conn, programId: number): Promise<number[]> {
  const rows = await db.select({ id: surveyEntries.id }).from(surveyEntries).where(eq(surveyEntries.programId, programId)).orderBy(asc(surveyEntries.id));
  return rows.map((r) => r.id);
}

/**
 * The draw: the entry list is frozen (its hash recorded) under the program lock that entries'
 * lottery check does not take but the draw's own row lock orders, the seed revealed, and winners
 * and alternates chosen by the procedure of lottery.ts.
 */
export async function drawLottery(ctx: CommandContext, programId: number, winners: number, alternates: number): Promise<SurveyLottery> {
  await lockProgram(ctx, programId);
  const [l] = await ctx.tx.select().from(surveyLotteries).where(eq(surveyLotteries.programId, programId)).for('update');
  if (!l) throw new AppError('conflict', sam('err.lotteryNotCommitted'));
  if (l.drawnAt) throw new AppError('conflict', sam('err.lotteryDrawn'));
  // Entries still being written wait for nothing here: the list is what is committed now.
  const ids = await entryIds(ctx.tx, programId);
  if (!ids.length) throw new AppError('conflict', sam('err.lotteryNoEntries'));
  const box = await ctx.deps.vault.box(ctx.tx, programScope(programId));
  if (!l.seedBox) throw new AppError('conflict', sam('err.lotteryNotCommitted'));
  const seed = box.openOrThrow(l.seedBox);
  const order = drawOrder(seed, ids, winners, alternates);
  const [row] = await ctx.tx
    .update(surveyLotteries)
    .set({ seed, entryListHash: entryListHash(ids), entryCount: ids.length, winners, alternates, drawnOrder: order, drawnAt: ctx.now })
    .where(eq(surveyLotteries.programId, programId))
    .returning();
  ctx.audit({
    action: 'surveys.lottery.drawn',
    programId,
    targetType: 'survey_lottery',
    targetId: programId,
    diff: { seed, seedHash: l.seedHash, entryListHash: row!.entryListHash, entries: ids.length, winners, alternates, drawnOrder: order },
  });
  return row!;
}

/**
 * The City confirms the draw record it was shown (its inbox item then clears). Refused (409) before
 * the draw and once confirmed: the conditional UPDATE is the check, so two confirmations make one.
 */
export async function confirmDraw(ctx: CommandContext, programId: number): Promise<SurveyLottery> {
  const [row] = await ctx.tx
    .update(surveyLotteries)
    .set({ confirmedAt: ctx.now, confirmedBy: ctx.actor.userId })
    .where(and(eq(surveyLotteries.programId, programId), isNotNull(surveyLotteries.drawnAt), isNull(surveyLotteries.confirmedAt)))
    .returning();
  if (!row) throw new AppError('conflict', sam('err.drawNotConfirmable'));
  ctx.audit({ action: 'surveys.lottery.confirmed', programId, targetType: 'survey_lottery', targetId: programId, diff: { entryListHash: row.entryListHash, seedHash: row.seedHash } });
  return row;
}

export interface Verification {
  ok: boolean;
  problems: string[];
}

/** Recomputes the draw from the revealed seed and the entry table as it is now. */
export async function verifyLottery(db: Conn, programId: number): Promise<Verification> {
  const [l] = await db.select().from(surveyLotteries).where(eq(surveyLotteries.programId, programId));
  if (!l || !l.drawnAt || !l.seed) return { ok: false, problems: [sam('err.lotteryNotDrawn')] };
  const problems: string[] = [];
  if (seedHash(l.seed) !== l.seedHash) problems.push(`seed does not match the published hash ${l.seedHash}`);
  const ids = await entryIds(db, programId);
  const listHash = entryListHash(ids);
  if (listHash !== l.entryListHash) problems.push(`entry list changed since the draw: ${ids.length} entries now (hash ${listHash}), ${l.entryCount} at the draw (hash ${l.entryListHash})`);
  const order = drawOrder(l.seed, ids, l.winners ?? 0, l.alternates ?? 0);
  if (JSON.stringify(order) !== JSON.stringify(l.drawnOrder)) problems.push(`recomputed order ${order.join(',')} differs from the recorded ${(l.drawnOrder ?? []).join(',')}`);
  return { ok: problems.length === 0, problems };
}
