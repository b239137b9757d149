import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCalendar, HOLIDAY_DATA_YEARS } from './business-days.js';
import { addBusinessDays, calendar, isBusinessDay, nextBusinessDay, noonOfNextBusinessDay, nthBusinessDayOfMonth } from './index.js';

test('weekends, holidays, substitute and citizens’ holidays are not business days', () => {
  assert.equal(isBusinessDay('2025-05-09'), true); // Friday
  assert.equal(isBusinessDay('2025-05-10'), false); // Saturday
  assert.equal(isBusinessDay('2025-05-11'), false); // Sunday
  assert.equal(isBusinessDay('2025-05-06'), false); // 振替休日
  assert.equal(isBusinessDay('2026-05-06'), false); // 振替休日
  assert.equal(isBusinessDay('2026-05-07'), true);
  assert.equal(isBusinessDay('2027-01-11'), false); // 成人の日
  assert.equal(isBusinessDay('2026-09-22'), false); // 国民の休日
  assert.equal(calendar.holidayName('2027-01-11'), '成人の日');
  assert.equal(calendar.holidayName('2026-09-22'), '休日');
  assert.equal(calendar.holidayName('2025-12-30'), null);
});

test('year-end closure 12/29–1/3 is closed by default', () => {
  for (const d of ['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-02']) assert.equal(isBusinessDay(d), false, d);
  assert.equal(isBusinessDay('2025-12-26'), true);
  assert.equal(isBusinessDay('2026-01-05'), true);
  assert.equal(addBusinessDays('2025-12-26', 1), '2026-01-05');
});

test('addBusinessDays skips Golden Week and supports zero and negative counts', () => {
  assert.equal(addBusinessDays('2025-05-02', 1), '2025-05-07');
  assert.equal(addBusinessDays('2025-05-02', 3), '2025-05-09');
  assert.equal(addBusinessDays('2025-05-03', 1), '2025-05-07');
  assert.equal(addBusinessDays('2025-05-07', 0), '2025-05-07');
  assert.equal(addBusinessDays('2025-05-03', 0), '2025-05-07');
  assert.equal(addBusinessDays('2025-05-07', -1), '2025-05-02');
  assert.equal(addBusinessDays('2025-05-06', -1), '2025-05-02');
  assert.equal(addBusinessDays('2026-01-05', -1), '2025-12-26');
  assert.throws(() => addBusinessDays('2025-05-02', 1.5), RangeError);
  assert.throws(() => addBusinessDays('2025-02-30', 1), RangeError);
});

test('nextBusinessDay is strictly after the given day', () => {
  assert.equal(nextBusinessDay('2025-05-09'), '2025-05-12');
  assert.equal(nextBusinessDay('2025-05-07'), '2025-05-08');
  assert.equal(nextBusinessDay('2026-05-02'), '2026-05-07');
});

test('nthBusinessDayOfMonth finds the monthly tally deadline', () => {
  assert.equal(nthBusinessDayOfMonth(2025, 5, 1), '2025-05-01');
  assert.equal(nthBusinessDayOfMonth(2025, 5, 7), '2025-05-13');
  // 1/1–1/3 closed, 1/12 成人の日
  assert.equal(nthBusinessDayOfMonth(2026, 1, 7), '2026-01-14');
  assert.throws(() => nthBusinessDayOfMonth(2025, 5, 30), RangeError);
  assert.throws(() => nthBusinessDayOfMonth(2025, 13, 1), RangeError);
  assert.throws(() => nthBusinessDayOfMonth(2025, 5, 0), RangeError);
});

test('noonOfNextBusinessDay uses the Tokyo calendar day of the instant', () => {
  const saved = process.env.TZ;
  try {
    for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
      process.env.TZ = tz;
      // Fri 23:59 JST → Wed 5/7 (after Golden Week) 12:00 JST
      assert.equal(noonOfNextBusinessDay(new Date('2025-05-02T14:59:00Z')).toISOString(), '2025-05-07T03:00:00.000Z');
      // Sat 00:30 JST → same
      assert.equal(noonOfNextBusinessDay(new Date('2025-05-02T15:30:00Z')).toISOString(), '2025-05-07T03:00:00.000Z');
      // Thu 19:00 JST → Fri 12:00 JST
      assert.equal(noonOfNextBusinessDay(new Date('2025-05-08T10:00:00Z')).toISOString(), '2025-05-09T03:00:00.000Z');
      // Thu 09:30 JST, which is still Wednesday in UTC → Fri 12:00 JST
      assert.equal(noonOfNextBusinessDay(new Date('2025-05-08T00:30:00Z')).toISOString(), '2025-05-09T03:00:00.000Z');
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

test('overrides: extra open days beat holidays, extra closed days and custom ranges close', () => {
  const cal = createCalendar({
    closedRanges: [{ from: '08-13', to: '08-15' }],
    extraClosed: ['2025-05-09'],
    extraOpen: ['2026-03-20'],
  });
  assert.equal(cal.isBusinessDay('2026-03-20'), true); // predicted 春分の日 overridden
  assert.equal(cal.isBusinessDay('2025-05-09'), false);
  assert.equal(cal.isBusinessDay('2025-08-13'), false);
  assert.equal(cal.isBusinessDay('2025-08-12'), true);
  assert.equal(cal.isBusinessDay('2025-12-29'), true); // default closure replaced
  assert.equal(cal.addBusinessDays('2025-05-08', 1), '2025-05-12');

  assert.throws(() => createCalendar({ closedRanges: [{ from: '12-32', to: '01-03' }] }), RangeError);
  assert.throws(() => createCalendar({ extraOpen: ['2025-05-09'], extraClosed: ['2025-05-09'] }), RangeError);
  assert.throws(() => createCalendar({ extraOpen: ['2025-02-30'] }), RangeError);
});

test('dates outside the holiday data are refused rather than treated as open', () => {
  assert.ok(HOLIDAY_DATA_YEARS.last >= 2027);
  assert.throws(() => isBusinessDay(`${HOLIDAY_DATA_YEARS.last + 1}-01-05`), RangeError);
  assert.throws(() => isBusinessDay(`${HOLIDAY_DATA_YEARS.first - 1}-06-01`), RangeError);
});
