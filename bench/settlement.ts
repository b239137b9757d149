/**
 * npm run bench:settlement — on PostgreSQL (when DATABASE_URL is set) and on the embedded database:
 *  (a) N reservations imported through the real validation path vs COPY of the same rows into a
 *      table with the same constraints as `claims` (idempotency key, foreign keys, indexes): the
 *      floor, as a ratio (importVsClaimsTableCopy, target >= 0.5 on PostgreSQL); COPY into a bare
 *      table is printed too, as information (importVsCopy);
 *  (b) month-end close of N approved stays;
 *  (c) reservations/s from 32 concurrent API clients (in a separate process) on facilities with
 *      ample allocations; then a contention phase on 32 facilities whose allocations fit one more
 *      claim each (refusals certain), checked AFTER the API phases: per facility reserved ≤
 *      allocation, committed ≤ pool, pool unchanged, ledger balanced;
 *  (d) peak memory during the import, at N/10 and N rows (flat = streaming works).
 * BENCH_ROWS (default 1,000,000) sets N.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/app.js';
import { createHttpServer } from '../src/platform/http/http-server.js';
import { queryRows } from '../src/db/client.js';
import { systemActor } from '../src/platform/audit/index.js';
import { runCommand } from '../src/platform/command.js';
import { closeMonth } from '../src/modules/settlement/commands/close-month.js';
import { importClaims } from '../src/modules/settlement/commands/import-claims.js';
import { csvFromFile } from '../src/platform/imports/csv.js';
import { requestHash } from '../src/modules/settlement/commands/reserve-claim.js';
import { computeDiscount, rulesOf } from '../src/modules/settlement/rules.js';
import { addDays } from '../src/platform/calendar/index.js';
import type { Program } from '../src/platform/programs/schema.js';
import { accountId, facilityBalances, ledgerIsBalanced, move, programBalances } from '../src/modules/settlement/ledger.js';
import { campaignWithFacilities } from '../src/modules/settlement/test-fixtures.js';
import { setAllocation } from '../src/modules/settlement/commands/budget.js';
import { runPostLoad } from './post-load.js';
import { findProgramBySlug } from '../src/platform/programs/queries.js';
import { createTestEnv, type TestEnv } from '../test/helpers/deps.js';
import { makeToken, makeUser } from '../test/helpers/fixtures.js';

const N = Number(process.env.BENCH_ROWS ?? 1_000_000);
const FACILITIES = 1000;
const HEADER = 'facilityId,bookingRef,bookedOn,checkIn,nights,guests,totalPrice\n';

function writeCsv(file: string, rows: number, facilityIds: number[], prefix: string): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, HEADER);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 28);
    buf += `${facilityIds[i % facilityIds.length]},${prefix}${i},2025-05-20,2025-06-${String(day).padStart(2, '0')},1,${1 + (i % 3)},${12000 + (i % 7) * 1000}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

/**
 * Peak RSS and heap while the import runs, and the peak *retained* heap: heapUsed right after a
 * full collection, every 2 s and at the end (needs --expose-gc, which npm run bench:settlement passes). The
 * plain heap peak also counts garbage not yet collected, which grows with the run's length.
 */
function peakSampler() {
  let rss = 0;
  let heap = 0;
  let retained = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  const t = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 50);
  const sample = () => {
    gc!();
    retained = Math.max(retained, process.memoryUsage().heapUsed);
  };
  const g = gc ? setInterval(sample, 2000) : null;
  return () => {
    clearInterval(t);
    if (g) {
      clearInterval(g);
      sample();
    }
    return { rssMb: Math.round(rss / 1e6), heapMb: Math.round(heap / 1e6), retainedHeapMb: gc ? Math.round(retained / 1e6) : null };
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function copyFloor(env: TestEnv, file: string): Promise<number> {
  await env.deps.db.execute(sql`create table bench_copy (facility_id int, booking_ref text, booked_on date, check_in date, nights int, guests int, total_price int)`);
  return copyInto(env, 'bench_copy', file, 'csv');
}

async function copyInto(env: TestEnv, table: string, file: string, format: 'csv' | 'text', columns = ''): Promise<number> {
  const pglite = env.deps.database.raw.pglite;
  const options = format === 'csv' ? 'FORMAT csv, HEADER true' : 'FORMAT text';
  const t0 = performance.now();
  if (pglite) {
    await pglite.query(`COPY ${table} ${columns} FROM '/dev/blob' WITH (${options})`, [], { blob: new Blob([fs.readFileSync(file)]) });
  } else {
    const r = spawnSync('psql', [env.config.databaseUrl!, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy ${table} ${columns} from '${file}' with (${options})`], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  }
  return performance.now() - t0;
}

/**
 * A second floor: COPY of the same rows, priced and hashed beforehand, straight into a table
 * built like `claims` (its defaults, checks, indexes — among them the idempotency key — and the
 * foreign key to facilities): what any import into a table with the claims' integrity costs at
 * the least, before validation, budget and ledger.
 */
async function claimsTableFloor(env: TestEnv, program: Program, csv: string): Promise<number> {
  const rules = rulesOf(program)!;
  const rulesJson = JSON.stringify(rules).replaceAll('\\', '\\\\');
  const tsv = csv.replace(/\.csv$/, '.claims.tsv');
  const fd = fs.openSync(tsv, 'w');
  let buf = '';
  for (const line of fs.readFileSync(csv, 'utf8').split('\n').slice(1)) {
    if (!line) continue;
    const [facilityId, bookingRef, bookedOn, checkIn, nights, guests, totalPrice] = line.split(',') as [string, string, string, string, string, string, string];
    const input = { facilityId: Number(facilityId), bookingRef, bookedOn, checkIn, nights: Number(nights), guests: Number(guests), totalPrice: Number(totalPrice) };
    const priced = computeDiscount(rules, input, null);
    buf += `${program.id}\t${facilityId}\t${bookingRef}\t${bookedOn}\t${checkIn}\t${addDays(checkIn, input.nights)}\t${nights}\t${guests}\t${totalPrice}\t${priced.ok ? priced.discount : 0}\t${rulesJson}\t${requestHash(input)}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
  await env.deps.db.execute(sql`create table bench_claims (like claims including all)`);
  await env.deps.db.execute(sql`alter table bench_claims add foreign key (facility_id) references facilities (id)`);
  return copyInto(env, 'bench_claims', tsv, 'text', '(program_id, facility_id, booking_ref, booked_on, check_in, check_out, nights, guests, total_price, discount, rules, request_hash)');
}

async function runImport(env: TestEnv, slug: string, file: string) {
  const program = (await findProgramBySlug(env.deps.db, slug))!;
  const stop = peakSampler();
  const { ms, value } = await timed(() => runCommand(env.deps, systemActor('bench'), (ctx) => importClaims(ctx, program, csvFromFile(file), { mode: 'all' })));
  return { ms, result: value, memory: stop() };
}

/**
 * VACUUM (ANALYZE) of tables the benchmark's own setup has just rewritten in bulk, before a measured
 * step: what autovacuum does in the background between a month's trickle of approvals (not measured).
 */
async function settle(env: TestEnv, before: string, tables: string[]): Promise<void> {
  const t0 = performance.now();
  for (const table of tables) await env.deps.db.execute(sql.raw(`vacuum (analyze) ${table}`));
  console.error(`[bench] vacuum before ${before}: ${Math.round(performance.now() - t0)} ms (not measured)`);
}

/** Moves every reserved claim to approved in bulk (setup for the close; not measured). */
async function approveAll(env: TestEnv, programId: number): Promise<void> {
  await env.deps.db.transaction(async (tx) => {
    await tx.execute(sql`update claims set status = 'approved' where program_id = ${programId} and status = 'reserved'`);
    const rows = await queryRows<{ id: number; facility_id: number; balance: string }>(tx, sql`select id, facility_id, balance from ledger_accounts where program_id = ${programId} and kind = 'reserved' and balance > 0`);
    for (const r of rows) {
      const to = await accountId(tx, programId, r.facility_id, 'approved');
      await move(tx, { programId, from: r.id, to, amount: Number(r.balance), reason: 'approved' });
    }
  });
}

/** The post-load body: 20,000 yen, 1 night, 2 guests → a 10,000-yen discount at the default rules. */
const API_DISCOUNT = 10_000;
/** Contention phase: facilities whose allocations fit only this many more claims each. */
const TIGHT_FACILITIES = 32;
const TIGHT_CLAIMS_PER_FACILITY = 1;

interface ApiRun {
  perSecond: number;
  ok: number;
  refused: number;
  errors: number;
  tight: { perSecond: number; ok: number; refused: number; errors: number; maxAccepted: number };
  /** Checked after both API phases: see overspendCheck. */
  noOverspend: boolean;
  overspend: Record<string, number | boolean>;
}

async function postPhase(env: TestEnv, slug: string, facilityIds: number[], durationMs: number, warmUpMs = 0) {
  const program = (await findProgramBySlug(env.deps.db, slug))!;
  const user = await makeUser(env.deps, `bench-op-${facilityIds[0]}@${slug}.example`, 'operator', program.id);
  const token = await makeToken(env.deps, user.id);
  // The server as src/server.ts builds it.
  const server = createHttpServer(createApp(env.deps), env.deps);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  // Not measured: the pool opens its connections (each prepares its statements) and the code warms
  // up, as in a server that has been running. Its claims ('warm-…') are left out of every count.
  if (warmUpMs) await runPostLoad({ port, path: `/api/v1/programs/${slug}/claims`, token, clients: 32, durationMs: warmUpMs, facilityIds, refPrefix: 'warm-' });
  const profiler = await startProfile();
  const cpu0 = process.cpuUsage();
  const pg0 = postgresCpuMs();
  const r = await runPostLoad({ port, path: `/api/v1/programs/${slug}/claims`, token, clients: 32, durationMs, facilityIds, refPrefix: 'api-' });
  const cpu = process.cpuUsage(cpu0);
  const pgMs = postgresCpuMs() - pg0;
  await profiler?.stop(`api-${facilityIds.length}`);
  const n = Math.max(1, r.ok + r.refused + r.errors);
  // CPU per request by process (ms): where the 2 cores go. PostgreSQL only when it runs on this machine.
  console.error(`[api ${facilityIds.length} facilities] ${n} requests in ${r.seconds.toFixed(1)} s; CPU ms/request: server ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} (kernel ${(cpu.system / 1000 / n).toFixed(2)}), postgres ${(pgMs / n).toFixed(2)}, load client ${(r.cpuMs / n).toFixed(2)}`);
  await new Promise((done) => server.close(done));
  return { ...r, perSecond: Math.round((r.ok + r.refused) / r.seconds) };
}

/**
 * CPU time (ms) of all local processes named postgres so far (Linux /proc; 0 elsewhere), and of
 * those that have ended (an autovacuum worker, a closed connection): the postmaster reaps them,
 * so their time is in its children's counters.
 */
function postgresCpuMs(): number {
  let ticks = 0;
  try {
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (!stat.includes('(postgres)')) continue;
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return 0;
  }
  return ticks * 10;
}

/** BENCH_PROFILE=DIR writes a CPU profile of the server during each API phase (for finding hot spots). */
async function startProfile() {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return null;
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(name: string) {
      const { profile } = await session.post('Profiler.stop');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Raises each facility's allocation (配分枠) to what it has committed plus `headroom` yen. */
async function allocateHeadroom(env: TestEnv, slug: string, facilityIds: number[], headroom: number): Promise<void> {
  const program = (await findProgramBySlug(env.deps.db, slug))!;
  await runCommand(env.deps, systemActor('bench'), async (ctx) => {
    for (const id of facilityIds) await setAllocation(ctx, program, id, (await facilityBalances(ctx.tx, program.id, id)).allocation + headroom);
  });
}

/**
 * (c) in two phases, 32 clients each. Throughput: facilities with ample allocations, every
 * request should be accepted. Contention: TIGHT_FACILITIES facilities whose allocations fit
 * TIGHT_CLAIMS_PER_FACILITY more claims, so most requests are refused with budget-exhausted.
 * Afterwards, per tight facility the money the API reserved ≤ the headroom it was given; for the
 * program committed ≤ pool, the pool unchanged, no negative balance, ledger balanced.
 */
async function concurrentClients(env: TestEnv, slug: string, allIds: number[]): Promise<ApiRun> {
  const program = (await findProgramBySlug(env.deps.db, slug))!;
  const tightIds = allIds.slice(0, TIGHT_FACILITIES);
  const wideIds = allIds.slice(TIGHT_FACILITIES);
  // 20 more claims per facility: ~19,000 in all, far above what 12 s at 500/s need, and within the
  // 10-billion-yen pool even after a million imported claims (5,000,000 each did not fit).
  await allocateHeadroom(env, slug, wideIds, 20 * API_DISCOUNT);
  await allocateHeadroom(env, slug, tightIds, TIGHT_CLAIMS_PER_FACILITY * API_DISCOUNT);
  const poolBefore = (await programBalances(env.deps.db, program.id)).pool;
  const wide = await postPhase(env, slug, wideIds, 10_000, 2_000);
  const tight = await postPhase(env, slug, tightIds, 5_000);
  const overspend = await overspendCheck(env, program.id, new Set(tightIds), TIGHT_CLAIMS_PER_FACILITY * API_DISCOUNT, poolBefore, wide.ok + tight.ok);
  return {
    perSecond: wide.perSecond,
    ok: wide.ok,
    refused: wide.refused,
    errors: wide.errors,
    tight: { perSecond: tight.perSecond, ok: tight.ok, refused: tight.refused, errors: tight.errors, maxAccepted: TIGHT_FACILITIES * TIGHT_CLAIMS_PER_FACILITY },
    noOverspend: Object.values(overspend).every((v) => v === true || v === 0) && tight.ok <= TIGHT_FACILITIES * TIGHT_CLAIMS_PER_FACILITY,
    overspend,
  };
}

const within = (n: number, min: number, max: number) => n >= min && n <= max;

async function overspendCheck(env: TestEnv, programId: number, tightIds: Set<number>, headroom: number, poolBefore: number, accepted: number) {
  const db = env.deps.db;
  const after = await programBalances(db, programId);
  const perFacility = await queryRows<{ facility_id: number; n: number; api: string }>(
    db,
    sql`select facility_id, count(*)::int as n, sum(discount) as api from claims where program_id = ${programId} and booking_ref like 'api-%' and status = 'reserved' group by facility_id`,
  );
  const [neg] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ledger_accounts where program_id = ${programId} and balance < 0`);
  return {
    tightFacilitiesOverAllocation: perFacility.filter((f) => tightIds.has(f.facility_id) && Number(f.api) > headroom).length,
    // The load generator stops at its deadline without reading the answers still in flight (at
    // most one per connection, 32 per phase): those claims may be written without being counted.
    acceptedMatchesClaims: within(perFacility.reduce((a, f) => a + Number(f.n), 0), accepted, accepted + 2 * 32),
    committedWithinPool: after.reserved + after.approved + after.paid <= after.pool,
    poolUnchanged: after.pool === poolBefore,
    negativeBalances: Number(neg!.n),
    ledgerBalanced: await ledgerIsBalanced(db, programId),
  };
}

async function benchOne(kind: 'postgres' | 'embedded'): Promise<Record<string, unknown>> {
  // The embedded database on files, as `npm start` runs it: in memory, a million claims and their
  // WAL filled PGlite's 4 GB WebAssembly memory.
  const env = await createTestEnv(kind === 'embedded' ? { DATABASE_URL: '' } : {}, { realClock: true, onDisk: true });
  if (kind === 'embedded') delete process.env.DATABASE_URL;
  try {
    const { facilities } = await campaignWithFacilities(env.deps, 'bench', FACILITIES, [['pool', '10000000000']]);
    const ids = facilities.map((f) => f.id);
    const small = path.join(env.dataDir, 'small.csv');
    const big = path.join(env.dataDir, 'big.csv');
    writeCsv(small, Math.max(1, Math.floor(N / 10)), ids, 's');
    writeCsv(big, N, ids, 'b');
    const smallRun = await runImport(env, 'bench', small);
    const bigRun = await runImport(env, 'bench', big);
    const copyMs = await copyFloor(env, big);
    const program = (await findProgramBySlug(env.deps.db, 'bench'))!;
    const claimsCopyMs = await claimsTableFloor(env, program, big);
    // Floors measured; left in place, their million rows each would draw autovacuum later.
    await env.deps.db.execute(sql`drop table bench_copy, bench_claims`);
    await approveAll(env, program.id);
    console.error(`[${kind}] import ${Math.round(bigRun.ms)} ms; (a) vs COPY into a claims-shaped table ${(claimsCopyMs / bigRun.ms).toFixed(3)}, vs a bare table ${(copyMs / bigRun.ms).toFixed(3)}`);
    // approveAll rewrote every claim at once, leaving a dead version of each: the close would read
    // twice the table. Approvals come a few hundred at a time, with autovacuum in between.
    await settle(env, 'the close', ['claims', 'ledger_accounts', 'ledger_entries']);
    const close = await timed(() => runCommand(env.deps, systemActor('bench'), (ctx) => closeMonth(ctx, program, '2025-06')));
    console.error(`[${kind}] close ${Math.round(close.ms)} ms, ${close.value.batch.claimCount} stays`);
    // The close added a row per stay: autovacuum would spend the API phase on it. Settled first, so
    // (c) measures reservations on a table of a million claims in its steady state.
    await settle(env, 'the API phase', ['payment_batch_claims', 'audit_log']);
    const api = await concurrentClients(env, 'bench', ids);
    return {
      database: kind,
      rows: N,
      importMs: Math.round(bigRun.ms),
      claimsTableCopyMs: Math.round(claimsCopyMs),
      importVsClaimsTableCopy: +(claimsCopyMs / bigRun.ms).toFixed(3),
      copyMs: Math.round(copyMs),
      importVsCopy: +(copyMs / bigRun.ms).toFixed(3),
      claimsTableCopyVsCopy: +(copyMs / claimsCopyMs).toFixed(3),
      importRowsPerSec: Math.round(N / (bigRun.ms / 1000)),
      closeMs: Math.round(close.ms),
      closedStays: close.value.batch.claimCount,
      apiReservationsPerSec: api.perSecond,
      apiOk: api.ok,
      apiRefused: api.refused,
      apiErrors: api.errors,
      contention: api.tight,
      noOverspend: api.noOverspend,
      overspendChecks: api.overspend,
      peakMemoryAtTenth: smallRun.memory,
      peakMemoryAtFull: bigRun.memory,
    };
  } finally {
    await env.close();
  }
}

/** Each database's figures as soon as they are in (a later failure does not lose them). */
function print(r: Record<string, unknown>): void {
  console.log(`\n== ${r.database} (${r.rows} rows) ==`);
  for (const [k, v] of Object.entries(r)) if (k !== 'database') console.log(`${k.padEnd(22)} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
}
/** BENCH_DB=postgres or embedded runs one database only (default: both when DATABASE_URL is set). */
const only = process.env.BENCH_DB;
console.error(`[bench] databases: ${process.env.DATABASE_URL && only !== 'embedded' ? 'postgres ' : ''}${only !== 'postgres' ? 'embedded' : ''}`);
if (process.env.DATABASE_URL && only !== 'embedded') print(await benchOne('postgres'));
if (only !== 'postgres') print(await benchOne('embedded'));
console.log('\nTargets: (a) importVsClaimsTableCopy >= 0.5 (PostgreSQL; importVsCopy, against a bare table, is information), closeMs < 30000, apiReservationsPerSec >= 500 (PostgreSQL), noOverspend true with contention.refused > 0 and contention.ok <= maxAccepted, memory flat (tenth vs full).');
process.exit(0);
