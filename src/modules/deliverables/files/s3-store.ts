import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { checkedKey, type FileStore } from './store.js';

export interface S3StoreOptions {
  bucket: string;
  /** An S3-compatible server other than AWS (MinIO…): path-style addressing. */
  endpoint: string | undefined;
  region: string;
  /** Key prefix inside the bucket (empty or ending with `/`). */
  prefix: string;
  /** Local directory for files being received (they are encrypted there, then sent). */
  tempDir: string;
  /** Credentials; by default the AWS SDK's own chain (AWS_ACCESS_KEY_ID…, an instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * The file store in an S3-compatible bucket, for several app instances sharing their files. The
 * objects are the encrypted files (each with its own key, sealed in the database), so the bucket
 * holds nothing readable. A file is sent as one streamed PUT of the finished temporary file (up to
 * 5 GB, beyond any upload limit here) and read back as a stream: memory stays flat either way.
 */
export class S3FileStore implements FileStore {
  readonly tempDir: string;
  private readonly client: S3Client;

  constructor(private readonly opts: S3StoreOptions) {
    this.tempDir = opts.tempDir;
    this.client = new S3Client({
      region: opts.region,
      // Checksums only where S3 requires them: the default (a streamed body sent aws-chunked with
      // a trailing checksum) is stored as-is, framing included, by some S3-compatible servers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(opts.endpoint ? { endpoint: opts.endpoint, forcePathStyle: true } : {}),
      ...(opts.credentials ? { credentials: opts.credentials } : {}),
    });
  }

  private objectKey(key: string): string {
    return `${this.opts.prefix}${checkedKey(key)}`;
  }

  async putFile(key: string, tempPath: string): Promise<void> {
    const { size } = await fsp.stat(tempPath);
    await this.client.send(new PutObjectCommand({ Bucket: this.opts.bucket, Key: this.objectKey(key), Body: fs.createReadStream(tempPath), ContentLength: size, ContentType: 'application/octet-stream' }));
    await fsp.rm(tempPath, { force: true });
  }

  async read(key: string): Promise<Readable> {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.opts.bucket, Key: this.objectKey(key) }));
    if (!(out.Body instanceof Readable)) throw new Error('S3 answered no body');
    return out.Body;
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.opts.bucket, Key: this.objectKey(key) }));
  }
}
