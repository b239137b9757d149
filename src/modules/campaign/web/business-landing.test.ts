import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { TestBrowser } from '../../../../test/helpers/http.js';
import { addDays, tokyoDate } from '../../../platform/calendar/index.js';
import { seedDemoIfEmpty } from '../../demo/seed.js';
import { DEMO_FACILITIES } from '../../demo/facilities.js';
import { findProgramBySlug } from '../../../platform/programs/queries.js';
import { applicationWindow, campaignConfig } from '../config.js';

describe('the way in for businesses (demo)', () => {
  let env: TestEnv;
  let web: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    await seedDemoIfEmpty(env.deps);
    web = new TestBrowser(env.deps);
  });
  after(() => env.close());

  test('the demo takes applications today and offers the features its facilities carry', async () => {
    const cfg = campaignConfig((await findProgramBySlug(env.deps.db, 'demo-stay'))!);
    assert.deepEqual(applicationWindow(cfg, env.clock.now()), { open: true });
    // Still open a month on, closed after the window.
    const today = tokyoDate(env.clock.now());
    assert.deepEqual(applicationWindow(cfg, new Date(Date.parse(`${addDays(today, 30)}T03:00:00Z`))), { open: true });
    assert.equal(applicationWindow(cfg, new Date(Date.parse(`${addDays(today, 90)}T03:00:00Z`))).open, false);
    const used = new Set(DEMO_FACILITIES.flatMap((f) => f.features));
    assert.deepEqual(new Set(cfg.features), used);
    assert.ok(cfg.termsText.length > 0 && cfg.registryDeadline);
  });

  test('the site page for businesses links to /{slug}/business, in Japanese and in English', async () => {
    for (const path of ['/demo-stay/for-business', '/en/demo-stay/for-business']) {
      const res = await web.get(path);
      assert.equal(res.status, 200, path);
      assert.match(web.lastHtml, /href="\/demo-stay\/business"/, path);
      assert.doesNotMatch(web.lastHtml, /href="[^"]*\/business\/apply"/, path);
      assert.doesNotMatch(web.lastHtml, /href="\/en\/demo-stay\/business"/, path);
    }
    assert.equal((await web.get('/en/demo-stay/business')).status, 404, 'business pages are Japanese only');
  });

  test('/{slug}/business explains the window and offers creating an account and signing in', async () => {
    const res = await web.get('/demo-stay/business');
    assert.equal(res.status, 200);
    assert.match(web.lastHtml, /参加申請の受付期間：/);
    assert.match(web.lastHtml, /href="\/demo-stay\/business\/account"[^>]*>アカウントを作成する/);
    assert.match(web.lastHtml, /href="\/login\?next=%2Fdemo-stay%2Fbusiness"[^>]*>\s*ログインする/);
    assert.equal((await web.get('/demo-stay/business/account')).status, 200);
  });

  test('an account request sent twice mails one link; the answer comes after a redirect, the same for a known address', async () => {
    const invites = async () => Number((await queryRows<{ n: string }>(env.deps.db, sql`select count(*)::text as n from mail_outbox where template = 'campaign.account_link'`))[0]!.n);
    const before = await invites();
    const b = new TestBrowser(env.deps);
    await b.get('/demo-stay/business/account');
    const bad = await b.post('/demo-stay/business/account', { _once: b.once(), email: 'not-an-address' });
    assert.equal(bad.status, 422);
    assert.match(b.lastHtml, /メールアドレスを「name@example\.jp」の形式で入力してください/);
    const form = { _once: b.once(), email: 'twice@hotel.example.jp' };
    const first = await b.post('/demo-stay/business/account', form);
    assert.equal(first.status, 303);
    assert.equal(first.headers.get('location'), '/demo-stay/business/account');
    await b.get('/demo-stay/business/account');
    assert.match(b.lastHtml, /メールを送信しました。メールに記載のリンクからパスワードを設定してください。/);
    const replay = await b.post('/demo-stay/business/account', form);
    assert.equal(replay.status, 303);
    assert.equal(await invites(), before + 1, 'one link for the replayed form');
    // A second request from a new form is answered the same way (and sends a new link: no account exists until one is used).
    await b.get('/demo-stay/business/account');
    assert.equal((await b.post('/demo-stay/business/account', { _once: b.once(), email: 'twice@hotel.example.jp' })).status, 303);
    await b.get('/demo-stay/business/account');
    assert.match(b.lastHtml, /メールを送信しました。/);
    assert.equal(await invites(), before + 2);
  });
});
