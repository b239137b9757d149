import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Column } from './columns.js';
import { readWorkbook, captureStream } from './test-helpers.js';
import { safeSheetName, writeXlsx, writeXlsxWorkbook } from './xlsx.js';

type Facility = { name: string; fee: number | null; count: number; openedOn: string; updatedAt: Date };

const columns: Column<Facility>[] = [
  { header: '施設名', value: (r) => r.name, width: 30 },
  { header: '利用料', value: (r) => r.fee, kind: 'yen' },
  { header: '件数', value: (r) => r.count, kind: 'int' },
  { header: '開設日', value: (r) => r.openedOn, kind: 'date' },
  { header: '更新日時', value: (r) => r.updatedAt },
];

const rows: Facility[] = [
  { name: '髙橋記念館①', fee: 12000, count: 3, openedOn: '2025-05-09', updatedAt: new Date('2025-05-08T15:30:00Z') },
  { name: '=HYPERLINK("x")', fee: null, count: -1, openedOn: '未定', updatedAt: new Date('2025-05-09T03:00:00Z') },
];

test('xlsx reads back with Japanese text, numbers, dates and neutralised formulas', async () => {
  const buf = await captureStream((stream) => writeXlsx(rows, columns, { sheetName: '登録施設', stream }));
  const wb = await readWorkbook(buf);
  const ws = wb.getWorksheet('登録施設');
  assert.ok(ws);

  assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['施設名', '利用料', '件数', '開設日', '更新日時']);
  assert.equal(ws.getRow(1).getCell(1).font?.bold, true);
  assert.deepEqual(ws.views[0], { ...ws.views[0], state: 'frozen', ySplit: 1 });
  assert.equal(ws.getColumn(1).width, 30);

  const r2 = ws.getRow(2);
  assert.equal(r2.getCell(1).value, '髙橋記念館①');
  assert.equal(r2.getCell(2).value, 12000);
  assert.equal(r2.getCell(2).numFmt, '#,##0');
  assert.equal(r2.getCell(3).value, 3);
  assert.equal(r2.getCell(3).type, ExcelJS.ValueType.Number);
  // Excel dates are wall-clock; the reader hands them back as UTC fields.
  assert.equal((r2.getCell(4).value as Date).toISOString(), '2025-05-09T00:00:00.000Z');
  assert.equal(r2.getCell(4).numFmt, 'yyyy-mm-dd');
  assert.equal((r2.getCell(5).value as Date).toISOString(), '2025-05-09T00:30:00.000Z');

  const r3 = ws.getRow(3);
  assert.equal(r3.getCell(1).value, `'=HYPERLINK("x")`);
  assert.equal(r3.getCell(1).type, ExcelJS.ValueType.String);
  assert.equal(r3.getCell(2).value, null);
  assert.equal(r3.getCell(3).value, -1);
  assert.equal(r3.getCell(4).value, '未定');
});

test('several sheets with different row types', async () => {
  const buf = await captureStream((stream) =>
    writeXlsxWorkbook(
      [
        { name: '施設', rows, columns },
        { name: '集計: 5/9', rows: [{ label: '合計', total: 12000 }], columns: [
          { header: '項目', value: (r: { label: string; total: number }) => r.label },
          { header: '金額', value: (r: { label: string; total: number }) => r.total, kind: 'yen' },
        ] },
      ],
      stream,
    ),
  );
  const wb = await readWorkbook(buf);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['施設', '集計_ 5_9']);
  assert.equal(wb.getWorksheet('集計_ 5_9')?.getRow(2).getCell(2).value, 12000);
});

test('sheet names are made acceptable to Excel', () => {
  assert.equal(safeSheetName('a[b]c:d*e?f/g\\h'), 'a_b_c_d_e_f_g_h');
  assert.equal(safeSheetName("'x'"), 'x');
  assert.equal(safeSheetName(''), 'Sheet');
  assert.equal(Array.from(safeSheetName('登'.repeat(40))).length, 31);
});

test('a failing row source rejects and closes the output', async () => {
  async function* broken() {
    yield rows[0]!;
    throw new Error('cursor failed');
  }
  const { PassThrough } = await import('node:stream');
  const stream = new PassThrough();
  stream.resume();
  await assert.rejects(writeXlsx(broken(), columns, { sheetName: 'x', stream }), /cursor failed/);
  assert.equal(stream.destroyed, true);
});

test('50,000 rows stream through to a complete workbook', async () => {
  async function* many() {
    for (let i = 1; i <= 50_000; i++) {
      yield { name: `施設${i}`, fee: i * 10, count: i, openedOn: '2025-05-09', updatedAt: new Date(Date.UTC(2025, 4, 9)) };
    }
  }
  const buf = await captureStream((stream) => writeXlsx(many(), columns, { sheetName: '大量', stream }));
  // Streaming read keeps the check itself light.
  const { PassThrough } = await import('node:stream');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(new PassThrough().end(buf), {});
  let count = 0;
  let last: unknown;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      count++;
      last = row.getCell(1).value;
    }
  }
  assert.equal(count, 50_001);
  assert.equal(last, '施設50000');
});
