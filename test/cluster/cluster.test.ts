/**
 * npm run test:cluster — several app instances behind HAProxy on one PostgreSQL primary with a
 * streaming replica, all on loopback, started and stopped here (see cluster-kit.ts). Proves what
 * the README's "Several instances" promises: sessions and CSRF tokens work across instances, a
 * change made through one instance reaches every instance's search within a second, a job runs
 * once with three workers, and a rolling restart under load fails no request.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../src/config/index.js';
import { INSTALLATION } from '../../src/modules/index.js';
import { openDeps } from '../../src/platform/bootstrap.js';
import type { Deps } from '../../src/platform/deps.js';
import { queueMail } from '../../src/platform/mail/outbox.js';
import { validApplication } from '../../src/modules/campaign/test-helpers.js';
import { cli } from '../helpers/cli.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import { clusterPrerequisites, freePort, makeRoot, startHaproxy, startInstance, startPostgresPair, waitFor, type AppInstance, type PgNode } from './cluster-kit.js';

const missing = clusterPrerequisites();
const SLUG = 'cluster-stay';
const PASSWORD = 'cluster-Passw0rd-long-enough';
const OPERATOR = 'operator@cluster.example.jp';
const METRICS_TOKEN = crypto.randomBytes(24).toString('hex');

async function metric(baseUrl: string, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? NaN : Number(line.split(' ')[1]);
}

/** Applies through one instance's API and approves through another's: a new facility named `name`. */
async function approveFacility(createOn: string, decideOn: string, token: string, n: number, name: string): Promise<void> {
  const created = await fetch(`${createOn}/api/v1/programs/${SLUG}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validApplication(n, { facility: { name } })),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const { id } = (await created.json()) as { id: number };
  const approved = await fetch(`${decideOn}/api/v1/applications/${id}/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ decision: 'approve', reason: '' }),
  });
  assert.equal(approved.status, 200, await approved.clone().text());
}

async function searchTotal(baseUrl: string, q: string): Promise<number> {
  const r = await fetch(`${baseUrl}/api/v1/programs/${SLUG}/facilities?q=${encodeURIComponent(q)}`);
  return r.status === 200 ? ((await r.json()) as { total: number }).total : -1;
}

/** A browser's cookie jar over plain fetch, for talking to one instance or another. */
class Jar {
  cookies = new Map<string, string>();
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  }
}

describe('cluster: three instances behind HAProxy on a PostgreSQL primary with a streaming replica', { skip: missing ?? false }, () => {
  const root = makeRoot();
  let primary: PgNode;
  let replica: PgNode;
  let setup: Deps;
  let instances: AppInstance[] = [];
  let haproxy: Awaited<ReturnType<typeof startHaproxy>>;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let env: Record<string, string>;
  let proxyUrl = '';
  let token = '';

  before(async () => {
    ({ primary, replica } = await startPostgresPair(root));
    smtp = await startSmtpSink();
    env = {
      DATABASE_URL: primary.url,
      DATABASE_READ_URL: replica.url,
      READ_MAX_LAG_MS: '2000',
      METRICS_TOKEN: METRICS_TOKEN,
      JIMUKYOKU_MASTER_KEY: crypto.randomBytes(32).toString('hex'),
      DATA_DIR: root,
      SMTP_URL: smtp.url,
      TRUST_PROXY: 'true',
      DRAIN_MS: '1500',
      LOG_LEVEL: 'warn',
      // The load generator is one client address (HAProxy's): no per-client cap here.
      MAX_IN_FLIGHT_PER_CLIENT: '0',
      SHED_LAG_MS: '0',
    };
    // Migrations and the program, user and token, as an operator would set them up with the CLI.
    setup = await openDeps(loadConfig({ ...env, LOG_LEVEL: 'silent' }), { modules: INSTALLATION });
    const run = async (argv: string[], stdin = '') => {
      const r = await cli(setup, argv, stdin);
      assert.equal(r.code, 0, `${argv.join(' ')}: ${r.err}`);
      return r;
    };
    await run(['program', 'create', '--kind', 'campaign', '--slug', SLUG, '--name', 'クラスタ宿泊キャンペーン']);
    // Recruiting today (the instances run on the real clock), the campaign itself later.
    const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    await run(['program', 'set', SLUG, 'requireTwoFactor=false', `applicationOpens=${day(-30)}`, `applicationCloses=${day(60)}`, `campaignStarts=${day(90)}`, `campaignEnds=${day(180)}`, 'termsText=第1条 目的']);
    await run(['user', 'create', '--email', OPERATOR, '--role', 'operator', '--program', SLUG, '--password-stdin'], `${PASSWORD}\n`);
    token = (await run(['token', 'create', '--email', OPERATOR, '--name', 'cluster'])).out.trim();
    const ports = [await freePort(), await freePort(), await freePort()];
    instances = await Promise.all(ports.map((p) => startInstance(env, p)));
    haproxy = await startHaproxy(root, ports);
    proxyUrl = `http://127.0.0.1:${haproxy.port}`;
  });

  after(async () => {
    haproxy?.stop();
    await Promise.all(instances.map((i) => i.stop()));
    await setup?.database.close();
    await smtp?.close();
    replica?.stop();
    primary?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('a CSRF token from one instance is accepted by another, and the session then works on the third', async () => {
    const [a, b, c] = instances;
    const jar = new Jar();
    const form = await (await jar.fetch(`${a!.baseUrl}/login`)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)?.[1];
    assert.ok(csrf, 'the login form carries a CSRF token');
    const login = await jar.fetch(`${b!.baseUrl}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: b!.baseUrl },
      body: new URLSearchParams({ _csrf: csrf, email: OPERATOR, password: PASSWORD }).toString(),
    });
    assert.equal(login.status, 303, `signed in on the second instance (status ${login.status})`);
    const home = await jar.fetch(`${c!.baseUrl}/admin`);
    assert.equal(home.status, 200, 'the session from the second instance works on the third');
    assert.match(await home.text(), /クラスタ宿泊キャンペーン/);
  });

  test('a facility approved through one instance is in every instance\'s search within a second', async () => {
    const [a, b] = instances;
    await approveFacility(a!.baseUrl, b!.baseUrl, token, 7, 'クラスタ確認ホテル');
    const at = Date.now();
    const seenAfter = await Promise.all(
      instances.map(async (i) => {
        await waitFor(`search on ${i.port}`, async () => (await searchTotal(i.baseUrl, 'クラスタ確認')) === 1, 10_000);
        return Date.now() - at;
      }),
    );
    for (const ms of seenAfter) assert.ok(ms <= 1000, `every instance finds the facility within 1 s (took ${seenAfter.join(', ')} ms)`);
    // Those searches were read from the replica.
    assert.equal(await metric(a!.baseUrl, 'jimukyoku_read_replica_in_use'), 1, 'the replica is in use');
    assert.ok((await metric(a!.baseUrl, 'jimukyoku_lagging_reads_total', '{target="replica"}')) > 0, 'search read the replica');
  });

  test('with the replica\'s replay paused, search answers from the primary once the lag passes READ_MAX_LAG_MS; resumed, it goes back', async () => {
    const [a, b, c] = instances;
    replica.psql('select pg_wal_replay_pause()');
    try {
      await approveFacility(b!.baseUrl, c!.baseUrl, token, 8, 'レプリカ停止中ホテル');
      assert.equal(replica.psql("select count(*) from facilities where name = 'レプリカ停止中ホテル'"), '0', 'the paused replica does not have it');
      const at = Date.now();
      for (const i of instances) await waitFor(`search on ${i.port} from the primary`, async () => (await searchTotal(i.baseUrl, 'レプリカ停止中')) === 1, 10_000);
      const took = Date.now() - at;
      console.log(`replica paused: every instance found the new facility from the primary after ${took} ms`);
      assert.ok(took <= 2000 + 500 + 1000 + 1500, `within the lag bound, a lag check and an index check (took ${took} ms)`);
      assert.equal(await metric(a!.baseUrl, 'jimukyoku_read_replica_in_use'), 0, 'reads went to the primary');
    } finally {
      replica.psql('select pg_wal_replay_resume()');
    }
    await waitFor('the replica back in use', async () => (await metric(a!.baseUrl, 'jimukyoku_read_replica_in_use')) === 1, 10_000);
  });

  test('mails queued once are sent once, with three workers claiming', async () => {
    const before = smtp.messages.length;
    await setup.db.transaction(async (tx) => {
      for (let i = 0; i < 30; i++) await queueMail(tx, setup, { programId: null, template: 'cluster.test', to: `person${i}@cluster.example.jp`, subject: `クラスタ ${i}`, text: `本文 ${i}` });
    });
    // Only these: the earlier tests' application mails may still be on their way.
    const ours = () => smtp.messages.slice(before).map((m) => m.to[0] ?? '').filter((to) => /^person\d+@cluster\.example\.jp$/.test(to));
    await waitFor('30 mails', () => ours().length >= 30, 60_000);
    await new Promise((r) => setTimeout(r, 1500));
    const sent = ours().sort();
    assert.equal(sent.length, 30, 'thirty messages, no duplicates');
    assert.equal(new Set(sent).size, 30);
  });

  test('a rolling restart under load (SIGTERM each instance in turn) fails no request', async () => {
    let ok = 0;
    const failures: string[] = [];
    let running = true;
    const paths = ['/healthz', `/${SLUG}`, `/api/v1/programs/${SLUG}/facilities`, `/${SLUG}/facilities?q=${encodeURIComponent('ホテル')}`];
    const client = async (k: number) => {
      for (let n = k; running; n++) {
        const p = paths[n % paths.length]!;
        try {
          const r = await fetch(`${proxyUrl}${p}`);
          await r.arrayBuffer();
          if (r.status === 200) ok++;
          else failures.push(`${p}: ${r.status}`);
        } catch (e) {
          failures.push(`${p}: ${(e as Error).message}`);
        }
      }
    };
    const load = Promise.all(Array.from({ length: 4 }, (_, k) => client(k)));
    for (let i = 0; i < instances.length; i++) {
      const old = instances[i]!;
      const code = await old.stop();
      assert.equal(code, 0, `instance ${i + 1} exits 0 after SIGTERM\n${old.output()}`);
      instances[i] = await startInstance(env, old.port);
      // Back in HAProxy's rotation (rise 2 × 400 ms) before the next one goes.
      await new Promise((r) => setTimeout(r, 1500));
    }
    running = false;
    await load;
    console.log(`rolling restart: ${ok} requests answered 200, ${failures.length} failed`);
    assert.ok(ok > 100, `the load generator ran (${ok} answers)`);
    assert.deepEqual(failures.slice(0, 20), [], `no failed request (of ${ok + failures.length}); haproxy:\n${haproxy.output()}`);
  });
});
