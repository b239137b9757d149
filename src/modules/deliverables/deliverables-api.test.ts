import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { createApp } from '../../app.js';
import { programs } from '../../platform/programs/schema.js';
import { findProgramBySlug } from '../../platform/programs/queries.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { makeProgram, makeToken, makeUser } from '../../../test/helpers/fixtures.js';
import { apiRequest } from '../../../test/helpers/http.js';
import { DELIVERABLES_INBOX } from './inbox.js';
import { samplePdf, uploadVersion } from './test-helpers.js';

type Item = { id: number; key: string; title: string; dueOn: string | null; status: string; requiredRounds: number; rounds: number; latestVersion: number | null };

describe('deliverables API', () => {
  let env: TestEnv;
  let app: ReturnType<typeof createApp>;
  let op: string;
  let city: string;
  let opEvent: string;

  before(async () => {
    env = await createTestEnv();
    app = createApp(env.deps);
    const c = await makeProgram(env.deps, 'dl-camp', 'campaign');
    const e = await makeProgram(env.deps, 'dl-event', 'event');
    op = await makeToken(env.deps, (await makeUser(env.deps, 'op@example.jp', 'operator', c.id)).id);
    city = await makeToken(env.deps, (await makeUser(env.deps, 'city@example.jp', 'city', c.id)).id);
    opEvent = await makeToken(env.deps, (await makeUser(env.deps, 'op-e@example.jp', 'operator', e.id)).id);
  });
  after(() => env.close());

  const list = async (slug: string, token: string): Promise<Item[]> => {
    const res = await apiRequest(app, 'GET', `/api/v1/programs/${slug}/deliverables`, { token });
    assert.equal(res.status, 200, await res.clone().text());
    return ((await res.json()) as { items: Item[] }).items;
  };

  it('an event lists the seed-000 deliverables and a campaign the seed-002 ones, once', async () => {
    const ev = await list('dl-event', opEvent);
    assert.deepEqual(ev.map((i) => i.key), ['notice-of-commencement', 'lead-person', 'schedule', 'notice-of-completion', 'flyer', 'event-report', 'survey-results', 'video', 'hearing-articles']);
    assert.equal(ev.find((i) => i.key === 'event-report')!.requiredRounds, 4);
    const camp = await list('dl-camp', op);
    assert.deepEqual(camp.map((i) => i.key), ['implementation-plan', 'business-manual', 'creative', 'flyer', 'registry', 'registry-final', 'monthly-report', 'survey-report', 'final-report']);
    assert.equal(camp.find((i) => i.key === 'flyer')!.requiredRounds, 2);
    assert.equal(camp.find((i) => i.key === 'creative')!.requiredRounds, 2);
    const flyer = camp.find((i) => i.key === 'flyer')!;
    assert.deepEqual({ status: flyer.status, rounds: flyer.rounds, latestVersion: flyer.latestVersion, dueOn: flyer.dueOn }, { status: 'planned', rounds: 0, latestVersion: null, dueOn: null });
    assert.equal((await list('dl-camp', city)).length, 9, 'a second read does not seed again');
    // Another program's operator does not see it.
    assert.equal((await apiRequest(app, 'GET', '/api/v1/programs/dl-camp/deliverables', { token: opEvent })).status, 404);
  });

  it('a flyer cannot be approved at round 1 (409 rounds-required) and can at round 2; the trail PDF lists both rounds', async () => {
    const flyer = (await list('dl-camp', op)).find((i) => i.key === 'flyer')!;
    const pdf = await samplePdf(2);
    const up = await uploadVersion(app, op, flyer.id, pdf, 'チラシ初稿.pdf', '初稿');
    assert.equal(up.status, 201, await up.clone().text());
    const v1 = ((await up.json()) as { version: { number: number; contentType: string; size: number } }).version;
    assert.deepEqual([v1.number, v1.contentType, v1.size], [1, 'application/pdf', pdf.length]);
    // The City cannot upload; the operator cannot answer.
    assert.equal((await uploadVersion(app, city, flyer.id, pdf)).status, 403);
    const r1 = await apiRequest(app, 'POST', `/api/v1/deliverables/${flyer.id}/rounds`, { token: op, body: { version: 1 } });
    assert.equal(r1.status, 201, await r1.clone().text());
    assert.equal(((await r1.json()) as { round: { number: number } }).round.number, 1);
    assert.equal((await apiRequest(app, 'POST', `/api/v1/deliverables/${flyer.id}/rounds`, { token: op, body: { version: 1 } })).status, 409, 'round 1 is still open');
    assert.equal((await apiRequest(app, 'POST', `/api/v1/deliverables/${flyer.id}/rounds/1/answer`, { token: op, body: { decision: 'approve' } })).status, 403);
    const early = await apiRequest(app, 'POST', `/api/v1/deliverables/${flyer.id}/rounds/1/answer`, { token: city, body: { decision: 'approve' } });
    assert.equal(early.status, 409);
    assert.equal(((await early.json()) as { code: string }).code, 'rounds-required');
    const comments = await apiRequest(app, 'POST', `/api/v1/deliverables/${flyer.id}/rounds/1/answer`, {
      token: city,
      body: { decision: 'comments', comments: [{ text: '全体に文字を大きく' }, { page: 1, x: 0.5, y: 0.25, text: '見出しの色を市のロゴ色に' }] },
    });
    assert.equal(comments.status, 200, await comments.clone().text());
    assert.equal((await list('dl-camp', op)).find((i) => i.id === flyer.id)!.status, 'in-proof');
    assert.equal((await uploadVersion(app, op, flyer.id, await samplePdf(2, '第二稿'), 'チラシ第二稿.pdf')).status, 201);
    assert.equal((await apiRequest(app, 'POST', `/api/v1/deliverables/${flyer.id}/rounds`, { token: op, body: { version: 2 } })).status, 201);
    // Delivery before 校了 is refused.
    assert.equal((await apiRequest(app, 'POST', `/api/v1/deliverables/${flyer.id}/delivery`, { token: op, body: { deliveredOn: '2026-06-10', form: '印刷物', quantity: 3000 } })).status, 409);
    const ok = await apiRequest(app, 'POST', `/api/v1/deliverables/${flyer.id}/rounds/2/answer`, { token: city, body: { decision: 'approve' } });
    assert.equal(ok.status, 200, await ok.clone().text());
    const item = (await list('dl-camp', op)).find((i) => i.id === flyer.id)!;
    assert.deepEqual([item.status, item.rounds, item.latestVersion], ['approved', 2, 2]);
    const delivered = await apiRequest(app, 'POST', `/api/v1/deliverables/${flyer.id}/delivery`, { token: op, body: { deliveredOn: '2026-06-10', form: '印刷物＋PDF', quantity: 3000 } });
    assert.equal(delivered.status, 201, await delivered.clone().text());
    assert.equal(((await delivered.json()) as { deliverable: { status: string; quantity: number } }).deliverable.status, 'delivered');
    assert.equal((await apiRequest(app, 'POST', `/api/v1/deliverables/${flyer.id}/receipt`, { token: city })).status, 200);
    assert.equal((await apiRequest(app, 'POST', `/api/v1/deliverables/${flyer.id}/receipt`, { token: city })).status, 409, 'receipt once');

    const trail = await apiRequest(app, 'GET', `/api/v1/deliverables/${flyer.id}/trail.pdf`, { token: city });
    assert.equal(trail.status, 200);
    const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(await trail.arrayBuffer()) }).toString('utf8');
    for (const want of ['校正 第1回', '校正 第2回', '見出しの色を市のロゴ色に', '全体に文字を大きく', '納品']) assert.ok(text.includes(want), `trail has ${want}: ${text}`);

    const { auditLog } = await import('../../platform/audit/schema.js');
    const actions = (await env.deps.db.select({ a: auditLog.action }).from(auditLog)).map((r) => r.a);
    for (const a of ['deliverables.version.uploaded', 'deliverables.round.sent', 'deliverables.round.commented', 'deliverables.round.approved', 'deliverables.delivery.recorded', 'deliverables.delivery.received']) assert.ok(actions.includes(a as never), `audited ${a}`);
  });

  it('approval before the required rounds goes through with a reason', async () => {
    const creative = (await list('dl-camp', op)).find((i) => i.key === 'creative')!;
    assert.equal((await uploadVersion(app, op, creative.id, await samplePdf(1))).status, 201);
    assert.equal((await apiRequest(app, 'POST', `/api/v1/deliverables/${creative.id}/rounds`, { token: op, body: { version: 1 } })).status, 201);
    const res = await apiRequest(app, 'POST', `/api/v1/deliverables/${creative.id}/rounds/1/answer`, { token: city, body: { decision: 'approve', reason: '掲載枠の締切のため' } });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(((await res.json()) as { round: { reason: string } }).round.reason, '掲載枠の締切のため');
  });

  it('checks the type by content and the size limit from the program setting', async () => {
    const plan = (await list('dl-camp', op)).find((i) => i.key === 'implementation-plan')!;
    const fake = await uploadVersion(app, op, plan.id, new TextEncoder().encode('not a pdf at all'), 'plan.pdf');
    assert.equal(fake.status, 415, await fake.clone().text());
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e1a5a80000000049454e44ae426082', 'hex');
    const img = await uploadVersion(app, op, plan.id, png, 'photo.pdf');
    assert.equal(img.status, 201);
    assert.equal(((await img.json()) as { version: { contentType: string } }).version.contentType, 'image/png', 'the content decides, not the name');
    const p = (await findProgramBySlug(env.deps.db, 'dl-camp'))!;
    await env.deps.db.update(programs).set({ settings: { ...p.settings, deliverableMaxUploadMb: 1 } }).where(eq(programs.id, p.id));
    const big = Buffer.concat([await samplePdf(1), Buffer.alloc(1024 * 1024 + 10)]);
    assert.equal((await uploadVersion(app, op, plan.id, big)).status, 413);
    await env.deps.db.update(programs).set({ settings: p.settings }).where(eq(programs.id, p.id));
    assert.equal((await apiRequest(app, 'POST', `/api/v1/deliverables/${plan.id}/rounds`, { token: op, body: { version: 9 } })).status, 422);
  });

  it('overdue deliverables reach the operators and the City', async () => {
    const p = (await findProgramBySlug(env.deps.db, 'dl-camp'))!;
    const { deliverables } = await import('./schema.js');
    await env.deps.db.update(deliverables).set({ dueOn: '2026-05-20' }).where(eq(deliverables.key, 'monthly-report'));
    const labels = async (role: 'operator' | 'city') => {
      const out: Array<{ label: string; count: number; due?: string | null }> = [];
      for (const box of DELIVERABLES_INBOX.filter((b) => b.roles.includes(role))) out.push(...(await box.items(env.deps, p, [role])));
      return out.filter((i) => i.count > 0);
    };
    const opItems = await labels('operator');
    const cityItems = await labels('city');
    const overdueOp = opItems.find((i) => i.label === '期限を過ぎた成果物');
    const overdueCity = cityItems.find((i) => i.label === '期限を過ぎた成果物');
    assert.ok(overdueOp && overdueOp.count === 1 && overdueOp.due === '2026-05-20', `operator inbox: ${JSON.stringify(opItems)}`);
    assert.ok(overdueCity && overdueCity.count === 1, `city inbox: ${JSON.stringify(cityItems)}`);
  });
});
