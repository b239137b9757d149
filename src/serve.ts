import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { configureCalendar } from './platform/calendar/index.js';
import type { Config } from './config/index.js';
import type { Database } from './db/client.js';
import { createHttpServer } from './platform/http/http-server.js';
import { readinessOf } from './platform/http/readiness.js';
import { startMetricsServer } from './platform/metrics/server.js';
import { INSTALLATION } from './modules/index.js';
import { ensureInitialAdmin } from './platform/auth/initial-admin.js';
import { openDeps } from './platform/bootstrap.js';
import { startControlSocket } from './cli/control-socket.js';
import { startWorker } from './platform/jobs/worker.js';
import { log, setLogLevel } from './platform/log/index.js';
import { closeTransports, releaseHeldMail } from './platform/mail/send-job.js';
import { seedDemoIfEmpty } from './modules/demo/seed.js';

/** Everything after the database is opening: migrations, demo, worker, HTTP, control socket, shutdown. */
export async function serve(config: Config, opening: Promise<Database>, opts: { started: number; noDemo: boolean; releaseLock: () => void }): Promise<void> {
  const { started, noDemo, releaseLock } = opts;
  setLogLevel(config.logLevel);
  configureCalendar({ closedRanges: config.closedDays.ranges, extraClosed: config.closedDays.dates });
  // How long each step of the start took (ms since the process started), for the `listening` log line.
  const phases: Record<string, number> = { modulesLoaded: Date.now() - started };
  const database = await opening;
  phases.databaseOpen = Date.now() - started;
  const deps = await openDeps(config, { modules: INSTALLATION, database });
  phases.migrated = Date.now() - started;
  await ensureInitialAdmin(deps);
  // The demo is only for a fresh embedded install; a PostgreSQL deployment starts empty.
  if (config.databaseKind === 'embedded' && !noDemo) {
    const seeded = await seedDemoIfEmpty(deps);
    if (seeded) printDemoLogins(seeded, config.port);
    phases.demo = Date.now() - started;
  }
  await releaseHeldMail(deps);
  const worker = config.worker ? startWorker(deps, { handlers: INSTALLATION.jobHandlers, schedules: INSTALLATION.schedules }) : null;
  const control = config.databaseKind === 'embedded' ? await startControlSocket(deps) : null;

  const app = createApp(deps);
  const server = createHttpServer(app, deps);
  const metricsServer = config.metricsPort ? startMetricsServer(deps, server.publicCache, config.metricsPort, config.metricsHost) : null;
  server.listen(config.port, config.host, () => {
    const info = server.address() as AddressInfo;
    log.info('listening', { url: `http://localhost:${info.port}`, database: deps.database.kind, startupMs: Date.now() - started, phases });
    process.stdout.write(`jimukyoku: http://localhost:${info.port} (${deps.database.kind} database)\n`);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 25_000 + config.drainMs);
    force.unref();
    // Behind a load balancer: not ready first, still serving, so its health check moves traffic away.
    if (config.drainMs > 0 && signal === 'SIGTERM') {
      readinessOf(deps).draining = true;
      await new Promise((resolve) => setTimeout(resolve, config.drainMs));
    }
    // Stop accepting connections; in-flight requests finish first.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    metricsServer?.close();
    await worker?.stop();
    await control?.close();
    closeTransports();
    await deps.database.close();
    releaseLock();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function printDemoLogins(seeded: { logins: Array<{ role: string; email: string; password: string }> }, port: number): void {
  const lines = seeded.logins.map((l) => `  ${l.role.padEnd(9)} ${l.email.padEnd(34)} ${l.password}`);
  process.stdout.write(['', `デモデータを作成しました (Demo data created). Log in at http://localhost:${port}/login :`, ...lines, ''].join('\n') + '\n');
}
