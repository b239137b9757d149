import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { dm } from '../messages.js';
import { deliverables, type Deliverable } from '../schema.js';
import { deliveryRequestSchema } from '../validators.js';
import { lockDeliverable } from './lock.js';

/** Records the delivery (納品: date, form, quantity) of an approved deliverable. */
export async function recordDelivery(ctx: CommandContext, deliverableId: number, input: unknown): Promise<Deliverable> {
  const v = parseOrThrow(deliveryRequestSchema, input);
  const d = await lockDeliverable(ctx, deliverableId);
  // A deliverable without proof rounds (a 届出) may be delivered from planned; one with rounds needs 校了.
  const ready = d.status === 'approved' || (d.status === 'planned' && d.requiredRounds === 0);
  if (!ready) throw new AppError('conflict', dm('err.notApproved'));
  const [row] = await ctx.tx
    .update(deliverables)
    .set({ status: 'delivered', deliveredOn: v.deliveredOn, deliveryForm: v.form, deliveryQuantity: v.quantity, deliveredAt: ctx.now, updatedAt: ctx.now })
    .where(eq(deliverables.id, d.id))
    .returning();
  ctx.audit({ action: 'deliverables.delivery.recorded', programId: d.programId, targetType: 'deliverable', targetId: String(d.id), diff: { key: d.key, deliveredOn: v.deliveredOn, form: v.form, quantity: v.quantity } });
  return row!;
}

/** The City confirms it received the delivery. */
export async function confirmReceipt(ctx: CommandContext, deliverableId: number): Promise<Deliverable> {
  const d = await lockDeliverable(ctx, deliverableId);
  if (d.status !== 'delivered') throw new AppError('conflict', dm('err.notDelivered'));
  if (d.receivedAt) throw new AppError('conflict', dm('err.alreadyReceived'));
  const [row] = await ctx.tx.update(deliverables).set({ receivedAt: ctx.now, receivedBy: ctx.actor.userId, updatedAt: ctx.now }).where(eq(deliverables.id, d.id)).returning();
  ctx.audit({ action: 'deliverables.delivery.received', programId: d.programId, targetType: 'deliverable', targetId: String(d.id), diff: { key: d.key } });
  return row!;
}
