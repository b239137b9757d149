/**
 * Imports 1,000 facilities from a Shift_JIS-free UTF-8 CSV into the embedded database (PGlite in
 * memory) through the CLI command and prints the time. Target: under 10 s.
 *
 *   node --import tsx bench/facilities-import.ts [count]
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/client.js';
import { openCampaign } from '../src/modules/campaign/test-helpers.js';
import { createTestEnv } from '../test/helpers/deps.js';
import { cli } from '../test/helpers/cli.js';
import { kanaNumber } from '../test/helpers/fixtures.js';

const WARDS = ['青葉区', '宮城野区', '若林区', '太白区', '泉区'];
const TYPES = ['hotel', 'ryokan', 'simple', 'other'];
const count = Number(process.argv[2] ?? 1000);

const env = await createTestEnv();
try {
  await openCampaign(env.deps, 'bench');
  const lines = ['name,nameKana,type,postalCode,address,ward,phone,url,rooms,features'];
  for (let i = 1; i <= count; i++) {
    lines.push(`ベンチ施設${i},べんちしせつ${kanaNumber(i)},${TYPES[i % 4]},980-${String(i % 10000).padStart(4, '0')},仙台市${WARDS[i % 5]}テスト町${i}-1,${WARDS[i % 5]},022-${String(100 + (i % 900))}-${String(1000 + (i % 9000))},https://f${i}.example.jp/,${1 + (i % 200)},駐車場あり|Wi-Fi`);
  }
  const file = path.join(env.dataDir, 'facilities.csv');
  fs.writeFileSync(file, lines.join('\r\n'));
  const t0 = performance.now();
  const r = await cli(env.deps, ['facilities', 'import', '--program', 'bench', file]);
  const ms = performance.now() - t0;
  if (r.code !== 0) throw new Error(r.err);
  const [row] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from facilities`);
  console.log(`facilities import: ${row!.n} facilities in ${(ms / 1000).toFixed(2)} s (${Math.round((Number(row!.n) / ms) * 1000)} rows/s) on the embedded database — target < 10 s: ${ms < 10_000 ? 'OK' : 'TOO SLOW'}`);
} finally {
  await env.close();
}
