import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const BIN = path.resolve(import.meta.dirname, '../../bin/jimukyoku.js');

function jimukyoku(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => resolve({ code, out, err }));
  });
}

test('embedded backup and restore through the CLI', { skip: !!process.env.DATABASE_URL && 'embedded database only' }, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jmk-backup-'));
  const env = { ...(process.env as Record<string, string>), DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
  try {
    assert.equal((await jimukyoku(['program', 'create', '--kind', 'event', '--slug', 'before-backup', '--name', 'バックアップ前'], env)).code, 0);
    const archive = path.join(dataDir, '..', path.basename(dataDir) + '.tar.gz');
    const b = await jimukyoku(['backup', '--out', archive], env);
    assert.equal(b.code, 0, b.err);
    assert.equal(fs.statSync(archive).mode & 0o777, 0o600);
    assert.equal((await jimukyoku(['program', 'create', '--kind', 'event', '--slug', 'after-backup', '--name', 'バックアップ後'], env)).code, 0);
    const r = await jimukyoku(['restore', '--from', archive], env);
    assert.equal(r.code, 0, r.err);
    const list = await jimukyoku(['program', 'list', '--json'], env);
    assert.deepEqual(JSON.parse(list.out).map((p: { slug: string }) => p.slug), ['before-backup']);
    fs.rmSync(archive, { force: true });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
