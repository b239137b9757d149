import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { makeToken } from '../../../test/helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { queryRows } from '../../db/client.js';
import { findUserByEmail } from '../../platform/auth/users.js';
import { addDays, tokyoDate } from '../../platform/calendar/index.js';
import { mailScope } from '../../platform/mail/outbox.js';
import { findProgramBySlug } from '../../platform/programs/queries.js';
import type { Program } from '../../platform/programs/schema.js';
import { applicationWindow, campaignConfig } from '../campaign/config.js';
import { DEMO_ALLOCATION_YEN, DEMO_SOLD_OUT } from '../settlement/demo.js';
import { ledgerIsBalanced, programBalances } from '../settlement/ledger.js';
import { facilitiesForUser } from '../settlement/queries.js';
import { committedByDay } from '../settlement/reports.js';
import { DEMO_FACILITIES } from './facilities.js';
import { seedDemoIfEmpty, type DemoLogin } from './seed.js';

describe('the demo installation: a campaign at work for some weeks', () => {
  let env: TestEnv;
  let logins: DemoLogin[];
  let stay: Program;
  let today: string;
  const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(env.deps.db, q);
  before(async () => {
    env = await createTestEnv();
    logins = (await seedDemoIfEmpty(env.deps))!.logins;
    stay = (await findProgramBySlug(env.deps.db, 'demo-stay'))!;
    today = tokyoDate(env.clock.now());
  });
  after(() => env.close());

  test('is seeded once; the campaign started weeks before the seeding day and still takes applications (re-opened)', async () => {
    assert.deepEqual(logins.map((l) => l.role), ['admin', 'operator', 'agent', 'city', 'business']);
    assert.equal(await seedDemoIfEmpty(env.deps), null, 'a second start seeds nothing');
    assert.ok(stay.startsOn! <= today && today <= stay.endsOn!, 'the contract period covers today');
    const cfg = campaignConfig(stay);
    assert.ok(cfg.applicationCloses! < cfg.campaignStarts!, 'applications closed before the campaign started');
    assert.ok(cfg.campaignStarts! <= addDays(today, -8 * 7), `the campaign started weeks ago (${cfg.campaignStarts})`);
    assert.ok(cfg.campaignEnds! > today, 'and runs on');
    assert.deepEqual(applicationWindow(cfg, env.clock.now()), { open: true }, 'the additional recruitment takes applications today');
  });

  test('a few hundred claims across facilities and days: stays reported and approved, some waiting, some still ahead', async () => {
    const [c] = await rows<{ n: number; facilities: number; days: number }>(sql`select count(*)::int as n, count(distinct facility_id)::int as facilities, count(distinct booked_on)::int as days from claims where program_id = ${stay.id}`);
    assert.ok(c!.n >= 200 && c!.n < 1000, `claims in the hundreds: ${c!.n}`);
    assert.ok(c!.facilities >= 30, `across facilities: ${c!.facilities}`);
    assert.ok(c!.days >= 50, `across days: ${c!.days}`);
    const byStatus = Object.fromEntries((await rows<{ status: string; n: number }>(sql`select status, count(*)::int as n from claims where program_id = ${stay.id} group by status`)).map((r) => [r.status, Number(r.n)]));
    for (const s of ['reserved', 'stayed', 'approved', 'paid']) assert.ok((byStatus[s] ?? 0) > 0, `claims ${s}: ${JSON.stringify(byStatus)}`);
    assert.ok(await ledgerIsBalanced(env.deps.db, stay.id), 'the ledger balances');
    // The burn-down chart has a line: money committed day by day since the campaign started.
    const points = await committedByDay(env.deps.db, stay.id);
    assert.ok(points.length >= 10, `burn-down points: ${points.length}`);
    assert.ok(points[0]!.date < addDays(today, -60) && points.at(-1)!.date < today, `${points[0]!.date}..${points.at(-1)!.date}`);
    assert.ok(points.at(-1)!.committed > 0, 'money committed');
  });

  test('one month closed, its 全銀 file written and recorded, and marked paid; the months since wait to be closed', async () => {
    const batches = await rows<{ month: string; status: string; zengin_sha256: string | null; transfer_date: string | null; paid_at: Date | null; claim_count: number; total: number }>(
      sql`select month, status, zengin_sha256, transfer_date::text as transfer_date, paid_at, claim_count, total from payment_batches where program_id = ${stay.id} order by month`,
    );
    assert.equal(batches.length, 1, JSON.stringify(batches));
    const b = batches[0]!;
    assert.equal(b.month, campaignConfig(stay).campaignStarts!.slice(0, 7), 'the month the campaign started');
    assert.equal(b.status, 'paid');
    assert.match(b.zengin_sha256 ?? '', /^[0-9a-f]{64}$/, 'the 全銀 file’s hash is recorded');
    assert.ok(b.transfer_date! < today && new Date(b.paid_at!).getTime() < env.clock.now().getTime(), 'paid before the seeding day');
    assert.ok(Number(b.claim_count) > 10 && Number(b.total) > 0, `the batch holds the month’s stays: ${b.claim_count}`);
    const audit = (await rows<{ action: string }>(sql`select action from audit_log where program_id = ${stay.id} and action in ('settlement.month.closed', 'settlement.zengin.exported', 'settlement.batch.paid')`)).map((r) => r.action).sort();
    assert.deepEqual(audit, ['settlement.batch.paid', 'settlement.month.closed', 'settlement.zengin.exported']);
    const [left] = await rows<{ n: number }>(sql`select count(*)::int as n from claims c where c.program_id = ${stay.id} and c.status = 'approved' and not exists (select 1 from payment_batch_claims m where m.claim_id = c.id)`);
    assert.ok(Number(left!.n) > 0, 'approved stays of later months wait for their close');
  });

  test('two facilities are sold out (販売終了), publicly', async () => {
    const sold = await rows<{ name: string }>(sql`select name from facility_directory where program_id = ${stay.id} and sold_out_on is not null order by name`);
    assert.deepEqual(sold.map((r) => r.name).sort(), [...DEMO_SOLD_OUT].sort());
    const web = new TestBrowser(env.deps);
    const res = await web.get('/demo-stay/facilities?q=' + encodeURIComponent(DEMO_SOLD_OUT[0]!));
    assert.equal(res.status, 200);
    assert.match(web.lastHtml, /販売終了/);
  });

  test('an application escalated to the City waits in the City’s inbox; another waits for the secretariat', async () => {
    const apps = await rows<{ status: string; n: number }>(sql`select status, count(*)::int as n from campaign_applications where program_id = ${stay.id} group by status order by status`);
    assert.deepEqual(apps.map((a) => [a.status, Number(a.n)]), [['escalated', 1], ['submitted', 1]]);
    const city = new TestBrowser(env.deps);
    const login = logins.find((l) => l.role === 'city')!;
    await city.login(login.email, login.password);
    const res = await city.get('/admin/inbox');
    assert.equal(res.status, 200);
    assert.match(city.lastHtml, /市の回答待ちの照会/, 'the escalation is in the City’s inbox');
    assert.match(city.lastHtml, /\/admin\/campaign\/demo-stay\?status=escalated/);
  });

  test('each module seeds its own part through the manifest', async () => {
    const [seeded] = await rows<{ diff: { parts: string[] } }>(sql`select diff from audit_log where action = 'platform.demo.seeded'`);
    const withPart = env.deps.modules.modules.filter((m) => m.demo).map((m) => m.name);
    assert.deepEqual(seeded!.diff.parts, withPart);
    for (const name of ['campaign', 'settlement', 'events', 'calls', 'surveys', 'deliverables', 'privacy', 'records']) assert.ok(withPart.includes(name), `${name} has a demo part`);
    // Calls: a day of call logs and its daily tally submitted to the City.
    const [calls] = await rows<{ n: number; days: number }>(sql`select count(*)::int as n, count(distinct day)::int as days from call_logs where program_id = ${stay.id}`);
    assert.deepEqual([Number(calls!.n), Number(calls!.days)], [10, 1]);
    const [tally] = await rows<{ period: string; submitted: boolean; total: number }>(sql`select period, submitted_at is not null as submitted, total from call_tally_submissions where program_id = ${stay.id}`);
    assert.deepEqual([tally!.period, tally!.submitted, Number(tally!.total)], ['daily', true, 10]);
    // Surveys: the exchange meeting's questionnaire approved by the City, with answers.
    const [survey] = await rows<{ status: string; answers: number }>(sql`select q.status, (select count(*)::int from survey_responses r where r.program_id = q.program_id) as answers from survey_questionnaires q join programs p on p.id = q.program_id where p.slug = 'demo-koryukai'`);
    assert.deepEqual([survey!.status, Number(survey!.answers)], ['approved', 8]);
    // Deliverables: both registers; the campaign's flyer in proof with its first version.
    const proofs = await rows<{ key: string; status: string; versions: number }>(sql`select d.key, d.status, (select count(*)::int from deliverable_versions v where v.deliverable_id = d.id) as versions from deliverables d where d.program_id = ${stay.id} and d.status <> 'planned'`);
    assert.deepEqual(proofs.map((d) => [d.key, d.status, Number(d.versions)]), [['flyer', 'in-proof', 1]]);
    const [registers] = await rows<{ n: number }>(sql`select count(*)::int as n from deliverable_registers`);
    assert.equal(Number(registers!.n), 2, 'both programs have their register');
    const [reg] = await rows<{ n: number }>(sql`select count(*)::int as n from event_registrations r join programs p on p.id = r.program_id where p.slug = 'demo-koryukai'`);
    assert.equal(Number(reg!.n), 20, 'the exchange meeting has its registrations');
    const roster = await rows<{ slug: string; n: number }>(sql`select p.slug, count(*)::int as n from privacy_staff s join programs p on p.id = s.program_id where s.status = 'approved' group by p.slug order by p.slug`);
    assert.deepEqual(roster.map((r) => [r.slug, Number(r.n)]), [['demo-koryukai', 2], ['demo-stay', 3]], 'the City-approved staff rosters');
    // Records: the campaign's work schedule from its preset (the Gantt chart on the records page); the exchange meeting's is left to make.
    const schedules = await rows<{ slug: string; n: number }>(sql`select p.slug, count(*)::int as n from records_schedule_tasks t join programs p on p.id = t.program_id group by p.slug order by p.slug`);
    assert.deepEqual(schedules.map((r) => r.slug), ['demo-stay'], 'the campaign has its schedule');
    assert.ok(Number(schedules[0]!.n) >= 5, `a schedule of several tasks (${schedules[0]!.n})`);
  });

  test('fictional and labelled: every e-mail address ends in .invalid, the programs say デモ', async () => {
    const emails = (await rows<{ email: string }>(sql`select email from users`)).map((r) => r.email);
    assert.ok(emails.length >= 5 && emails.every((e) => e.endsWith('.invalid')), emails.join(', '));
    const mails = await rows<{ program_id: number | null; to_sealed: string }>(sql`select program_id, to_sealed from mail_outbox`);
    assert.ok(mails.length > 0, 'the demo queued mails (receipts, the escalation, statements)');
    for (const m of mails) {
      const to = await env.deps.db.transaction(async (tx) => (await env.deps.vault.box(tx, mailScope(m.program_id))).open(m.to_sealed));
      assert.match(String(to), /\.invalid$/, 'a demo mail goes to an .invalid address');
    }
    const programs = await rows<{ name: string; is_demo: boolean }>(sql`select name, is_demo from programs`);
    assert.ok(programs.every((p) => p.is_demo && p.name.includes('デモ')), JSON.stringify(programs));
    const page = new TestBrowser(env.deps);
    await page.get('/demo-stay');
    assert.match(page.lastHtml, /デモ環境/, 'the デモ banner');
  });

  test('the demo business can register a discounted booking for its facility at once', async () => {
    const b = await programBalances(env.deps.db, stay.id);
    assert.ok(b.allocated <= DEMO_FACILITIES.length * DEMO_ALLOCATION_YEN && b.allocated > (DEMO_FACILITIES.length - 2) * DEMO_ALLOCATION_YEN, `allocated ${b.allocated}`);
    const business = (await findUserByEmail(env.deps.db, 'business@demo.jimukyoku.invalid'))!;
    const [own] = await facilitiesForUser(env.deps.db, stay.id, business.id);
    assert.ok(own, 'the demo business runs a facility');
    const token = await makeToken(env.deps, business.id);
    const app = new TestBrowser(env.deps).app;
    const res = await apiRequest(app, 'POST', '/api/v1/programs/demo-stay/claims', {
      token,
      body: { facilityId: own.id, bookingRef: 'DEMO-NEW-1', bookedOn: today, checkIn: addDays(today, 14), nights: 2, guests: 2, totalPrice: 40_000 },
    });
    assert.equal(res.status, 201, await res.clone().text());
    const body = (await res.json()) as { discount: number; status: string };
    assert.equal(body.status, 'reserved');
    assert.ok(body.discount > 0, 'a discount');
  });
});
