import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { facilitySchema } from './validators.js';

const facility = (nameKana: string) => ({ name: 'ホテル青葉', nameKana, type: 'hotel', postalCode: '980-0811', address: '仙台市青葉区一番町1-1', ward: '青葉区', phone: '022-123-4567', url: '', rooms: '10', features: [] });
const kanaError = (nameKana: string) => {
  const r = facilitySchema([]).safeParse(facility(nameKana));
  return r.success ? null : (r.error.issues.find((i) => i.path[0] === 'nameKana')?.message ?? null);
};

describe('facility ふりがな', () => {
  test('takes kana only, as the event registration does: Latin letters, digits and kanji are refused', () => {
    for (const bad of ['abc', 'ホテル1', 'ﾎﾃﾙ ABC', '青葉ホテル']) assert.equal(kanaError(bad), '施設名（フリガナ）は全角カタカナで入力してください', bad);
  });

  test('hiragana, half-width kana and full-width spaces are read as full-width katakana', () => {
    const r = facilitySchema([]).parse(facility('ほてる　あおば'));
    assert.equal(r.nameKana, 'ホテル アオバ');
    assert.equal(facilitySchema([]).parse(facility('ﾎﾃﾙｱｵﾊﾞ')).nameKana, 'ホテルアオバ');
    assert.equal(kanaError('ホテル・アオバ－ドオリ'), null);
  });
});

describe('facility name in English (optional)', () => {
  test('Latin letters are kept, absent is empty, Japanese is refused', () => {
    assert.equal(facilitySchema([]).parse({ ...facility('ホテル'), nameEn: ' Hotel  Aoba ' }).nameEn, 'Hotel Aoba');
    assert.equal(facilitySchema([]).parse(facility('ホテル')).nameEn, '', 'optional');
    const r = facilitySchema([]).safeParse({ ...facility('ホテル'), nameEn: 'ホテル Aoba' });
    assert.equal(r.success ? null : r.error.issues.find((i) => i.path[0] === 'nameEn')?.message, '施設名（英語）は英字で入力してください（日本語は使えません）');
  });
});
