/**
 * The systemd template unit of docs/ops/jimukyoku@.service, exercised without systemd as PID 1
 * (these machines have none): `systemd-analyze verify` accepts it, its sandboxing scores as
 * systemd rates it, and the service it describes — its ExecStart, WorkingDirectory, Environment
 * and EnvironmentFile, `%i` as the port — starts, answers /readyz and stops cleanly on its
 * KillSignal within TimeoutStopSec.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { freePort, makeRoot, REPO_ROOT, waitFor } from './cluster-kit.js';

const UNIT = fs.readFileSync(path.join(REPO_ROOT, 'docs/ops/jimukyoku@.service'), 'utf8');
const ANALYZE = '/usr/bin/systemd-analyze';
const missing = fs.existsSync(ANALYZE) ? null : 'systemd-analyze is not installed';

/** The [Service] section's settings, in order (a key may repeat), with `%i` replaced by the instance. */
function serviceSettings(instance: string): Array<[string, string]> {
  const section = UNIT.split(/^\[Service\]$/m)[1]!.split(/^\[/m)[0]!;
  return section
    .split('\n')
    .filter((l) => /^[A-Za-z]+=/.test(l))
    .map((l) => {
      const at = l.indexOf('=');
      return [l.slice(0, at), l.slice(at + 1).replaceAll('%i', instance)];
    });
}

function one(settings: Array<[string, string]>, key: string): string {
  const values = settings.filter(([k]) => k === key).map(([, v]) => v);
  assert.equal(values.length, 1, `the unit sets ${key} once`);
  return values[0]!;
}

describe('the systemd unit (docs/ops/jimukyoku@.service)', { skip: missing ?? false }, () => {
  const root = makeRoot();
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('systemd-analyze verifies it and rates its exposure at 2 or less', () => {
    const dir = path.join(root, 'units');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'jimukyoku@.service'), UNIT);
    fs.symlinkSync('jimukyoku@.service', path.join(dir, 'jimukyoku@3000.service'));
    const unit = path.join(dir, 'jimukyoku@3000.service');
    execFileSync(ANALYZE, ['verify', unit], { stdio: 'pipe' });
    const report = execFileSync(ANALYZE, ['security', '--offline=yes', unit], { encoding: 'utf8' });
    const exposure = Number(/Overall exposure level for \S+: ([\d.]+)/.exec(report)?.[1]);
    assert.ok(exposure <= 2, `exposure ${exposure} (it was 8.5, "EXPOSED", before the unit was sandboxed)`);
  });

  test('the service it describes starts on port %i, is ready, and stops cleanly on its KillSignal within TimeoutStopSec', async () => {
    const port = await freePort();
    const s = serviceSettings(String(port));
    const dataDir = path.join(root, 'var-lib-jimukyoku');
    fs.mkdirSync(dataDir);
    // The settings file an operator writes (README, Configuration): here the embedded database.
    const envFile = path.join(root, 'jimukyoku.env');
    fs.writeFileSync(envFile, `JIMUKYOKU_MASTER_KEY=${crypto.randomBytes(32).toString('hex')}\nHOST=127.0.0.1\nDRAIN_MS=300\nLOG_LEVEL=warn\n`, { mode: 0o600 });
    assert.equal(one(s, 'EnvironmentFile'), '/etc/jimukyoku/jimukyoku.env');
    const env: Record<string, string> = {};
    for (const [k, v] of s) if (k === 'Environment') for (const pair of v.split(/\s+/)) env[pair.slice(0, pair.indexOf('='))] = pair.slice(pair.indexOf('=') + 1);
    assert.equal(env['PORT'], String(port), 'the instance name is the port');
    assert.equal(env['DATA_DIR'], one(s, 'ReadWritePaths'), 'the data directory is the one writable path');
    // systemd: EnvironmentFile= wins over Environment=; the paths of this machine replace /opt and /var/lib.
    for (const line of fs.readFileSync(envFile, 'utf8').split('\n').filter(Boolean)) env[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    env['DATA_DIR'] = dataDir;
    assert.equal(one(s, 'WorkingDirectory'), '/opt/jimukyoku');
    const [exe, ...args] = one(s, 'ExecStart').split(/\s+/);
    assert.equal(one(s, 'KillSignal'), 'SIGTERM');
    const timeoutStopMs = Number(one(s, 'TimeoutStopSec')) * 1000;

    // Node where this machine has it, should it not be /usr/bin/node.
    const child = spawn(fs.existsSync(exe!) ? exe! : process.execPath, args, { cwd: REPO_ROOT, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitFor(`the service on ${port}`, async () => {
        if (child.exitCode !== null) throw new Error(out);
        return (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200;
      }, 90_000);
    } catch (e) {
      child.kill('SIGKILL');
      throw new Error(`${(e as Error).message}\n${out}`);
    }
    const stoppedAt = Date.now();
    child.kill('SIGTERM');
    const code = await exited;
    assert.equal(code, 0, `exit 0 after SIGTERM\n${out}`);
    assert.ok(Date.now() - stoppedAt < timeoutStopMs, 'stopped within TimeoutStopSec');
  });
});
