import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../../app.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeProgram, makeToken, makeUser } from '../../../../test/helpers/fixtures.js';
import { apiRequest } from '../../../../test/helpers/http.js';
import { samplePdf, uploadVersion } from '../test-helpers.js';
import { newStorageKey, openStored, receiveFile } from './intake.js';
import { S3FileStore } from './s3-store.js';
import { openSealedFile } from './sealed-bytes.js';
import { listVersions } from '../queries.js';

/** s3rver: a local S3-compatible server written for Node (no types shipped; test only). */
interface S3rverServer {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
const S3rver = createRequire(import.meta.url)('s3rver') as new (o: Record<string, unknown>) => S3rverServer;
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

const drain = async (r: Readable) => {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts);
};

describe('the S3-compatible file store (against s3rver)', () => {
  let server: S3rverServer;
  let endpoint = '';
  let s3Dir = '';
  let tempDir = '';
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };

  before(async () => {
    s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jmk-s3-'));
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jmk-s3tmp-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: 'jimukyoku-files', configs: [] }] });
    endpoint = `http://127.0.0.1:${(await server.run()).port}`;
    // The app takes its credentials from the AWS SDK's own chain (here: the environment).
    process.env.AWS_ACCESS_KEY_ID = CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = CREDENTIALS.secretAccessKey;
  });
  after(async () => {
    await server.close();
    if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
    else process.env.AWS_ACCESS_KEY_ID = saved.id;
    if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    else process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
    fs.rmSync(s3Dir, { recursive: true, force: true });
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  it('puts an encrypted file, reads it back as a stream, removes it', async () => {
    const store = new S3FileStore({ bucket: 'jimukyoku-files', endpoint, region: 'ap-northeast-1', prefix: 'test/', tempDir, credentials: CREDENTIALS });
    const clear = Buffer.alloc(3 * 1024 * 1024 + 17, 'jimukyoku ');
    const file = await receiveFile(store, Readable.from([clear]), 10 * 1024 * 1024);
    const key = newStorageKey(7);
    await store.putFile(key, file.tempPath);
    assert.equal(fs.existsSync(file.tempPath), false, 'the temporary file is gone once sent');
    const raw = await drain(await store.read(key));
    assert.notDeepEqual(raw.subarray(0, 32), clear.subarray(0, 32), 'the bucket holds the encrypted bytes');
    assert.deepEqual(await drain(await openStored(store, key, file.key, file.iv, file.tag)), clear);
    await store.remove(key);
    await assert.rejects(store.read(key), 'removed');
    await assert.rejects(store.read('../etc/passwd'), /bad file key/);
  });

  describe('the app with FILE_STORE_S3_BUCKET', () => {
    let env: TestEnv;
    before(async () => {
      env = await createTestEnv({ FILE_STORE_S3_BUCKET: 'jimukyoku-files', FILE_STORE_S3_ENDPOINT: endpoint, FILE_STORE_S3_PREFIX: 'app/' });
    });
    after(() => env.close());

    it('a version uploaded through the API lands in the bucket, not in DATA_DIR, and is read back from there', async () => {
      const p = await makeProgram(env.deps, 'dl-s3', 'campaign');
      const token = await makeToken(env.deps, (await makeUser(env.deps, 'op@example.jp', 'operator', p.id)).id);
      const app = createApp(env.deps);
      const items = (await (await apiRequest(app, 'GET', '/api/v1/programs/dl-s3/deliverables', { token })).json()) as { items: Array<{ id: number; key: string }> };
      const flyer = items.items.find((i) => i.key === 'flyer')!;
      const pdf = await samplePdf(2);
      const up = await uploadVersion(app, token, flyer.id, pdf, 'flyer.pdf', 'S3');
      assert.equal(up.status, 201, await up.clone().text());
      assert.equal(fs.existsSync(path.join(env.dataDir, 'deliverables', `p${p.id}`)), false, 'nothing stored in DATA_DIR');
      const objects = fs.readdirSync(path.join(s3Dir, 'jimukyoku-files', 'app', `p${p.id}`));
      assert.ok(objects.length >= 1, 'the object is in the bucket under the prefix');
      const [version] = await listVersions(env.deps.db, flyer.id);
      assert.deepEqual(await drain(await openSealedFile(env.deps, env.deps.db, p.id, version!)), pdf, 'read back from the bucket, decrypted');
    });
  });
});
