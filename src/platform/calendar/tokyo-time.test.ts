import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startOfTokyoDay, tokyoDate, tokyoDateTime, tokyoInstant } from './tokyo-time.js';

// These assertions must hold in any process time zone; the suite is also run with TZ=America/New_York.
function inEachZone(fn: () => void): void {
  const saved = process.env.TZ;
  try {
    for (const tz of ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Tokyo']) {
      process.env.TZ = tz;
      fn();
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

test('tokyoDate switches at 15:00 UTC', () => {
  inEachZone(() => {
    assert.equal(tokyoDate(new Date('2025-05-08T14:59:59.999Z')), '2025-05-08');
    assert.equal(tokyoDate(new Date('2025-05-08T15:00:00Z')), '2025-05-09');
    // New York is in DST here; Tokyo never is.
    assert.equal(tokyoDate(new Date('2025-03-09T07:30:00Z')), '2025-03-09');
  });
});

test('tokyoDateTime formats wall-clock minutes', () => {
  inEachZone(() => {
    assert.equal(tokyoDateTime(new Date('2025-05-08T15:05:42Z')), '2025-05-09 00:05');
    assert.equal(tokyoDateTime(new Date('2025-12-31T14:59:00Z')), '2025-12-31 23:59');
  });
});

test('startOfTokyoDay is 15:00 UTC of the previous day', () => {
  inEachZone(() => {
    assert.equal(startOfTokyoDay('2025-05-09').toISOString(), '2025-05-08T15:00:00.000Z');
    assert.equal(startOfTokyoDay('2026-01-01').toISOString(), '2025-12-31T15:00:00.000Z');
    assert.equal(tokyoInstant('2025-05-09', 12).toISOString(), '2025-05-09T03:00:00.000Z');
  });
});

test('invalid input is refused', () => {
  assert.throws(() => tokyoDate(new Date('nope')), RangeError);
  assert.throws(() => startOfTokyoDay('2025-02-30'), RangeError);
});
