import crypto from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { privacyFiles, privacyHandovers, privacyStaff, type FileOwner, type PrivacyFile } from '../schema.js';
import { fm } from './messages.js';
import { FILE_MAX_BYTES, readDecrypted, removeStored, sniffScan, writeEncrypted } from './store.js';

const fieldError = (message: string) => new AppError('validation-failed', message, { fieldErrors: [{ field: 'file', message }] });

/** The owner row under a lock, and whether it still takes files (a live roster entry; a handover whose data is not erased). */
async function lockOwner(ctx: CommandContext, owner: FileOwner, ownerId: number): Promise<{ programId: number; open: boolean }> {
  if (owner === 'staff') {
    const [s] = await ctx.tx.select({ programId: privacyStaff.programId, status: privacyStaff.status }).from(privacyStaff).where(eq(privacyStaff.id, ownerId)).for('update');
    if (!s) throw new AppError('not-found');
    return { programId: s.programId, open: s.status === 'requested' || s.status === 'approved' };
  }
  const [h] = await ctx.tx.select({ programId: privacyHandovers.programId, status: privacyHandovers.status }).from(privacyHandovers).where(eq(privacyHandovers.id, ownerId)).for('update');
  if (!h) throw new AppError('not-found');
  return { programId: h.programId, open: h.status !== 'erased' };
}

/**
 * Attaches a file (a signed pledge's scan to a roster entry, the data received with a handover):
 * recognised by content (PDF, PNG, JPEG), at most FILE_MAX_BYTES, stored encrypted under the
 * program's key. Refused on an ended roster entry or erased handover data (409).
 */
export async function attachFile(ctx: CommandContext, owner: FileOwner, ownerId: number, bytes: Buffer | null) {
  const o = await lockOwner(ctx, owner, ownerId);
  if (!o.open) throw new AppError('conflict', fm(owner === 'staff' ? 'errStaffClosed' : 'errHandoverErased'));
  if (!bytes || bytes.length === 0) throw fieldError(fm('errNoFile'));
  if (bytes.length > FILE_MAX_BYTES) throw fieldError(fm('errTooLarge', { mb: FILE_MAX_BYTES / 1024 / 1024 }));
  const type = sniffScan(bytes);
  if (!type) throw fieldError(fm('errType'));
  const { storageKey, sealedKey } = await writeEncrypted(ctx, o.programId, bytes);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const [row] = await ctx.tx
    .insert(privacyFiles)
    .values({ programId: o.programId, owner, ownerId, storageKey, sealedKey, type, size: bytes.length, sha256, uploadedBy: ctx.actor.userId, uploadedAt: ctx.now })
    .returning();
  ctx.audit({ action: 'privacy.file.attached', programId: o.programId, targetType: 'privacy_file', targetId: row!.id, diff: { owner, ownerId, type, size: bytes.length } });
  return row!;
}

/** Opens one file of an owner for a person to see: audited as a view of personal data (and so gated by the roster). */
export async function viewFile(ctx: CommandContext, owner: FileOwner, ownerId: number, fileId: number): Promise<{ file: PrivacyFile; bytes: Buffer }> {
  const [file] = await ctx.tx.select().from(privacyFiles).where(and(eq(privacyFiles.id, fileId), eq(privacyFiles.owner, owner), eq(privacyFiles.ownerId, ownerId)));
  if (!file) throw new AppError('not-found');
  if (file.removedAt) throw new AppError('data-erased');
  ctx.audit({ action: 'privacy.file.viewed', programId: file.programId, targetType: 'privacy_file', targetId: file.id, diff: { owner, ownerId } });
  return { file, bytes: await readDecrypted(ctx, file.programId, file.storageKey, file.sealedKey) };
}

/**
 * Removes files (their bytes and keys; the rows stay as the record of what was held): those of one
 * owner, or every file of a program. Returns how many and how many bytes.
 */
export async function removeFiles(
  ctx: CommandContext,
  which: { owner: FileOwner; ownerId: number } | { programId: number },
  reason: 'handover-erased' | 'program-erased',
): Promise<{ files: number; bytes: number }> {
  const where = 'programId' in which ? eq(privacyFiles.programId, which.programId) : and(eq(privacyFiles.owner, which.owner), eq(privacyFiles.ownerId, which.ownerId));
  const rows = await ctx.tx.select().from(privacyFiles).where(and(where, isNull(privacyFiles.removedAt))).orderBy(asc(privacyFiles.id)).for('update');
  if (!rows.length) return { files: 0, bytes: 0 };
  await ctx.tx
    .update(privacyFiles)
    .set({ removedAt: ctx.now, removedReason: reason, sealedKey: null })
    .where(inArray(privacyFiles.id, rows.map((r) => r.id)));
  // The bytes go now: the erasure that asked for it is not undone by a rollback of the record.
  for (const r of rows) await removeStored(ctx.deps.config.dataDir, r.storageKey);
  return { files: rows.length, bytes: rows.reduce((n, r) => n + r.size, 0) };
}
