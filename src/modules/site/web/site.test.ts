import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { cli } from '../../../../test/helpers/cli.js';
import { TestBrowser } from '../../../../test/helpers/http.js';
import { makeProgram } from '../../../../test/helpers/fixtures.js';
import { queryRows } from '../../../db/client.js';
import { facilities } from '../../campaign/schema.js';
import { seedDemoIfEmpty } from '../../demo/seed.js';
import { SiteIndexCache, siteIndexCache } from '../search/index-cache.js';

let env: TestEnv;
let web: TestBrowser;
let logins: Array<{ role: string; email: string; password: string }>;
let akiuId: number;

const text = async (res: Response) => res.text();
/** The `<main>` element without the preview notice: what a visitor reads. */
const mainOf = (html: string) => /<main[\s\S]*<\/main>/.exec(html)![0].replace(/<div class="dads-notification-banner"[\s\S]*?<\/h2><\/div>/, '');

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function postMultipart(b: TestBrowser, path: string, fields: Record<string, string>, file?: { name: string; bytes: Buffer; type: string }) {
  const fd = new FormData();
  fd.set('_csrf', b.csrf());
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file) fd.set('imageFile', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const res = await b.request(path, { method: 'POST', body: fd });
  if ((res.headers.get('content-type') ?? '').includes('text/html')) b.lastHtml = await res.clone().text();
  return res;
}

async function signIn(role: 'operator' | 'city'): Promise<TestBrowser> {
  const b = new TestBrowser(env.deps, web.app);
  const l = logins.find((x) => x.role === role)!;
  assert.equal((await b.login(l.email, l.password)).status, 303);
  return b;
}

/** The banner links of the top page, in order. */
const bannerLinks = (html: string) => [...(/(?:仙台の観光情報|Sendai travel information)<\/h2><ul class="app-card-list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)].map((m) => ({ href: m[1]!, inner: m[2]! }));

describe('campaign website (site module)', () => {
  before(async () => {
    env = await createTestEnv();
    logins = (await seedDemoIfEmpty(env.deps))!.logins;
    web = new TestBrowser(env.deps);
    const [f] = await env.deps.db.select({ id: facilities.id }).from(facilities).where(eq(facilities.name, '秋保温泉 デモ館'));
    akiuId = f!.id;
    const r = await cli(env.deps, ['facilities', 'sold-out', '--program', 'demo-stay', '--facility', String(akiuId), '--date', '2026-06-10']);
    assert.equal(r.code, 0, r.err);
  });
  after(() => env.close());

  test('search page: ホテル finds ﾎﾃﾙ and ほてる, count in role="status", the URL holds the query', async () => {
    const res = await web.get('/demo-stay/facilities?q=' + encodeURIComponent('ホテル'));
    assert.equal(res.status, 200);
    const html = await text(res);
    assert.match(html, /ﾎﾃﾙ西多賀/);
    assert.match(html, /ほてる七北田/);
    assert.match(html, /<p role="status" id="result-count">\d+件の施設が見つかりました/);
    assert.match(html, /<form class="app-form" action="\/demo-stay\/facilities" method="get" role="search"/);
    assert.match(html, /name="q"[^>]*value="ホテル"/);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html; charset=UTF-8/i);
    const etag = res.headers.get('etag');
    assert.ok(etag, 'the page has an ETag');
    const again = await web.request('/demo-stay/facilities?q=' + encodeURIComponent('ホテル'), { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    // The form is cached per filter combination with the words in a slot: escaped like any attribute.
    const evil = await text(await web.get('/demo-stay/facilities?q=' + encodeURIComponent(`"><script>&'`)));
    assert.match(evil, /name="q"[^>]*value="&quot;&gt;&lt;script&gt;&amp;&#39;"/);
    assert.doesNotMatch(evil, /<script>&/);
    const other = await text(await web.get(`/demo-stay/facilities?q=${encodeURIComponent('温泉')}&ward=${encodeURIComponent('太白区')}`));
    assert.match(other, /name="q"[^>]*value="温泉"/);
    assert.match(other, /<option value="太白区" selected="">/);
  });

  test('search page and API: equivalent query strings share one cached answer (same ETag and bytes)', async () => {
    const ward = encodeURIComponent('太白区');
    const [a, b] = [`ward=${ward}&feature=Wi-Fi&feature=${encodeURIComponent('駐車場')}`, `page=1&feature=${encodeURIComponent('駐車場')}&utm_source=x&ward=${ward}&feature=Wi-Fi&feature=Wi-Fi&q=`];
    for (const base of ['/demo-stay/facilities?', '/api/v1/programs/demo-stay/facilities?']) {
      const first = await web.request(base + a);
      const second = await web.request(base + b);
      assert.equal(second.status, 200);
      assert.equal(second.headers.get('etag'), first.headers.get('etag'), base);
      assert.equal(await second.text(), await first.text(), base);
      // A different search is a different answer.
      const all = await web.request(base + 'page=1');
      assert.notEqual(all.headers.get('etag'), first.headers.get('etag'), base);
    }
  });

  test('search page: 青葉 finds 青葉区 addresses; no results says so; filters and paging links keep the query', async () => {
    const aoba = await text(await web.get('/demo-stay/facilities?q=' + encodeURIComponent('青葉')));
    assert.match(aoba, /仙台市青葉区/);
    assert.doesNotMatch(aoba, /仙台市泉区/);
    const none = await text(await web.get('/demo-stay/facilities?q=' + encodeURIComponent('存在しない名前')));
    assert.match(none, /<p role="status" id="result-count">条件に合う施設は見つかりませんでした/);
    const all = await text(await web.get('/demo-stay/facilities?sort=ward'));
    assert.match(all, /36件の施設が見つかりました（1〜20件目を表示）/);
    assert.match(all, /href="\/demo-stay\/facilities\?sort=ward&amp;page=2"/);
    const izumi = await text(await web.get(`/demo-stay/facilities?ward=${encodeURIComponent('泉区')}&type=ryokan&feature=${encodeURIComponent('温泉')}`));
    assert.match(izumi, /根白石 里山の宿/);
    assert.match(izumi, /1件の施設が見つかりました/);
  });

  test('sold-out: 販売終了 with the date in the list and on the page; hidden only on request', async () => {
    const list = await text(await web.get('/demo-stay/facilities?q=' + encodeURIComponent('秋保')));
    assert.match(list, /秋保温泉 デモ館[\s\S]*販売終了（2026年6月10日/);
    const hidden = await text(await web.get('/demo-stay/facilities?available=true&q=' + encodeURIComponent('秋保')));
    assert.doesNotMatch(hidden, /秋保温泉 デモ館/);
    const page = await text(await web.get(`/demo-stay/facilities/${akiuId}`));
    assert.match(page, /<h1 class="app-heading-1">秋保温泉 デモ館<\/h1>/);
    assert.match(page, /販売終了（2026年6月10日/);
    const en = await text(await web.get(`/en/demo-stay/facilities/${akiuId}`));
    assert.match(en, /Sold out \(2026-06-10\)/);
  });

  test('API: exact contract, sold-out flag, ETag and 304', async () => {
    const res = await web.request('/api/v1/programs/demo-stay/facilities?q=' + encodeURIComponent('秋保') + '&perPage=2');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { total: number; page: number; perPage: number; items: Array<Record<string, unknown>> };
    assert.deepEqual(Object.keys(body), ['total', 'page', 'perPage', 'items']);
    assert.equal(body.total, 3);
    assert.equal(body.perPage, 2);
    // The contracted fields, in order, then soldOutOn (added, nothing removed).
    assert.deepEqual(Object.keys(body.items[0]!), ['id', 'name', 'nameKana', 'type', 'ward', 'address', 'features', 'url', 'soldOut', 'soldOutOn']);
    const all = (await (await web.request('/api/v1/programs/demo-stay/facilities?q=' + encodeURIComponent('秋保'))).json()) as typeof body;
    const akiu = all.items.find((i) => i.id === akiuId)!;
    assert.equal(akiu.soldOut, true);
    assert.equal(akiu.soldOutOn, '2026-06-10');
    assert.ok(all.items.filter((i) => i.id !== akiuId).every((i) => i.soldOut === false && i.soldOutOn === null));
    assert.equal(akiu.ward, '太白区');
    assert.equal(akiu.type, 'ryokan');
    assert.equal(akiu.url, `http://localhost:3000/demo-stay/facilities/${akiuId}`);
    const available = (await (await web.request('/api/v1/programs/demo-stay/facilities?available=true&q=' + encodeURIComponent('秋保'))).json()) as typeof body;
    assert.equal(available.total, 2);
    const etag = res.headers.get('etag')!;
    assert.ok(etag && res.headers.get('cache-control')?.includes('max-age'));
    const again = await web.request('/api/v1/programs/demo-stay/facilities?q=' + encodeURIComponent('秋保') + '&perPage=2', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal((await web.request('/api/v1/programs/demo-koryukai/facilities')).status, 404, 'not a campaign');
    assert.equal((await web.request('/api/v1/programs/nope/facilities')).status, 404);
  });

  test('open data: CSV in UTF-8 with BOM in the standard dataset column style, and the same as JSON', async () => {
    const res = await web.request('/demo-stay/opendata/facilities.csv');
    assert.equal(res.status, 200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    const lines = csv.trim().split(/\r?\n/);
    const header = lines[0]!.split(',');
    assert.deepEqual(header.slice(0, 20), [
      '全国地方公共団体コード', 'ID', '地方公共団体名', '名称', '名称_カナ', '名称_英語', '種別',
      '所在地_連結表記', '所在地_都道府県', '所在地_市区町村', '所在地_町字', '所在地_番地以下', '建物名等(方書)',
      '緯度', '経度', '郵便番号', '電話番号', '内線番号', 'URL', '備考',
    ]);
    assert.deepEqual(header.slice(-3), ['販売状況', '販売終了日', '掲載ページURL'], 'the campaign columns come last');
    assert.equal(lines.length, 37);
    const akiu = lines.find((l) => l.includes('秋保温泉 デモ館'))!.split(',');
    const col = (name: string) => akiu[header.indexOf(name)];
    assert.equal(col('全国地方公共団体コード'), '041009');
    assert.equal(col('ID'), String(akiuId));
    assert.equal(col('地方公共団体名'), '宮城県仙台市');
    assert.equal(col('所在地_都道府県'), '宮城県');
    assert.equal(col('所在地_市区町村'), '仙台市太白区');
    assert.match(col('所在地_連結表記')!, /^宮城県仙台市太白区秋保町/);
    assert.equal(col('所在地_連結表記'), `${col('所在地_都道府県')}${col('所在地_市区町村')}${col('所在地_町字')}${col('所在地_番地以下')}`);
    assert.equal(col('区コード'), '041041');
    assert.equal(col('販売状況'), '販売終了');
    assert.equal(col('販売終了日'), '2026-06-10');
    assert.equal(col('掲載ページURL'), `http://localhost:3000/demo-stay/facilities/${akiuId}`);
    const json = (await (await web.request('/demo-stay/opendata/facilities.json')).json()) as { items: Array<Record<string, unknown>> };
    assert.equal(json.items.length, 36);
    assert.deepEqual(Object.keys(json.items[0]!), header, 'JSON keys are the CSV headers');
    const akiuJson = json.items.find((i) => i['名称'] === '秋保温泉 デモ館')!;
    for (const h of header) assert.equal(String(akiuJson[h]), akiu[header.indexOf(h)], h);
  });

  test('OpenAPI lists the facility search API (with soldOutOn) and the open data files', async () => {
    const doc = (await (await web.request('/api/v1/openapi.json')).json()) as { paths: Record<string, any> };
    const search = doc.paths['/programs/{slug}/facilities'].get;
    const item = search.responses['200'].content['application/json'].schema.properties.items.items;
    assert.deepEqual(Object.keys(item.properties), ['id', 'name', 'nameKana', 'type', 'ward', 'address', 'features', 'url', 'soldOut', 'soldOutOn']);
    assert.deepEqual(item.properties.soldOutOn.type, ['string', 'null']);
    assert.deepEqual(search.parameters.map((p: { name: string }) => p.name).slice(1, 9), ['q', 'ward', 'type', 'feature', 'available', 'sort', 'page', 'perPage']);
    assert.equal(doc.paths['/{slug}/opendata/facilities.csv'].servers[0].url, 'http://localhost:3000');
    assert.ok(doc.paths['/{slug}/opendata/facilities.json'].get);
    assert.ok(doc.paths['/programs/{slug}/applications'], 'the other modules are still merged');
  });

  test('pages: top, content pages and 404s in both languages', async () => {
    const top = await text(await web.get('/demo-stay'));
    // The demo's two sold-out facilities (their allocations used up) and the one marked above.
    assert.match(top, /参加施設は36施設です。そのうち3施設は割引の販売を終了しました。/);
    assert.match(top, /せんだい旅日和/);
    assert.match(top, /50％引き/);
    for (const p of ['howto', 'for-business', 'faq', 'accessibility', 'privacy', 'contact', 'opendata']) {
      assert.equal((await web.get(`/demo-stay/${p}`)).status, 200, p);
      assert.equal((await web.get(`/en/demo-stay/${p}`)).status, 200, `en ${p}`);
    }
    assert.match(await text(await web.get('/demo-stay/for-business')), /href="\/demo-stay\/business[^"]*"[^>]*>参加申請はこちら/);
    assert.match(await text(await web.get('/demo-stay/accessibility')), /JIS X 8341-3:2016/);
    assert.equal((await web.get('/demo-koryukai/facilities')).status, 404);
    assert.equal((await web.get('/demo-stay/facilities/999999')).status, 404);
  });

  test('content: invisible until the City approves; the preview equals the published page; versions restore', async () => {
    const op = new TestBrowser(env.deps, web.app);
    const operator = logins.find((l) => l.role === 'operator')!;
    assert.equal((await op.login(operator.email, operator.password)).status, 303);
    await op.get('/admin/site/demo-stay/new?kind=page&key=faq');
    let res = await op.post('/admin/site/demo-stay/contents', { kind: 'page', key: 'faq', titleJa: 'よくある質問（改訂）', titleEn: 'FAQ (revised)', bodyJa: '# 予約の変更\n**施設に**お問い合わせください。[詳細](https://example.jp/x)\n- 一つ目\n- 二つ目\n\n<script>alert(1)</script> [危険](javascript:alert(1))', bodyEn: '' });
    assert.equal(res.status, 303);
    const contentPath = res.headers.get('location')!;
    const admin = await text(await op.get(contentPath));
    const vid = /\/admin\/site\/demo-stay\/versions\/(\d+)\/preview/.exec(admin)![1];
    // A draft is not public.
    assert.doesNotMatch(await text(await web.get('/demo-stay/faq')), /予約の変更/);
    const preview = await text(await op.get(`/admin/site/demo-stay/versions/${vid}/preview`));
    assert.match(preview, /<h2 class="app-heading-2">予約の変更<\/h2>/);
    assert.match(preview, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(preview, /href="javascript:/);
    // The operator cannot approve; submitting makes it pending, still not public.
    await op.get(contentPath);
    assert.equal((await op.post(`/admin/site/demo-stay/versions/${vid}/approve`, { publishAt: '' })).status, 403);
    await op.get(contentPath);
    assert.equal((await op.post(`/admin/site/demo-stay/versions/${vid}/submit`, {})).status, 303);
    assert.doesNotMatch(await text(await web.get('/demo-stay/faq')), /予約の変更/);
    // The City approves: now public, and the public page body equals the preview.
    const city = new TestBrowser(env.deps, web.app);
    const cityLogin = logins.find((l) => l.role === 'city')!;
    assert.equal((await city.login(cityLogin.email, cityLogin.password)).status, 303);
    await city.get(contentPath);
    assert.equal((await city.post(`/admin/site/demo-stay/versions/${vid}/approve`, { publishAt: '' })).status, 303);
    const published = await text(await web.get('/demo-stay/faq'));
    assert.match(published, /予約の変更/);
    assert.equal(mainOf(published), mainOf(preview));
    // A new edit waits for approval again; restoring an old version makes a new draft.
    await op.get(contentPath);
    await op.post(`${contentPath}/drafts`, { titleJa: '第2版', bodyJa: '第2版の本文' });
    assert.match(await text(await web.get('/demo-stay/faq')), /予約の変更/);
    await op.get(contentPath);
    assert.equal((await op.post(`/admin/site/demo-stay/versions/${vid}/restore`, {})).status, 303);
    const versions = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from site_content_versions v join site_contents c on c.id = v.content_id where c.kind = 'page'`);
    assert.equal(versions[0]!.n, 3);
    const actions = await queryRows<{ action: string }>(env.deps.db, sql`select action from audit_log where action like 'site.%' order by id`);
    assert.deepEqual(
      actions.map((a) => a.action),
      [
        'site.facility.sold_out',
        // The three tourism banners, preset on the first visit of the campaign's top page.
        'site.content.preset',
        'site.content.preset',
        'site.content.preset',
        'site.content.created',
        'site.content.draft_saved',
        'site.content.submitted',
        'site.content.approved',
        'site.content.draft_saved',
        'site.content.restored',
      ],
    );
  });

  test('scheduled publishing: approved for later, public only from then', async () => {
    const op = new TestBrowser(env.deps, web.app);
    const operator = logins.find((l) => l.role === 'operator')!;
    await op.login(operator.email, operator.password);
    await op.get('/admin/site/demo-stay/new?kind=news');
    const res = await op.post('/admin/site/demo-stay/contents', { kind: 'news', titleJa: '予定のお知らせ', bodyJa: '明日公開' });
    const contentPath = res.headers.get('location')!;
    const vid = /versions\/(\d+)\/preview/.exec(await text(await op.get(contentPath)))![1];
    await op.post(`/admin/site/demo-stay/versions/${vid}/submit`, {});
    const city = new TestBrowser(env.deps, web.app);
    const cityLogin = logins.find((l) => l.role === 'city')!;
    await city.login(cityLogin.email, cityLogin.password);
    await city.get(contentPath);
    // The test clock stands at 2026-06-01 10:00 JST.
    assert.equal((await city.post(`/admin/site/demo-stay/versions/${vid}/approve`, { publishAt: '2026-06-02T09:00' })).status, 303);
    assert.doesNotMatch(await text(await web.get('/demo-stay')), /予定のお知らせ/);
    env.clock.set('2026-06-02T00:00:01Z');
    assert.match(await text(await web.get('/demo-stay')), /予定のお知らせ/);
  });

  test('banners: the three tourism banners are preset contents; an uploaded image is served from our origin after approval; order is edited and approved', async () => {
    const before = bannerLinks(await text(await web.get('/demo-stay')));
    assert.deepEqual(before.map((b) => b.inner), ['せんだい旅日和', '仙台旅先体験コレクション', '仙台夜時間']);
    const presets = await queryRows<{ key: string; n: number }>(env.deps.db, sql`select c.key, count(v.*)::int as n from site_contents c join site_content_versions v on v.content_id = c.id join programs p on p.id = c.program_id where p.slug = 'demo-stay' and c.kind = 'banner' group by c.key order by c.key`);
    assert.deepEqual(presets.map((r) => r.key), ['banner-experience', 'banner-sentabi', 'banner-yorujikan'], 'real content rows, one version each');
    const op = await signIn('operator');
    const list = await text(await op.get('/admin/site/demo-stay'));
    const sentabiPath = /href="(\/admin\/site\/demo-stay\/contents\/\d+)">バナー：せんだい旅日和/.exec(list)![1]!;
    const form = await text(await op.get(sentabiPath));
    assert.match(form, /enctype="multipart\/form-data"/);
    assert.match(form, /name="sortOrder"[^>]*value="10"/);
    // Not an image, or an image without alt text: field errors beside the fields, nothing saved.
    let res = await postMultipart(op, `${sentabiPath}/drafts`, { titleJa: 'せんだい旅日和', linkUrl: 'https://www.sentabi.jp/', altJa: 'x', sortOrder: '40' }, { name: 'a.png', bytes: Buffer.from('<svg onload=alert(1)>'), type: 'image/png' });
    assert.equal(res.status, 422);
    assert.match(await text(res), /画像ファイルは PNG・JPEG・GIF・WebP のいずれかにしてください/);
    await op.get(sentabiPath);
    res = await postMultipart(op, `${sentabiPath}/drafts`, { titleJa: 'せんだい旅日和', linkUrl: 'https://www.sentabi.jp/', sortOrder: '40' }, { name: 'a.png', bytes: PNG, type: 'image/png' });
    assert.equal(res.status, 422);
    assert.match(await text(res), /画像の代替テキスト（日本語）を入力してください/);
    await op.get(sentabiPath);
    res = await postMultipart(op, `${sentabiPath}/drafts`, { titleJa: 'せんだい旅日和', linkUrl: 'https://www.sentabi.jp/', altJa: 'せんだい旅日和 仙台の観光情報サイト', altEn: 'Sendai Tabibiyori', sortOrder: '40' }, { name: 'banner.png', bytes: PNG, type: 'image/png' });
    assert.equal(res.status, 303);
    const admin = await text(await op.get(sentabiPath));
    const vid = /versions\/(\d+)\/submit/.exec(admin)![1]!;
    // The draft image: staff only; the public page is unchanged.
    assert.equal((await web.get(`/demo-stay/banners/${vid}/image`)).status, 404);
    assert.equal((await op.get(`/demo-stay/banners/${vid}/image`)).status, 200);
    assert.deepEqual(bannerLinks(await text(await web.get('/demo-stay'))).map((b) => b.inner), ['せんだい旅日和', '仙台旅先体験コレクション', '仙台夜時間']);
    const preview = await text(await op.get(`/admin/site/demo-stay/versions/${vid}/preview`));
    assert.match(preview, new RegExp(`<img src="/demo-stay/banners/${vid}/image" alt="せんだい旅日和 仙台の観光情報サイト"/>`));
    await op.get(sentabiPath);
    assert.equal((await op.post(`/admin/site/demo-stay/versions/${vid}/submit`, {})).status, 303);
    const city = await signIn('city');
    await city.get(sentabiPath);
    // An impossible publication time re-shows the page with the error beside the field.
    res = await city.post(`/admin/site/demo-stay/versions/${vid}/approve`, { publishAt: '2026-02-30T09:00' });
    assert.equal(res.status, 422);
    const errorPage = await text(res);
    assert.match(errorPage, /公開日時が正しくありません/);
    assert.match(errorPage, /name="publishAt"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="publishAt"/);
    assert.match(errorPage, /value="2026-02-30T09:00"/);
    const [pending] = await queryRows<{ status: string }>(env.deps.db, sql`select status from site_content_versions where id = ${Number(vid)}`);
    assert.equal(pending!.status, 'pending');
    await city.get(sentabiPath);
    assert.equal((await city.post(`/admin/site/demo-stay/versions/${vid}/approve`, { publishAt: '' })).status, 303);
    // Published: the image from our origin, moved to the end; the other presets stay.
    const after = bannerLinks(await text(await web.get('/demo-stay')));
    assert.deepEqual(after.map((b) => b.href), ['https://www.sentabi.jp/experience/', 'https://www.sentabi.jp/yorujikan/', 'https://www.sentabi.jp/']);
    assert.equal(after[2]!.inner, `<img src="/demo-stay/banners/${vid}/image" alt="せんだい旅日和 仙台の観光情報サイト"/>`);
    assert.match(bannerLinks(await text(await web.get('/en/demo-stay')))[2]!.inner, /alt="Sendai Tabibiyori"/);
    const img = await web.get(`/demo-stay/banners/${vid}/image`);
    assert.equal(img.status, 200);
    assert.equal(img.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await img.arrayBuffer()), PNG);
    assert.equal((await web.request(`/demo-stay/banners/${vid}/image`, { headers: { 'if-none-match': img.headers.get('etag')! } })).status, 304);
    // A new draft keeps the image unless it is removed.
    await op.get(sentabiPath);
    assert.equal((await postMultipart(op, `${sentabiPath}/drafts`, { titleJa: 'せんだい旅日和', linkUrl: 'https://www.sentabi.jp/', altJa: '旅日和', sortOrder: '5' })).status, 303);
    await op.get(sentabiPath);
    assert.equal((await postMultipart(op, `${sentabiPath}/drafts`, { titleJa: 'せんだい旅日和', linkUrl: 'https://www.sentabi.jp/', removeImage: 'true', sortOrder: '5' })).status, 303);
    const kept = await queryRows<{ number: number; has: boolean; sort: number }>(env.deps.db, sql`select number, image_data is not null as has, sort_order as sort from site_content_versions where content_id = (select content_id from site_content_versions where id = ${Number(vid)}) order by number`);
    assert.deepEqual(kept.map((k) => [k.number, k.has, k.sort]), [[1, false, 10], [2, true, 40], [3, true, 5], [4, false, 5]]);
    // A new banner: multipart form, an external image address is refused, an upload is kept.
    const newForm = await text(await op.get('/admin/site/demo-stay/new?kind=banner'));
    assert.match(newForm, /enctype="multipart\/form-data"/);
    assert.match(newForm, /type="file"[^>]*name="imageFile"|name="imageFile"[^>]*type="file"/);
    res = await postMultipart(op, '/admin/site/demo-stay/contents', { kind: 'banner', titleJa: '外部画像', linkUrl: 'https://example.jp/', imageUrl: 'https://example.jp/a.png', altJa: 'a' });
    assert.equal(res.status, 422);
    assert.match(await text(res), /外部のサイトの画像は表示できません/);
    await op.get('/admin/site/demo-stay/new?kind=banner');
    res = await postMultipart(op, '/admin/site/demo-stay/contents', { kind: 'banner', titleJa: '新しいバナー', linkUrl: 'https://example.jp/', altJa: '新しいバナー', sortOrder: '15' }, { name: 'b.png', bytes: PNG, type: 'image/png' });
    assert.equal(res.status, 303);
    const [fresh] = await queryRows<{ type: string; sort: number; status: string }>(env.deps.db, sql`select image_type as type, sort_order as sort, status from site_content_versions where title_ja = '新しいバナー'`);
    assert.deepEqual(fresh, { type: 'image/png', sort: 15, status: 'draft' });
  });

  test('the index follows facility changes through the version row (another instance sees them)', async () => {
    const db = env.deps.db;
    const [p] = await queryRows<{ id: number }>(db, sql`select id from programs where slug = 'demo-stay'`);
    const other = new SiteIndexCache(0);
    const before = await other.get(db, p!.id);
    assert.equal((await other.get(db, p!.id)).version, before.version);
    assert.equal(other.builds, 1, 'no rebuild without a change');
    await db.execute(sql`update facilities set name = '秋保温泉 改名館' where id = ${akiuId}`);
    const afterChange = await other.get(db, p!.id);
    assert.ok(afterChange.version > before.version);
    assert.equal(other.builds, 2);
    assert.equal(afterChange.search({ q: '改名' }).total, 1);
    // The app's own cache picks it up after its check interval.
    siteIndexCache(db).clear();
    assert.match(await text(await web.get('/demo-stay/facilities?q=' + encodeURIComponent('改名'))), /秋保温泉 改名館/);
  });

  test('the index check never makes a request wait under steady traffic, and a change still shows within the interval', async () => {
    const db = env.deps.db;
    const [p] = await queryRows<{ id: number }>(db, sql`select id from programs where slug = 'demo-stay'`);
    const cache = new SiteIndexCache(400);
    const first = await cache.get(db, p!.id);
    // Past half the interval, a request is answered at once and starts the check in the background.
    await new Promise((r) => setTimeout(r, 250));
    assert.equal(await cache.get(db, p!.id), first);
    await new Promise((r) => setTimeout(r, 200));
    // Past the interval since the build, with the version row locked: still answered at once, as the
    // background check has renewed the index (a request waiting for a check would be stuck here).
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`lock table site_index_versions in access exclusive mode`);
      locked();
      await gate;
    });
    await isLocked;
    const answer = await Promise.race([cache.get(db, p!.id), new Promise<null>((r) => setTimeout(() => r(null), 300))]);
    release();
    await holder;
    assert.equal(answer, first, 'answered without waiting for the check');
    // After a quiet spell longer than the interval, the first request waits for the check: a change shows.
    await db.execute(sql`update facilities set name = '秋保温泉 再改名館' where id = ${akiuId}`);
    await new Promise((r) => setTimeout(r, 450));
    const after = await cache.get(db, p!.id);
    assert.ok(after.version > first.version);
    assert.equal(after.search({ q: '再改名' }).total, 1);
  });

  test('a program that is not a campaign, or unknown, is 404 on every site page', async () => {
    await makeProgram(env.deps, 'ev-x', 'event');
    for (const p of ['/ev-x/facilities', '/ev-x/faq', '/ev-x/opendata/facilities.csv', '/Bad_Slug/faq']) assert.equal((await web.get(p)).status, 404, p);
  });
});
