import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { startSmtpSink } from '../helpers/smtp-sink.js';

const WORKER = path.resolve(import.meta.dirname, '../helpers/worker-process.ts');
const MAILS = 12;
const EFFECTS = 30;

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), 120_000);
    p.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('durable jobs survive a crash', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let dbName: string | null = null;
  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jmk-crash-'));
    env = { ...(process.env as Record<string, string>), DATA_DIR: dataDir, JIMUKYOKU_MASTER_KEY: crypto.randomBytes(32).toString('base64'), JOB_LEASE_MS: '1500', LOG_LEVEL: 'silent' };
    if (process.env.DATABASE_URL) {
      dbName = `jmk_crash_${crypto.randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      await admin.end();
      const u = new URL(process.env.DATABASE_URL);
      u.pathname = '/' + dbName;
      env.DATABASE_URL = u.toString();
    }
  });
  after(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (dbName) {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  });

  test('killed mid-delivery and restarted: every job completes once, every mail reaches the SMTP sink once', async () => {
    let child: ReturnType<typeof spawn> | null = null;
    let killedAt = 0;
    let acceptedBeforeKill = 0;
    const sink = await startSmtpSink({
      acceptDelayMs: 150,
      // Crash the worker while a mail is in flight (after a few were accepted), before the server
      // has accepted it.
      beforeAccept: async () => {
        if (killedAt === 0 && sinkAccepted() >= 3 && child) {
          killedAt = Date.now();
          acceptedBeforeKill = sinkAccepted();
          child.kill('SIGKILL');
          await new Promise((r) => setTimeout(r, 300));
        }
      },
    });
    const sinkAccepted = () => sink.messages.length;
    // One job at a time: SMTP delivery is at-least-once by nature (a sender that dies after the
    // server's 250 and before recording it resends, with the same Message-ID). With a single
    // worker slot, every mail accepted before the crash was recorded before the next one was
    // sent, so the crash lands only between "sent" and "accepted" and the count must be exact.
    const runEnv = { ...env, SMTP_URL: sink.url, MAIL_FROM: 'jimukyoku <no-reply@jimukyoku.example.jp>', TEST_WORKER_CONCURRENCY: '1' };
    try {
      const seed = spawnSync(process.execPath, ['--import', 'tsx', WORKER, 'seed', String(MAILS), String(EFFECTS)], { env: runEnv, encoding: 'utf8' });
      assert.equal(seed.status, 0, seed.stderr);

      child = spawn(process.execPath, ['--import', 'tsx', WORKER, 'drain'], { env: runEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      const firstExit = await new Promise<NodeJS.Signals | number | null>((resolve) => child!.on('exit', (code, signal) => resolve(signal ?? code)));
      assert.equal(firstExit, 'SIGKILL', 'the first worker was killed mid-run');
      assert.ok(acceptedBeforeKill >= 3 && acceptedBeforeKill < MAILS);
      assert.ok(sink.messages.length < MAILS, 'mails were left when the worker died');

      // The embedded database must be owned by one process: the lock of the dead one is stale.
      // Asynchronously: the SMTP sink lives in this process and must keep answering.
      const second = await run(['drain'], runEnv);
      assert.equal(second.code, 0, second.stderr);
      const summary = JSON.parse(second.stdout.trim().split('\n').pop()!);
      assert.equal(summary.failed, 0);
      assert.equal(summary.done, MAILS + EFFECTS, 'every job done');
      assert.equal(summary.effects, EFFECTS, 'every effect recorded');
      assert.equal(summary.max_runs, 1, 'no effect job completed twice');
      assert.equal(summary.sent, MAILS);

      const recipients = sink.messages.map((m) => m.to.join(',')).sort();
      assert.equal(sink.messages.length, MAILS, 'each mail delivered exactly once');
      assert.deepEqual(recipients, Array.from({ length: MAILS }, (_, i) => `person${i}@example.jp`).sort());
      assert.equal(new Set(sink.messages.map((m) => m.messageId)).size, MAILS);
    } finally {
      child?.kill('SIGKILL');
      await sink.close();
    }
  });
});
