import { Readable } from 'node:stream';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { dm } from '../messages.js';
import { discardFile, newStorageKey, receiveFile, type ReceivedFile } from './intake.js';
import { fileStoreFor, type FileStore } from './store.js';

export interface StoredBytes {
  file: ReceivedFile & { type: NonNullable<ReceivedFile['type']> };
  storageKey: string;
}

/**
 * Puts bytes made by the system (an article's PDF, another module's notice) into the file store,
 * encrypted with their own key, for a version recorded in the same transaction. Type checked by
 * content. If the transaction does not commit, the stored file is removed (no orphan).
 */
export async function storeGeneratedBytes(ctx: CommandContext, programId: number, bytes: Buffer): Promise<StoredBytes> {
  const store = fileStoreFor(ctx.deps.config);
  const file = await receiveFile(store, Readable.from([bytes]), bytes.length);
  const type = file.type;
  if (!type) {
    await discardFile(file);
    throw new AppError('unsupported-media-type', dm('err.type'));
  }
  const storageKey = newStorageKey(programId);
  await store.putFile(storageKey, file.tempPath);
  removeOnRollback(ctx, store, storageKey);
  return { file: { ...file, type }, storageKey };
}

/** Removes a stored file if the command's transaction does not commit. */
export function removeOnRollback(ctx: CommandContext, store: FileStore, storageKey: string): void {
  ctx.onRollback(() => store.remove(storageKey));
}
