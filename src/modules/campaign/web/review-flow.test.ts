import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';
import { makeUser } from '../../../../test/helpers/fixtures.js';
import { openCampaign, PDF_BYTES, validApplication } from '../test-helpers.js';

/** The nested API shape flattened to the form's dotted names. */
function formOf(body: Record<string, unknown>, over: Record<string, string> = {}): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [group, v] of Object.entries(body)) {
    if (typeof v !== 'object' || v === null) continue;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[`${group}.${k}`] = Array.isArray(x) ? x.map(String) : String(x);
  }
  out.agreeToTerms = 'true';
  return { ...out, ...over };
}

async function postMultipart(b: TestBrowser, path: string, fields: Record<string, string | string[]>, files: Record<string, { name: string; bytes: Buffer; type: string }> = {}) {
  const fd = new FormData();
  fd.set('_csrf', b.csrf());
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  for (const [k, f] of Object.entries(files)) fd.set(k, new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  const res = await b.request(path, { method: 'POST', body: fd });
  if ((res.headers.get('content-type') ?? '').includes('text/html')) b.lastHtml = await res.clone().text();
  return res;
}

describe('web: apply with a document, return, resubmit, escalate, City answer, approve', () => {
  let env: TestEnv;
  let applicant: TestBrowser;
  let operator: TestBrowser;
  let city: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    const program = await openCampaign(env.deps, 'stay');
    await makeUser(env.deps, 'hotel@aoba.example.jp', 'business', program.id);
    await makeUser(env.deps, 'op@stay.example', 'operator', program.id);
    await makeUser(env.deps, 'city@stay.example', 'city', program.id);
    [applicant, operator, city] = (await signedInBrowsers(env.deps, ['hotel@aoba.example.jp', 'op@stay.example', 'city@stay.example'])) as [TestBrowser, TestBrowser, TestBrowser];
  });
  after(() => env.close());
  const apps = () => queryRows<{ id: number; status: string; number: string | null }>(env.deps.db, sql`select id, status, number from campaign_applications order by id`);

  test('bad input: errors beside each field and in the summary; a mislabelled file is refused; nothing saved', async () => {
    assert.equal((await applicant.get('/stay/business/apply')).status, 200);
    const res = await postMultipart(
      applicant,
      '/stay/business/apply',
      formOf(validApplication(1), { 'bankAccount.accountNumber': '123456', 'facility.nameKana': '青葉ホテル', action: 'submit' }),
      { licenseFile: { name: 'license.pdf', bytes: Buffer.from('this is not a pdf'), type: 'application/pdf' } },
    );
    assert.equal(res.status, 422);
    const html = applicant.lastHtml;
    assert.match(html, /dads-error-summary/);
    assert.match(html, /口座番号は7桁の数字で入力してください/);
    assert.match(html, /全角カタカナで入力してください/);
    assert.match(html, /ファイルの中身が PDF・JPEG・PNG ではありません/);
    assert.match(html, /id="bankAccount-accountNumber-error"/);
    assert.match(html, /value="123456"/, 'what was typed is kept');
    assert.equal((await apps()).length, 0);
    const docs = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from campaign_documents`);
    assert.equal(Number(docs[0]!.n), 0);
  });

  test('a file over the limit is refused by size (6 MB) or by the request limit (100 MB), nothing saved', async () => {
    await applicant.get('/stay/business/apply');
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(6 * 1024 * 1024)]);
    const res = await postMultipart(applicant, '/stay/business/apply', formOf(validApplication(1), { action: 'submit' }), { licenseFile: { name: 'big.pdf', bytes: big, type: 'application/pdf' } });
    assert.equal(res.status, 422);
    assert.match(applicant.lastHtml, /5MB以下のファイルを添付してください/);
    const huge = await postMultipart(applicant, '/stay/business/apply', { action: 'submit' }, { licenseFile: { name: 'huge.pdf', bytes: Buffer.alloc(100 * 1024 * 1024), type: 'application/pdf' } });
    assert.equal(huge.status, 413);
    assert.equal((await apps()).length, 0);
  });

  test('a draft is saved and comes back; the complete application is submitted with its licence copy', async () => {
    await applicant.get('/stay/business/apply');
    const draft = await postMultipart(applicant, '/stay/business/apply', { 'facility.name': 'ホテル青葉', action: 'draft' });
    assert.equal(draft.status, 303);
    assert.deepEqual((await apps()).map((a) => a.status), ['draft']);
    await applicant.get('/stay/business/apply');
    assert.match(applicant.lastHtml, /value="ホテル青葉"/);
    const submission = formOf(validApplication(1), { action: 'submit', _once: applicant.once() });
    const licence = { licenseFile: { name: '許可証.pdf', bytes: PDF_BYTES, type: 'application/pdf' } };
    const res = await postMultipart(applicant, '/stay/business/apply', submission, licence);
    assert.equal(res.status, 303, applicant.lastHtml.slice(0, 2000));
    const [a] = await apps();
    assert.equal(a!.status, 'submitted');
    // Sent twice (a double click): submitted once, one receipt, and the replay goes where the first went.
    const replay = await postMultipart(applicant, '/stay/business/apply', submission, licence);
    assert.equal(replay.status, 303);
    assert.equal(replay.headers.get('location'), '/stay/business');
    assert.equal((await apps()).length, 1);
    const submitted = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'campaign.application.submitted'`);
    assert.equal(Number(submitted[0]!.n), 1);
    const receipts = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from mail_outbox where template = 'campaign.receipt'`);
    assert.equal(Number(receipts[0]!.n), 1);
    const docs = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from campaign_documents`);
    assert.equal(Number(docs[0]!.n), 1, 'the licence copy once');
    await applicant.get('/stay/business');
    assert.match(applicant.lastHtml, new RegExp(a!.number!));
  });

  test('the reviewer sees the data and the document (audited); the applicant cannot download documents', async () => {
    const [a] = await apps();
    await operator.get('/admin/campaign/stay');
    assert.match(operator.lastHtml, /ホテル青葉1/);
    const page = await operator.get(`/admin/campaign/applications/${a!.id}`);
    assert.equal(page.status, 200);
    assert.match(operator.lastHtml, /1234567/);
    const docId = /documents\/(\d+)/.exec(operator.lastHtml)![1];
    const doc = await operator.request(`/admin/campaign/applications/${a!.id}/documents/${docId}`);
    assert.equal(doc.status, 200);
    assert.equal(doc.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(Buffer.from(await doc.arrayBuffer()), PDF_BYTES);
    assert.equal((await applicant.request(`/admin/campaign/applications/${a!.id}/documents/${docId}`)).status, 403);
    const audit = await queryRows<{ action: string }>(env.deps.db, sql`select action from audit_log where action in ('campaign.application.viewed', 'campaign.application.document_viewed')`);
    assert.equal(audit.length, 2);
  });

  test('a review note sent twice is added once; an empty note is refused beside its field', async () => {
    const [a] = await apps();
    const review = `/admin/campaign/applications/${a!.id}`;
    await operator.get(review);
    const key = operator.once();
    assert.equal((await operator.post(`${review}/note`, { _once: key, note: ' ' })).status, 422);
    assert.match(operator.lastHtml, /id="note-error"[^>]*>[\s\S]*?メモを2000文字以内で入力してください/);
    const note = { _once: key, note: '許可証の写しは鮮明です' };
    assert.equal((await operator.post(`${review}/note`, note)).status, 303);
    assert.equal((await operator.post(`${review}/note`, note)).status, 303);
    const notes = await queryRows<{ text: string }>(env.deps.db, sql`select text from campaign_application_events where kind = 'note'`);
    assert.deepEqual(notes.map((n) => n.text), ['許可証の写しは鮮明です']);
    await operator.get(review);
    assert.match(operator.lastHtml, /許可証の写しは鮮明です/);
  });

  test('return → the applicant corrects and resubmits → the reviewer sees the diff → escalate → City answers → approve', async () => {
    const [a] = await apps();
    const review = `/admin/campaign/applications/${a!.id}`;
    await operator.get(review);
    assert.equal((await operator.post(`${review}/decision`, { decision: 'return', reason: '' })).status, 422);
    assert.equal((await operator.post(`${review}/decision`, { decision: 'return', reason: '電話番号を確認してください' })).status, 303);
    await applicant.get('/stay/business/apply');
    assert.match(applicant.lastHtml, /電話番号を確認してください/);
    const resubmit = await postMultipart(applicant, '/stay/business/apply', formOf(validApplication(1), { 'facility.phone': '022-999-0000', action: 'submit' }));
    assert.equal(resubmit.status, 303, applicant.lastHtml.slice(0, 1500));
    await operator.get(review);
    assert.match(operator.lastHtml, /差し戻し後に変更された項目/);
    assert.match(operator.lastHtml, /022-123-4567[\s\S]*022-999-0000/);
    assert.equal((await operator.post(`${review}/decision`, { decision: 'escalate', reason: '許可の種別を確認したい' })).status, 303);
    await city.get('/admin/campaign/stay');
    assert.match(city.lastHtml, new RegExp(a!.number!), 'in the City queue');
    await city.get(review);
    assert.equal((await city.post(`${review}/decision`, { decision: 'answer', recommendation: 'approve', reason: '対象です' })).status, 303);
    await operator.get(review);
    assert.match(operator.lastHtml, /対象です/);
    assert.equal((await operator.post(`${review}/decision`, { decision: 'approve', reason: '' })).status, 303);
    assert.equal((await apps())[0]!.status, 'approved');
    await applicant.get('/stay/business');
    assert.match(applicant.lastHtml, /R-000001/);
    const mails = await queryRows<{ template: string }>(env.deps.db, sql`select template from mail_outbox where template like 'campaign.%' order by id`);
    assert.deepEqual(mails.map((m) => m.template), ['campaign.receipt', 'campaign.returned', 'campaign.receipt', 'campaign.escalated', 'campaign.city_escalated', 'campaign.approved']);
  });
});
