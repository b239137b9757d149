#!/usr/bin/env node
// Runs the test suites with Node's own runner (node:test) through tsx.
//   unit    — every src/**/*.test.ts(x) and test/**/*.test.ts (not test/browser); on PGlite, or on
//             PostgreSQL when DATABASE_URL is set.
//   browser — test/browser/**/*.test.ts in Debian's Chromium.
//   cluster — test/cluster/**/*.test.ts: PostgreSQL primary and replica, app instances, HAProxy (root).
// Extra arguments are passed to node (e.g. --test-name-pattern=...) or, if they end in .ts, used as the file list.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const suite = process.argv[2] ?? 'unit';
const extra = process.argv.slice(3);

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p);
    return /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const explicit = extra.filter((a) => /\.tsx?$/.test(a));
const flags = extra.filter((a) => !/\.tsx?$/.test(a));
let files;
if (explicit.length) files = explicit;
else if (suite === 'browser' || suite === 'cluster') files = walk(`test/${suite}`);
else files = [...walk('src'), ...walk('test').filter((f) => !f.startsWith(path.join('test', 'browser')) && !f.startsWith(path.join('test', 'cluster')))];
files.sort();
if (files.length === 0) {
  console.error(`no test files for suite "${suite}"`);
  process.exit(1);
}

const concurrency = process.env.TEST_CONCURRENCY ?? (suite === 'unit' ? '2' : '1');
const args = ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...flags, ...files];
const env = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' };
const r = spawnSync(process.execPath, args, { stdio: 'inherit', env });
process.exit(r.status ?? 1);
