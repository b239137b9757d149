/**
 * The PDF tallies carry the same counts as the API and the xlsx: read back with pdftotext (poppler)
 * from the files `jimukyoku calls daily|monthly --out FILE.pdf` writes.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { cli } from '../../../test/helpers/cli.js';
import { makeProgram } from '../../../test/helpers/fixtures.js';
import { logCall } from './commands/log-call.js';

/** [Tokyo day, caller type, category, detailed?, how many] */
const CALLS: Array<[string, string, string, boolean, number]> = [
  ['2026-06-02', 'user', 'overview', false, 3],
  ['2026-06-02', 'user', 'facilities', true, 1],
  ['2026-06-02', 'business', 'application', true, 2],
  ['2026-06-02', 'business', 'participation', false, 1],
  ['2026-06-02', 'other', 'other', false, 1],
  ['2026-06-03', 'user', 'overview', false, 2],
  ['2026-06-03', 'business', 'application', true, 1],
  // 23:30 on 6/3 in Tokyo is 14:30Z: it counts on 6/3, not on 6/4.
  ['2026-06-03T14:30:00Z', 'other', 'other', true, 1],
];

describe('the PDF tallies carry the right counts (pdftotext)', () => {
  let env: TestEnv;
  let dir: string;
  before(async () => {
    env = await createTestEnv();
    env.clock.set('2026-06-10T01:00:00Z');
    const p = await makeProgram(env.deps, 'pdfcalls');
    await runCommand(env.deps, systemActor('test'), async (ctx) => {
      for (const [day, callerType, category, detailed, n] of CALLS) {
        const receivedAt = day.includes('T') ? day : `${day}T01:00:00Z`;
        for (let i = 0; i < n; i++) await logCall(ctx, p.id, { callerType, category, receivedAt, ...(detailed ? { question: '質問', answer: '回答' } : {}) });
      }
    });
    dir = fs.mkdtempSync(path.join(env.dataDir, 'pdf-'));
  });
  after(() => env.close());

  async function pdfText(argv: string[]): Promise<string[]> {
    const out = path.join(dir, `${argv[1]}-${argv.at(-1)}.pdf`);
    const r = await cli(env.deps, ['calls', ...argv, '--out', out]);
    assert.equal(r.code, 0, r.err);
    return execFileSync('pdftotext', ['-layout', out, '-']).toString('utf8').split('\n');
  }
  /** The numbers on the table row that starts with `label`. */
  const rowOf = (lines: string[], label: string) => {
    const line = lines.find((l) => new RegExp(`^\\s*${label}\\s+\\d`).test(l));
    assert.ok(line, `a row ${label}`);
    return line.trim().split(/\s+/).slice(1).map(Number);
  };
  const valueOf = (lines: string[], item: string) => {
    const line = lines.find((l) => l.includes(`${item}：`));
    assert.ok(line, `a line ${item}`);
    return Number(/：\s*(\d+)/.exec(line)![1]);
  };

  test('daily: totals, count-only and detailed, and caller type × category with totals', async () => {
    const lines = await pdfText(['daily', '--program', 'pdfcalls', '--date', '2026-06-02']);
    assert.equal(valueOf(lines, '件数（合計）'), 8);
    assert.equal(valueOf(lines, 'うち件数のみの記録'), 5);
    assert.equal(valueOf(lines, 'うち詳細な記録'), 3);
    // Columns: 概要, 申請・審査, 施設, 参加方法, その他, 計
    assert.deepEqual(rowOf(lines, '利用者'), [3, 0, 1, 0, 0, 4]);
    assert.deepEqual(rowOf(lines, '事業者'), [0, 2, 0, 1, 0, 3]);
    assert.deepEqual(rowOf(lines, 'その他'), [0, 0, 0, 0, 1, 1]);
    assert.deepEqual(rowOf(lines, '合計'), [3, 2, 1, 1, 1, 8]);
  });

  test('monthly: the month adds up, and each day has its total', async () => {
    const lines = await pdfText(['monthly', '--program', 'pdfcalls', '--month', '2026-06']);
    assert.equal(valueOf(lines, '件数（合計）'), 12);
    assert.equal(valueOf(lines, 'うち件数のみの記録'), 7);
    assert.equal(valueOf(lines, 'うち詳細な記録'), 5);
    assert.deepEqual(rowOf(lines, '利用者'), [5, 0, 1, 0, 0, 6]);
    assert.deepEqual(rowOf(lines, '事業者'), [0, 3, 0, 1, 0, 4]);
    assert.deepEqual(rowOf(lines, 'その他'), [0, 0, 0, 0, 2, 2]);
    assert.deepEqual(rowOf(lines, '合計'), [5, 3, 1, 1, 2, 12]);
    const day = (md: string) => Number(new RegExp(`^\\s*${md}\\s+(\\d+)`).exec(lines.find((l) => new RegExp(`^\\s*${md}\\s+\\d`).test(l)) ?? '')?.[1] ?? NaN);
    assert.equal(day('06-02'), 8);
    assert.equal(day('06-03'), 4);
    assert.equal(day('06-04'), 0);
    assert.equal(lines.filter((l) => /^\s*06-\d\d\s+\d+/.test(l)).length, 30, 'every day of June');
  });
});
