import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { controlSocketPath, sendToServer, startControlSocket } from '../../src/cli/control-socket.js';
import { lockFile } from '../../src/db/data-dir-lock.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';

/** A stream that keeps what is written to it. */
function sink(): Writable & { text: string } {
  const s = new Writable({
    write(chunk, _enc, done) {
      s.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  s.text = '';
  return s;
}

/** A stand-in for the server at DATA_DIR's control socket: reads the command, writes `lines`, then goes away without an exit code. */
async function serverThatDies(dataDir: string, lines: object[]): Promise<net.Server> {
  const server = net.createServer((socket) => {
    socket.once('data', () => {
      for (const l of lines) socket.write(JSON.stringify(l) + '\n');
      // A cut-off line, as a process killed mid-write leaves it, then the connection drops.
      socket.write('{"out":"半');
      setTimeout(() => socket.destroy(), 20);
    });
  });
  await new Promise<void>((r) => server.listen(controlSocketPath(dataDir), () => r()));
  return server;
}

describe('the CLI through the running server', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  test('a command handed to the running server gets its output and exit code', async () => {
    const control = await startControlSocket(env.deps);
    assert.ok(control);
    try {
      const out = sink();
      const err = sink();
      const code = await sendToServer(env.config.dataDir, ['jobs', 'status'], '', 'tester', out, err);
      assert.equal(code, 0);
      assert.equal(err.text, '');
      assert.ok(out.text.length > 0);
    } finally {
      await control.close();
    }
  });

  test('a server that goes away mid-command: the CLI says why on stderr and exits 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jmk-ctl-'));
    const server = await serverThatDies(dir, [{ out: '処理中…\n' }]);
    try {
      const out = sink();
      const err = sink();
      const code = await sendToServer(dir, ['jobs', 'status'], '', 'tester', out, err);
      assert.equal(code, 1);
      assert.equal(out.text, '処理中…\n', 'what came before the loss is shown');
      assert.match(err.text, /コマンドの完了前に実行中のサーバーとの接続が切れました/);
    } finally {
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a control socket nobody answers: the CLI says so and exits 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jmk-ctl-'));
    try {
      const err = sink();
      assert.equal(await sendToServer(dir, ['jobs', 'status'], '', 'tester', sink(), err), 1);
      assert.match(err.text, /実行中のサーバーに接続できません（ENOENT）/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the jimukyoku command itself prints why and exits 1 when the server is lost', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jmk-ctl-'));
    // This test process stands in as the running server that owns DATA_DIR.
    fs.writeFileSync(lockFile(dir), String(process.pid));
    const server = await serverThatDies(dir, []);
    try {
      const child = spawn(process.execPath, [path.resolve('bin/jimukyoku.js'), 'jobs', 'status'], {
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += String(c)));
      const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
      assert.equal(code, 1);
      assert.match(stderr, /サーバーとの接続が切れました/);
    } finally {
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
