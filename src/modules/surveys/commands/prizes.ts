import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { programScope } from '../../../platform/vault/index.js';
import { sam } from '../messages.js';
import { surveyEntries, surveyLotteries, surveyPaperSheets, surveyPrizes, surveyShipments, type SurveyPrize, type SurveyShipment } from '../schema.js';
import { lockProgram } from './lock-program.js';
import { removeScans } from './paper-scan.js';

export const prizeSchema = z.object({
  name: z.string().trim().min(1, '賞品名を入力してください').max(100, '賞品名は100文字以内です'),
  stock: z.coerce.number({ error: '数量を数字で入力してください' }).int('数量を数字で入力してください').min(1, '数量は1以上です').max(100_000, '数量が多すぎます'),
  keptAt: z.string().trim().max(200, '保管場所は200文字以内です').default(''),
});

/** A kind of prize in stock. */
export async function savePrize(ctx: CommandContext, programId: number, raw: unknown): Promise<SurveyPrize> {
  const d = parseOrThrow(prizeSchema, raw);
  const [row] = await ctx.tx.insert(surveyPrizes).values({ programId, ...d }).returning();
  ctx.audit({ action: 'surveys.prize.saved', programId, targetType: 'survey_prize', targetId: row!.id, diff: d });
  return row!;
}

async function queueWinnerMail(ctx: CommandContext, programId: number, entryId: number, prize: string): Promise<void> {
  const [e] = await ctx.tx.select().from(surveyEntries).where(eq(surveyEntries.id, entryId));
  if (!e?.emailSealed) return;
  const box = await ctx.deps.vault.box(ctx.tx, programScope(programId));
  const to = box.open(e.emailSealed);
  const name = e.nameSealed ? box.open(e.nameSealed) : '';
  if (typeof to !== 'string') return;
  await queueMail(ctx.tx, ctx.deps, {
    programId,
    template: 'surveys.winner',
    to,
    subject: 'アンケートのプレゼント抽選に当選しました',
    text: `${typeof name === 'string' ? name : ''} 様\n\nアンケートにご協力いただきありがとうございました。プレゼント抽選の結果、当選されました。\n賞品：${prize}\n\nご応募時のご住所に発送いたします。発送後、到着まで数日かかる場合があります。\n`,
  });
}

/** Prepares shipments of `prizeId` for the winners who have none yet, within the prize's stock, and mails them. */
export async function prepareShipments(ctx: CommandContext, programId: number, prizeId: number): Promise<number> {
  await lockProgram(ctx, programId);
  const [l] = await ctx.tx.select().from(surveyLotteries).where(eq(surveyLotteries.programId, programId));
  if (!l?.drawnAt) throw new AppError('conflict', sam('err.lotteryNotDrawn'));
  const [prize] = await ctx.tx.select().from(surveyPrizes).where(and(eq(surveyPrizes.id, prizeId), eq(surveyPrizes.programId, programId)));
  if (!prize) throw new AppError('not-found');
  const winners = (l.drawnOrder ?? []).slice(0, l.winners ?? 0);
  const existing = await ctx.tx.select({ entryId: surveyShipments.entryId }).from(surveyShipments).where(eq(surveyShipments.programId, programId));
  const have = new Set(existing.map((s) => s.entryId));
  const todo = winners.filter((id) => !have.has(id));
  const [used] = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(surveyShipments).where(and(eq(surveyShipments.prizeId, prizeId), sql`${surveyShipments.status} <> 'undelivered'`));
  if (Number(used?.n ?? 0) + todo.length > prize.stock) throw new AppError('conflict', sam('err.prizeStock'));
  for (const entryId of todo) {
    const [s] = await ctx.tx.insert(surveyShipments).values({ programId, entryId, prizeId, createdAt: ctx.now, updatedAt: ctx.now }).returning();
    ctx.audit({ action: 'surveys.shipment.created', programId, targetType: 'survey_shipment', targetId: s!.id, diff: { entryId, prize: prize.name } });
    await queueWinnerMail(ctx, programId, entryId, prize.name);
  }
  return todo.length;
}

export const shipmentActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('shipped'), carrier: z.string().trim().min(1, '運送会社を入力してください').max(40), trackingNumber: z.string().trim().min(1, '伝票番号を入力してください').max(40) }),
  z.object({ action: z.literal('delivered') }),
  z.object({ action: z.literal('undelivered'), note: z.string().trim().max(500).optional() }),
  z.object({ action: z.literal('decided'), note: z.string().trim().min(1, '市の判断を記録してください').max(1000), passToAlternate: z.enum(['true', 'false']).default('false') }),
]);

const FROM: Record<string, SurveyShipment['status']> = { shipped: 'preparing', delivered: 'shipped', undelivered: 'shipped', decided: 'undelivered' };

/**
 * Moves a shipment on: 発送準備 → 発送済み (carrier, tracking) → 配達完了 or 不着; an undelivered
 * prize gets the City's decision and may pass to the next alternate (a new shipment). A transition
 * from a state the shipment is no longer in is 409.
 */
export async function changeShipment(ctx: CommandContext, programId: number, shipmentId: number, raw: unknown): Promise<SurveyShipment> {
  const d = parseOrThrow(shipmentActionSchema, raw);
  const [s] = await ctx.tx.select().from(surveyShipments).where(and(eq(surveyShipments.id, shipmentId), eq(surveyShipments.programId, programId))).for('update');
  if (!s) throw new AppError('not-found');
  if (s.status !== FROM[d.action] || (d.action === 'decided' && s.decisionNote)) throw new AppError('conflict', sam('err.shipmentState'));
  const set: Partial<SurveyShipment> = { updatedAt: ctx.now };
  if (d.action === 'shipped') Object.assign(set, { status: 'shipped', carrier: d.carrier, trackingNumber: d.trackingNumber });
  if (d.action === 'delivered') set.status = 'delivered';
  if (d.action === 'undelivered') set.status = 'undelivered';
  if (d.action === 'decided') set.decisionNote = d.note;
  const [row] = await ctx.tx.update(surveyShipments).set(set).where(eq(surveyShipments.id, s.id)).returning();
  ctx.audit({ action: 'surveys.shipment.changed', programId, targetType: 'survey_shipment', targetId: s.id, diff: { from: s.status, action: d.action, ...(d.action === 'shipped' ? { carrier: d.carrier } : {}), ...(d.action === 'decided' ? { passToAlternate: d.passToAlternate } : {}), ...(d.action === 'undelivered' && d.note ? { note: d.note } : {}) } });
  if (d.action === 'decided' && d.passToAlternate === 'true') {
    await lockProgram(ctx, programId);
    const [l] = await ctx.tx.select().from(surveyLotteries).where(eq(surveyLotteries.programId, programId));
    const taken = new Set((await ctx.tx.select({ e: surveyShipments.entryId }).from(surveyShipments).where(eq(surveyShipments.programId, programId))).map((x) => x.e));
    const next = (l?.drawnOrder ?? []).slice(l?.winners ?? 0).find((id) => !taken.has(id));
    if (next === undefined) throw new AppError('conflict', sam('err.noAlternate'));
    const [n] = await ctx.tx.insert(surveyShipments).values({ programId, entryId: next, prizeId: s.prizeId, replaces: s.id, createdAt: ctx.now, updatedAt: ctx.now }).returning();
    ctx.audit({ action: 'surveys.shipment.created', programId, targetType: 'survey_shipment', targetId: n!.id, diff: { entryId: next, replaces: s.id } });
    const [prize] = await ctx.tx.select().from(surveyPrizes).where(eq(surveyPrizes.id, s.prizeId));
    await queueWinnerMail(ctx, programId, next, prize?.name ?? '');
  }
  return row!;
}

/**
 * Erases every entrant's personal data of the program (the entries stay, for the lottery's
 * verification), once every prize is settled: delivered, or undelivered with the City's decision.
 */
export async function eraseEntrants(ctx: CommandContext, programId: number): Promise<number> {
  await lockProgram(ctx, programId);
  const [open] = await ctx.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyShipments)
    .where(and(eq(surveyShipments.programId, programId), sql`(${surveyShipments.status} in ('preparing', 'shipped') or (${surveyShipments.status} = 'undelivered' and ${surveyShipments.decisionNote} is null))`));
  if (Number(open?.n ?? 0) > 0) throw new AppError('conflict', sam('err.unsettled'));
  const erased = await ctx.tx
    .update(surveyEntries)
    .set({ nameSealed: null, postalCodeSealed: null, addressSealed: null, phoneSealed: null, emailSealed: null, erasedAt: ctx.now })
    .where(and(eq(surveyEntries.programId, programId), sql`${surveyEntries.erasedAt} is null`))
    .returning({ id: surveyEntries.id });
  // Paper sheets' scans may show an entrant's name and address: their keys go in this transaction
  // (nothing can open them from now on), then their bytes.
  const withScan = and(eq(surveyPaperSheets.programId, programId), sql`${surveyPaperSheets.scan} is not null`);
  const scans = await ctx.tx.select({ key: surveyPaperSheets.scan }).from(surveyPaperSheets).where(withScan).for('update');
  await ctx.tx.update(surveyPaperSheets).set({ scan: null, scanKeySealed: null, scanType: null, scanSize: null }).where(withScan);
  ctx.audit({ action: 'surveys.entries.erased', programId, targetType: 'program', targetId: programId, diff: { entries: erased.length, scans: scans.length } });
  await removeScans(ctx.deps.config, scans.map((s) => s.key));
  return erased.length;
}

