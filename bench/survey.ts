/**
 * npm run bench:survey — on the embedded database and, when DATABASE_URL is set, on PostgreSQL, in
 * one run:
 *  (a) BENCH_RESPONSES (default 100,000) web responses loaded in bulk (one INSERT … SELECT), then
 *      the tally of every question (target under 2 s);
 *  (b) the report PDF (all questions, one cross-tab) built from that tally;
 *  (c) responses/s accepted by POST /api/v1/programs/{slug}/survey/responses over a real HTTP
 *      server, from 64 concurrent keep-alive connections (BENCH_API_REQUESTS, default 5,000;
 *      every 5th with a lottery entry), checked afterwards: every request 201, entries counted.
 */
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/client.js';
import { pdfToBuffer } from '../src/platform/pdf/index.js';
import { findProgramBySlug } from '../src/platform/programs/queries.js';
import { activeQuestionnaire } from '../src/modules/surveys/queries.js';
import { drawReport } from '../src/modules/surveys/report.js';
import { crossTab, tallySurvey } from '../src/modules/surveys/tally.js';
import { answersFor, makeSurvey } from '../src/modules/surveys/test-helpers.js';
import { cli } from '../test/helpers/cli.js';
import { createTestEnv } from '../test/helpers/deps.js';
import { startAppServer, TestBrowser } from '../test/helpers/http.js';

const N = Number(process.env.BENCH_RESPONSES ?? 100_000);
const API = Number(process.env.BENCH_API_REQUESTS ?? 5_000);
const CONNECTIONS = 64;

function post(agent: http.Agent, port: number, path: string, body: unknown): Promise<number> {
  const data = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    // A reset connection (the server under load) is counted as status 0, not the end of the run.
    req.on('error', () => resolve(0));
    req.end(data);
  });
}

async function run(label: string, onDisk: boolean): Promise<void> {
  const env = await createTestEnv({ MAX_IN_FLIGHT: '5000', MAX_IN_FLIGHT_PER_CLIENT: '0', SHED_LAG_MS: '0', DATABASE_WAIT_MS: '60000', DATABASE_POOL_SIZE: '32' }, { onDisk });
  try {
    const browser = new TestBrowser(env.deps);
    const { program } = await makeSurvey(env.deps, browser.app, 'bench-survey');
    // 64 connections from one address: lift the per-client limit of the public survey.
    await cli(env.deps, ['program', 'set', 'bench-survey', 'surveyResponsesPerClient=0']);
    const q = (await activeQuestionnaire(env.deps.db, program.id))!;
    let t = performance.now();
    await env.deps.db.execute(sql`
      insert into survey_responses (program_id, questionnaire_id, channel, facility_code, answers, receipt, created_at)
      select ${program.id}, ${q.id}, case when i % 10 = 0 then 'paper' else 'web' end, (i % 200)::text,
        jsonb_build_object('sat', 1 + i % 5, 'purpose', case when i % 3 = 0 then 'business' else 'leisure' end,
          'found', case when i % 2 = 0 then '["web","sns"]'::jsonb else '["other"]'::jsonb end,
          'nights', 1 + i % 4, 'comment', 'コメント ' || (i % 1000)::text),
        'B' || i::text, now() - (i % 30) * interval '1 day'
      from generate_series(1, ${N}) as g(i)`);
    const loadMs = performance.now() - t;
    t = performance.now();
    const tally = await tallySurvey(env.deps.db, program.id, q.questions);
    const tallyMs = performance.now() - t;
    if (tally.responses !== N) throw new Error(`tally counted ${tally.responses} of ${N}`);
    t = performance.now();
    const cells = await crossTab(env.deps.db, program.id, 'sat', 'purpose');
    const p = (await findProgramBySlug(env.deps.db, 'bench-survey'))!;
    const pdf = await pdfToBuffer((doc) => drawReport(doc, { program: p, title: q.title, version: q.version, questions: q.questions, tally, crossTabs: [{ a: q.questions[1]!, b: q.questions[2]!, cells }], period: '全期間', today: '2026-06-01' }), { title: q.title });
    const pdfMs = performance.now() - t;
    console.log(`${label}:`);
    console.log(`  bulk load of ${N.toLocaleString()} responses: ${(loadMs / 1000).toFixed(1)} s`);
    console.log(`  tally of ${N.toLocaleString()} responses (${q.questions.length} questions): ${tallyMs.toFixed(0)} ms = ${(tallyMs / 2000).toFixed(2)} × the 2 s target ${tallyMs < 2000 ? '(under it)' : '(OVER it)'}`);
    console.log(`  report PDF (${(pdf.length / 1024).toFixed(0)} KiB, with one cross-tab): ${pdfMs.toFixed(0)} ms`);

    const server = await startAppServer(env.deps);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    let next = 0;
    const statuses = new Map<number, number>();
    t = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        for (let i = next++; i < API; i = next++) {
          const body: Record<string, unknown> = { answers: answersFor(i) };
          if (i % 5 === 0) body.lottery = { name: `負荷 ${i}`, postalCode: '9800811', address: '仙台市青葉区', phone: `090${String(10_000_000 + i)}`, email: `bench${i}@example.jp`, consent: true };
          const s = await post(agent, server.port, '/api/v1/programs/bench-survey/survey/responses', body);
          statuses.set(s, (statuses.get(s) ?? 0) + 1);
        }
      }),
    );
    const apiMs = performance.now() - t;
    agent.destroy();
    await server.close();
    const [entries] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from survey_entries where program_id = ${program.id}`);
    const ok = statuses.get(201) ?? 0;
    console.log(`  API: ${API} responses from ${CONNECTIONS} connections in ${(apiMs / 1000).toFixed(1)} s = ${(ok / (apiMs / 1000)).toFixed(0)} responses/s accepted; statuses ${JSON.stringify(Object.fromEntries(statuses))}; entries ${Number(entries!.n)} (expected ${Math.ceil(API / 5)})`);
  } finally {
    await env.close();
  }
}

const pgUrl = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;
await run('embedded (PGlite on disk)', true);
if (pgUrl) {
  process.env.DATABASE_URL = pgUrl;
  await run('PostgreSQL', false);
} else {
  console.log('PostgreSQL: skipped (set DATABASE_URL to a server the bench may create a database on)');
}
process.exit(0);
