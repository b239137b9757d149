import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { cli } from '../helpers/cli.js';
import { absolutizeFileArgs, filePathArgs } from '../../src/cli/paths.js';
import { INSTALLATION } from '../../src/modules/index.js';
import { ENV_VARIABLES } from '../../src/config/index.js';
import { apiRequest, TestBrowser } from '../helpers/http.js';

describe('jimukyoku CLI', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  test('help lists the commands', async () => {
    const r = await cli(env.deps, ['--help']);
    assert.equal(r.code, 0);
    for (const c of ['migrate', 'program create', 'program list', 'program set', 'user create', 'token create', 'token revoke', 'audit verify', 'backup']) assert.match(r.out, new RegExp(c));
  });

  test('unknown commands and bad options are usage errors (exit 2)', async () => {
    assert.equal((await cli(env.deps, ['frobnicate'])).code, 2);
    assert.equal((await cli(env.deps, ['program', 'create', '--bogus', 'x'])).code, 2);
    const missing = await cli(env.deps, ['program', 'create', '--kind', 'event']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /--slug is required/);
  });

  test('program create / list / set', async () => {
    let r = await cli(env.deps, ['program', 'create', '--kind', 'campaign', '--slug', 'stay-2026', '--name', '宿泊キャンペーン2026']);
    assert.equal(r.code, 0, r.err);
    r = await cli(env.deps, ['program', 'create', '--kind', 'campaign', '--slug', 'stay-2026', '--name', '重複']);
    assert.equal(r.code, 1);
    assert.match(r.err, /すでにあります/);
    r = await cli(env.deps, ['program', 'create', '--kind', 'party', '--slug', 'p1', '--name', 'x']);
    assert.equal(r.code, 1);
    assert.match(r.err, /campaign か event/);
    r = await cli(env.deps, ['program', 'create', '--kind', 'event', '--slug', 'admin', '--name', 'x']);
    assert.equal(r.code, 1);
    assert.match(r.err, /予約されています/);
    r = await cli(env.deps, ['program', 'set', 'stay-2026', 'startsOn=2026-07-01', 'endsOn=2027-02-28', 'name=仙台市宿泊促進キャンペーン']);
    assert.equal(r.code, 0, r.err);
    r = await cli(env.deps, ['program', 'set', 'stay-2026', 'noSuchKey=1']);
    assert.equal(r.code, 1);
    assert.match(r.err, /設定項目ではありません/);
    r = await cli(env.deps, ['program', 'set', 'nope', 'name=x']);
    assert.equal(r.code, 1);
    r = await cli(env.deps, ['program', 'list', '--json']);
    const list = JSON.parse(r.out);
    assert.equal(list.length, 1);
    assert.equal(list[0].name, '仙台市宿泊促進キャンペーン');
    assert.equal(list[0].settings.startsOn, '2026-07-01');
  });

  test('user create with --password-stdin, then token create / revoke', async () => {
    let r = await cli(env.deps, ['user', 'create', '--email', 'Op@Example.JP', '--role', 'operator', '--program', 'stay-2026', '--password-stdin'], 'a long enough passphrase\n');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /created user op@example\.jp/);
    r = await cli(env.deps, ['user', 'create', '--email', 'x@example.jp', '--role', 'operator']);
    assert.equal(r.code, 1);
    assert.match(r.err, /--program/);
    r = await cli(env.deps, ['user', 'create', '--email', 'y@example.jp', '--role', 'city', '--program', 'stay-2026', '--password-stdin'], 'short\n');
    assert.equal(r.code, 1);
    assert.match(r.err, /12文字以上/);
    r = await cli(env.deps, ['token', 'create', '--email', 'op@example.jp', '--name', 'booking-system', '--expires-days', '30']);
    assert.equal(r.code, 0, r.err);
    const token = r.out.trim();
    assert.match(token, /^jmk_[\w-]{40,}$/);
    const app = new TestBrowser(env.deps).app;
    assert.equal((await apiRequest(app, 'GET', '/api/v1/me', { token })).status, 200);
    const list = await cli(env.deps, ['token', 'list']);
    assert.doesNotMatch(list.out, new RegExp(token), 'never prints the token again');
    const id = /^\s*(\d+)/.exec(list.out)![1]!;
    assert.equal((await cli(env.deps, ['token', 'revoke', id])).code, 0);
    assert.equal((await apiRequest(app, 'GET', '/api/v1/me', { token })).status, 401);
    assert.equal((await cli(env.deps, ['token', 'revoke', id])).code, 1);
  });

  test('an expired token is refused', async () => {
    const r = await cli(env.deps, ['token', 'create', '--email', 'op@example.jp', '--expires-days', '1']);
    const token = r.out.trim();
    const app = new TestBrowser(env.deps).app;
    assert.equal((await apiRequest(app, 'GET', '/api/v1/me', { token })).status, 200);
    env.clock.advance(86_400_000 + 1000);
    assert.equal((await apiRequest(app, 'GET', '/api/v1/me', { token })).status, 401);
  });

  test('migrate is idempotent', async () => {
    assert.equal((await cli(env.deps, ['migrate'])).code, 0);
    assert.equal((await cli(env.deps, ['migrate'])).code, 0);
  });
});

describe('file paths handed to a running server', () => {
  test('are made absolute in the caller\'s directory; nothing else changes', () => {
    const cwd = '/home/ops/backups';
    assert.deepEqual(absolutizeFileArgs(INSTALLATION, ['backup', '--out', 'b.tar.gz'], cwd), ['backup', '--out', '/home/ops/backups/b.tar.gz']);
    assert.deepEqual(absolutizeFileArgs(INSTALLATION, ['backup', '--out=../b.tar.gz'], cwd), ['backup', '--out=/home/ops/b.tar.gz']);
    assert.deepEqual(absolutizeFileArgs(INSTALLATION, ['backup', '--out', '/srv/b.tar.gz'], cwd), ['backup', '--out', '/srv/b.tar.gz']);
    assert.deepEqual(
      absolutizeFileArgs(INSTALLATION, ['claims', 'import', '--program', 'stay', 'claims.csv', '--valid-only'], cwd),
      ['claims', 'import', '--program', 'stay', '/home/ops/backups/claims.csv', '--valid-only'],
    );
    assert.deepEqual(
      absolutizeFileArgs(INSTALLATION, ['claims', 'import', '--valid-only', 'in/c.csv', '--program', 'stay'], cwd),
      ['claims', 'import', '--valid-only', '/home/ops/backups/in/c.csv', '--program', 'stay'],
    );
    assert.deepEqual(
      absolutizeFileArgs(INSTALLATION, ['settlement', 'zengin', '--program', 'stay', '--month', '2026-07', '--transfer-date', '2026-08-10', '--out', 'z.txt'], cwd).at(-1),
      '/home/ops/backups/z.txt',
    );
    const untouched = [['program', 'set', 'stay', 'name=a/b'], ['program', 'create', '--slug', 'x', '--name', 'y'], ['frobnicate', 'x'], ['backup', '--bogus', 'x']];
    for (const argv of untouched) assert.deepEqual(absolutizeFileArgs(INSTALLATION, argv, cwd), argv);
  });

  test('every command\'s file arguments are found from its usage line', () => {
    assert.deepEqual([...filePathArgs('backup --out FILE.tar.gz', 'backup').options], ['out']);
    const sold = filePathArgs('facilities sold-out --program SLUG --facility ID [--date YYYY-MM-DD | --clear]', 'facilities sold-out');
    assert.equal(sold.options.size + sold.positionals.size, 0);
    assert.deepEqual([...filePathArgs('facilities import --program SLUG FILE.csv', 'facilities import').positionals], [0]);
  });
});

describe('README', () => {
  const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

  test('documents every program settings key, CLI command and environment variable', () => {
    const missing = [
      ...['name', ...INSTALLATION.settings.map((s) => s.key)].filter((k) => !readme.includes('`' + k + '`')).map((k) => `setting ${k}`),
      ...INSTALLATION.commands.filter((c) => !readme.includes('`' + c.name)).map((c) => `command ${c.name}`),
      ...ENV_VARIABLES.filter((v) => !readme.includes('`' + v + '`')).map((v) => `variable ${v}`),
    ];
    assert.deepEqual(missing, []);
  });

  test('keeps the two-command quickstart', () => {
    assert.match(readme, /^npm ci && npm start\b/m);
    assert.match(readme, /^npm ci && npm test\b/m);
  });
});
