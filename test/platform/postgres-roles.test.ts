import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../../src/config/index.js';
import { queryRows } from '../../src/db/client.js';
import { INSTALLATION } from '../../src/modules/index.js';
import { sealingSettled } from '../../src/platform/audit/seal.js';
import { openDeps } from '../../src/platform/bootstrap.js';
import { cli } from '../helpers/cli.js';
import { makeProgram } from '../helpers/fixtures.js';

const baseUrl = process.env.DATABASE_URL;

/** Whether the statement was refused for want of a privilege or of ownership (SQLSTATE 42501). */
const refused = (e: unknown) => {
  for (let cur = e as { code?: string; cause?: unknown } | undefined, i = 0; cur && i < 5; cur = cur.cause as typeof cur, i++) if (cur.code === '42501') return true;
  return false;
};

describe('PostgreSQL with two roles: the app role only reads and appends to the audit tables', { skip: baseUrl ? false : 'PostgreSQL only (DATABASE_URL)' }, () => {
  test('migrations run as the owner, the app role writes an audit entry and cannot update, delete or alter it', async () => {
    const suffix = crypto.randomBytes(5).toString('hex');
    const appRole = `jmk_app_${suffix}`;
    const dbName = `jmk_test_roles_${suffix}`;
    const password = crypto.randomBytes(12).toString('hex');
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create role ${appRole} login password '${password}'`);
    // Membership lets the test's own role end the app role's connections when it drops the database.
    await admin.query(`grant ${appRole} to current_user`);
    await admin.query(`create database ${dbName}`);
    const ownerUrl = new URL(baseUrl!);
    ownerUrl.pathname = '/' + dbName;
    const appUrl = new URL(ownerUrl);
    appUrl.username = appRole;
    appUrl.password = password;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jmk-roles-'));
    let deps: Awaited<ReturnType<typeof openDeps>> | null = null;
    try {
      const config = loadConfig({
        DATA_DIR: dataDir,
        DATABASE_URL: appUrl.toString(),
        MIGRATION_DATABASE_URL: ownerUrl.toString(),
        JIMUKYOKU_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
        LOG_LEVEL: 'silent',
      });
      deps = await openDeps(config, { modules: INSTALLATION });
      const db = deps.db;
      const [who] = await queryRows<{ u: string }>(db, sql`select current_user as u`);
      assert.equal(who!.u, appRole, 'the app runs as the app role');
      const [owner] = await queryRows<{ o: string }>(db, sql`select tableowner as o from pg_tables where tablename = 'audit_log'`);
      assert.notEqual(owner!.o, appRole, 'the owner role applied the migrations');

      // The app works: a command and its audit entry, appended and sealed as the app role.
      await makeProgram(deps, 'roles-a');
      await sealingSettled(db);
      const [entry] = await queryRows<{ id: number }>(db, sql`select id from audit_log where action = 'platform.program.created'`);
      assert.ok(entry);
      const [seals] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_seals`);
      assert.ok(Number(seals!.n) >= 1);

      // What the old single role could do, the app role cannot.
      await assert.rejects(db.execute(sql`update audit_log set actor_label = 'x' where id = ${entry!.id}`), refused);
      await assert.rejects(db.execute(sql`delete from audit_log where id = ${entry!.id}`), refused);
      await assert.rejects(db.execute(sql`alter table audit_log disable trigger user`), refused);
      await assert.rejects(db.execute(sql`update audit_head set last_hash = 'x'`), refused);
      await assert.rejects(db.execute(sql`delete from audit_seals`), refused);
      await assert.rejects(db.execute(sql`truncate audit_log`), refused);
      await assert.rejects(db.execute(sql`select audit_append(now(), null, 'x', null, null, 'x', null, null, null, null, null, 'x')`), refused);

      const r = await cli(deps, ['audit', 'verify']);
      assert.equal(r.code, 0, r.err);
      const anchored = await cli(deps, ['audit', 'anchor']);
      assert.equal(anchored.code, 0, anchored.err);

      // `migrate` as configured grants again (after a migration that adds tables, say).
      const m = await cli(deps, ['migrate']);
      assert.equal(m.code, 0, m.err);
      assert.match(m.out, new RegExp(`app role ${appRole} granted`));
    } finally {
      if (deps) {
        await sealingSettled(deps.db);
        await deps.database.close();
      }
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.query(`drop role if exists ${appRole}`);
      await admin.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
