import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { describe, test } from 'node:test';
import { withListening } from '../../../test/helpers/loopback.js';
import { leaveUnread } from './unread-request.js';

/** What became of each request the server answered, by its path. */
interface Seen {
  ended: boolean;
  closed: boolean;
}

/**
 * A server that marks every request unread (when leaveUnread allows), answers with its path, and
 * notes afterwards whether node read the request to its end; `/listened` has a 'close' listener first.
 */
async function withServer(run: (port: number, seen: Map<string, Seen>) => Promise<void>) {
  const seen = new Map<string, Seen>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? '';
    const state: Seen = { ended: false, closed: false };
    seen.set(path, state);
    if (path === '/listened') req.on('close', () => (state.closed = true));
    leaveUnread(req);
    // Listening from here on does not change what leaveUnread decided.
    req.on('end', () => (state.ended = true));
    req.on('close', () => (state.closed = true));
    const body = `answer to ${path}`;
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  await withListening(server, (port) => run(port, seen));
}

/** Sends `requests` at once on one connection; gives the answers' bodies once `answers` came, and whether the server closed. */
function exchange(port: number, requests: string, answers: number): Promise<{ bodies: string[]; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(requests));
    let text = '';
    const done = (closed: boolean) => {
      socket.destroy();
      resolve({ bodies: [...text.matchAll(/answer to (\/[a-z-]+)/g)].map((m) => m[1]!), closed });
    };
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      text += d;
      if ((text.match(/answer to \/[a-z-]+/g) ?? []).length === answers) setTimeout(() => done(false), 100);
    });
    socket.on('end', () => done(true));
    socket.on('error', reject);
  });
}

const request = (method: string, path: string, extra = '', body = '') => `${method} ${path} HTTP/1.1\r\nHost: localhost\r\n${extra}\r\n${body}`;

describe('leaveUnread', () => {
  test('a connection goes on answering after unread requests, with bodies and without, pipelined', async () => {
    await withServer(async (port, seen) => {
      const requests =
        request('GET', '/first') +
        request('GET', '/with-length', 'Content-Length: 5\r\n', 'hello') +
        request('POST', '/chunked', 'Transfer-Encoding: chunked\r\n', '5\r\nhello\r\n0\r\n\r\n') +
        request('GET', '/empty-length', 'Content-Length: 0\r\n') +
        request('GET', '/last');
      const { bodies, closed } = await exchange(port, requests, 5);
      assert.deepEqual(bodies, ['/first', '/with-length', '/chunked', '/empty-length', '/last'], 'every request answered, in order');
      assert.equal(closed, false, 'the connection stays open');
      for (const path of ['/first', '/empty-length', '/last']) {
        assert.deepEqual(seen.get(path), { ended: false, closed: false }, `${path} declares no body: node does not read it after the answer`);
      }
      for (const path of ['/with-length', '/chunked']) {
        assert.equal(seen.get(path)?.ended, true, `${path} declares a body: node reads it past its end, so the next request is parsed`);
      }
    });
  });

  test('a request something listens to is left to node, which ends and closes it', async () => {
    await withServer(async (port, seen) => {
      const { bodies } = await exchange(port, request('GET', '/listened') + request('GET', '/after'), 2);
      assert.deepEqual(bodies, ['/listened', '/after']);
      assert.deepEqual(seen.get('/listened'), { ended: true, closed: true }, 'its listeners hear the end and the close');
    });
  });

  test('a request without node’s own flag is left as it is', () => {
    const req = Object.assign(Object.create(http.IncomingMessage.prototype) as http.IncomingMessage, { headers: {} });
    leaveUnread(req);
    assert.equal((req as { _dumped?: unknown })._dumped, undefined, 'nothing is set on a request node did not make');
  });
});
