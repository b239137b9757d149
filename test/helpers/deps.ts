import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config/index.js';
import { INSTALLATION } from '../../src/modules/index.js';
import { openDeps } from '../../src/platform/bootstrap.js';
import type { Installation } from '../../src/platform/module/installation.js';
import type { Clock, Deps } from '../../src/platform/deps.js';

/** A clock tests can move. */
export class TestClock implements Clock {
  constructor(private t = new Date('2026-06-01T01:00:00Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  set(d: Date | string): void {
    this.t = new Date(d);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface TestEnv {
  deps: Deps;
  clock: TestClock;
  config: Config;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server named by DATABASE_URL (dropped again on close), so files can run in parallel.
 */
export async function createTestEnv(overrides: Record<string, string> = {}, opts: { realClock?: boolean; /** PGlite on files in DATA_DIR, as `npm start` runs it (benchmarks). */ onDisk?: boolean; /** Another set of modules (a test module beside the installed ones). */ modules?: Installation } = {}): Promise<TestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jmk-test-'));
  const baseUrl = process.env.DATABASE_URL;
  let dbName: string | null = null;
  let databaseUrl = '';
  if (baseUrl) {
    dbName = `jmk_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(baseUrl);
    u.pathname = '/' + dbName;
    databaseUrl = u.toString();
  }
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    JIMUKYOKU_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
    PUBLIC_BASE_URL: 'http://localhost:3000',
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '20',
    ...overrides,
  });
  const clock = new TestClock();
  const deps = await openDeps(config, { modules: opts.modules ?? INSTALLATION, memory: !baseUrl && !opts.onDisk, clock: opts.realClock ? undefined : clock });
  return {
    deps,
    clock,
    config,
    dataDir,
    async close() {
      await deps.database.close();
      if (dbName && baseUrl) {
        const admin = new pg.Client({ connectionString: baseUrl });
        await admin.connect();
        // A connection left open by a server under test must not fail the suite: the database is
        // a throwaway and is dropped as soon as nothing uses it.
        await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
        await admin.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
