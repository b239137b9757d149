import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { deliverables, type Deliverable } from '../schema.js';

/** Re-reads a deliverable under a lock (others reference it: no key update) or 404. */
export async function lockDeliverable(ctx: CommandContext, id: number): Promise<Deliverable> {
  const [row] = await ctx.tx.select().from(deliverables).where(eq(deliverables.id, id)).for('no key update');
  if (!row) throw new AppError('not-found');
  return row;
}
