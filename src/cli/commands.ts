import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Deps } from '../platform/deps.js';
import { AppError, isAppError } from '../platform/errors/index.js';
import { CliUsageError, type CliIo } from '../platform/cli/io.js';
import type { CliCommand } from '../platform/cli/command.js';
import type { Installation } from '../platform/module/installation.js';

function helpText(modules: Installation): string {
  const COMMANDS = modules.commands;
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    'jimukyoku — 事務局システム CLI',
    '',
    'Usage: jimukyoku <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'The database is the one the environment names: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded).',
    'While the server runs on the embedded database, commands are carried out by the server.',
  ].join('\n');
}

export function match(modules: Installation, argv: string[]): { command: CliCommand; rest: string[] } | null {
  for (const command of [...modules.commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(words.length) };
  }
  return null;
}

/** Whether a command needs the database opened for it (help and `noDatabase` commands do not). */
export function needsDatabase(modules: Installation, argv: string[]): boolean {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return false;
  const found = match(modules, argv);
  return !!found && !found.command.noDatabase;
}

/** Runs one command; returns the exit code. 0 success, 1 failure, 2 usage error. */
export async function runCli(modules: Installation, deps: Deps | null, argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.out(helpText(modules) + '\n');
    return 0;
  }
  const found = match(modules, argv);
  if (!found) {
    io.err(`jimukyoku: unknown command "${argv.join(' ')}"\n\n${helpText(modules)}\n`);
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: jimukyoku ${command.usage}\n\n${command.summary}\n${command.help ? '\n' + (typeof command.help === 'function' ? command.help(modules) : command.help) + '\n' : ''}`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true } as ParseArgsConfig);
  } catch (e) {
    io.err(`jimukyoku ${command.name}: ${(e as Error).message}\nUsage: jimukyoku ${command.usage}\n`);
    return 2;
  }
  try {
    if (!deps && !command.noDatabase) throw new Error('database not open');
    return (await command.run({ deps: deps as Deps, io, values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals })) ?? 0;
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.err(`jimukyoku ${command.name}: ${e.message}\nUsage: jimukyoku ${command.usage}\n`);
      return 2;
    }
    if (isAppError(e)) {
      io.err(`エラー: ${e.message === e.code ? e.code : e.message}\n`);
      for (const f of (e as AppError).fieldErrors) io.err(`  ${f.field}: ${f.message}\n`);
      return 1;
    }
    io.err(`エラー: ${(e as Error).message}\n`);
    return 1;
  }
}
