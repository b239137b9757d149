import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { isIsoDate, tokyoDate } from '../../../platform/calendar/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { privacyHandovers } from '../schema.js';
import { removeFiles } from '../files/commands.js';
import { hm } from './messages.js';

const date = z.string().trim().refine(isIsoDate, '日付を YYYY-MM-DD の形で入力してください');
const req = (max: number) => z.string().trim().min(1, '入力してください').max(max, `${max}文字以内で入力してください`);

export const handoverSchema = z
  .object({
    direction: z.enum(['to-city', 'from-city', 'transport'], { message: '種類を選んでください' }),
    plannedOn: date,
    place: req(300),
    people: req(500),
    content: req(1000),
    quantity: req(200),
    route: z.string().trim().max(500).optional(),
    packing: z.string().trim().max(500).optional(),
    useUntil: z.union([date, z.literal('')]).optional().transform((v) => v || undefined),
  })
  .superRefine((v, ctx) => {
    if (v.direction === 'transport' && (!v.route || !v.packing)) ctx.addIssue({ code: 'custom', path: [v.route ? 'packing' : 'route'], message: hm('errTransport') });
    if (v.direction === 'from-city' && !v.useUntil) ctx.addIssue({ code: 'custom', path: ['useUntil'], message: hm('errUseUntil') });
  });

/** Plans a handover or transport (admin/operator). */
export async function planHandover(ctx: CommandContext, programId: number, input: unknown) {
  const v = parseOrThrow(handoverSchema, input);
  const [row] = await ctx.tx
    .insert(privacyHandovers)
    .values({ programId, ...v, route: v.route ?? '', packing: v.packing ?? '', useUntil: v.useUntil ?? null, createdAt: ctx.now })
    .returning();
  ctx.audit({ action: 'privacy.handover.planned', programId, targetType: 'privacy_handover', targetId: row!.id, diff: { direction: v.direction, plannedOn: v.plannedOn } });
  return row!;
}

/**
 * One person of a side confirms the handover as done: the contractor (admin/operator) or the City.
 * A side confirms once (409 after); the record is done when both have.
 */
export async function confirmHandover(ctx: CommandContext, id: number, side: 'contractor' | 'city') {
  const [h] = await ctx.tx.select().from(privacyHandovers).where(eq(privacyHandovers.id, id)).for('update');
  if (!h) throw new AppError('not-found');
  const mine = side === 'city' ? h.cityConfirmedAt : h.contractorConfirmedAt;
  if (mine) throw new AppError('conflict', hm('errConfirmed'));
  const other = side === 'city' ? h.contractorConfirmedAt : h.cityConfirmedAt;
  const set =
    side === 'city' ? { cityConfirmedBy: ctx.actor.userId, cityConfirmedAt: ctx.now } : { contractorConfirmedBy: ctx.actor.userId, contractorConfirmedAt: ctx.now };
  await ctx.tx
    .update(privacyHandovers)
    .set({ ...set, ...(other ? { status: 'done' as const, doneOn: tokyoDate(ctx.now) } : {}) })
    .where(eq(privacyHandovers.id, id));
  ctx.audit({ action: 'privacy.handover.confirmed', programId: h.programId, targetType: 'privacy_handover', targetId: id, diff: { side } });
}

/** Data received from the City is erased after use: the record stays, marked erased (409 unless done and not yet erased). */
export async function eraseReceivedData(ctx: CommandContext, id: number) {
  const [row] = await ctx.tx
    .update(privacyHandovers)
    .set({ status: 'erased', erasedAt: ctx.now })
    .where(and(eq(privacyHandovers.id, id), eq(privacyHandovers.direction, 'from-city'), eq(privacyHandovers.status, 'done'), isNull(privacyHandovers.erasedAt)))
    .returning();
  if (!row) throw new AppError('conflict', hm('errErase'));
  // Its files go with it (bytes and keys); the rows stay as the record of what was held.
  const removed = await removeFiles(ctx, { owner: 'handover', ownerId: id }, 'handover-erased');
  ctx.audit({ action: 'privacy.handover.erased', programId: row.programId, targetType: 'privacy_handover', targetId: id, diff: { files: removed.files } });
}
