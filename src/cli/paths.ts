import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Installation } from '../platform/module/installation.js';
import { match } from './commands.js';

const isFilePlaceholder = (token: string) => /^\[?FILE/.test(token);

/** Which options and which positionals (by position) of a command are file paths, read from its usage. */
export function filePathArgs(
  usage: string,
  commandName: string,
  declared: ParseArgsConfig['options'] = {},
): { options: Set<string>; positionals: Set<number> } {
  const tokens = usage.split(/\s+/).slice(commandName.split(' ').length);
  const options = new Set<string>();
  const positionals = new Set<number>();
  let position = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.replace(/^\[/, '');
    if (t.startsWith('--')) {
      const name = t.slice(2).replace(/\]$/, '');
      // A boolean option takes no value: the placeholder after it is a positional.
      if (declared[name]?.type === 'boolean' || t.endsWith(']')) continue;
      const next = tokens[i + 1];
      if (next !== undefined) {
        if (isFilePlaceholder(next)) options.add(name);
        i++;
      }
      continue;
    }
    if (t === '|' || t.endsWith('…') || t.startsWith('KEY=')) continue;
    if (isFilePlaceholder(t)) positionals.add(position);
    position++;
  }
  return { options, positionals };
}

/**
 * The argv with every file path made absolute against `cwd`. A command handed to the running server
 * over the control socket runs in the server's working directory, so `backup --out b.tar.gz` must
 * mean the caller's `./b.tar.gz`, not the server's. Unknown commands and bad options are left alone
 * (the server reports them).
 */
export function absolutizeFileArgs(modules: Installation, argv: string[], cwd: string): string[] {
  const found = match(modules, argv);
  if (!found) return argv;
  const { command, rest } = found;
  const { options, positionals } = filePathArgs(command.usage, command.name, command.options);
  if (options.size === 0 && positionals.size === 0) return argv;
  let tokens;
  try {
    ({ tokens } = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true, tokens: true } as ParseArgsConfig & { tokens: true }));
  } catch {
    return argv;
  }
  const out = [...rest];
  const abs = (v: string) => (v === '' ? v : path.resolve(cwd, v));
  let position = 0;
  for (const t of tokens ?? []) {
    if (t.kind === 'option' && options.has(t.name) && typeof t.value === 'string') {
      if (t.inlineValue) out[t.index] = `${t.rawName}=${abs(t.value)}`;
      else out[t.index + 1] = abs(t.value);
    } else if (t.kind === 'positional') {
      if (positionals.has(position)) out[t.index] = abs(t.value);
      position++;
    }
  }
  return [...argv.slice(0, argv.length - rest.length), ...out];
}
