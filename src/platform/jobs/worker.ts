import type { Deps } from '../deps.js';
import { errorFields, log } from '../log/index.js';
import { claimJobs, completeJob, failJob, renewLease } from './queue.js';
import { enqueueDueSchedules, type Schedule } from './schedule.js';
import type { Job } from './schema.js';

export interface JobContext {
  deps: Deps;
  job: Job;
}
/** Handlers must be idempotent: a job whose worker died after the work but before `done` runs again. */
export type JobHandler = (ctx: JobContext) => Promise<void>;

export interface WorkerOptions {
  handlers: Record<string, JobHandler>;
  schedules?: Schedule[];
  pollMs?: number;
  concurrency?: number;
  leaseMs?: number;
}

export interface Worker {
  /** Stops claiming and waits for running jobs to finish. */
  stop(): Promise<void>;
  /** Runs one claim round and starts the claimed jobs; for tests and the CLI. */
  tick(): Promise<number>;
  /** Resolves when the jobs started so far have finished. */
  idle(): Promise<void>;
}

export function startWorker(deps: Deps, opts: WorkerOptions, autoStart = true): Worker {
  const pollMs = opts.pollMs ?? 1000;
  const concurrency = opts.concurrency ?? 4;
  const leaseMs = opts.leaseMs ?? 60_000;
  const running = new Set<Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  async function execute(job: Job): Promise<void> {
    const handler = opts.handlers[job.kind];
    const heartbeat = setInterval(() => {
      renewLease(deps.db, job.id, deps.instanceId, new Date(deps.clock.now().getTime() + leaseMs)).catch(() => undefined);
    }, Math.max(1000, leaseMs / 3));
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler({ deps, job });
      await completeJob(deps.db, job.id, deps.instanceId, deps.clock.now());
    } catch (e) {
      const outcome = await failJob(deps.db, job, deps.instanceId, deps.clock.now(), e instanceof Error ? e.message : String(e)).catch(() => 'unknown');
      log.warn('job failed', { jobId: job.id, kind: job.kind, attempts: job.attempts, outcome, ...errorFields(e) });
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function tick(): Promise<number> {
    if (opts.schedules?.length) await enqueueDueSchedules(deps.db, opts.schedules, deps.clock.now());
    const free = concurrency - running.size;
    if (free <= 0) return 0;
    const claimed = await claimJobs(deps.db, deps.instanceId, free, deps.clock.now(), leaseMs);
    for (const job of claimed) {
      const p = execute(job).finally(() => running.delete(p));
      running.add(p);
    }
    return claimed.length;
  }

  async function loop(): Promise<void> {
    if (stopped) return;
    try {
      const n = await tick();
      // Keep draining while there is work; otherwise wait for the next poll.
      timer = setTimeout(loop, n > 0 ? 10 : pollMs);
    } catch (e) {
      if (!stopped) log.warn('worker tick failed', errorFields(e));
      timer = setTimeout(loop, pollMs);
    }
  }

  if (autoStart) timer = setTimeout(loop, 0);

  return {
    tick,
    async idle() {
      await Promise.allSettled([...running]);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}
