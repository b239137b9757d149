import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStore } from './store.js';
import { SNIFF_BYTES, sniffType, type FileType } from './sniff.js';

/** A file received into a temporary place, encrypted with its own key; not yet in the store. */
export interface ReceivedFile {
  tempPath: string;
  size: number;
  sha256: string;
  /** From the content (null: not a type deliverables accept). */
  type: FileType | null;
  /** The file's own AES-256-GCM key (sealed with the program's data key when recorded). */
  key: Buffer;
  iv: Buffer;
  tag: Buffer;
  /** Whether the stream stopped at the size limit (the file is incomplete). */
  truncated: boolean;
}

/**
 * Streams `source` to a temporary file, encrypting as it goes (AES-256-GCM, a fresh key per
 * file), hashing the clear bytes and keeping only the first SNIFF_BYTES to recognise the type:
 * memory stays flat whatever the size. Past `maxBytes` it stops and reports `truncated`.
 */
export async function receiveFile(store: FileStore, source: Readable, maxBytes: number): Promise<ReceivedFile> {
  await fsp.mkdir(store.tempDir, { recursive: true });
  const tempPath = path.join(store.tempDir, crypto.randomBytes(16).toString('hex'));
  const key = crypto.randomBytes(32);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const hash = crypto.createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  let size = 0;
  let truncated = false;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (truncated) return done();
      if (size + chunk.length > maxBytes) {
        truncated = true;
        return done();
      }
      size += chunk.length;
      hash.update(chunk);
      if (headBytes < SNIFF_BYTES) {
        const part = chunk.subarray(0, SNIFF_BYTES - headBytes);
        head.push(Buffer.from(part));
        headBytes += part.length;
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, cipher, fs.createWriteStream(tempPath, { mode: 0o600 }));
  } catch (e) {
    await fsp.rm(tempPath, { force: true });
    throw e;
  }
  if ((source as { truncated?: boolean }).truncated) truncated = true;
  return { tempPath, size, sha256: hash.digest('hex'), type: sniffType(Buffer.concat(head)), key, iv, tag: cipher.getAuthTag(), truncated };
}

/** Discards a received file that will not be recorded. */
export async function discardFile(file: ReceivedFile): Promise<void> {
  await fsp.rm(file.tempPath, { force: true });
}

/** A new storage key for a program's file. */
export function newStorageKey(programId: number): string {
  return `p${programId}/${crypto.randomBytes(16).toString('hex')}`;
}

/** The clear bytes of a stored file as a stream (authenticated at the end by the GCM tag). */
export async function openStored(store: FileStore, storageKey: string, key: Buffer, iv: Buffer, tag: Buffer): Promise<Readable> {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  const raw = await store.read(storageKey);
  raw.on('error', (e) => decipher.destroy(e));
  return raw.pipe(decipher);
}
