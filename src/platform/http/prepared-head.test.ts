import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { describe, test } from 'node:test';
import { withListening } from '../../../test/helpers/loopback.js';
import { KeepAliveTail, prepareHead, writePrepared } from './prepared-head.js';

/**
 * A prepared head must be what node's writeHead writes, byte for byte (but the Date, which both take
 * from the clock): these ask one server for the same answer written both ways, on one kept-alive
 * connection, over a raw socket.
 */
const BODY = Buffer.from('{"total":1,"items":[]}');
const LIST = ['cache-control', 'public, max-age=30', 'content-type', 'application/json; charset=utf-8', 'x-request-id', '', 'x-frame-options', 'DENY', 'Content-Length', String(BODY.byteLength)];
const REQUEST_ID = '0b6f2a55-5d52-4a8b-9f3e-2f1d0c7a9e41';

async function withServer(run: (port: number, server: http.Server) => Promise<void>, maxRequestsPerSocket = 0) {
  const head = prepareHead(LIST, 5)!;
  const server = http.createServer((req, res) => {
    const tail = new KeepAliveTail(server).now();
    if (req.url === '/prepared' && tail !== null && writePrepared(req, res, head, tail, REQUEST_ID, BODY)) return;
    const flat = [...LIST];
    flat[5] = REQUEST_ID;
    res.writeHead(200, flat);
    res.end(BODY);
  });
  server.maxRequestsPerSocket = maxRequestsPerSocket;
  await withListening(server, (port) => run(port, server));
}

/** Sends `requests` on one connection and gives what came back once `answers` answers (or the close) arrived. */
function exchange(port: number, requests: string, answers: number): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(requests));
    let text = '';
    const done = (closed: boolean) => {
      socket.destroy();
      resolve({ text, closed });
    };
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      text += d;
      if (text.split('HTTP/1.1 200 OK').length - 1 === answers && text.endsWith(BODY.toString())) setTimeout(() => done(false), 50);
    });
    socket.on('end', () => done(true));
    socket.on('error', reject);
  });
}

const GET = (path: string, extra = '', version = '1.1') => `GET ${path} HTTP/${version}\r\nHost: localhost\r\n${extra}\r\n`;
const sameSecond = (text: string) => text.replace(/Date: [^\r]+/g, 'Date: (now)');

describe('prepared heads', () => {
  test('a prepared answer is the bytes writeHead writes, and the connection stays open for the next request', async () => {
    await withServer(async (port) => {
      const { text, closed } = await exchange(port, GET('/prepared') + GET('/written') + GET('/prepared'), 3);
      assert.equal(closed, false, 'the connection stays open after the answers');
      const answers = sameSecond(text).split(/(?=HTTP\/1\.1 200 OK)/);
      assert.equal(answers.length, 3, `three answers: ${text}`);
      assert.equal(answers[0], answers[1], 'prepared and written answers are the same bytes');
      assert.equal(answers[2], answers[1], 'a second prepared answer on the same connection too');
      assert.match(answers[0]!, /\r\nx-request-id: 0b6f2a55-5d52-4a8b-9f3e-2f1d0c7a9e41\r\n/);
      assert.match(answers[0]!, /\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n\{"total"/);
    });
  });

  test('a request that asks to close, an HTTP/1.0 one and a HEAD are left to writeHead', async () => {
    await withServer(async (port) => {
      const close = await exchange(port, GET('/prepared', 'Connection: close\r\n'), 1);
      assert.equal(close.closed, true, 'the server closes after answering');
      assert.match(close.text, /\r\nConnection: close\r\n/);
      const old = await exchange(port, GET('/prepared', '', '1.0'), 1);
      assert.match(old.text, /\r\nConnection: close\r\n/);
    });
    const req = { method: 'HEAD', httpVersion: '1.1' } as http.IncomingMessage;
    const res = { shouldKeepAlive: true, headersSent: false } as http.ServerResponse;
    assert.equal(writePrepared(req, res, prepareHead(LIST, 5)!, '\r\n', REQUEST_ID, BODY), false, 'HEAD goes through writeHead');
  });

  test('with MAX_REQUESTS_PER_SOCKET node decides each answer: no tail', async () => {
    await withServer(async (port, server) => {
      assert.equal(new KeepAliveTail(server).now(), null);
      const { text } = await exchange(port, GET('/prepared') + GET('/prepared'), 2);
      assert.match(text, /Keep-Alive: timeout=5, max=2\r\n/, 'node counts the requests');
      assert.match(text.split(/(?=HTTP\/1\.1 200 OK)/)[1] ?? '', /\r\nConnection: close\r\n/, 'and says close on the last one allowed');
    }, 2);
    const tail = new KeepAliveTail({ keepAliveTimeout: 0, maxRequestsPerSocket: 0 }).now();
    assert.match(tail ?? '', /^Date: .+ GMT\r\nConnection: keep-alive\r\n\r\n$/, 'no Keep-Alive line without a timeout');
  });

  test('lists node must see are not prepared', () => {
    assert.equal(prepareHead(['connection', 'close', 'x-request-id', '', 'content-length', '1'], 3), null, 'Connection');
    assert.equal(prepareHead(['content-type', 'text/plain', 'x-request-id', ''], 3), null, 'no Content-Length');
    assert.equal(prepareHead(['x-note', 'a\nb', 'x-request-id', '', 'content-length', '1'], 3), null, 'a value writeHead refuses');
    assert.equal(prepareHead(['bad name', 'a', 'x-request-id', '', 'content-length', '1'], 3), null, 'a name writeHead refuses');
    assert.deepEqual(prepareHead(['a', '1', 'x-request-id', '', 'content-length', '1'], 3), { before: 'HTTP/1.1 200 OK\r\na: 1\r\nx-request-id: ', after: '\r\ncontent-length: 1\r\n' });
  });
});
