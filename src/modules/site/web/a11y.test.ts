import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import type { Program } from '../../../platform/programs/schema.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { signedInBrowsers, TestBrowser } from '../../../../test/helpers/http.js';
import { makeProgram, makeUser } from '../../../../test/helpers/fixtures.js';
import { outcomesOfReport, runAxeOver, type AxePageReport } from '../a11y/axe-runner.js';
import { A11yRunError, withChromiumLoader } from '../a11y/chromium.js';
import { criterionOfAxeTag } from '../a11y/criteria.js';
import { performA11yRun } from '../jobs.js';

/** A stand-in for axe: fails 1.1.1 on pages whose HTML has an <img> without alt, passes 2.4.2 when there is a <title>. */
function fakeAxe(html: string): AxePageReport {
  const imgNoAlt = /<img(?![^>]*\balt=)[^>]*>/.test(html);
  const rule = (id: string, tags: string[], n = 1) => ({ id, tags, nodes: Array.from({ length: n }, () => ({})) });
  return {
    violations: imgNoAlt ? [rule('image-alt', ['wcag2a', 'wcag111'], 2)] : [],
    passes: [...(imgNoAlt ? [] : [rule('image-alt', ['wcag2a', 'wcag111'])]), ...(/<title>/.test(html) ? [rule('document-title', ['wcag2a', 'wcag242'])] : []), rule('meta-viewport', ['wcag2aa', 'wcag144'])],
    inapplicable: [rule('video-caption', ['wcag2a', 'wcag122']), rule('reflow', ['wcag21aa', 'wcag1410'])],
  };
}

describe('accessibility runner (no browser)', () => {
  test('axe tags name JIS X 8341-3:2016 criteria; WCAG 2.1-only criteria are left out', () => {
    assert.equal(criterionOfAxeTag('wcag143'), '1.4.3');
    assert.equal(criterionOfAxeTag('wcag1410'), null);
    assert.equal(criterionOfAxeTag('wcag2aa'), null);
  });

  test('results per page and criterion from the loaded HTML: a violation fails, passes pass, nothing to check is n/a', async () => {
    const pages: Record<string, string> = { '/a': '<title>A</title><img src="x.png">', '/b': '<title>B</title><img src="y.png" alt="y">' };
    const out = await runAxeOver(['/a', '/b'], async (url) => fakeAxe(pages[url]!));
    const a = Object.fromEntries(out[0]!.results.map((r) => [r.criterion, r]));
    assert.equal(a['1.1.1']!.result, 'fail');
    assert.equal(a['1.1.1']!.note, 'axe: image-alt (2)');
    assert.equal(a['2.4.2']!.result, 'pass');
    assert.equal(a['1.2.2']!.result, 'na');
    assert.equal(a['1.4.10'], undefined);
    assert.equal(out[1]!.results.find((r) => r.criterion === '1.1.1')!.result, 'pass');
    assert.deepEqual(
      outcomesOfReport(fakeAxe('')).map((r) => r.criterion),
      ['1.1.1', '1.2.2', '1.4.4'],
      'in criterion order',
    );
  });

  test('no Chromium: a Japanese reason, no crash', async () => {
    await assert.rejects(
      withChromiumLoader(async () => 1, '/nonexistent/chromium'),
      (e: unknown) => e instanceof A11yRunError && /Chromium が見つからない/.test(e.message),
    );
  });
});

describe('accessibility tests: record, approve, publish', () => {
  let env: TestEnv;
  let program: Program;
  let op: TestBrowser;
  let city: TestBrowser;
  let business: TestBrowser;
  let agent: TestBrowser;
  let otherOp: TestBrowser;
  const web = () => new TestBrowser(env.deps);
  before(async () => {
    env = await createTestEnv();
    program = await makeProgram(env.deps, 'a11y');
    const other = await makeProgram(env.deps, 'a11y-b');
    await makeUser(env.deps, 'op@a11y.example', 'operator', program.id);
    await makeUser(env.deps, 'city@a11y.example', 'city', program.id);
    await makeUser(env.deps, 'biz@a11y.example', 'business', program.id);
    await makeUser(env.deps, 'agent@a11y.example', 'agent', program.id);
    await makeUser(env.deps, 'op@a11y-b.example', 'operator', other.id);
    [op, city, business, agent, otherOp] = (await signedInBrowsers(env.deps, ['op@a11y.example', 'city@a11y.example', 'biz@a11y.example', 'agent@a11y.example', 'op@a11y-b.example'])) as TestBrowser[] as [TestBrowser, TestBrowser, TestBrowser, TestBrowser, TestBrowser];
  });
  after(() => env.close());
  /** A POST with a fresh CSRF token (the test browser reads it from the last page, and an error page has none). */
  const send = async (b: TestBrowser, path: string, fields: Record<string, string>) => {
    await b.get('/admin');
    return b.post(path, fields);
  };

  const testIds = async () => (await queryRows<{ id: number; status: string }>(env.deps.db, sql`select id, status from site_a11y_tests order by id`)).map((r) => ({ id: Number(r.id), status: r.status }));
  const actions = async (id: number) => (await queryRows<{ action: string }>(env.deps.db, sql`select action from audit_log where target_type = 'site_a11y_test' and target_id = ${String(id)} order by id`)).map((r) => r.action);

  test('until the City approves a test, the policy page says results are being prepared (ja and en)', async () => {
    const ja = await web().get('/a11y/accessibility');
    assert.equal(ja.status, 200);
    const html = await ja.text();
    assert.match(html, /試験結果は発注者の確認を経て掲載します/);
    assert.doesNotMatch(html, /適合（自動試験/);
    const en = await (await web().get('/en/a11y/accessibility')).text();
    assert.match(en, /being prepared and will be published after review by the City/);
  });

  test('operator records a test and results, submits; City returns with a reason, then approves; the public table shows it', async () => {
    const list = await op.get('/admin/site/a11y/accessibility');
    assert.equal(list.status, 200);
    const bad = await send(op, '/admin/site/a11y/accessibility/tests', { testedOn: '2026-06-31', pages: '', checker: '' });
    assert.equal(bad.status, 422);
    assert.match(op.lastHtml, /試験したページのURLを入力してください/);
    const created = await send(op, '/admin/site/a11y/accessibility/tests', { testedOn: '2026-06-20', pages: '/a11y\n/en/a11y', standard: '', checker: '事務局 山田' });
    assert.equal(created.status, 303);
    const [{ id }] = (await testIds()) as [{ id: number; status: string }];
    assert.equal((await send(op, `/admin/site/a11y/accessibility/tests/${id}/submit`, {})).status, 409, 'no results yet');
    assert.equal((await send(op, `/admin/site/a11y/accessibility/tests/${id}/results`, { pageUrl: '/elsewhere', criterion: '1.1.1', result: 'pass' })).status, 422);
    for (const [pageUrl, criterion, result] of [['/a11y', '1.1.1', 'pass'], ['/en/a11y', '1.1.1', 'fail'], ['/a11y', '1.2.2', 'na']] as const) {
      assert.equal((await send(op, `/admin/site/a11y/accessibility/tests/${id}/results`, { pageUrl, criterion, result, note: '' })).status, 303);
    }
    assert.equal((await city.get(`/admin/site/a11y/accessibility/tests/${id}`)).status, 200);
    assert.equal((await send(city, `/admin/site/a11y/accessibility/tests/${id}/approve`, {})).status, 409, 'not submitted yet');
    assert.equal((await send(op, `/admin/site/a11y/accessibility/tests/${id}/submit`, {})).status, 303);
    assert.equal((await send(op, `/admin/site/a11y/accessibility/tests/${id}/approve`, {})).status, 403, 'the operator does not approve');
    assert.equal((await send(op, `/admin/site/a11y/accessibility/tests/${id}/results`, { pageUrl: '/a11y', criterion: '1.1.1', result: 'fail' })).status, 409, 'frozen while pending');
    // The City reviews the results on the page as it will be published (ja and en), before approving.
    assert.equal((await city.get(`/admin/site/a11y/accessibility/tests/${id}/preview`)).status, 200);
    assert.match(city.lastHtml, /プレビュー/);
    assert.match(city.lastHtml, /<th scope="row"[^>]*>1\.1\.1<\/th>\s*<td[^>]*>A<\/td>\s*<td[^>]*>不適合（1ページ）<\/td>/);
    assert.equal((await city.get(`/admin/site/a11y/accessibility/tests/${id}/preview?lang=en`)).status, 200);
    assert.match(city.lastHtml, /Fail \(pages failing: 1\)/);
    assert.match(await (await web().get('/a11y/accessibility')).text(), /準備中/, 'a pending test is not public');
    // The City's inbox lists it.
    assert.equal((await city.get('/admin/inbox')).status, 200);
    assert.match(city.lastHtml, /市の承認待ちのアクセシビリティ試験結果/);
    assert.equal((await send(city, `/admin/site/a11y/accessibility/tests/${id}/return`, { note: '' })).status, 422);
    assert.equal((await send(city, `/admin/site/a11y/accessibility/tests/${id}/return`, { note: '対象ページを追加してください' })).status, 303);
    assert.match(await (await web().get('/a11y/accessibility')).text(), /準備中/, 'a returned test is not public');
    assert.equal((await send(op, `/admin/site/a11y/accessibility/tests/${id}/submit`, {})).status, 303);
    assert.equal((await send(city, `/admin/site/a11y/accessibility/tests/${id}/approve`, {})).status, 303);
    assert.deepEqual(await actions(id), [
      'site.a11y.test_created',
      'site.a11y.result_recorded',
      'site.a11y.result_recorded',
      'site.a11y.result_recorded',
      'site.a11y.test_submitted',
      'site.a11y.test_returned',
      'site.a11y.test_submitted',
      'site.a11y.test_approved',
    ]);
    const ja = await (await web().get('/a11y/accessibility')).text();
    assert.match(ja, /<caption[^>]*>[^<]*達成基準ごとの試験結果/);
    assert.match(ja, /<th scope="row"[^>]*>1\.1\.1<\/th>\s*<td[^>]*>A<\/td>\s*<td[^>]*>不適合（1ページ）<\/td>/);
    assert.match(ja, /<th scope="row"[^>]*>1\.2\.2<\/th>\s*<td[^>]*>A<\/td>\s*<td[^>]*>適用なし<\/td>/);
    assert.match(ja, /事務局 山田/);
    const en = await (await web().get('/en/a11y/accessibility')).text();
    assert.match(en, /<th[^>]*>Success criterion<\/th>/);
    assert.match(en, /<th scope="row"[^>]*>1\.1\.1<\/th>\s*<td[^>]*>A<\/td>\s*<td[^>]*>Fail \(pages failing: 1\)<\/td>/);
    assert.doesNotMatch(en, /試験結果|適合|不適合/);
  });

  test('a newer test waiting for approval does not replace the approved one on the public page', async () => {
    await send(op, '/admin/site/a11y/accessibility/tests', { testedOn: '2026-07-01', pages: '/a11y', checker: '事務局' });
    const newest = (await testIds()).at(-1)!;
    await send(op, `/admin/site/a11y/accessibility/tests/${newest.id}/results`, { pageUrl: '/a11y', criterion: '1.1.1', result: 'pass' });
    await send(op, `/admin/site/a11y/accessibility/tests/${newest.id}/submit`, {});
    const ja = await (await web().get('/a11y/accessibility')).text();
    assert.match(ja, /2026年6月20日|2026-06-20/);
    assert.match(ja, /不適合（1ページ）/);
  });

  test('business and agent get 403; an operator of another program 404', async () => {
    const [{ id }] = (await testIds()) as [{ id: number; status: string }];
    for (const b of [business, agent]) {
      await b.get('/admin');
      assert.equal((await b.get('/admin/site/a11y/accessibility')).status, 403);
      assert.equal((await send(b, '/admin/site/a11y/accessibility/tests', { testedOn: '2026-06-20', pages: '/a11y', checker: 'x' })).status, 403);
      assert.equal((await send(b, `/admin/site/a11y/accessibility/tests/${id}/approve`, {})).status, 403);
    }
    assert.equal((await otherOp.get(`/admin/site/a11y/accessibility/tests/${id}`)).status, 404);
    assert.equal((await send(otherOp, `/admin/site/a11y/accessibility/tests/${id}/results`, { pageUrl: '/a11y', criterion: '1.1.1', result: 'pass' })).status, 404);
    assert.equal((await otherOp.get('/admin/site/a11y/accessibility')).status, 404);
  });

  test('automated run from the back office: one job, a fake loader, recorded as a draft test with axe results; a second start while open is refused', async () => {
    assert.equal((await send(op, '/admin/site/a11y/accessibility/runs', {})).status, 303);
    assert.equal((await send(op, '/admin/site/a11y/accessibility/runs', {})).status, 409);
    // A run open for more than 30 minutes is taken for lost: a new start closes it as failed.
    await queryRows(env.deps.db, sql`update site_a11y_runs set created_at = created_at - interval '31 minutes'`);
    assert.equal((await send(op, '/admin/site/a11y/accessibility/runs', {})).status, 303);
    const [lost] = await queryRows<{ status: string; message: string }>(env.deps.db, sql`select status, message from site_a11y_runs order by id limit 1`);
    assert.equal(lost!.status, 'failed');
    assert.match(lost!.message, /30分以上終わらなかった/);
    const [run] = await queryRows<{ id: number; status: string }>(env.deps.db, sql`select id, status from site_a11y_runs order by id desc limit 1`);
    const [job] = await queryRows<{ kind: string; payload: { runId: number } }>(env.deps.db, sql`select kind, payload from jobs where kind = 'site.a11y_run' order by id desc limit 1`);
    assert.equal(job!.payload.runId, Number(run!.id));
    const seen: string[] = [];
    await performA11yRun(env.deps, Number(run!.id), (fn) => fn(async (url) => (seen.push(url), fakeAxe('<title>t</title><img src="a">'))), 'axe-core 9.9.9');
    const base = env.deps.config.publicBaseUrl;
    assert.ok(seen.includes(`${base}/a11y`) && seen.includes(`${base}/en/a11y/facilities`) && seen.includes(`${base}/a11y/contact`) && seen.includes(`${base}/en/a11y/for-business`), seen.join(' '));
    assert.equal(seen.length, 16, 'top, search and 6 content pages in ja and en (no facility yet)');
    const [done] = await queryRows<{ status: string; test_id: number }>(env.deps.db, sql`select status, test_id from site_a11y_runs where id = ${run!.id}`);
    assert.equal(done!.status, 'done');
    const [t] = await queryRows<{ checker: string; status: string; standard: string }>(env.deps.db, sql`select checker, status, standard from site_a11y_tests where id = ${done!.test_id}`);
    assert.deepEqual(t, { checker: 'axe-core 9.9.9', status: 'draft', standard: 'JIS X 8341-3:2016 AA' });
    const [{ n }] = (await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from site_a11y_results where test_id = ${done!.test_id} and criterion = '1.1.1' and result = 'fail'`)) as [{ n: number }];
    assert.equal(n, 16);
  });

  test('without Chromium the run fails with a Japanese message recorded on it, and the page shows it', async () => {
    assert.equal((await send(op, '/admin/site/a11y/accessibility/runs', {})).status, 303);
    const [run] = await queryRows<{ id: number }>(env.deps.db, sql`select id from site_a11y_runs order by id desc limit 1`);
    await performA11yRun(env.deps, Number(run!.id), (fn) => withChromiumLoader(fn, '/nonexistent/chromium'));
    const [r] = await queryRows<{ status: string; message: string }>(env.deps.db, sql`select status, message from site_a11y_runs where id = ${run!.id}`);
    assert.equal(r!.status, 'failed');
    assert.match(r!.message, /Chromium が見つからないため自動試験を実行できませんでした/);
    await op.get('/admin/site/a11y/accessibility');
    assert.match(op.lastHtml, /Chromium が見つからない/);
  });
});
