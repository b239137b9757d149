import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { createApp } from '../../src/app.js';
import { createHttpServer } from '../../src/platform/http/http-server.js';
import { enqueueJob } from '../../src/platform/jobs/queue.js';
import { startMetricsServer } from '../../src/platform/metrics/server.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';

const TOKEN = 'metrics-token-for-the-test-0123456789';

function family(text: string, name: string) {
  const f = parsePrometheusTextFormat(text).find((x) => x.name === name);
  assert.ok(f, `${name} is in /metrics`);
  return f;
}

describe('/metrics (Prometheus text format, not public)', () => {
  let env: TestEnv;
  let server: http.Server;
  let base: string;
  before(async () => {
    env = await createTestEnv({ METRICS_TOKEN: TOKEN });
    server = createHttpServer(createApp(env.deps), env.deps);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await env.close();
  });

  test('without the token, or with a wrong one, /metrics is 404', async () => {
    assert.equal((await fetch(`${base}/metrics`)).status, 404);
    assert.equal((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-the-same-size-00000' } })).status, 404);
  });

  test('with the token it parses as Prometheus text: requests by route, cache, pool, jobs, outbox, event-loop lag', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await fetch(`${base}/healthz`)).status, 200);
    assert.equal((await fetch(`${base}/no/such/page`)).status, 404);
    await enqueueJob(env.deps.db, { kind: 'metrics-test', runAt: new Date(Date.now() - 60_000) });
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const text = await res.text();

    const requests = family(text, 'jimukyoku_http_requests_total');
    assert.equal(requests.type, 'COUNTER');
    const health = requests.metrics.find((m) => m.labels?.route === '/healthz' && m.labels?.status === '200');
    assert.equal(health?.value, '3', 'three /healthz answers counted under their route pattern');
    assert.ok(!requests.metrics.some((m) => m.labels?.route === '/no/such/page'), 'an unknown URL never becomes a route label');

    const duration = family(text, 'jimukyoku_http_request_duration_seconds');
    assert.equal(duration.type, 'HISTOGRAM');
    // The parser folds a labelled histogram's series together: read the count line as exposed.
    assert.match(text, /^jimukyoku_http_request_duration_seconds_count\{method="GET",route="\/healthz"\} 3$/m);

    assert.equal(family(text, 'jimukyoku_jobs_due').metrics[0]?.value, '1');
    assert.ok(Number(family(text, 'jimukyoku_jobs_oldest_due_seconds').metrics[0]?.value) >= 59, 'the oldest due job waited a minute');
    assert.equal(family(text, 'jimukyoku_mail_outbox_queued').metrics[0]?.value, '0');
    const pool = family(text, 'jimukyoku_database_connections');
    assert.ok(Number(pool.metrics.find((m) => m.labels?.state === 'size')?.value) > 0, 'the pool (or turns) size is reported');
    family(text, 'jimukyoku_http_in_flight');
    family(text, 'jimukyoku_http_shed_total');
    family(text, 'jimukyoku_public_cache_hits_total');
    family(text, 'jimukyoku_nodejs_eventloop_lag_seconds');
  });

  test('every metric the sample Grafana dashboard (docs/ops/grafana-dashboard.json) charts is exposed', async () => {
    const dashboard = JSON.parse(fs.readFileSync('docs/ops/grafana-dashboard.json', 'utf8')) as { panels: Array<{ targets: Array<{ expr: string }> }> };
    const charted = new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((t) => [...t.expr.matchAll(/jimukyoku_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, '')))));
    const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    const exposed = new Set(parsePrometheusTextFormat(text).map((f) => f.name));
    // The read replica's metrics exist only with DATABASE_READ_URL (the cluster test reads them).
    const missing = [...charted].filter((n) => !exposed.has(n) && !/^jimukyoku_read_replica_/.test(n));
    assert.deepEqual(missing, [], 'charted but not exposed');
    assert.ok(charted.size >= 12, `the dashboard charts the app's metrics (${charted.size})`);
  });

  test('METRICS_PORT serves the same without a token, and nothing else', async () => {
    const side = startMetricsServer(env.deps, { hits: 7, misses: 2, size: 1, bytes: 100 }, 0, '127.0.0.1');
    await new Promise<void>((r) => (side.listening ? r() : side.once('listening', () => r())));
    const sideBase = `http://127.0.0.1:${(side.address() as AddressInfo).port}`;
    try {
      const text = await (await fetch(`${sideBase}/metrics`)).text();
      assert.ok(Number(family(text, 'jimukyoku_public_cache_hits_total').metrics[0]?.value) >= 7, 'the watched cache is counted');
      assert.equal((await fetch(`${sideBase}/healthz`)).status, 404);
    } finally {
      side.close();
    }
  });
});
