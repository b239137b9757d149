import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Program } from '../../platform/programs/schema.js';
import { registrationMailSubject, registrationMailText } from './mails.js';
import type { Person } from './person.js';
import type { EventRegistration } from './schema.js';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;

const program = {
  id: 1,
  slug: 'ev-mail',
  name: '町内会情報交換会',
  kind: 'event',
  settings: { eventDate: '2026-07-01', titleEn: 'Neighbourhood exchange meeting', venueAccess: '地下鉄勾当台公園駅から徒歩10分', venueAccessEn: '10 minutes on foot from Kotodai-koen station', contactPhone: '022-000-0000' },
} as unknown as Program;
const registration = { number: 7, status: 'confirmed', attendance: 'venue', accommodations: ['wheelchair'], linkNonce: 'n' } as unknown as EventRegistration;
const person: Person = { name: '若林 花子', nameKana: 'わかばやし はなこ', organization: '若林町内会', orgRole: '会長', email: 'hanako@example.jp', phone: '', fax: '', accommodationNote: '', question: '' };
const data = [person.name, person.nameKana, person.organization, person.orgRole, program.name, 'せんだいメディアテーク 1階 オープンスクエア', '仙台市青葉区春日町2-1'];

test('mails to participants: Japanese as before; every line also in English, with only names and data in Japanese', () => {
  const ja = registrationMailText(program, registration, person, 'registered', 'https://example.jp/x');
  assert.ok(ja.startsWith('若林 花子 様\n\n「町内会情報交換会」\n参加のお申し込みを受け付けました。'));
  for (const line of ['受付番号：7', '状況：参加確定', '参加方法：会場', '配慮が必要な事項：車いす', '交通：地下鉄勾当台公園駅から徒歩10分', '町内会情報交換会 事務局', '電話：022-000-0000']) assert.ok(ja.includes(`\n${line}\n`), line);
  assert.equal(registrationMailSubject(program, registration, 'registered'), '【町内会情報交換会】参加申込の受付完了のお知らせ');

  for (const kind of ['registered', 'promoted', 'cancelled', 'reminder', 'changed'] as const) {
    let en = `${registrationMailSubject(program, registration, kind, 'en')}\n${registrationMailText(program, registration, person, kind, 'https://example.jp/x', 'en')}`;
    for (const d of data) en = en.split(d).join(' ');
    assert.deepEqual(en.split('\n').filter((l) => JAPANESE.test(l)), [], kind);
    assert.ok(en.includes('Neighbourhood exchange meeting') && en.includes('Kotodai-koen'));
  }
});
