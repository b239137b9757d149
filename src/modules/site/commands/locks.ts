import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { sam } from '../messages.js';
import { siteContents, siteContentVersions, type SiteContent, type SiteContentVersion, type VersionStatus } from '../schema.js';

/** A version's state in the Japanese of the back office, for the messages of refused transitions. */
export const versionStatusLabel = (status: VersionStatus): string => sam(`status.${status}`);

/** A version of the program's content, re-read and locked (FOR UPDATE) for the rest of the transaction: two decisions on it run one after the other. */
export async function lockVersion(ctx: Pick<CommandContext, 'tx'>, programId: number, id: number): Promise<SiteContentVersion> {
  const [row] = await ctx.tx
    .select()
    .from(siteContentVersions)
    .where(and(eq(siteContentVersions.programId, programId), eq(siteContentVersions.id, id)))
    .for('update');
  if (!row) throw new AppError('not-found');
  return row;
}

/**
 * A content of the program, locked for the rest of the transaction (FOR NO KEY UPDATE: its
 * versions can still be read and referenced): drafts saved at once get consecutive numbers.
 */
export async function lockContent(ctx: Pick<CommandContext, 'tx'>, programId: number, id: number): Promise<SiteContent | undefined> {
  const [row] = await ctx.tx
    .select()
    .from(siteContents)
    .where(and(eq(siteContents.programId, programId), eq(siteContents.id, id)))
    .for('no key update');
  return row;
}
