import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeDiscount, type Booking, type DiscountRules } from './rules.js';

const rules: DiscountRules = { discountRate: 50, capPerPersonNight: 5000, minPricePerPersonNight: 3000, maxNights: 7, campaignStarts: '2025-05-26', campaignEnds: '2025-07-10' };
const booking = (b: Partial<Booking>): Booking => ({ bookedOn: '2025-05-20', checkIn: '2025-06-01', nights: 1, guests: 1, totalPrice: 8000, ...b });
const discount = (b: Partial<Booking>, r = rules, registeredOn: string | null = '2025-05-15') => computeDiscount(r, booking(b), registeredOn);

describe('discount formula', () => {
  test('half the price within the cap', () => {
    assert.deepEqual(discount({}), { ok: true, eligibleNights: 1, base: 8000, discount: 4000 });
  });

  test('capped per person-night', () => {
    const r = discount({ totalPrice: 30000, guests: 2, nights: 2 });
    assert.deepEqual(r, { ok: true, eligibleNights: 2, base: 30000, discount: 15000 });
    const capped = discount({ totalPrice: 50000, guests: 2, nights: 2 });
    assert.equal(capped.ok && capped.discount, 5000 * 2 * 2);
  });

  test('rounds down at every step', () => {
    // base = floor(9999 * 1 / 1) = 9999; discount = floor(9999 * 50 / 100) = 4999.
    assert.equal((discount({ totalPrice: 9999 }) as { discount: number }).discount, 4999);
    // Three nights, two inside: base = floor(10001 * 2 / 3) = 6667; discount = floor(6667 * 0.5) = 3333.
    const r = discount({ checkIn: '2025-07-09', nights: 3, totalPrice: 10001, guests: 1 }, { ...rules, minPricePerPersonNight: 1000 });
    assert.deepEqual(r, { ok: true, eligibleNights: 2, base: 6667, discount: 3333 });
    const odd = discount({ totalPrice: 7777 }, { ...rules, discountRate: 33 });
    assert.equal((odd as { discount: number }).discount, Math.floor((7777 * 33) / 100));
  });

  test('period boundaries are inclusive; nights outside do not count', () => {
    assert.equal(discount({ checkIn: '2025-05-26' }).ok, true, 'first day');
    assert.equal(discount({ checkIn: '2025-07-10' }).ok, true, 'last day');
    const before = discount({ checkIn: '2025-05-25' });
    assert.equal(!before.ok && before.code, 'outside-campaign-period');
    const after = discount({ checkIn: '2025-07-11' });
    assert.equal(!after.ok && after.code, 'outside-campaign-period');
    // Checking in the night before the start: only the second night counts.
    const straddle = discount({ checkIn: '2025-05-25', nights: 2, totalPrice: 16000 });
    assert.deepEqual(straddle, { ok: true, eligibleNights: 1, base: 8000, discount: 4000 });
  });

  test('at most maxNights are eligible', () => {
    const r = discount({ nights: 10, totalPrice: 100000, guests: 1 });
    assert.deepEqual(r, { ok: true, eligibleNights: 7, base: 70000, discount: 35000 });
  });

  test('minimum price per person-night', () => {
    assert.equal(discount({ totalPrice: 6000, guests: 2 }).ok, true, 'exactly the minimum');
    const low = discount({ totalPrice: 5999, guests: 2 });
    assert.equal(!low.ok && low.code, 'below-minimum-price');
    assert.match(!low.ok ? low.message : '', /最低額/);
  });

  test('a booking made before the facility was registered is refused', () => {
    assert.equal(discount({ bookedOn: '2025-05-15' }).ok, true, 'same day is fine');
    const early = discount({ bookedOn: '2025-05-14' });
    assert.equal(!early.ok && early.code, 'booked-before-registration');
    const unregistered = discount({}, rules, null);
    assert.equal(!unregistered.ok && unregistered.code, 'booked-before-registration');
  });

  test('nonsense numbers are refused', () => {
    for (const b of [{ nights: 0 }, { guests: -1 }, { totalPrice: 1.5 }]) assert.equal(discount(b).ok, false);
  });
});
