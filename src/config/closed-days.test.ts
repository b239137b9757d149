import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { addBusinessDays, configureCalendar, DEFAULT_CLOSED_RANGES, isBusinessDay } from '../platform/calendar/index.js';
import { parseClosedDays } from './closed-days.js';
import { ConfigError, loadConfig } from './index.js';

after(() => configureCalendar({}));

test('CALENDAR_CLOSED_DAYS: ranges, single days and one-off dates', () => {
  assert.deepEqual(parseClosedDays('12-29..01-03, 08-13..08-15,05-01,2026-11-20'), {
    ranges: [
      { from: '12-29', to: '01-03' },
      { from: '08-13', to: '08-15' },
      { from: '05-01', to: '05-01' },
    ],
    dates: ['2026-11-20'],
  });
  assert.deepEqual(parseClosedDays('none'), { ranges: [], dates: [] });
  for (const bad of ['13-01', '02-30', '12-29..', '12-29..01-03..01-05', '2026-02-30', 'xmas']) assert.equal(typeof parseClosedDays(bad), 'string', bad);
});

test('unset means the default year-end closure; a bad value is a configuration error naming the entry', () => {
  assert.deepEqual(loadConfig({}).closedDays, { ranges: [...DEFAULT_CLOSED_RANGES], dates: [] });
  assert.deepEqual(loadConfig({ CALENDAR_CLOSED_DAYS: '' }).closedDays.ranges, [{ from: '12-29', to: '01-03' }]);
  assert.throws(() => loadConfig({ CALENDAR_CLOSED_DAYS: '12-29..01-03,08-32' }), (e: unknown) => e instanceof ConfigError && /CALENDAR_CLOSED_DAYS.*"08-32"/.test(e.message));
});

test('the configured closed days drive the default calendar', () => {
  const { closedDays } = loadConfig({ CALENDAR_CLOSED_DAYS: '12-29..01-03,08-13..08-15,2026-11-20' });
  assert.equal(isBusinessDay('2026-08-13'), true, 'a Thursday, open by default');
  configureCalendar({ closedRanges: closedDays.ranges, extraClosed: closedDays.dates });
  for (const d of ['2026-08-13', '2026-08-14', '2026-11-20', '2026-12-29', '2026-12-30']) assert.equal(isBusinessDay(d), false, d);
  assert.equal(addBusinessDays('2026-08-12', 1), '2026-08-17');
  assert.equal(addBusinessDays('2026-11-19', 1), '2026-11-24', '11-23 is 勤労感謝の日');
  configureCalendar({ closedRanges: loadConfig({ CALENDAR_CLOSED_DAYS: 'none' }).closedDays.ranges });
  assert.equal(isBusinessDay('2026-12-29'), true, 'no closure at all');
});
