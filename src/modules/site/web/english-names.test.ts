import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { TestBrowser } from '../../../../test/helpers/http.js';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { setProgramSettings } from '../../../platform/programs/commands/set-program-settings.js';
import { findProgramBySlug } from '../../../platform/programs/queries.js';
import { facilities } from '../../campaign/schema.js';
import { decideVersion } from '../commands/decide-version.js';
import { saveDraft } from '../commands/save-draft.js';
import { submitVersion } from '../commands/submit-version.js';
import { seedDemoIfEmpty } from '../../demo/seed.js';

/** A traveller who reads no Japanese finds and names a facility on the English pages (#14 item 6). */
describe('English facility names, readings and features', () => {
  let env: TestEnv;
  let akiuId: number;
  before(async () => {
    env = await createTestEnv();
    await seedDemoIfEmpty(env.deps);
    const [f] = await env.deps.db.select({ id: facilities.id }).from(facilities).where(eq(facilities.name, '秋保温泉 デモ館'));
    akiuId = f!.id;
    await env.deps.db.update(facilities).set({ nameEn: 'Sakunami Demo Spa' }).where(eq(facilities.name, '作並温泉 デモの湯'));
    // The program's own English name for one feature wins over the common one.
    await runCommand(env.deps, systemActor('test'), (ctx) => setProgramSettings(ctx, 'demo-stay', [['facilityFeaturesEn', '貸切風呂=Private family bath']]));
  });
  after(() => env.close());

  const page = async (path: string) => {
    const res = await new TestBrowser(env.deps).get(path);
    assert.equal(res.status, 200, path);
    return res.text();
  };
  const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)![0];

  test('"Akiu" and "akiu onsen" find the 秋保 facilities on the English search page, named in Hepburn beside the Japanese', async () => {
    const html = main(await page('/en/demo-stay/facilities?q=Akiu'));
    assert.match(html, /3 facilities found/, 'the three facilities read アキウ…');
    assert.ok(html.includes('<span lang="ja">秋保温泉 デモ館</span> (Akiuonsen Demokan)'), html);
    assert.ok(html.includes('<span lang="ja">秋保グランドデモホテル</span> (Akiu Grand Demo Hotel)'), 'the demo facility that gives an English name shows it');
    const two = main(await page('/en/demo-stay/facilities?q=' + encodeURIComponent('akiu onsen')));
    assert.match(two, /1 facilities found|1 facility found/, 'both words must match');
    assert.ok(two.includes('秋保温泉 デモ館'), 'the one with onsen in its reading');
  });

  test('an English name is shown instead of the reading, and found', async () => {
    const html = main(await page('/en/demo-stay/facilities?q=' + encodeURIComponent('demo spa')));
    assert.ok(html.includes('<span lang="ja">作並温泉 デモの湯</span> (Sakunami Demo Spa)'), html);
  });

  test('open data fills 名称_英語 with the English name a facility gave', async () => {
    const json = (await (await new TestBrowser(env.deps).request('/demo-stay/opendata/facilities.json')).json()) as { items: Array<Record<string, string>> };
    const en = Object.fromEntries(json.items.map((i) => [i['名称'], i['名称_英語']]));
    assert.equal(en['秋保グランドデモホテル'], 'Akiu Grand Demo Hotel');
    assert.equal(en['秋保温泉 デモ館'], '', 'no English name given: empty (the reading is not a name)');
  });

  test('features are in English: the common names, the program\'s own, in the cards and the search form', async () => {
    const html = main(await page('/en/demo-stay/facilities?q=Akiu'));
    assert.ok(html.includes('Hot spring'), 'a common feature in English');
    assert.ok(html.includes('Private family bath'), 'the program\'s own English name');
    assert.ok(!html.includes('<span lang="ja">温泉</span>'), 'no Japanese feature left where an English name exists');
    const ja = main(await page('/demo-stay/facilities?q=' + encodeURIComponent('秋保')));
    assert.ok(ja.includes('温泉、大浴場') || ja.includes('温泉'), 'Japanese pages keep the Japanese names');
    assert.ok(!ja.includes('Hot spring') && !ja.includes('Akiuonsen'), 'and show no English');
  });

  test('the English detail page names the facility in Latin letters', async () => {
    const html = await page(`/en/demo-stay/facilities/${akiuId}`);
    assert.match(html, /<h1[^>]*>秋保温泉 デモ館 \(Akiuonsen Demokan\)<\/h1>/, 'the heading');
    assert.match(html, /Name in Latin letters<\/dt>\s*<dd[^>]*>Akiuonsen Demokan<\/dd>/, 'the reading, romanised');
    assert.ok(main(html).includes('Large bath'), 'features in English');
  });

  test('facilityFeaturesEn refuses pairs without "=" or with Japanese on the English side', async () => {
    for (const bad of ['温泉', '温泉=ホットスプリング']) {
      await assert.rejects(runCommand(env.deps, systemActor('test'), (ctx) => setProgramSettings(ctx, 'demo-stay', [['facilityFeaturesEn', bad]])), (e: { fieldErrors?: unknown }) => JSON.stringify(e.fieldErrors).includes('特色の英語名'), bad);
    }
  });

  test('a published page without English: the English page shows the built-in English FAQ, not the Japanese', async () => {
    const program = (await findProgramBySlug(env.deps.db, 'demo-stay'))!;
    await runCommand(env.deps, systemActor('test'), async (ctx) => {
      const v = await saveDraft(ctx, program, { kind: 'page', key: 'faq' }, { titleJa: 'よくある質問（改訂）', bodyJa: '# 予約の変更\n施設にお問い合わせください。' });
      await submitVersion(ctx, program, v.id);
      await decideVersion(ctx, program, v.id, { approve: true, publishAt: null });
    });
    assert.match(main(await page('/demo-stay/faq')), /予約の変更/, 'the Japanese page shows the published text');
    const en = main(await page('/en/demo-stay/faq'));
    assert.doesNotMatch(en, /予約の変更|よくある質問/, 'no Japanese body on the English page');
    assert.match(en, /Can I search in English\?/, 'the built-in English FAQ');
  });
});
