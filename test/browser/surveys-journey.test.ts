/**
 * The public survey in Chromium (issue 16): a questionnaire imported with the CLI, approved by the
 * City in the back office, answered without JavaScript at 320 px in Japanese and English, with
 * errors tied to their fields and a lottery entry. axe on every page.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { QUESTIONNAIRE } from '../../src/modules/surveys/test-helpers.js';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, runCli, signIn, startServer, tearDown, type BrowserSession, type RunningServer } from './harness.js';

const SLUG = 'demo-stay';
let server: RunningServer | undefined;
let desktop: BrowserSession | undefined;
let phone: BrowserSession | undefined;

describe('public survey in Chromium', () => {
  before(async () => {
    server = await startServer({ timeoutMs: 400_000 });
    desktop = await launchBrowser();
    phone = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 320, height: 720 } });
  });
  after(async () => {
    await tearDown(server, desktop, phone);
  });

  test('import, City approval, then answers in ja and en without JavaScript at 320 px', { timeout: 300_000 }, async () => {
    const set = await runCli(['program', 'set', SLUG, 'surveyOpens=2026-01-01', 'surveyCloses=2030-12-31'], server!.env);
    assert.equal(set.code, 0, set.stderr);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jmk-survey-')), 'q.json');
    fs.writeFileSync(file, JSON.stringify(QUESTIONNAIRE));
    const imported = await runCli(['survey', 'import', '--program', SLUG, file], server!.env);
    assert.equal(imported.code, 0, imported.stderr);

    const phonePage = await phone!.newPage();
    await phonePage.goto(`${server!.baseUrl}/${SLUG}/survey`);
    assert.match(await phonePage.locator('main').innerText(), /準備中/, 'not public before the City approves');

    const city = await desktop!.newPage();
    await signIn(city, server!, server!.demoLogins().find((l) => l.role === 'city')!);
    await city.goto(`${server!.baseUrl}/admin/surveys/${SLUG}`);
    await expectNoAxeViolations(city, 'survey back office (City)');
    await city.getByLabel('承認する').check();
    await Promise.all([city.waitForURL(`${server!.baseUrl}/admin/surveys/${SLUG}`), city.getByRole('button', { name: '判断を記録する' }).click()]);
    assert.match(await city.locator('main').innerText(), /承認しました/);

    // Japanese, no JavaScript, 320 px.
    await phonePage.goto(`${server!.baseUrl}/${SLUG}/survey`);
    await expectNoAxeViolations(phonePage, 'survey (ja)');
    await expectNoHorizontalScroll(phonePage, 'survey (ja)');
    const legends = await phonePage.locator('fieldset > legend').allInnerTexts();
    assert.ok(legends.some((l) => l.includes('満足度')) && legends.some((l) => l.includes('旅行の目的')), 'choice questions are fieldsets with legends');
    await phonePage.getByRole('button', { name: '回答を送信する' }).click();
    assert.ok(await phonePage.locator('.dads-error-summary').isVisible(), 'an empty survey shows the error summary');
    assert.equal(await phonePage.locator('.dads-error-summary a[href="#answers-sat"]').count(), 1, 'the summary links to the question');
    const describedBy = (await phonePage.locator('#answers-sat-fieldset').getAttribute('aria-describedby')) ?? '';
    assert.ok(describedBy.split(' ').some((id) => id.includes('error')), 'the error is tied to the question');
    await expectNoAxeViolations(phonePage, 'survey with errors (ja)');
    await phonePage.locator('input[name="answers.sat"][value="4"]').check();
    await phonePage.locator('input[name="answers.purpose"][value="leisure"]').check();
    await phonePage.locator('input[name="answers.found"][value="web"]').check();
    await phonePage.locator('#answers-nights').fill('２');
    await phonePage.locator('#answers-comment').fill('朝食がおいしかったです');
    await phonePage.locator('#lottery-enter').check();
    await phonePage.locator('#lottery-name').fill('青葉 花子');
    await phonePage.locator('#lottery-postalCode').fill('980-0811');
    await phonePage.locator('#lottery-address').fill('仙台市青葉区一番町1-1');
    await phonePage.locator('#lottery-phone').fill('090-1111-2222');
    await phonePage.locator('#lottery-email').fill('hanako@example.jp');
    await phonePage.locator('#lottery-consent').check();
    await phonePage.getByRole('button', { name: '回答を送信する' }).click();
    await phonePage.waitForURL(`${server!.baseUrl}/${SLUG}/survey/thanks`);
    assert.match(await phonePage.locator('main').innerText(), /受付番号：[0-9A-Z]{12}[\s\S]*抽選への応募も受け付けました/);
    await expectNoAxeViolations(phonePage, 'thanks (ja)');

    // English: the same e-mail in capitals is a second entry, refused politely on the form.
    await phonePage.goto(`${server!.baseUrl}/en/${SLUG}/survey`);
    await expectNoAxeViolations(phonePage, 'survey (en)');
    await expectNoHorizontalScroll(phonePage, 'survey (en)');
    assert.match(await phonePage.locator('main').innerText(), /Purpose of the trip/);
    await phonePage.getByRole('button', { name: 'Send my answers' }).click();
    assert.match(await phonePage.locator('.dads-error-summary').innerText(), /Answer this question/);
    await expectNoAxeViolations(phonePage, 'survey with errors (en)');
    await phonePage.locator('input[name="answers.sat"][value="5"]').check();
    await phonePage.locator('input[name="answers.purpose"][value="business"]').check();
    await phonePage.locator('#lottery-enter').check();
    await phonePage.locator('#lottery-name').fill('Hanako Aoba');
    await phonePage.locator('#lottery-postalCode').fill('9800811');
    await phonePage.locator('#lottery-address').fill('1-1 Ichibancho, Sendai');
    await phonePage.locator('#lottery-phone').fill('09033334444');
    await phonePage.locator('#lottery-email').fill(' HANAKO@EXAMPLE.JP ');
    await phonePage.locator('#lottery-consent').check();
    await phonePage.getByRole('button', { name: 'Send my answers' }).click();
    assert.match(await phonePage.locator('.dads-error-summary').innerText(), /already been entered/);
    await expectNoAxeViolations(phonePage, 'duplicate entry (en)');
    await phonePage.locator('#lottery-enter').uncheck();
    await phonePage.getByRole('button', { name: 'Send my answers' }).click();
    await phonePage.waitForURL(`${server!.baseUrl}/en/${SLUG}/survey/thanks`);
    assert.match(await phonePage.locator('main').innerText(), /Receipt number/);
    await expectNoAxeViolations(phonePage, 'thanks (en)');
  });
});
