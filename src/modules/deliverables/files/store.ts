import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where deliverable files live. Two implementations are meant: the local directory (default,
 * under DATA_DIR, `LocalFileStore`) and an S3-compatible bucket for several app instances (not
 * built yet: see docs/modules/deliverables.md). Files arrive already encrypted (intake.ts), so a
 * store never sees clear content. Keys are `p{programId}/{random}`: no name from the user.
 */
export interface FileStore {
  /** Moves a finished temporary file (on local disk) into the store under `key`. */
  putFile(key: string, tempPath: string): Promise<void>;
  /** The stored bytes as a stream. */
  read(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
  /** A local directory for temporary files being received. */
  readonly tempDir: string;
}

const KEY = /^p\d+\/[0-9a-f]{32}$/;

export class LocalFileStore implements FileStore {
  readonly tempDir: string;

  constructor(private readonly root: string) {
    this.tempDir = path.join(root, 'tmp');
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error('bad file key');
    return path.join(this.root, key);
  }

  async putFile(key: string, tempPath: string): Promise<void> {
    const target = this.pathOf(key);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.rename(tempPath, target);
  }

  async read(key: string): Promise<Readable> {
    const p = this.pathOf(key);
    await fsp.access(p);
    return fs.createReadStream(p);
  }

  async remove(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }
}

const stores = new Map<string, FileStore>();

/** The store of an installation: DATA_DIR/deliverables (one per data directory). */
export function fileStoreFor(dataDir: string): FileStore {
  let s = stores.get(dataDir);
  if (!s) stores.set(dataDir, (s = new LocalFileStore(path.join(dataDir, 'deliverables'))));
  return s;
}
