import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays } from './iso-date.js';
import { formatJaDate, formatWareki } from './wareki.js';

test('formatWareki across era boundaries', () => {
  assert.equal(formatWareki('2025-05-09'), '令和7年5月9日');
  assert.equal(formatWareki('2019-05-01'), '令和元年5月1日');
  assert.equal(formatWareki('2019-04-30'), '平成31年4月30日');
  assert.equal(formatWareki('1989-01-08'), '平成元年1月8日');
  assert.equal(formatWareki('1989-01-07'), '昭和64年1月7日');
  assert.equal(formatWareki('1926-12-25'), '昭和元年12月25日');
  assert.equal(formatWareki('1912-07-30'), '大正元年7月30日');
  assert.equal(formatWareki('1912-07-29'), '明治45年7月29日');
  assert.equal(formatWareki('1873-01-01'), '明治6年1月1日');
  assert.throws(() => formatWareki('1872-12-31'), RangeError);
});

test('formatWareki options and Date input (read in Tokyo)', () => {
  assert.equal(formatWareki('2019-05-01', { gannen: false }), '令和1年5月1日');
  assert.equal(formatWareki('2025-05-09', { weekday: true }), '令和7年5月9日（金）');
  assert.equal(formatWareki(new Date('2025-05-08T15:00:00Z')), '令和7年5月9日');
  assert.equal(formatWareki(new Date('2019-04-30T15:00:00Z')), '令和元年5月1日');
});

test('formatJaDate writes the weekday in full-width parentheses', () => {
  assert.equal(formatJaDate('2025-05-09'), '2025年5月9日（金）');
  assert.equal(formatJaDate('2026-01-04'), '2026年1月4日（日）');
  assert.equal(formatJaDate('2025-05-09', { weekday: false }), '2025年5月9日');
  assert.equal(formatJaDate(new Date('2025-05-09T14:59:00Z')), '2025年5月9日（金）');
});

test('formatWareki agrees with ICU’s Japanese calendar', (t) => {
  const icu = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  if (icu.resolvedOptions().calendar !== 'japanese') return t.skip('ICU without the Japanese calendar');
  for (let d = '1900-01-01'; d < '2040-01-01'; d = addDays(d, 37)) {
    // Older ICU writes 1年 where current ICU writes 元年.
    const expected = icu.format(new Date(`${d}T00:00:00Z`)).replace(/^(\D+)1年/, '$1元年');
    assert.equal(formatWareki(d), expected, d);
  }
  for (const d of ['2019-04-30', '2019-05-01', '1989-01-07', '1989-01-08', '1926-12-24', '1926-12-25', '1912-07-29', '1912-07-30']) {
    assert.equal(formatWareki(d), icu.format(new Date(`${d}T00:00:00Z`)).replace(/^(\D+)1年/, '$1元年'), d);
  }
});
