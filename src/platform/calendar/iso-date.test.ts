import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '../errors/index.js';
import { addDays, daysInMonth, isIsoDate, parseIsoDate, weekday } from './iso-date.js';

test('parseIsoDate accepts real days and trims', () => {
  assert.equal(parseIsoDate('2024-02-29'), '2024-02-29');
  assert.equal(parseIsoDate(' 2025-05-09 '), '2025-05-09');
});

test('parseIsoDate rejects impossible or malformed days with a Japanese validation error', () => {
  for (const bad of ['2025-02-30', '2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-5-9', '20250509', '', '2025-05-09T00:00']) {
    assert.throws(
      () => parseIsoDate(bad),
      (e) => isAppError(e) && e.code === 'validation-failed' && e.message.includes('日付'),
      bad,
    );
  }
  assert.equal(isIsoDate(20250509), false);
});

test('day arithmetic crosses month, year and leap day', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(addDays('2025-12-31', 1), '2026-01-01');
  assert.equal(daysInMonth(2025, 2), 28);
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(weekday('2025-05-09'), 5);
});
