import os from 'node:os';
import { configureCalendar } from '../platform/calendar/index.js';
import { ConfigError, loadConfig } from '../config/index.js';
import { acquireDataDir, currentOwner } from '../db/data-dir-lock.js';
import { openDeps } from '../platform/bootstrap.js';
import { setLogLevel } from '../platform/log/index.js';
import { INSTALLATION } from '../modules/index.js';
import { needsDatabase, runCli } from './commands.js';
import { sendToServer } from './control-socket.js';
import { absolutizeFileArgs } from './paths.js';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n');
      return 2;
    }
    throw e;
  }
  setLogLevel(config.logLevel === 'info' ? 'warn' : config.logLevel);
  configureCalendar({ closedRanges: config.closedDays.ranges, extraClosed: config.closedDays.dates });
  const osUser = (() => {
    try {
      return os.userInfo().username;
    } catch {
      return 'unknown';
    }
  })();
  const wantsStdin = argv.some((a) => a.endsWith('-stdin'));
  const io = {
    out: (t: string) => void process.stdout.write(t),
    err: (t: string) => void process.stderr.write(t),
    stdin: readStdin,
    osUser,
  };
  if (!needsDatabase(INSTALLATION, argv)) return runCli(INSTALLATION, null, argv, io);
  if (config.databaseKind === 'embedded' && currentOwner(config.dataDir)) {
    return sendToServer(config.dataDir, absolutizeFileArgs(INSTALLATION, argv, process.cwd()), wantsStdin ? await readStdin() : '', osUser, process.stdout, process.stderr);
  }
  const release = config.databaseKind === 'embedded' ? acquireDataDir(config.dataDir) : () => undefined;
  const deps = await openDeps(config, { modules: INSTALLATION });
  try {
    return await runCli(INSTALLATION, deps, argv, io);
  } finally {
    await deps.database.close();
    release();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`jimukyoku: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
