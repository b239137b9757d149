import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { CsvFileError, csvEncodingOf, csvFromBuffer, parseCsv, parseCsvObjects, type CsvEncoding, type CsvSource } from './csv.js';

async function all<T>(g: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of g) out.push(x);
  return out;
}

/** The bytes handed over in chunks of `size` (a character or a CRLF may be cut anywhere). */
const chunked = (bytes: Buffer, size: number, encoding?: CsvEncoding): CsvSource => ({
  async *open() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  },
  encoding,
});

const sjis = (text: string) => iconv.encode(text, 'cp932');
const rowsOf = async (source: CsvSource, header: string[]): Promise<Array<Record<string, string | number | boolean>>> =>
  (await all(parseCsvObjects(source, header))).map((r) => ({ line: r.line, ...r.row, ...(r.unreadable ? { unreadable: true } : {}) }));

test('quotes, doubled quotes, newlines in fields, CRLF, LF and CR line ends, BOM, line numbers', async () => {
  const csv = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",z\r\n"cr\r\nlf",w\nlast,row\rq,"a""b"';
  const recs = await all(parseCsv(csvFromBuffer(Buffer.from(csv))));
  assert.deepEqual(
    recs.map((r) => [r.line, r.fields]),
    [
      [1, ['a', 'b']],
      [2, ['x, y', 'say "hi"']],
      [3, ['multi\nline', 'z']],
      [5, ['cr\r\nlf', 'w']],
      [7, ['last', 'row']],
      [8, ['q', 'a"b']],
    ],
  );
});

test('chunk boundaries anywhere give the same result, in UTF-8 and in Shift_JIS', async () => {
  const text = '名前,備考\r\n"髙橋 ""たか""",①番\r\n佐藤,"a\r\nb"\r\nﾎﾃﾙ,ｱｲｳ\r\n';
  for (const bytes of [Buffer.from(text), sjis(text)]) {
    const whole = await all(parseCsv(csvFromBuffer(bytes)));
    assert.equal(whole[1]!.fields[0], '髙橋 "たか"');
    assert.deepEqual(whole[3]!.fields, ['ﾎﾃﾙ', 'ｱｲｳ']);
    for (let size = 1; size < 8; size++) assert.deepEqual(await all(parseCsv(chunked(bytes, size))), whole, `chunk size ${size}`);
  }
});

test('Shift_JIS (CP932) is decided on the whole file and decoded: ①, 髙, half-width kana', async () => {
  const rows = await rowsOf(csvFromBuffer(sjis('name,ward\r\n髙橋旅館,青葉区\r\nﾎﾃﾙ①,泉区\r\n')), ['name', 'ward']);
  assert.deepEqual(rows, [
    { line: 2, name: '髙橋旅館', ward: '青葉区' },
    { line: 3, name: 'ﾎﾃﾙ①', ward: '泉区' },
  ]);
});

test('a Shift_JIS file whose first non-ASCII byte lies past 64 KiB decodes as Shift_JIS', async () => {
  const lines = ['name,ward'];
  while (lines.join('\r\n').length < 70_000) lines.push(`hotel${lines.length},aoba`);
  lines.push('ホテル勾当台,青葉区');
  const rows = await rowsOf(chunked(sjis(lines.join('\r\n') + '\r\n'), 16_384), ['name', 'ward']);
  assert.deepEqual(rows.at(-1), { line: lines.length, name: 'ホテル勾当台', ward: '青葉区' });
  assert.ok(rows.every((r) => !('unreadable' in r)));
});

test('a two-row Shift_JIS file with half-width kana (ending in one) decodes as Shift_JIS', async () => {
  // Its last byte alone is not UTF-8: a decision on the first chunk took it for a cut UTF-8 character.
  const rows = await rowsOf(csvFromBuffer(sjis('name,kana\r\nﾎﾃﾙ,ｱ')), ['name', 'kana']);
  assert.deepEqual(rows, [{ line: 2, name: 'ﾎﾃﾙ', kana: 'ｱ' }]);
  const two = await rowsOf(csvFromBuffer(sjis('name,kana\r\nﾎﾃﾙｾﾝﾀﾞｲ,ｾﾝﾀﾞｲ\r\nﾘｮｶﾝ,ﾘｮｶﾝ\r\n')), ['name', 'kana']);
  assert.deepEqual(two.map((r) => r.name), ['ﾎﾃﾙｾﾝﾀﾞｲ', 'ﾘｮｶﾝ']);
  // Every byte pair also valid UTF-8 (ﾃｽ = C3 BD is ý): still half-width kana, not Latin letters.
  const doubly = sjis('name,kana\r\nﾃｽﾄｳ,ﾎｳ\r\nﾏｲ,ﾄｳ\r\n');
  assert.equal(Buffer.from(doubly).toString('utf8').includes('\uFFFD'), false, 'the bytes are valid UTF-8 too');
  assert.deepEqual(await rowsOf(csvFromBuffer(doubly), ['name', 'kana']), [
    { line: 2, name: 'ﾃｽﾄｳ', kana: 'ﾎｳ' },
    { line: 3, name: 'ﾏｲ', kana: 'ﾄｳ' },
  ]);
  // Stated as UTF-8, they are read as UTF-8.
  assert.equal((await rowsOf(csvFromBuffer(doubly, 'utf-8'), ['name', 'kana']))[0]!.name, 'ýĳ');
});

test('a lone lead byte makes its row unreadable, named by line; the other rows decode', async () => {
  const bytes = Buffer.concat([sjis('name,ward\r\n髙橋旅館,青葉区\r\nホテル'), Buffer.from([0x82]), sjis(',泉区\r\n佐藤,若林区\r\n')]);
  const rows = await rowsOf(csvFromBuffer(bytes), ['name', 'ward']);
  assert.deepEqual(rows.map((r) => [r.line, 'unreadable' in r]), [[2, false], [3, true], [4, false]]);
  assert.equal(rows[2]!.name, '佐藤');
  // At the very end of the file too.
  const end = await rowsOf(csvFromBuffer(Buffer.concat([sjis('name,ward\r\n髙橋,青葉区\r\nx,'), Buffer.from([0x82])])), ['name', 'ward']);
  assert.deepEqual(end.map((r) => [r.line, 'unreadable' in r]), [[2, false], [3, true]]);
});

test('a UTF-8 file with one Shift_JIS row: that row is unreadable, named by line; UTF-8 rows decode', async () => {
  const bytes = Buffer.concat([Buffer.from('name,ward\r\n髙橋旅館,青葉区\r\nホテル一番,泉区\r\n'), sjis('佐藤旅館,若林区\r\n'), Buffer.from('民宿三番,太白区\r\n')]);
  const rows = await rowsOf(csvFromBuffer(bytes), ['name', 'ward']);
  assert.deepEqual(rows.map((r) => [r.line, 'unreadable' in r]), [[2, false], [3, false], [4, true], [5, false]]);
  assert.equal(rows[3]!.name, '民宿三番');
});

test('a Shift_JIS file with one UTF-8 row: that row is refused by its line, not read as mojibake', async () => {
  const bytes = Buffer.concat([sjis('name,ward\r\n髙橋旅館,青葉区\r\nホテル一番,泉区\r\n'), Buffer.from('佐藤旅館,若林区\r\n'), sjis('民宿三番,太白区\r\n')]);
  const rows = await rowsOf(csvFromBuffer(bytes), ['name', 'ward']);
  assert.deepEqual(rows.map((r) => [r.line, 'unreadable' in r]), [[2, false], [3, false], [4, true], [5, false]]);
  assert.equal(rows[3]!.name, '民宿三番');
  const [refused] = (await all(parseCsvObjects(csvFromBuffer(bytes), ['name', 'ward']))).filter((r) => r.unreadable);
  assert.match(refused!.unreadable!, /文字コードが違う（Shift_JIS ではない）/);
});

test('a UTF-8 file with a Shift_JIS half-width-kana row that is valid UTF-8 by chance: that row is refused', async () => {
  const bytes = Buffer.concat([Buffer.from('name,ward\r\n髙橋旅館,青葉区\r\nホテル一番,泉区\r\n'), sjis('ﾃｽﾄｳ,x\r\n'), sjis('ﾎﾃﾙ,y\r\n')]);
  const rows = await rowsOf(csvFromBuffer(bytes), ['name', 'ward']);
  assert.deepEqual(rows.map((r) => [r.line, 'unreadable' in r]), [[2, false], [3, false], [4, true], [5, true]]);
});

test('line numbers count CR-only line ends in the decision too', async () => {
  const bytes = Buffer.concat([sjis('name,ward\r髙橋旅館,青葉区\rホテル,泉区\r'), Buffer.from('佐藤,若林区\r'), sjis('民宿,太白区\r')]);
  const rows = await rowsOf(csvFromBuffer(bytes), ['name', 'ward']);
  assert.deepEqual(rows.map((r) => [r.line, 'unreadable' in r]), [[2, false], [3, false], [4, true], [5, false]]);
});

test('the decision counts lines alike however the file is cut (CRLF, CR and LF ends, ASCII and other chunks)', async () => {
  const bytes = Buffer.concat([Buffer.from('name,ward\r\na,b\rc,d\ne,f\r\n'), sjis('髙橋,青葉区\r\nホテル,泉区\n'), Buffer.from('佐藤,若林区\r'), sjis('民宿,太白区\r\n'), Buffer.from('g,h\r\n')]);
  const expected = [[2, false], [3, false], [4, false], [5, false], [6, false], [7, true], [8, false], [9, false]];
  assert.deepEqual((await rowsOf(csvFromBuffer(bytes), ['name', 'ward'])).map((r) => [r.line, 'unreadable' in r]), expected);
  for (let size = 1; size <= 24; size++) assert.deepEqual((await rowsOf(chunked(bytes, size), ['name', 'ward'])).map((r) => [r.line, 'unreadable' in r]), expected, `chunk size ${size}`);
});

test('as many UTF-8 lines as others: the encoding is not guessed, the file is refused naming the lines', async () => {
  const bytes = Buffer.concat([Buffer.from('name,ward\r\n髙橋旅館,青葉区\r\n'), sjis('佐藤旅館,若林区\r\n')]);
  await assert.rejects(all(parseCsvObjects(csvFromBuffer(bytes), ['name', 'ward'])), (e: unknown) => e instanceof CsvFileError && /3行目/.test(e.message) && /文字コード/.test(e.message));
  // Declared, it is read as declared: the Shift_JIS line is refused in a UTF-8 file.
  const rows = await rowsOf(csvFromBuffer(bytes, 'utf-8'), ['name', 'ward']);
  assert.deepEqual(rows.map((r) => [r.line, 'unreadable' in r]), [[2, false], [3, true]]);
});

test('a declared encoding is used: a UTF-8 file declared Shift_JIS is refused, not read as mojibake', async () => {
  const text = 'name,ward\r\n髙橋旅館,青葉区\r\n';
  assert.deepEqual((await rowsOf(csvFromBuffer(sjis(text), 'shift_jis'), ['name', 'ward']))[0], { line: 2, name: '髙橋旅館', ward: '青葉区' });
  await assert.rejects(all(parseCsv(csvFromBuffer(Buffer.from(text), 'shift_jis'))), (e: unknown) => e instanceof CsvFileError && /UTF-8/.test(e.message));
  const asUtf8 = await rowsOf(csvFromBuffer(sjis(text), 'utf-8'), ['name', 'ward']);
  assert.deepEqual(asUtf8.map((r) => [r.line, 'unreadable' in r]), [[2, true]]);
});

test('NUL, other control characters and private-use characters (外字) make a row unreadable; tab does not', async () => {
  const rows = await rowsOf(csvFromBuffer(Buffer.from('name,ward\na\u0000b,x\nc\td,x\n\uE000,x\n\u0085,x\nok,x\n')), ['name', 'ward']);
  assert.deepEqual(rows.map((r) => [r.line, 'unreadable' in r]), [[2, true], [3, false], [4, true], [5, true], [6, false]]);
  const gaiji = await rowsOf(csvFromBuffer(Buffer.concat([sjis('name,ward\r\n'), Buffer.from([0xf0, 0x40]), sjis(',青葉区\r\n')])), ['name', 'ward']);
  assert.equal('unreadable' in gaiji[0]!, true);
});

test('a bad header byte refuses the file at line 1', async () => {
  await assert.rejects(all(parseCsvObjects(csvFromBuffer(Buffer.concat([Buffer.from('name,wa'), Buffer.from([0xff]), Buffer.from('rd\r\nx,y\r\n')]), 'utf-8'), ['name', 'ward'])), (e: unknown) => e instanceof CsvFileError && e.line === 1);
});

test('an unclosed quote refuses the file, naming the line it opens on', async () => {
  const g = parseCsv(csvFromBuffer(Buffer.from('a,b\r\n1,2\r\n3,"open\r\n4,5\r\n')));
  const seen: number[] = [];
  await assert.rejects(
    (async () => {
      for await (const r of g) seen.push(r.line);
    })(),
    (e: unknown) => e instanceof CsvFileError && e.line === 3 && /3行目/.test(e.message),
  );
  assert.deepEqual(seen, [1, 2]);
});

test('a missing column is reported by name; blank lines are skipped', async () => {
  await assert.rejects(all(parseCsvObjects(csvFromBuffer(Buffer.from('name\r\nx')), ['name', 'ward'])), /ward/);
  assert.deepEqual(await rowsOf(csvFromBuffer(Buffer.from('name,ward\r\n\r\nx,y\r\n\r\n')), ['name', 'ward']), [{ line: 3, name: 'x', ward: 'y' }]);
});

test('encoding names', () => {
  assert.equal(csvEncodingOf('UTF-8'), 'utf-8');
  assert.equal(csvEncodingOf('shift_jis'), 'shift_jis');
  assert.equal(csvEncodingOf('latin1'), null);
});
