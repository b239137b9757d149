import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { TestBrowser } from '../../../../test/helpers/http.js';
import { makeEvent } from '../test-helpers.js';

describe('public event pages', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv({}, { realClock: true });
    await makeEvent(env.deps, 'ev-pub', { venueAccessibility: 'エレベーター・多目的トイレあり', applyEmail: 'moushikomi@example.jp' });
  });
  after(() => env.close());

  test('the event page shows when, where, how to apply in Japanese and English', async () => {
    const b = new TestBrowser(env.deps);
    const ja = await b.get('/ev-pub');
    assert.equal(ja.status, 200);
    const html = await ja.text();
    for (const t of ['開催概要', 'せんだいメディアテーク', '申込方法', 'moushikomi@example.jp', '022-000-0000', '/ev-pub/fax-sheet.pdf', 'エレベーター']) assert.ok(html.includes(t), t);
    const en = await (await b.get('/en/ev-pub')).text();
    assert.ok(en.includes('How to apply') && en.includes('Sendai Mediatheque'));
    const pdf = await b.get('/ev-pub/fax-sheet.pdf');
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.ok((await pdf.arrayBuffer()).byteLength > 1000);
  });

  test('register on the web form, see the own page, change, cancel through the link', async () => {
    const b = new TestBrowser(env.deps);
    await b.get('/ev-pub/register');
    const bad = await b.post('/ev-pub/register', { name: '', nameKana: 'abc', attendance: 'venue' });
    assert.equal(bad.status, 422);
    assert.ok(b.lastHtml.includes('氏名を入力してください'));
    assert.ok(b.lastHtml.includes('個人情報の取扱いに同意してください') || b.lastHtml.includes('メールアドレス'));
    const res = await b.post('/ev-pub/register', {
      name: '若林 花子',
      nameKana: 'わかばやし はなこ',
      organization: '若林一丁目町内会',
      orgRole: '会長',
      email: 'hanako@example.jp',
      attendance: 'venue',
      accommodations: 'wheelchair',
      consent: 'true',
    });
    assert.equal(res.status, 303, b.lastHtml.slice(0, 2000));
    const link = res.headers.get('location')!;
    assert.match(link, /^\/ev-pub\/registration\/[0-9a-f]{40}$/);
    const page = await (await b.get(link)).text();
    assert.ok(page.includes('受付番号 1 で参加を受け付けました'));
    assert.ok(page.includes('若林 花子') && page.includes('車いす'));
    const changed = await b.post(link, { attendance: 'online' });
    assert.equal(changed.status, 303);
    assert.ok((await (await b.get(link)).text()).includes('https://meet.example.jp/koryukai'), 'online viewers see the link');
    await b.get(link + '/cancel');
    const csrf = b.csrf();
    const cancelled = await b.post(link + '/cancel', {});
    assert.equal(cancelled.status, 303);
    assert.ok((await (await b.get(link)).text()).includes('取消済み'));
    // Cancelled again (another tab): the applicant's page says so, in the page's language.
    const again = await b.post(link + '/cancel', { _csrf: csrf });
    assert.equal(again.status, 409);
    assert.ok(b.lastHtml.includes('この申込はすでに取り消されています') && b.lastHtml.includes('取消済み'));
    assert.equal((await b.post('/en' + link + '/cancel', { _csrf: csrf })).status, 409);
    assert.ok(b.lastHtml.includes('This registration has already been cancelled'));
    assert.equal((await b.get('/ev-pub/registration/' + '0'.repeat(40))).status, 404);
  });
});
