import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attr, html, tags } from '../test-helpers.js';
import { Table } from './table.js';

const columns = [
  { key: 'name', header: '事業者名', rowHeader: true },
  { key: 'amount', header: '金額（円）', numeric: true },
];

test('semantic table in a labelled, focusable scroll region', async () => {
  const out = await html(<Table caption="申請一覧" columns={columns} rows={[{ name: '株式会社<テスト>', amount: '1,000' }]} />);
  const region = tags(out, 'div')[0];
  assert.equal(attr(region, 'role'), 'region');
  assert.equal(attr(region, 'tabindex'), '0');
  const captionId = attr(region, 'aria-labelledby');
  assert.ok(captionId);
  assert.match(out, new RegExp(`<caption id="${captionId}"[^>]*>申請一覧</caption>`));
  assert.deepEqual(tags(out, 'th').map((t) => attr(t, 'scope')), ['col', 'col', 'row']);
  assert.equal(attr(tags(out, 'td')[0], 'data-numeric'), 'true');
  assert.match(out, /株式会社&lt;テスト&gt;/);
});

test('caption ids are stable and differ between captions', async () => {
  const a1 = await html(<Table caption="A" columns={columns} rows={[]} />);
  const a2 = await html(<Table caption="A" columns={columns} rows={[]} />);
  const b = await html(<Table caption="B" columns={columns} rows={[]} />);
  assert.equal(a1, a2);
  assert.notEqual(attr(tags(a1, 'div')[0], 'aria-labelledby'), attr(tags(b, 'div')[0], 'aria-labelledby'));
  const custom = await html(<Table caption="A" id="apps" columns={columns} rows={[]} />);
  assert.equal(attr(tags(custom, 'div')[0], 'aria-labelledby'), 'apps-caption');
});

test('empty rows show the message across all columns', async () => {
  const out = await html(<Table caption="一覧" columns={columns} rows={[]} />);
  assert.match(out, /<td class="dads-table__empty" colspan="2">該当するデータはありません。<\/td>/);
  const custom = await html(<Table caption="List" columns={columns} rows={[]} emptyMessage="No applications yet." />);
  assert.match(custom, /No applications yet\./);
});
