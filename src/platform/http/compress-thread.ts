import { Worker } from 'node:worker_threads';
import { errorFields, log } from '../log/index.js';
import { compress, compressOptions, type Coding } from './content-coding.js';

/**
 * Compresses kept public answers on a helper thread, so a new answer's brotli pass (0.1–0.2 ms of
 * CPU for a search page) is not spent on the event loop that answers everyone else: on launch day
 * thousands of first-time queries each need one. Until its copy is back, the answer goes out as it
 * is (valid for any Accept-Encoding); the copy is then kept beside it (public-cache.ts).
 *
 * One thread per process, made on first use and never keeping the process alive. Its code is a
 * few lines of plain JavaScript given to the Worker as text, so it runs the same from src/ through
 * tsx and from the esbuild bundle. If the thread cannot start or fails, compression falls back to
 * this thread, as before.
 */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
parentPort.on('message', (m) => {
  let bytes = null;
  try {
    const out = m.coding === 'gzip' ? zlib.gzipSync(m.bytes, m.options) : zlib.brotliCompressSync(m.bytes, m.options);
    bytes = new Uint8Array(out);
  } catch {}
  parentPort.postMessage({ id: m.id, bytes }, bytes ? [bytes.buffer] : []);
});
`;

/** At most this many answers waiting for the thread: past it, a request leaves its answer uncompressed for now. */
const MAX_WAITING = 1024;

interface Reply {
  id: number;
  bytes: Uint8Array | null;
}

let worker: Worker | null = null;
let broken = false;
let nextId = 0;
const waiting = new Map<number, (bytes: Uint8Array) => void>();

function thread(): Worker | null {
  if (broken) return null;
  if (worker) return worker;
  try {
    const w = new Worker(SOURCE, { eval: true });
    w.on('message', (reply: Reply) => {
      const done = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (waiting.size === 0) w.unref();
      done?.(reply.bytes ?? new Uint8Array(0));
    });
    w.on('error', (err) => stop(err));
    w.on('exit', (code) => stop(new Error(`compression thread exited with ${code}`)));
    // Idle, the thread never keeps the process alive (unref after the listeners: adding one refs it).
    w.unref();
    worker = w;
    return w;
  } catch (err) {
    stop(err);
    return null;
  }
}

/** The thread is gone: what it was compressing is compressed here, and so is everything after. */
function stop(err: unknown): void {
  if (broken) return;
  broken = true;
  worker = null;
  log.warn('compression thread stopped; compressing on the main thread', errorFields(err));
  for (const done of waiting.values()) done(new Uint8Array(0));
  waiting.clear();
}

/**
 * `bytes` compressed with `coding`, made on the helper thread (here when it is unavailable);
 * undefined while too many answers already wait: the caller answers uncompressed and asks later.
 * An empty result means the thread failed on it: the caller compresses here.
 */
export function compressOffThread(bytes: Uint8Array, coding: Coding): Promise<Uint8Array> | undefined {
  const w = thread();
  if (!w) return Promise.resolve(compress(bytes, coding));
  if (waiting.size >= MAX_WAITING) return undefined;
  const id = nextId++;
  // A copy of its own, handed over whole: the kept answer stays usable here.
  const copy = new Uint8Array(bytes);
  return new Promise<Uint8Array>((resolve) => {
    waiting.set(id, (out) => resolve(out.byteLength > 0 ? out : compress(bytes, coding)));
    // Busy, it does: a copy on its way is awaited like any other I/O.
    if (waiting.size === 1) w.ref();
    w.postMessage({ id, coding, options: compressOptions(coding, bytes.byteLength), bytes: copy }, [copy.buffer]);
  });
}
