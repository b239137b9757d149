import type { Readable } from 'node:stream';
import type { Conn } from '../../../db/client.js';
import type { CommandContext } from '../../../platform/command.js';
import type { Deps } from '../../../platform/deps.js';
import { programScope } from '../../../platform/vault/index.js';
import { openStored } from './intake.js';
import { fileStoreFor } from './store.js';

/** A stored file's sealed key and cipher parameters (a version or an article photo). */
export interface SealedFile {
  storageKey: string;
  sealedKey: string;
  iv: string;
  tag: string;
}

/** The clear bytes of a stored file as a stream, its key opened with the program's data key (410 after erasure). */
export async function openSealedFile(deps: Deps, conn: Conn, programId: number, f: SealedFile): Promise<Readable> {
  const box = await deps.vault.box(conn, programScope(programId));
  const key = Buffer.from(box.openOrThrow(f.sealedKey), 'base64');
  return openStored(fileStoreFor(deps.config), f.storageKey, key, Buffer.from(f.iv, 'base64'), Buffer.from(f.tag, 'base64'));
}

/** The clear bytes of a small stored file (a photo), read in the command's transaction. */
export async function readSealedBytes(ctx: CommandContext, programId: number, f: SealedFile): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of await openSealedFile(ctx.deps, ctx.tx, programId, f)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}
