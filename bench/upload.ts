/**
 * npm run bench:upload (node --expose-gc --import tsx bench/upload.ts) — a large deliverable
 * upload (issue #17) keeps the server's memory flat: BENCH_UPLOAD_MB (default 500) of a video
 * (an MP4 header, then filler) is streamed as multipart to POST /api/v1/deliverables/{id}/versions
 * on a real node:http server (the app as src/server.ts builds it), embedded database on disk.
 * The client writes 1 MiB chunks with backpressure from the same process (its own footprint is
 * one chunk). Memory is sampled every 100 ms; the figures printed are the process's RSS and heap
 * before, at peak during, and after the upload, and the throughput.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.js';
import { createHttpServer } from '../src/platform/http/http-server.js';
import { listDeliverables } from '../src/modules/deliverables/index.js';
import { createTestEnv } from '../test/helpers/deps.js';
import { makeProgram, makeToken, makeUser } from '../test/helpers/fixtures.js';

process.env.LOG_LEVEL = 'silent';
const MB = Number(process.env.BENCH_UPLOAD_MB ?? 500);
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

const env = await createTestEnv({ LOG_LEVEL: 'silent' }, { realClock: true, onDisk: true });
const program = await makeProgram(env.deps, 'bench-upload', 'event');
const token = await makeToken(env.deps, (await makeUser(env.deps, 'bench-op@example.jp', 'operator', program.id)).id);
const server = createHttpServer(createApp(env.deps), env.deps);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as AddressInfo).port;
const get = (path: string) =>
  new Promise<string>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
await get(`/api/v1/programs/${program.slug}/deliverables`);
const video = (await listDeliverables(env.deps.db, program.id)).find((d) => d.key === 'video')!;

const boundary = '----jimukyoku-bench-' + Date.now();
const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nbench\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="video.mp4"\r\nContent-Type: video/mp4\r\n\r\n`);
const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
const fileBytes = MB * 1024 * 1024;
const chunk = Buffer.alloc(1024 * 1024, 0x5a);
const first = Buffer.from(chunk);
Buffer.from('00000018667479706d703432', 'hex').copy(first, 0); // ....ftypmp42

global.gc?.();
const before = process.memoryUsage();
let peakRss = before.rss;
let peakHeap = before.heapUsed;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 100);

const started = Date.now();
const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
  const req = http.request(
    { host: '127.0.0.1', port, method: 'POST', path: `/api/v1/deliverables/${video.id}/versions`, headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + fileBytes + tail.length) } },
    (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    },
  );
  req.on('error', reject);
  (async () => {
    req.write(head);
    for (let sent = 0; sent < fileBytes; sent += chunk.length) {
      if (!req.write(sent === 0 ? first : chunk)) await new Promise((r) => req.once('drain', r));
    }
    req.end(tail);
  })().catch(reject);
});
const seconds = (Date.now() - started) / 1000;
clearInterval(sampler);
global.gc?.();
const afterMem = process.memoryUsage();

console.log(`upload of ${MB} MB: HTTP ${answer.status} ${answer.body.slice(0, 160)}`);
console.log(`time ${seconds.toFixed(1)} s (${(MB / seconds).toFixed(0)} MB/s, encrypting with AES-256-GCM to DATA_DIR)`);
console.log(`RSS   before ${mib(before.rss)}, peak ${mib(peakRss)} (+${mib(peakRss - before.rss)}), after ${mib(afterMem.rss)}`);
console.log(`heap  before ${mib(before.heapUsed)}, peak ${mib(peakHeap)} (+${mib(peakHeap - before.heapUsed)}), after ${mib(afterMem.heapUsed)}`);
console.log(`(file ${mib(fileBytes)}; the peak RSS growth is what the server and client held at most)`);
await new Promise<void>((r) => server.close(() => r()));
await env.close();
if (answer.status !== 201) process.exit(1);
