import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../../../config/index.js';
import { S3FileStore } from './s3-store.js';

/**
 * Where deliverable files live: the local directory (default, under DATA_DIR, `LocalFileStore`)
 * or an S3-compatible bucket for several app instances (`S3FileStore`, FILE_STORE_S3_BUCKET).
 * Files arrive already encrypted (intake.ts), so a store never sees clear content. Keys are
 * `p{programId}/{random}`: no name from the user.
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

/** A store key as the stores accept it (no path from the user ever reaches one). */
export function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error('bad file key');
  return key;
}

export class LocalFileStore implements FileStore {
  readonly tempDir: string;

  constructor(private readonly root: string) {
    this.tempDir = path.join(root, 'tmp');
  }

  private pathOf(key: string): string {
    return path.join(this.root, checkedKey(key));
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

/** The store of an installation (one per data directory and bucket): DATA_DIR/deliverables or the configured bucket. */
export function fileStoreFor(config: Pick<Config, 'dataDir' | 'fileStore'>): FileStore {
  const local = path.join(config.dataDir, 'deliverables');
  const fsConfig = config.fileStore;
  const id = fsConfig.kind === 's3' ? `s3:${fsConfig.endpoint ?? ''}:${fsConfig.bucket}:${fsConfig.prefix}:${local}` : local;
  let s = stores.get(id);
  if (!s) stores.set(id, (s = fsConfig.kind === 's3' ? new S3FileStore({ ...fsConfig, tempDir: path.join(local, 'tmp') }) : new LocalFileStore(local)));
  return s;
}
