import assert from 'node:assert/strict';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { compress } from './content-coding.js';

test('a compressed copy decodes to the answer and holds only its own bytes (not zlib’s 16 KB output chunk)', () => {
  const answer = new TextEncoder().encode(JSON.stringify({ items: Array.from({ length: 60 }, (_, i) => ({ id: i, name: `ホテル ${i}` })) }));
  const decode = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync } as const;
  for (const coding of ['br', 'gzip'] as const) {
    const out = compress(answer, coding);
    assert.ok(out.byteLength < answer.byteLength / 2, `${coding}: ${out.byteLength} of ${answer.byteLength} bytes`);
    assert.equal(out.buffer.byteLength, out.byteLength, `${coding}: the kept copy's memory is its length`);
    assert.ok(decode[coding](out).equals(Buffer.from(answer)), `${coding}: decodes to the same bytes`);
  }
});
