import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import type { Preset } from '../presets.js';
import { deliverables } from '../schema.js';

/** The id of the program's deliverable `key`, or null. */
export async function findDeliverableIdByKey(ctx: CommandContext, programId: number, key: string): Promise<number | null> {
  const [row] = await ctx.tx.select({ id: deliverables.id }).from(deliverables).where(and(eq(deliverables.programId, programId), eq(deliverables.key, key)));
  return row?.id ?? null;
}

/**
 * The program's deliverable `key`, added at the end of its register (audited) when it holds no
 * such row. Two callers adding the same key at once: the unique (program, key) index keeps one.
 */
export async function ensureDeliverable(ctx: CommandContext, programId: number, p: Preset): Promise<number> {
  const found = await findDeliverableIdByKey(ctx, programId, p.key);
  if (found !== null) return found;
  const [{ next }] = (await ctx.tx.select({ next: sql<number>`coalesce(max(${deliverables.position}), 0)::int + 1` }).from(deliverables).where(eq(deliverables.programId, programId))) as [{ next: number }];
  const inserted = await ctx.tx
    .insert(deliverables)
    .values({ programId, key: p.key, title: p.title, note: p.note, requiredRounds: p.requiredRounds, position: Number(next), createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing()
    .returning({ id: deliverables.id });
  const id = inserted[0]?.id ?? (await findDeliverableIdByKey(ctx, programId, p.key));
  if (id == null) throw new AppError('not-found');
  if (inserted.length) ctx.audit({ action: 'deliverables.item.added', programId, targetType: 'deliverable', targetId: String(id), diff: { key: p.key, title: p.title } });
  return id;
}
