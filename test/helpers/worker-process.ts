/**
 * A worker in its own process, for crash tests: `seed N M` enqueues N mails and M effect jobs;
 * `drain` runs the worker until nothing is queued or running, then prints a JSON summary.
 * Effect jobs record their completion idempotently in test_job_effects.
 */
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config/index.js';
import { queryRows } from '../../src/db/client.js';
import { acquireDataDir } from '../../src/db/data-dir-lock.js';
import { INSTALLATION } from '../../src/modules/index.js';
import { openDeps } from '../../src/platform/bootstrap.js';
import { enqueueJob } from '../../src/platform/jobs/queue.js';
import { startWorker } from '../../src/platform/jobs/worker.js';
import { queueMail } from '../../src/platform/mail/outbox.js';

const config = loadConfig();
const release = config.databaseKind === 'embedded' ? acquireDataDir(config.dataDir) : () => undefined;
const deps = await openDeps(config, { modules: INSTALLATION });
await deps.db.execute(sql`create table if not exists test_job_effects (job_id bigint primary key, runs int not null default 1)`);
const mode = process.argv[2];

if (mode === 'seed') {
  const mails = Number(process.argv[3]);
  const effects = Number(process.argv[4]);
  await deps.db.transaction(async (tx) => {
    for (let i = 0; i < mails; i++) {
      await queueMail(tx, deps, { programId: null, template: 'test', to: `person${i}@example.jp`, subject: `テスト ${i}`, text: `本文 ${i}` });
    }
    for (let i = 0; i < effects; i++) await enqueueJob(tx, { kind: 'test.effect', payload: { i } });
  });
  process.stdout.write('seeded\n');
} else if (mode === 'drain') {
  const worker = startWorker(
    deps,
    {
      handlers: {
        ...INSTALLATION.jobHandlers,
        'test.effect': async ({ deps: d, job }) => {
          await new Promise((r) => setTimeout(r, 30));
          await d.db.execute(sql`insert into test_job_effects (job_id) values (${job.id}) on conflict (job_id) do update set runs = test_job_effects.runs + 1`);
        },
      },
      pollMs: 100,
      leaseMs: Number(process.env.JOB_LEASE_MS ?? 2000),
      concurrency: Number(process.env.TEST_WORKER_CONCURRENCY ?? 4),
    },
    true,
  );
  process.stdout.write('draining\n');
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    const [open] = await queryRows<{ n: number }>(deps.db, sql`select count(*)::int as n from jobs where status in ('queued', 'running')`);
    if (Number(open!.n) === 0) break;
  }
  await worker.stop();
  const [summary] = await queryRows<Record<string, number>>(
    deps.db,
    sql`select
      (select count(*)::int from jobs where status = 'done') as done,
      (select count(*)::int from jobs where status = 'failed') as failed,
      (select count(*)::int from test_job_effects) as effects,
      (select coalesce(max(runs), 0)::int from test_job_effects) as max_runs,
      (select count(*)::int from mail_outbox where status = 'sent') as sent`,
  );
  process.stdout.write(JSON.stringify(summary) + '\n');
}
await deps.database.close();
release();
process.exit(0);
