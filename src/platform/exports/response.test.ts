import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { isAppError } from '../errors/index.js';
import type { Column } from './columns.js';
import { exportResponse } from './response.js';
import { readWorkbook } from './test-helpers.js';

type Row = { name: string; fee: number };
const columns: Column<Row>[] = [
  { header: '氏名', value: (r) => r.name },
  { header: '金額', value: (r) => r.fee, kind: 'yen' },
];
const rows: Row[] = [
  { name: '髙橋', fee: 1000 },
  { name: '@cmd', fee: 2000 },
];

function assertCommonHeaders(res: Response, filename: string): void {
  assert.equal(res.headers.get('Cache-Control'), 'no-store');
  const cd = res.headers.get('Content-Disposition') ?? '';
  assert.ok(cd.startsWith('attachment; filename="'));
  assert.equal(decodeURIComponent(cd.split("filename*=UTF-8''")[1]!), filename);
}

test('xlsx response streams a workbook', async () => {
  const res = await exportResponse('xlsx', '登録施設一覧_2025-05-09', rows, columns, '施設');
  assert.equal(res.headers.get('Content-Type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assertCommonHeaders(res, '登録施設一覧_2025-05-09.xlsx');
  assert.ok(res.body instanceof ReadableStream);
  const wb = await readWorkbook(Buffer.from(await res.arrayBuffer()));
  const ws = wb.getWorksheet('施設');
  assert.equal(ws?.getRow(2).getCell(1).value, '髙橋');
  assert.equal(ws?.getRow(3).getCell(1).value, "'@cmd");
  assert.equal(ws?.getRow(3).getCell(2).value, 2000);
});

test('UTF-8 CSV response has a BOM', async () => {
  const res = await exportResponse('csv-utf8', '一覧', rows, columns);
  assert.equal(res.headers.get('Content-Type'), 'text/csv; charset=utf-8');
  assertCommonHeaders(res, '一覧.csv');
  const buf = Buffer.from(await res.arrayBuffer());
  assert.equal(buf.toString('utf8'), "\uFEFF氏名,金額\r\n髙橋,1000\r\n'@cmd,2000\r\n");
});

test('Shift_JIS CSV response is CP932', async () => {
  const res = await exportResponse('csv-sjis', '一覧', rows, columns);
  assert.equal(res.headers.get('Content-Type'), 'text/csv; charset=Shift_JIS');
  assertCommonHeaders(res, '一覧.csv');
  assert.equal(iconv.decode(Buffer.from(await res.arrayBuffer()), 'cp932'), "氏名,金額\r\n髙橋,1000\r\n'@cmd,2000\r\n");
});

test('Shift_JIS CSV fails before any response when a late row cannot be encoded', async () => {
  const many = Array.from({ length: 5000 }, (_, i) => ({ name: `氏名${i}`, fee: i }));
  many.push({ name: '𠮷野', fee: 0 });
  await assert.rejects(
    exportResponse('csv-sjis', '一覧', many, columns),
    (e) => isAppError(e) && e.code === 'validation-failed' && e.detail.row === 5001 && e.detail.column === '氏名',
  );
});

test('cancelling the download stops reading rows', async () => {
  let produced = 0;
  function* endless() {
    for (;;) {
      produced++;
      yield { name: 'x'.repeat(200), fee: produced };
    }
  }
  const res = await exportResponse('csv-utf8', 'a', endless(), columns);
  const reader = res.body!.getReader();
  await reader.read();
  await reader.read();
  await reader.cancel();
  const after = produced;
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(produced, after);
  assert.ok(produced < 10_000);
});

test('cancelling an xlsx download stops the workbook writer', async () => {
  let produced = 0;
  function* endless() {
    for (;;) {
      produced++;
      yield { name: `施設${produced}`.repeat(10), fee: produced };
    }
  }
  const res = await exportResponse('xlsx', 'a', endless(), columns);
  const reader = res.body!.getReader();
  await reader.read();
  await reader.cancel();
  await new Promise((r) => setTimeout(r, 50));
  const after = produced;
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(produced, after);
});
