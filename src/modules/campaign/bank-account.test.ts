import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applicationSchema, bankAccountSchema } from './validators.js';
import { validApplication } from './test-helpers.js';

const errors = (bank: Record<string, string>) => {
  const r = bankAccountSchema.safeParse({ bankCode: '0001', branchCode: '001', accountType: 'ordinary', accountNumber: '1234567', accountHolderKana: 'カブシキガイシャ', ...bank });
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('a bank account (application, profile change, import)', () => {
  test('bank and branch codes must exist in the bank master (zengin-code)', () => {
    assert.deepEqual(errors({}), {});
    assert.deepEqual(errors({ bankCode: '0126', branchCode: '101' }), {}, '東邦銀行 本店営業部');
    assert.deepEqual(errors({ bankCode: '9998' }), { bankCode: '金融機関コード 9998 の金融機関はありません（全銀協の金融機関コードを確認してください）' });
    assert.deepEqual(errors({ branchCode: '999' }), { branchCode: '支店コード 999 の支店はみずほにありません（支店コードを確認してください）' });
  });

  test('the application refuses an unknown bank as it refuses a malformed one', () => {
    const r = applicationSchema(['駐車場あり', 'Wi-Fi'], '2026-06-01').safeParse(validApplication(1, { bankAccount: { bankCode: '9998' } }));
    assert.equal(r.success, false);
    assert.deepEqual(r.error!.issues.map((i) => i.path.join('.')), ['bankAccount.bankCode']);
  });
});
