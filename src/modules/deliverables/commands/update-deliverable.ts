import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { deliverables, type Deliverable } from '../schema.js';
import { editRequestSchema } from '../validators.js';
import { lockDeliverable } from './lock.js';

/** The operator edits a register row: name, quantity/format, due date, required rounds. */
export async function updateDeliverable(ctx: CommandContext, deliverableId: number, input: unknown): Promise<Deliverable> {
  const v = parseOrThrow(editRequestSchema, input);
  const d = await lockDeliverable(ctx, deliverableId);
  const [row] = await ctx.tx.update(deliverables).set({ title: v.title, note: v.note, dueOn: v.dueOn, requiredRounds: v.requiredRounds, updatedAt: ctx.now }).where(eq(deliverables.id, d.id)).returning();
  const diff: Record<string, unknown> = {};
  for (const k of ['title', 'note', 'dueOn', 'requiredRounds'] as const) if (d[k] !== row![k]) diff[k] = [d[k], row![k]];
  ctx.audit({ action: 'deliverables.item.updated', programId: d.programId, targetType: 'deliverable', targetId: String(d.id), diff: { key: d.key, ...diff } });
  return row!;
}
