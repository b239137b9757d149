import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { honorariumAmounts, withholdingTax } from './withholding.js';

describe('withholding tax on honoraria', () => {
  it('a lecturer paid 100,000 yen: 10,210 withheld, 89,790 paid', () => {
    assert.deepEqual(honorariumAmounts(100_000), { gross: 100_000, withholding: 10_210, net: 89_790 });
  });
  it('10.21% floored to whole yen below the threshold', () => {
    assert.equal(withholdingTax(10_000), 1_021);
    assert.equal(withholdingTax(9_999), 1_020, '1020.8979 floors to 1020');
    assert.equal(withholdingTax(1), 0);
    assert.equal(withholdingTax(1_000_000), 102_100);
  });
  it('20.42% on the part above 1,000,000 yen', () => {
    assert.equal(withholdingTax(1_500_000), 102_100 + 102_100);
    assert.equal(withholdingTax(1_000_001), 102_100, '0.2042 floors to 0');
  });
  it('refuses a negative or fractional amount', () => {
    assert.throws(() => withholdingTax(-1), RangeError);
    assert.throws(() => withholdingTax(1.5), RangeError);
  });
});
