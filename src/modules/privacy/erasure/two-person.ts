import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { lockProgram } from '../../../platform/programs/queries.js';
import { privacyErasureRequests } from '../schema.js';
import { executeErasure } from './execute.js';
import { em } from './messages.js';
import { findErasure } from './queries.js';

/** An admin asks for the program's erasure (typing its slug); nothing is erased yet. */
export async function requestErasure(ctx: CommandContext, programId: number, confirm: string) {
  const program = await lockProgram(ctx.tx, programId);
  if (!program) throw new AppError('not-found');
  if (confirm !== program.slug) throw new AppError('validation-failed', em('errConfirm'), { fieldErrors: [{ field: 'confirm', message: em('errConfirmWeb') }] });
  if (await findErasure(ctx.tx, programId)) throw new AppError('conflict', em('errDone'));
  const [row] = await ctx.tx.insert(privacyErasureRequests).values({ programId, requestedBy: ctx.actor.userId!, requestedAt: ctx.now }).onConflictDoNothing().returning();
  if (!row) throw new AppError('conflict', em('errRequested'));
  ctx.audit({ action: 'privacy.erasure.requested', programId, targetType: 'program', targetId: programId });
}

/**
 * A second person — not the one who asked — confirms and the erasure runs (the data key destroyed
 * in the database; the master key is replaced only by the CLI, so the certificate says whether
 * backups are covered). The request is consumed in the same transaction.
 */
export async function confirmErasure(ctx: CommandContext, programId: number, confirm: string) {
  const [req] = await ctx.tx.select().from(privacyErasureRequests).where(eq(privacyErasureRequests.programId, programId)).for('update');
  if (!req) throw new AppError('conflict', em('errNoRequest'));
  if (req.requestedBy === ctx.actor.userId) throw new AppError('conflict', em('errSamePerson'));
  const result = await executeErasure(ctx, programId, { confirm, verifiedBy: ctx.actor.label });
  await ctx.tx.delete(privacyErasureRequests).where(eq(privacyErasureRequests.programId, programId));
  return result;
}

export async function findErasureRequest(conn: CommandContext['tx'] | import('../../../db/client.js').Conn, programId: number) {
  const [row] = await conn.select().from(privacyErasureRequests).where(eq(privacyErasureRequests.programId, programId));
  return row;
}
