import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { isAppError } from '../errors/index.js';
import type { Column } from './columns.js';
import { toCsv } from './csv.js';
import { collect } from './test-helpers.js';

type Person = { name: string; note?: string | null; amount?: number; at?: Date | string };

const columns: Column<Person>[] = [
  { header: '氏名', value: (r) => r.name },
  { header: '備考', value: (r) => r.note },
];

async function utf8(rows: Iterable<Person> | AsyncIterable<Person>, cols: Column<Person>[] = columns): Promise<Buffer> {
  return collect(toCsv(rows, cols, { encoding: 'utf8-bom' }));
}

async function sjis(rows: Person[], cols: Column<Person>[] = columns): Promise<string> {
  return iconv.decode(await collect(toCsv(rows, cols, { encoding: 'sjis' })), 'cp932');
}

test('UTF-8 output starts with a BOM and ends lines with CRLF', async () => {
  const buf = await utf8([{ name: '佐藤', note: null }]);
  assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(buf.subarray(3).toString('utf8'), '氏名,備考\r\n佐藤,\r\n');
});

test('RFC 4180 quoting of commas, quotes and line breaks', async () => {
  const buf = await utf8([{ name: 'a,b', note: 'say "hi"' }, { name: 'line1\nline2', note: 'cr\r\nlf' }]);
  assert.equal(
    buf.subarray(3).toString('utf8'),
    '氏名,備考\r\n"a,b","say ""hi"""\r\n"line1\nline2","cr\r\nlf"\r\n',
  );
});

test('formula cells are neutralised, numbers are not', async () => {
  const cols: Column<Person>[] = [
    { header: '氏名', value: (r) => r.name },
    { header: '金額', value: (r) => r.amount, kind: 'yen' },
  ];
  const buf = await utf8([{ name: '=HYPERLINK("x")', amount: -500 }, { name: '-1', amount: 1200 }], cols);
  assert.equal(buf.subarray(3).toString('utf8'), '氏名,金額\r\n"\'=HYPERLINK(""x"")",-500\r\n\'-1,1200\r\n');
});

test('dates: date columns as the Tokyo day, other Dates as Tokyo date and time', async () => {
  const cols: Column<Person>[] = [
    { header: '受付日', value: (r) => r.at, kind: 'date' },
    { header: '受付日時', value: (r) => r.at },
  ];
  const buf = await utf8([{ name: '', at: new Date('2025-05-08T15:30:00Z') }, { name: '', at: '2025-05-09' }], cols);
  assert.equal(buf.subarray(3).toString('utf8'), '受付日,受付日時\r\n2025-05-09,2025-05-09 00:30\r\n2025-05-09,2025-05-09\r\n');
});

test('rows may come from an async iterable and output arrives in chunks', async () => {
  async function* gen() {
    for (let i = 0; i < 20_000; i++) yield { name: `名前${i}`, note: 'x'.repeat(10) };
  }
  const chunks: Buffer[] = [];
  for await (const c of toCsv(gen(), columns, { encoding: 'utf8-bom' })) chunks.push(c);
  assert.ok(chunks.length > 2);
  const text = Buffer.concat(chunks).subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  assert.equal(lines.length, 20_002); // header + rows + the empty string after the last CRLF
  assert.equal(lines[20_000], `名前19999,xxxxxxxxxx`);
});

test('Shift_JIS (CP932) round-trips 髙橋, ①, half-width kana and NEC/IBM extensions', async () => {
  const text = await sjis([{ name: '髙橋', note: '①ｱｲｳ㈱﨑' }]);
  assert.equal(text, '氏名,備考\r\n髙橋,①ｱｲｳ㈱﨑\r\n');
  const raw = await collect(toCsv([{ name: '髙橋' }], columns, { encoding: 'sjis' }));
  assert.notDeepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(raw.includes(Buffer.from([0xfb, 0xfc]))); // 髙 in CP932
});

test('Shift_JIS normalises JIS-mapped look-alikes instead of losing them', async () => {
  const text = await sjis([{ name: '9:00〜17:00', note: '−5 ‖ ¥100 ¢£¬ —' }]);
  assert.equal(text, '氏名,備考\r\n9:00～17:00,－5 ∥ ￥100 ￠￡￢ ―\r\n');
});

test('Shift_JIS refuses a character outside CP932, naming record, column and character', async () => {
  await assert.rejects(
    sjis([{ name: '佐藤' }, { name: '鈴木', note: '吉田→𠮷田' }]),
    (e) => {
      assert.ok(isAppError(e));
      assert.equal(e.code, 'validation-failed');
      assert.deepEqual(e.detail, { row: 2, column: '備考', char: '𠮷' });
      assert.match(e.message, /2件目/);
      assert.match(e.message, /「備考」/);
      assert.match(e.message, /「𠮷」/);
      return true;
    },
  );
  await assert.rejects(sjis([{ name: 'ﾃｽﾄ', note: '絵文字😀' }]), (e) => isAppError(e) && e.detail.char === '😀');
  await assert.rejects(sjis([{ name: '鷗外' }]), (e) => isAppError(e) && e.detail.column === '氏名');
});

test('a literal question mark is not mistaken for an unencodable character', async () => {
  assert.equal(await sjis([{ name: 'なぜ?', note: '？' }]), '氏名,備考\r\nなぜ?,？\r\n');
});
