import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { apiRequest, TestBrowser } from '../../../../test/helpers/http.js';
import { makeUser } from '../../../../test/helpers/fixtures.js';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { findMail, mailScope } from '../../../platform/mail/outbox.js';
import { findProgramBySlug } from '../../../platform/programs/queries.js';
import { campaignMessages } from '../messages.js';
import { openCampaign, validApplication } from '../test-helpers.js';
import { requestApplicantAccount } from './create-applicant-account.js';

/** Campaign mails name the program that sends them and its secretariat's contact (#14 item 4). */
describe('campaign mails carry the program name and contact', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
    await openCampaign(env.deps, 'mail-stay', [
      ['contactPhone', '022-555-0101'],
      ['contactEmail', 'desk@mail-stay.example.jp'],
    ]);
    await openCampaign(env.deps, 'bare-stay');
  });
  after(() => env.close());

  async function lastMail(template: string): Promise<{ subject: string; text: string }> {
    const [row] = await queryRows<{ id: number }>(env.deps.db, sql`select id from mail_outbox where template = ${template} order by id desc limit 1`);
    assert.ok(row, `a ${template} mail was queued`);
    const mail = (await findMail(env.deps.db, Number(row.id)))!;
    const text = (await env.deps.vault.box(env.deps.db, mailScope(mail.programId))).openOrThrow(mail.textSealed);
    return { subject: mail.subject, text };
  }

  test('the receipt of an application: 【program】 subject, secretariat, phone and e-mail', async () => {
    const app = new TestBrowser(env.deps).app;
    const res = await apiRequest(app, 'POST', '/api/v1/programs/mail-stay/applications', { body: validApplication(1) });
    assert.equal(res.status, 201);
    const mail = await lastMail('campaign.receipt');
    assert.equal(mail.subject, '【宿泊キャンペーン mail-stay】参加申請を受け付けました');
    assert.ok(mail.text.endsWith('\n宿泊キャンペーン mail-stay 事務局\n電話：022-555-0101\nメール：desk@mail-stay.example.jp'), mail.text);
    assert.doesNotMatch(mail.text, /仙台市宿泊促進キャンペーン/);
  });

  test('the account mails (new and known address) name the program; no contact lines when none is set', async () => {
    const program = (await findProgramBySlug(env.deps.db, 'bare-stay'))!;
    await runCommand(env.deps, systemActor('test'), (ctx) => requestApplicantAccount(ctx, program, 'new-inn@mail.example.jp'));
    const link = await lastMail('campaign.account_link');
    assert.equal(link.subject, '【宿泊キャンペーン bare-stay】アカウント作成のご案内');
    assert.ok(link.text.endsWith('\n―――\n宿泊キャンペーン bare-stay 事務局'), link.text);
    await makeUser(env.deps, 'known@mail.example.jp', 'business', program.id);
    await runCommand(env.deps, systemActor('test'), (ctx) => requestApplicantAccount(ctx, program, 'known@mail.example.jp'));
    const exists = await lastMail('campaign.account_exists');
    assert.equal(exists.subject, '【宿泊キャンペーン bare-stay】アカウントのご案内');
    assert.ok(exists.text.endsWith('\n宿泊キャンペーン bare-stay 事務局'), exists.text);
  });

  test('no campaign text names a fixed campaign', () => {
    for (const key of campaignMessages.keys) assert.doesNotMatch(campaignMessages.ja[key], /仙台市宿泊促進キャンペーン/, key);
  });
});
