import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildZenginFile, type Remitter } from './file.js';
import { toZenginKana, ZenginCharacterError } from '../../../platform/text/zengin-kana.js';
import { validateZenginFile } from './validate.js';

const remitter: Remitter = { code: '1234567890', name: 'センダイシシュクハクキャンペーンジムキョク', bankCode: '0126', branchCode: '101', accountType: 'ordinary', accountNumber: '1234567' };

describe('全銀 総合振込 file', () => {
  test('names are converted to permitted half-width kana, small kana folded', () => {
    assert.equal(toZenginKana('カブシキガイシャ　アオバ'), 'ｶﾌﾞｼｷｶﾞｲｼﾔ ｱｵﾊﾞ');
    assert.equal(toZenginKana('ｶ)ｾﾝﾀﾞｲﾎﾃﾙ'), 'ｶ)ｾﾝﾀﾞｲﾎﾃﾙ');
    assert.equal(toZenginKana('きゃっしゅ'), 'ｷﾔﾂｼﾕ');
    assert.equal(toZenginKana('パーク　ホテル'), 'ﾊﾟ-ｸ ﾎﾃﾙ');
    assert.equal(toZenginKana('ａｂｃ１２３'), 'ABC123');
    assert.throws(() => toZenginKana('漢字'), ZenginCharacterError);
  });

  test('a file passes the validator written from the format', () => {
    const file = buildZenginFile(remitter, '2025-07-31', [
      { bankCode: '0001', branchCode: '001', accountType: 'ordinary', accountNumber: '7654321', holderKana: 'カ）アオバドオリホテル', amount: 1_234_500, customerCode: '17' },
      { bankCode: '0126', branchCode: '200', accountType: 'checking', accountNumber: '0000123', holderKana: 'ｻｸﾅﾐｵﾝｾﾝ ﾃﾞﾓﾉﾕ', amount: 98_765 },
    ]);
    assert.deepEqual(validateZenginFile(file), []);
    assert.equal(file.length, 5 * 122);
    const trailer = file.subarray(3 * 122, 3 * 122 + 120).toString('latin1');
    assert.equal(trailer.slice(0, 19), '8' + '000002' + '000001333265');
    const data = file.subarray(122, 242);
    assert.equal(data.subarray(80, 90).toString('latin1'), '0001234500');
  });

  test('the validator finds broken counts, sums, lengths and characters', () => {
    const good = buildZenginFile(remitter, '2025-07-31', [{ bankCode: '0001', branchCode: '001', accountType: 'ordinary', accountNumber: '1', holderKana: 'ﾃｽﾄ', amount: 100 }]);
    const badSum = Buffer.from(good);
    badSum.write('000000000999', 2 * 122 + 7, 'latin1');
    assert.match(validateZenginFile(badSum).join('\n'), /trailer: total 999/);
    const badChar = Buffer.from(good);
    badChar[122 + 50] = 0x61; // 'a' is not permitted
    assert.match(validateZenginFile(badChar).join('\n'), /not a permitted character/);
    assert.match(validateZenginFile(good.subarray(0, good.length - 1)).join('\n'), /not a multiple of 122/);
  });

  test('a number too long for its field is refused', () => {
    assert.throws(() => buildZenginFile(remitter, '2025-07-31', [{ bankCode: '0001', branchCode: '001', accountType: 'ordinary', accountNumber: '12345678', holderKana: 'ﾃｽﾄ', amount: 1 }]), /桁数/);
  });
});
