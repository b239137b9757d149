import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import { compressOffThread } from './compress-thread.js';

describe('compression thread', () => {
  test('brotli and gzip copies made on the thread decode to the answer, each to its own, many at once', async () => {
    const answers = Array.from({ length: 40 }, (_, i) => Buffer.from(`{"total":${i},"items":[${'{"name":"ホテル","ward":"青葉区"},'.repeat(20 + i)}{}]}`));
    const made = await Promise.all(answers.flatMap((a) => [compressOffThread(a, 'br'), compressOffThread(a, 'gzip')]));
    answers.forEach((a, i) => {
      const br = made[2 * i];
      const gz = made[2 * i + 1];
      assert.ok(br && gz, `answer ${i}: both copies were made`);
      assert.ok(br.byteLength < a.byteLength, `answer ${i}: brotli is smaller`);
      assert.deepEqual(zlib.brotliDecompressSync(br), a, `answer ${i}: brotli decodes to it`);
      assert.deepEqual(zlib.gunzipSync(gz), a, `answer ${i}: gzip decodes to it`);
    });
  });

  test('the answer handed over stays whole here (the thread gets a copy)', async () => {
    const answer = Buffer.from('x'.repeat(4096));
    await compressOffThread(answer, 'br');
    assert.equal(answer.byteLength, 4096);
    assert.equal(answer.toString(), 'x'.repeat(4096));
  });
});
