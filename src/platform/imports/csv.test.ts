import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { detectEncoding, parseCsv, parseCsvObjects } from './csv.js';

async function all<T>(g: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of g) out.push(x);
  return out;
}

test('quotes, doubled quotes, newlines in fields, CRLF, BOM, line numbers', async () => {
  const csv = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",z\r\nlast,row';
  const recs = await all(parseCsv(Readable.from([Buffer.from(csv)])));
  assert.deepEqual(recs, [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['x, y', 'say "hi"'] },
    { line: 3, fields: ['multi\nline', 'z'] },
    { line: 5, fields: ['last', 'row'] },
  ]);
});

test('chunk boundaries anywhere give the same result', async () => {
  const csv = Buffer.from('名前,備考\r\n"髙橋 ""たか""",①番\r\n佐藤,"a\r\nb"\r\n');
  const whole = await all(parseCsv(Readable.from([csv])));
  for (let size = 1; size < 8; size++) {
    const chunks: Buffer[] = [];
    for (let i = 0; i < csv.length; i += size) chunks.push(csv.subarray(i, i + size));
    assert.deepEqual(await all(parseCsv(Readable.from(chunks), 'utf8')), whole, `chunk size ${size}`);
  }
});

test('Shift_JIS (CP932) is detected and decoded', async () => {
  const sjis = iconv.encode('name,ward\r\n髙橋旅館,青葉区\r\nﾎﾃﾙ①,泉区\r\n', 'cp932');
  assert.equal(detectEncoding(sjis), 'cp932');
  assert.equal(detectEncoding(Buffer.from('name,ward\r\n髙橋旅館,青葉区')), 'utf8');
  const rows = await all(parseCsvObjects(Readable.from([sjis]), ['name', 'ward']));
  assert.deepEqual(rows.map((r) => r.row), [{ name: '髙橋旅館', ward: '青葉区' }, { name: 'ﾎﾃﾙ①', ward: '泉区' }]);
});

test('a missing column is reported by name', async () => {
  await assert.rejects(all(parseCsvObjects(Readable.from([Buffer.from('name\r\nx')]), ['name', 'ward'])), /ward/);
});
