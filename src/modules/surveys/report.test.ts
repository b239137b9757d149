import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { TEST_PASSWORD } from '../../../test/helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { answersFor, makeSurvey, QUESTIONNAIRE } from './test-helpers.js';

function pdfText(buf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jmk-report-')), 'r.pdf');
  fs.writeFileSync(file, buf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('surveys: report PDF and raw data', () => {
  let env: TestEnv;
  let browser: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    browser = new TestBrowser(env.deps);
  });
  after(() => env.close());

  test('the report PDF carries the title, the response count and every question; the raw xlsx/CSV carry answers and no personal data', async () => {
    await makeSurvey(env.deps, browser.app, 'sv-report');
    for (let i = 0; i < 17; i++) {
      const body: Record<string, unknown> = { answers: { ...answersFor(i), comment: i === 0 ? '連絡先 taro@example.jp' : `感想 ${i}` } };
      if (i < 3) body.lottery = { name: `秘密 太郎${i}`, postalCode: '9800811', address: '仙台市秘密区', phone: `0901234567${i}`, email: `secret${i}@example.jp`, consent: true };
      assert.equal((await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-report/survey/responses', { body })).status, 201);
    }
    const city = new TestBrowser(env.deps, browser.app);
    await city.login('city-sv-report@example.jp', TEST_PASSWORD);
    const res = await city.get('/admin/surveys/sv-report/report.pdf?cross=sat:purpose');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    assert.ok(text.includes(QUESTIONNAIRE.title), 'the title');
    assert.match(text, /回答数 17件/);
    for (const q of QUESTIONNAIRE.questions) assert.ok(text.includes(q.label), `question ${q.id}: ${q.label}`);
    assert.ok(text.includes('クロス集計'), 'the chosen cross-tab');
    assert.ok(!text.includes('taro@example.jp'), 'free text is masked in the digest');
    const bad = await city.get('/admin/surveys/sv-report/report.pdf?cross=sat:nope');
    assert.equal(bad.status, 422);

    const csv = await city.get('/admin/surveys/sv-report/responses.csv');
    assert.equal(csv.status, 200);
    const body = await csv.text();
    assert.equal(body.trim().split('\n').length, 18, 'a header and 17 rows');
    assert.match(body, /sat 満足度/);
    for (const secret of ['秘密', 'secret0@example.jp', '0901234567', 'taro@example.jp']) assert.ok(!body.includes(secret), `no personal data: ${secret}`);
    const xlsx = await city.get('/admin/surveys/sv-report/responses.xlsx');
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-type') ?? '', /spreadsheetml/);
    const [audit] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'surveys.report.exported'`);
    assert.equal(Number(audit!.n), 3, 'every export is audited');
  });
});
