import type { ParseArgsConfig } from 'node:util';
import type { Deps } from '../deps.js';
import type { CliIo } from './io.js';

export interface CliRunContext {
  /** Null only for commands marked `noDatabase`. */
  deps: Deps;
  io: CliIo;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** One `jimukyoku` command. A module lists its commands in its manifest (`cli`). */
export interface CliCommand {
  /** Space-separated words, e.g. `program create`. */
  name: string;
  /**
   * `name --option VALUE POSITIONAL…`. A placeholder starting with FILE (`--out FILE`, `FILE.csv`)
   * names a file path: the CLI makes it absolute in the caller's directory before a running server
   * carries the command out (src/cli/paths.ts).
   */
  usage: string;
  summary: string;
  /** Extra text for `jimukyoku NAME --help`; a function when it lists what the installed modules add. */
  help?: string | ((modules: import('../module/installation.js').Installation) => string);
  options?: ParseArgsConfig['options'];
  /** The command opens no database itself (e.g. restore, which writes one). */
  noDatabase?: boolean;
  run(ctx: CliRunContext): Promise<number | void>;
}
