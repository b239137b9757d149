import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dailyDueAt, monthlyDueOn, tokyoIso } from './due.js';

describe('call tally deadlines', () => {
  test('a Tuesday call before the Shōwa Day holiday is due at noon on Thursday', () => {
    assert.equal(tokyoIso(dailyDueAt('2026-04-28')), '2026-04-30T12:00:00+09:00');
  });
  test('a Friday call is due on Monday noon', () => {
    assert.equal(tokyoIso(dailyDueAt('2026-05-15')), '2026-05-18T12:00:00+09:00');
  });
  test('the April 2026 monthly is due on the 7th business day of May (after Golden Week)', () => {
    assert.equal(monthlyDueOn('2026-04'), '2026-05-14');
  });
  test('year-end closed days (12-29 to 01-03) push the deadlines into January', () => {
    assert.equal(tokyoIso(dailyDueAt('2026-12-28')), '2027-01-04T12:00:00+09:00');
    assert.equal(monthlyDueOn('2026-12'), '2027-01-13');
    assert.equal(monthlyDueOn('2026-11'), '2026-12-09');
  });
});
