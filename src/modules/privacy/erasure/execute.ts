import { eq } from 'drizzle-orm';
import { addBusinessDays, tokyoDate } from '../../../platform/calendar/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { lockProgram } from '../../../platform/programs/queries.js';
import type { MasterKey } from '../../../platform/vault/master-key.js';
import { programScope } from '../../../platform/vault/index.js';
import { em } from './messages.js';
import { privacyErasures } from '../schema.js';
import { removeFiles } from '../files/commands.js';
import { findHoldings } from './holdings.js';
import { blankProgramMail } from './mail.js';
import { backupsFor } from './plan.js';
import { verifyErasure } from './verify.js';

/** Business days within which the データ消去報告書 is due (行政情報 特記仕様書 §2(6)). */
export const CERTIFICATE_DUE_BUSINESS_DAYS = 5;

/**
 * Cryptographic erasure of one program, in one transaction: its data key is destroyed (the only
 * copy in the database: every sealed value, stored file and mail body of the program becomes
 * unreadable), and with `newMasterKey` every other program's key is re-wrapped under a new master
 * key, so that a backup taken before — which still holds the program's key wrapped under the old
 * master key — cannot be opened once the old master key is destroyed. Records, counts, money and
 * the audit trail stay. Verified in the same transaction; refused (409) when done already.
 */
export async function executeErasure(ctx: CommandContext, programId: number, opts: { confirm: string; newMasterKey?: MasterKey; verifiedBy?: string }) {
  const program = await lockProgram(ctx.tx, programId);
  if (!program) throw new AppError('not-found');
  if (opts.confirm !== program.slug) throw new AppError('validation-failed', em('errConfirm'), { fieldErrors: [{ field: 'confirm', message: em('errConfirm') }] });
  const [done] = await ctx.tx.select({ id: privacyErasures.id }).from(privacyErasures).where(eq(privacyErasures.programId, programId));
  if (done) throw new AppError('conflict', em('errDone'));
  const holdings = await findHoldings(ctx.tx, ctx.deps, programId);
  const oldMasterKeyId = ctx.deps.vault.masterKeyId;
  await ctx.deps.vault.destroyKey(ctx.tx, programScope(programId), ctx.now);
  let rewrapped = 0;
  if (opts.newMasterKey) {
    if (opts.newMasterKey.id === oldMasterKeyId) throw new AppError('validation-failed', em('errSameKey'));
    rewrapped = await ctx.deps.vault.rotateMaster(ctx.tx, opts.newMasterKey);
  }
  // Besides the key: the stored files go (bytes and keys; rows kept) and sent-mail bodies are emptied (rows kept).
  const files = await removeFiles(ctx, { programId }, 'program-erased');
  const mailBodies = await blankProgramMail(ctx.tx, programId);
  const backups = await backupsFor(ctx.tx, programId, opts.newMasterKey ? oldMasterKeyId : null);
  const verification = await verifyErasure(ctx.tx, ctx.deps, programId, holdings);
  if (!verification.ok) throw new Error('erasure verification failed: a sampled value still decrypts');
  const certificateDueOn = addBusinessDays(tokyoDate(ctx.now), CERTIFICATE_DUE_BUSINESS_DAYS);
  const [row] = await ctx.tx
    .insert(privacyErasures)
    .values({
      programId,
      executedAt: ctx.now,
      performedBy: ctx.actor.label,
      verifiedBy: opts.verifiedBy ?? null,
      holdings,
      verification,
      masterRotated: !!opts.newMasterKey,
      oldMasterKeyId,
      newMasterKeyId: opts.newMasterKey?.id ?? null,
      certificateDueOn,
      purged: { files: files.files, fileBytes: files.bytes, mailBodies },
      backups,
    })
    .returning();
  ctx.audit({
    action: 'privacy.erasure.executed',
    programId,
    targetType: 'program',
    targetId: programId,
    diff: {
      tables: holdings.length,
      rows: holdings.reduce((n, h) => n + (h.rows ?? 0), 0),
      files: files.files,
      mailBodies,
      backupsNotCovered: backups.filter((b) => !b.covered).length,
      masterRotated: !!opts.newMasterKey,
      rewrapped,
      certificateDueOn,
    },
  });
  return { erasure: row!, rewrapped };
}
