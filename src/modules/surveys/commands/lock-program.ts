import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { programs, type Program } from '../../../platform/programs/schema.js';

/**
 * The program row, locked FOR NO KEY UPDATE (responses keep referencing it meanwhile): survey
 * changes of one program that must not interleave (questionnaire versions, the lottery, sheet
 * numbers) run one after the other.
 */
export async function lockProgram(ctx: Pick<CommandContext, 'tx'>, programId: number): Promise<Program> {
  const [row] = await ctx.tx.select().from(programs).where(eq(programs.id, programId)).for('no key update');
  if (!row) throw new AppError('not-found');
  return row;
}
