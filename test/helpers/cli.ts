import { runCli } from '../../src/cli/commands.js';
import type { Deps } from '../../src/platform/deps.js';

/** Runs a CLI command in-process against the test database and captures its output. */
export async function cli(deps: Deps, argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(deps.modules, deps, argv, { out: (t) => void (out += t), err: (t) => void (err += t), stdin: async () => stdin, osUser: 'tester' });
  return { code, out, err };
}
