import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { cli } from '../../../test/helpers/cli.js';
import { makeUser, TEST_PASSWORD } from '../../../test/helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { answersFor, makeSurvey } from './test-helpers.js';

describe('surveys: per-facility QR cards and response rate', () => {
  let env: TestEnv;
  let browser: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    browser = new TestBrowser(env.deps);
  });
  after(() => env.close());

  test('responses carrying a facility code are counted per facility; the cards PDF carries the facility and the survey URL', async () => {
    const { program } = await makeSurvey(env.deps, browser.app, 'sv-fac');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jmk-fac-')), 'f.csv');
    fs.writeFileSync(file, ['name,nameKana,type,postalCode,address,ward,phone,url,rooms,features', 'ホテル一番町,ほてるいちばんちょう,hotel,980-0811,仙台市青葉区一番町1-1,青葉区,022-111-2222,,30,', 'ホテル二番町,ほてるにばんちょう,hotel,980-0811,仙台市青葉区二番町1,青葉区,022-111-3333,,10,'].join('\n'));
    const imported = await cli(env.deps, ['facilities', 'import', '--program', 'sv-fac', file]);
    assert.equal(imported.code, 0, imported.err);
    const facilities = await queryRows<{ id: number; name: string }>(env.deps.db, sql`select id, name from facilities where program_id = ${program.id} order by id`);
    const [f1, f2] = facilities.map((f) => Number(f.id)) as [number, number];
    for (let i = 0; i < 3; i++) assert.equal((await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-fac/survey/responses', { body: { answers: answersFor(i), facility: String(f1) } })).status, 201);
    assert.equal((await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-fac/survey/responses', { body: { answers: answersFor(9), facility: 'bad code!' } })).status, 422);
    // The QR link carries the code into the form.
    const form = await (await browser.get(`/sv-fac/survey?f=${f2}`)).text();
    assert.match(form, new RegExp(`name="facility" value="${f2}"`));
    const op = new TestBrowser(env.deps, browser.app);
    await op.login('op-sv-fac@example.jp', TEST_PASSWORD);
    const page = await (await op.get('/admin/surveys/sv-fac/facilities')).text();
    assert.match(page, /ホテル一番町[\s\S]*?>3</, 'three responses for the first facility');
    const pdf = await op.get(`/admin/surveys/sv-fac/cards.pdf?facility=${f1}`);
    assert.equal(pdf.status, 200);
    const out = path.join(path.dirname(file), 'c.pdf');
    fs.writeFileSync(out, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    assert.ok(text.includes('ホテル一番町'), 'the facility is named');
    assert.ok(text.includes(`http://localhost:3000/sv-fac/survey?f=${f1}`), 'the URL the QR code carries');
    assert.ok(!text.includes('ホテル二番町'), 'one facility asked, one facility printed');

    // Stays approved at both facilities: 10 each. The first has 3 responses (30%), the second none (0%).
    for (const fid of [f1, f2]) {
      for (let i = 0; i < 10; i++) {
        await env.deps.db.execute(sql`insert into claims (program_id, facility_id, booking_ref, booked_on, check_in, nights, guests, total_price, discount, rules, request_hash, check_out, status)
          values (${program.id}, ${fid}, ${`R${fid}-${i}`}, '2026-05-01', '2026-05-10', 1, 1, 10000, 3000, '{}'::jsonb, ${`h${fid}-${i}`}, '2026-05-11', 'approved')`);
      }
    }
    const business = await makeUser(env.deps, 'biz-sv-fac@example.jp', 'business', program.id);
    await env.deps.db.execute(sql`insert into facility_users (facility_id, user_id) values (${f2}, ${business.id})`);
    const rated = await (await op.get('/admin/surveys/sv-fac/facilities')).text();
    assert.match(rated, /30%/);
    assert.match(rated, /0%/);
    assert.equal((await op.post('/admin/surveys/sv-fac/facilities/remind', { below: '10' })).status, 303);
    const mails = await queryRows<{ template: string }>(env.deps.db, sql`select template from mail_outbox where program_id = ${program.id} and template = 'surveys.rate-reminder'`);
    assert.equal(mails.length, 1, 'only the lagging facility\'s business is mailed');
  });
});
