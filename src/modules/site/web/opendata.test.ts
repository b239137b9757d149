import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitAddress } from './opendata.js';

test('splitAddress: the standard dataset 所在地 parts from addresses as businesses type them', () => {
  assert.deepEqual(splitAddress('仙台市青葉区一番町二丁目1-1', '青葉区'), {
    joined: '宮城県仙台市青葉区一番町二丁目1-1',
    prefecture: '宮城県',
    municipality: '仙台市青葉区',
    town: '一番町二丁目',
    number: '1-1',
    building: '',
  });
  const withBuilding = splitAddress('宮城県仙台市青葉区一番町4丁目1-1 デモビル5階', '青葉区');
  assert.equal(withBuilding.town, '一番町4丁目', 'a digit before 丁目 belongs to 町字');
  assert.equal(withBuilding.number, '1-1');
  assert.equal(withBuilding.building, 'デモビル5階');
  assert.equal(withBuilding.joined, '宮城県仙台市青葉区一番町4丁目1-1 デモビル5階');
  const fullWidth = splitAddress('本町３－１－１　仙台ビル', '青葉区');
  assert.deepEqual([fullWidth.municipality, fullWidth.town, fullWidth.number, fullWidth.building], ['仙台市青葉区', '本町', '３－１－１', '仙台ビル']);
  const noNumber = splitAddress('仙台市泉区根白石字清水', '泉区');
  assert.deepEqual([noNumber.town, noNumber.number, noNumber.building], ['根白石字清水', '', '']);
});
