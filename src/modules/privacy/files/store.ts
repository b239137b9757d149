import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { programScope } from '../../../platform/vault/index.js';

/**
 * The privacy module's encrypted file store: DATA_DIR/privacy/p{programId}/{random}. Each file is
 * encrypted (AES-256-GCM) with a key of its own, and that key (with its IV and tag) is sealed under
 * the program's data key — the pattern of deliverables' files, kept here as a small private copy
 * because that module exports no store and is being changed by someone else. Scans are small
 * (FILE_MAX_BYTES), so a file is handled whole in memory.
 */
/** Under MAX_UPLOAD_BYTES' default (10 MB, the whole multipart body), so that a form with a larger file is re-rendered with its error. */
export const FILE_MAX_BYTES = 8 * 1024 * 1024;

export const FILE_TYPES = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg' } as const;
export type StoredType = keyof typeof FILE_TYPES;

/** The type from the first bytes (never the name or the declared type); null: not a PDF, PNG or JPEG. */
export function sniffScan(b: Buffer): StoredType | null {
  const starts = (sig: number[]) => b.length >= sig.length && sig.every((v, i) => b[i] === v);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  return null;
}

const KEY = /^p\d+\/[0-9a-f]{32}$/;

export const storeRoot = (dataDir: string) => path.join(dataDir, 'privacy');

function pathOf(dataDir: string, storageKey: string): string {
  if (!KEY.test(storageKey)) throw new Error('bad file key');
  return path.join(storeRoot(dataDir), storageKey);
}

/**
 * Encrypts `bytes` to a new file of the program and gives its storage key and sealed key. The file
 * is removed again if the command's transaction does not commit.
 */
export async function writeEncrypted(ctx: CommandContext, programId: number, bytes: Buffer): Promise<{ storageKey: string; sealedKey: string }> {
  const box = await ctx.deps.vault.box(ctx.tx, programScope(programId));
  if (box.erased) throw new AppError('data-erased');
  const key = crypto.randomBytes(32);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
  const storageKey = `p${programId}/${crypto.randomBytes(16).toString('hex')}`;
  const target = pathOf(ctx.deps.config.dataDir, storageKey);
  await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  await fsp.writeFile(target, body, { mode: 0o600 });
  ctx.onRollback(() => fsp.rm(target, { force: true }));
  return { storageKey, sealedKey: box.seal([key, iv, cipher.getAuthTag()].map((b) => b.toString('base64')).join('.')) };
}

/** The clear bytes of a stored file (authenticated by its GCM tag); `data-erased` when its key is gone. */
export async function readDecrypted(ctx: CommandContext, programId: number, storageKey: string, sealedKey: string | null): Promise<Buffer> {
  const box = await ctx.deps.vault.box(ctx.tx, programScope(programId));
  if (!sealedKey || box.erased) throw new AppError('data-erased');
  const [key, iv, tag] = box.openOrThrow(sealedKey).split('.').map((s) => Buffer.from(s, 'base64')) as [Buffer, Buffer, Buffer];
  const body = await fsp.readFile(pathOf(ctx.deps.config.dataDir, storageKey)).catch(() => {
    throw new AppError('data-erased');
  });
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

export async function removeStored(dataDir: string, storageKey: string): Promise<void> {
  await fsp.rm(pathOf(dataDir, storageKey), { force: true });
}

/** How many files of the program are on disk (the erasure's check: none may remain). */
export async function filesOnDisk(dataDir: string, programId: number): Promise<number> {
  const dir = path.join(storeRoot(dataDir), `p${programId}`);
  return (await fsp.readdir(dir).catch(() => [] as string[])).length;
}
