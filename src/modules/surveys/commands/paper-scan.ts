import { and, eq, isNotNull } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { ERASED, programScope } from '../../../platform/vault/index.js';
import { fileStoreFor, openStored, storeGeneratedBytes } from '../../deliverables/index.js';
import { sam } from '../messages.js';
import { surveyPaperSheets } from '../schema.js';

/** The largest scan accepted (a few A4 pages scanned at 300 dpi). */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;
export const SCAN_TYPES = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg' } as const;
export type ScanType = keyof typeof SCAN_TYPES;

/** The scan's type from its first bytes (never its name or the browser's claim); null for anything else. */
export function sniffScan(b: Buffer): ScanType | null {
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  return null;
}

const scanError = (code: 'validation-failed', key: Parameters<typeof sam>[0]) =>
  new AppError(code, sam(key), { fieldErrors: [{ field: 'scan', message: sam(key) }] });

/**
 * Attaches the scanned sheet (PDF, PNG or JPEG, by content, at most MAX_SCAN_BYTES) to paper sheet
 * `number`: encrypted with its own key in the file store, the key sealed with the program's data
 * key. A scan replacing another returns the old storage key for the caller to remove once this
 * has committed. If the transaction does not commit, the new file is removed.
 */
export async function attachScan(ctx: CommandContext, programId: number, number: number, bytes: Buffer): Promise<{ replaced: string | null }> {
  if (!bytes.length) throw scanError('validation-failed', 'err.scanMissing');
  if (bytes.length > MAX_SCAN_BYTES) throw scanError('validation-failed', 'err.scanTooLarge');
  const type = sniffScan(bytes);
  if (!type) throw scanError('validation-failed', 'err.scanType');
  const [sheet] = await ctx.tx.select().from(surveyPaperSheets).where(and(eq(surveyPaperSheets.programId, programId), eq(surveyPaperSheets.number, number))).for('update');
  if (!sheet) throw new AppError('not-found', sam('err.sheetNotFound'));
  const stored = await storeGeneratedBytes(ctx, programId, bytes);
  const box = await ctx.deps.vault.box(ctx.tx, programScope(programId));
  const f = stored.file;
  const sealed = box.seal([f.key, f.iv, f.tag].map((x) => x.toString('base64')).join('.'));
  await ctx.tx
    .update(surveyPaperSheets)
    .set({ scan: stored.storageKey, scanType: type, scanKeySealed: sealed, scanSize: bytes.length, scanUploadedAt: ctx.now })
    .where(eq(surveyPaperSheets.id, sheet.id));
  ctx.audit({ action: 'surveys.paper.scan_attached', programId, targetType: 'survey_paper_sheet', targetId: sheet.id, diff: { number, type, size: bytes.length, sha256: f.sha256, replaced: !!sheet.scan } });
  return { replaced: sheet.scan };
}

/** Removes stored scans (after the transaction that dropped their keys committed); a missing file is fine. */
export async function removeScans(config: Parameters<typeof fileStoreFor>[0], keys: Array<string | null>): Promise<void> {
  const store = fileStoreFor(config);
  for (const k of keys) if (k) await store.remove(k);
}

/** The clear bytes of sheet `number`'s scan, for staff; every view is audited (it may hold an entrant's name and address). */
export async function readScan(ctx: CommandContext, programId: number, number: number): Promise<{ bytes: Buffer; type: ScanType }> {
  const [sheet] = await ctx.tx.select().from(surveyPaperSheets).where(and(eq(surveyPaperSheets.programId, programId), eq(surveyPaperSheets.number, number), isNotNull(surveyPaperSheets.scan)));
  if (!sheet?.scan) throw new AppError('not-found', sam('err.scanNotFound'));
  const box = await ctx.deps.vault.box(ctx.tx, programScope(programId));
  const opened = sheet.scanKeySealed ? box.open(sheet.scanKeySealed) : ERASED;
  if (opened === ERASED) throw new AppError('data-erased');
  const [key, iv, tag] = opened.split('.').map((x) => Buffer.from(x, 'base64')) as [Buffer, Buffer, Buffer];
  const stream = await openStored(fileStoreFor(ctx.deps.config), sheet.scan, key, iv, tag);
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  ctx.audit({ action: 'surveys.paper.scan_viewed', programId, targetType: 'survey_paper_sheet', targetId: sheet.id, diff: { number } });
  return { bytes: Buffer.concat(parts), type: (sheet.scanType ?? 'pdf') as ScanType };
}
