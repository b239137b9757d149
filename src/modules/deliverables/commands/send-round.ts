import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { dm } from '../messages.js';
import { roundRequestSchema } from '../validators.js';
import { findVersion, latestRound } from '../queries.js';
import { deliverableRounds, deliverables, type DeliverableRound } from '../schema.js';
import { lockDeliverable } from './lock.js';

/** Sends a version to the City as the next proof round (校正 第k回); the previous one must be answered. */
export async function sendRound(ctx: CommandContext, deliverableId: number, input: unknown): Promise<DeliverableRound> {
  const versionNumber = parseOrThrow(roundRequestSchema, input).version;
  const d = await lockDeliverable(ctx, deliverableId);
  if (d.status === 'approved' || d.status === 'delivered') throw new AppError('conflict', dm('err.closed'));
  const version = await findVersion(ctx.tx, d.id, versionNumber);
  if (!version) throw new AppError('validation-failed', dm('err.versionMissing', { n: versionNumber }), { fieldErrors: [{ field: 'version', message: dm('err.versionMissing', { n: versionNumber }) }] });
  const last = await latestRound(ctx.tx, d.id);
  if (last && last.decision === null) throw new AppError('conflict', dm('err.roundOpen', { n: last.number }));
  const number = (last?.number ?? 0) + 1;
  const [round] = await ctx.tx.insert(deliverableRounds).values({ deliverableId: d.id, number, versionId: version.id, sentAt: ctx.now, sentBy: ctx.actor.userId }).returning();
  await ctx.tx.update(deliverables).set({ status: 'in-proof', updatedAt: ctx.now }).where(eq(deliverables.id, d.id));
  ctx.audit({ action: 'deliverables.round.sent', programId: d.programId, targetType: 'deliverable', targetId: String(d.id), diff: { key: d.key, round: number, version: versionNumber } });
  return round!;
}
