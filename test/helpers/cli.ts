import { runCli } from '../../src/cli/commands.js';
import { INSTALLATION } from '../../src/modules/index.js';
import type { Deps } from '../../src/platform/deps.js';
import type { Installation } from '../../src/platform/module/installation.js';

/**
 * Runs a CLI command in-process against the test database and captures its output. Without deps
 * (help, usage errors) it runs as the CLI does before opening a database; `modules` is the
 * installation whose commands it knows (the deps' by default).
 */
export async function cli(deps: Deps | null, argv: string[], stdin = '', modules: Installation = deps?.modules ?? INSTALLATION): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(modules, deps, argv, { out: (t) => void (out += t), err: (t) => void (err += t), stdin: async () => stdin, osUser: 'tester' });
  return { code, out, err };
}
