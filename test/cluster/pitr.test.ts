/**
 * The WAL-archiving and point-in-time-recovery recipe of docs/operations.md, run as written: the
 * test takes the recipe's own lines from the document (only the /backup and data paths are replaced
 * by its temporary ones), archives a primary running the app's schema, and recovers to a moment
 * between two programs' creation. Needs root and PostgreSQL 15, as the cluster test does.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { loadConfig } from '../../src/config/index.js';
import { INSTALLATION } from '../../src/modules/index.js';
import { openDeps } from '../../src/platform/bootstrap.js';
import { cli } from '../helpers/cli.js';
import { asPostgres, clusterPrerequisites, freePort, makeRoot, PG_BIN, pgNode, REPO_ROOT, startPg, waitFor, type PgNode } from './cluster-kit.js';

const missing = clusterPrerequisites();
const RECIPE = fs.readFileSync(path.join(REPO_ROOT, 'docs/operations.md'), 'utf8');

/** The recipe's line that starts with `start` (exactly one), with its example paths replaced. */
function recipeLine(start: string, paths: Record<string, string>): string {
  const lines = RECIPE.split('\n').filter((l) => l.startsWith(start));
  assert.equal(lines.length, 1, `docs/operations.md has one line starting with "${start}"`);
  let line = lines[0]!;
  for (const [from, to] of Object.entries(paths)) line = line.split(from).join(to);
  return line;
}

/** The argument list of a recipe's shell command line (no quotes in those lines). */
const argv = (line: string) => line.trim().split(/\s+/).slice(1);

async function programSlugs(url: string): Promise<string[]> {
  const deps = await openDeps(loadConfig({ DATABASE_URL: url, JIMUKYOKU_MASTER_KEY: KEY, LOG_LEVEL: 'silent' }), { modules: INSTALLATION });
  try {
    const r = await cli(deps, ['program', 'list']);
    assert.equal(r.code, 0, r.err);
    return ['pitr-before', 'pitr-after'].filter((slug) => r.out.includes(slug));
  } finally {
    await deps.database.close();
  }
}

const KEY = crypto.randomBytes(32).toString('hex');

describe('PostgreSQL WAL archiving and point-in-time recovery, as docs/operations.md says', { skip: missing ?? false }, () => {
  const root = makeRoot();
  const nodes: PgNode[] = [];

  after(() => {
    for (const n of nodes) n.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('a base backup and the archived WAL recover the database to a moment: what came before is there, what came after is not', async () => {
    const base = path.join(root, 'pg');
    const wal = path.join(base, 'wal');
    const backup = path.join(base, 'base');
    const primaryDir = path.join(base, 'primary');
    const restoredDir = path.join(base, 'restored');
    fs.mkdirSync(wal, { recursive: true });
    execFileSync('chown', ['-R', 'postgres:postgres', base]);
    fs.chmodSync(root, 0o755);
    const paths = { '/backup/wal': wal, '/backup/base/$(date +%F)': backup, '/backup/base/2026-06-01': backup, '/var/lib/postgresql/15/main': restoredDir };

    // The primary, archiving as the recipe configures it.
    asPostgres(`${PG_BIN}/initdb`, ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    fs.appendFileSync(path.join(primaryDir, 'pg_hba.conf'), 'host replication postgres 127.0.0.1/32 trust\n');
    fs.appendFileSync(path.join(primaryDir, 'postgresql.conf'), `\n${recipeLine('archive_mode', paths)}\n${recipeLine('archive_command', paths)}\n`);
    const primaryPort = await freePort();
    startPg(primaryDir, primaryPort);
    const primary = pgNode(primaryDir, primaryPort);
    nodes.push(primary);

    // The app's schema (openDeps migrates), then the nightly base backup exactly as the recipe takes it.
    let moment = '';
    const deps = await openDeps(loadConfig({ DATABASE_URL: primary.url, JIMUKYOKU_MASTER_KEY: KEY, LOG_LEVEL: 'silent' }), { modules: INSTALLATION });
    try {
      const backupLine = recipeLine('pg_basebackup -D', paths);
      asPostgres(`${PG_BIN}/pg_basebackup`, ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', ...argv(backupLine)]);
      assert.ok(fs.existsSync(path.join(backup, 'base.tar.gz')), 'the base backup is a compressed tar');

      // A program before the moment, one after it.
      assert.equal((await cli(deps, ['program', 'create', '--kind', 'campaign', '--slug', 'pitr-before', '--name', '復旧前の事業'])).code, 0);
      await new Promise((r) => setTimeout(r, 1100));
      moment = primary.psql("select to_char(now() at time zone 'Asia/Tokyo', 'YYYY-MM-DD HH24:MI:SS.US') || '+09'");
      await new Promise((r) => setTimeout(r, 1100));
      assert.equal((await cli(deps, ['program', 'create', '--kind', 'campaign', '--slug', 'pitr-after', '--name', '復旧後の事業'])).code, 0);
    } finally {
      await deps.database.close();
    }
    // The last segment is archived when it is switched: then the primary is lost.
    const last = primary.psql('select pg_walfile_name(pg_switch_wal())');
    await waitFor('the last WAL segment archived', () => fs.existsSync(path.join(wal, last)), 30_000);
    primary.stop();

    // Recovery as the recipe says: the base backup into an empty directory, restore_command, the target, recovery.signal.
    fs.mkdirSync(restoredDir, { mode: 0o700 });
    execFileSync('chown', ['postgres:postgres', restoredDir]);
    asPostgres('tar', argv(recipeLine('tar -xzf', paths)));
    const target = recipeLine('recovery_target_time', paths).replace(/'[^']*'/, `'${moment}'`);
    fs.appendFileSync(path.join(restoredDir, 'postgresql.conf'), `\n${recipeLine('restore_command', paths)}\n${target}\n`);
    asPostgres('touch', argv(recipeLine('touch', paths)));
    const restoredPort = await freePort();
    startPg(restoredDir, restoredPort);
    const restored = pgNode(restoredDir, restoredPort);
    nodes.push(restored);

    await waitFor('recovery paused at the target', () => restored.psql('select pg_get_wal_replay_pause_state()') === 'paused', 60_000);
    assert.equal(restored.psql("select string_agg(slug, ',' order by slug) from programs where slug like 'pitr-%'"), 'pitr-before', 'recovered to the moment: the program created before it, not the one after');

    restored.psql('select pg_wal_replay_resume()');
    await waitFor('recovery ended', () => restored.psql('select pg_is_in_recovery()') === 'f', 30_000);
    // The app runs on the recovered database and finds what was there at the moment.
    assert.deepEqual(await programSlugs(restored.url), ['pitr-before']);
  });
});
